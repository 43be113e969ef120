// One entry point for every host: validates a tool's input with its schema, answers it with the
// core code, and never throws (a failure becomes an error result the agent can read).
import * as path from 'node:path';
import { formatZodIssues } from '../catalog/load';
import { currencyOrder } from '../core/estimate/promptEstimate';
import { AGENT_TOOLS, type AgentToolInput, type AgentToolKey } from './definitions';
import type { AgentToolContext, AgentToolResult } from './context';
import { checkModelId } from './checkModelId';
import { estimateForAgent } from './estimate';
import { lintForAgent } from './lint';
import { spendForAgent } from './spend';

export type { AgentToolContext, AgentToolResult } from './context';

export async function runAgentTool(key: AgentToolKey, rawInput: unknown, ctx: AgentToolContext): Promise<AgentToolResult> {
  const def = AGENT_TOOLS[key];
  const parsed = def.input.safeParse(rawInput ?? {});
  if (!parsed.success) return { text: `Invalid input for ${def.name}: ${formatZodIssues(parsed.error)}.`, isError: true };
  try {
    return await answer(key, parsed.data, ctx);
  } catch (err) {
    return { text: `${def.name} failed: ${err instanceof Error ? err.message : String(err)}`, isError: true };
  }
}

function timeOf(input: { at?: string }, ctx: AgentToolContext): Date {
  return input.at !== undefined ? new Date(Date.parse(input.at)) : ctx.now();
}

async function answer(key: AgentToolKey, input: unknown, ctx: AgentToolContext): Promise<AgentToolResult> {
  switch (key) {
    case 'checkModelId': {
      const i = input as AgentToolInput<'checkModelId'>;
      return checkModelId(i, ctx.catalog, timeOf(i, ctx), currencyOrder(ctx.settings.currency));
    }
    case 'lintFile': {
      const i = input as AgentToolInput<'lintFile'>;
      return lintForAgent([i.path], ctx, timeOf(i, ctx));
    }
    case 'lintWorkspace': {
      const i = input as AgentToolInput<'lintWorkspace'>;
      const inputs = i.paths?.length ? i.paths : ctx.workspaceRoots.length ? ctx.workspaceRoots : ['.'];
      if (inputs.length === 0) return { text: 'No workspace folder is open; give "paths".', isError: true };
      return lintForAgent(inputs.map((p) => path.resolve(ctx.root, p)), ctx, timeOf(i, ctx));
    }
    case 'estimatePrompt': {
      const i = input as AgentToolInput<'estimatePrompt'>;
      return estimateForAgent(i, ctx, timeOf(i, ctx));
    }
    case 'spend':
      return spendForAgent(input as AgentToolInput<'spend'>, ctx);
  }
}
