// The tools DeepSeek Cost Lens offers to coding agents: one registry, read by the editor's language
// model tools, the MCP server and (through a unit test) package.json's languageModelTools. The
// descriptions are written for the model that decides when to call a tool.
import * as z from 'zod';
import { AGENT_TOOL_NAMES, type AgentToolKey } from './names';

export type { AgentToolKey };

const isoTime = z
  .string()
  .refine((s) => !Number.isNaN(Date.parse(s)), { message: 'must be an ISO 8601 time such as 2026-08-01T09:30:00Z' })
  .describe('Evaluate at this ISO 8601 time instead of now, e.g. 2026-08-01T09:30:00Z.');

export const checkModelIdInput = z
  .object({
    modelId: z.string().min(1).max(200).describe('The model ID exactly as written in code or config, e.g. "deepseek-chat" or "deepseek/deepseek-chat".'),
    provider: z
      .string()
      .min(1)
      .max(100)
      .optional()
      .describe('Who serves the request: a provider id such as "deepseek", "openrouter", "ollama", "bedrock", or its API URL. Default: the provider a router prefix names (openrouter/…), else DeepSeek\'s official API.'),
    at: isoTime.optional(),
  })
  .strict();

export const lintFileInput = z
  .object({
    path: z.string().min(1).describe('The file to check: relative to the workspace (or the MCP server\'s working directory), or absolute.'),
    at: isoTime.optional(),
  })
  .strict();

export const lintWorkspaceInput = z
  .object({
    paths: z
      .array(z.string().min(1))
      .max(100)
      .optional()
      .describe('Files or folders to check, relative to the workspace. Default: the whole workspace. Folders are walked honouring .gitignore.'),
    at: isoTime.optional(),
  })
  .strict();

export const estimatePromptInput = z
  .object({
    text: z.string().max(2_000_000).optional().describe('A prompt to price, as sent to the API. Give this or "file".'),
    file: z.string().min(1).optional().describe('A source file whose prompt string literals to price, each with the model its call uses. Give this or "text".'),
    line: z.number().int().min(1).optional().describe('With "file": only the prompt literal(s) on this 1-based line.'),
    model: z.string().min(1).max(200).optional().describe('Model the text is sent to (default: the deepseekCost.defaultModel setting, deepseek-v4-flash). With "file", used only for calls that name no model.'),
    maxTokens: z.number().int().min(1).max(10_000_000).optional().describe('The call\'s max_tokens, to price the worst-case output. Only with "text".'),
    currency: z.enum(['USD', 'CNY']).optional().describe('Currency listed first (default: the deepseekCost.currency setting, USD).'),
    at: isoTime.optional(),
  })
  .strict();

export const spendInput = z
  .object({
    logs: z
      .array(z.string().min(1))
      .max(50)
      .optional()
      .describe('Usage log files or globs to total (proxy logs, Claude Code transcripts, claude-code-router, new-api, LiteLLM). Default: the logs the status bar follows (deepseekCost.usageLogs) in VS Code, or the --usage-log options the MCP server was started with.'),
    since: isoTime.optional().describe('With "logs": the session starts at this ISO time (default: the start of today).'),
    currency: z.enum(['USD', 'CNY']).optional().describe('With "logs": currency to total in (default USD).'),
  })
  .strict();

export interface AgentToolDefinition {
  /** The name agents call it by, the same in VS Code and over MCP. */
  name: string;
  displayName: string;
  /** `#name` in VS Code chat. */
  toolReferenceName: string;
  /** For the model: what it answers, when to call it, what it returns. */
  description: string;
  /** For the user, in VS Code's tool picker. */
  userDescription: string;
  input: z.ZodObject;
  /** The tool opens files (source files or logs), so VS Code asks before it runs. */
  readsFiles: boolean;
}

export const AGENT_TOOLS = {
  checkModelId: {
    name: AGENT_TOOL_NAMES.checkModelId,
    displayName: 'Check DeepSeek model ID',
    toolReferenceName: 'deepseekModelId',
    description:
      'Checks whether a DeepSeek model ID is current for a provider at a time (default: DeepSeek\'s official API, now). ' +
      'Call it before writing or keeping a model ID such as "deepseek-chat" in code or config: IDs from training data are often retired. ' +
      'Returns the lifecycle status (current, legacy, deprecated, retired, unknown) with dates, the replacement IDs in preference order and why, ' +
      'how to keep the old behaviour (e.g. thinking disabled), and the price per 1M tokens now, with the date of the catalog source.',
    userDescription: 'Is a DeepSeek model ID current, and what replaces it',
    input: checkModelIdInput,
    readsFiles: false,
  },
  lintFile: {
    name: AGENT_TOOL_NAMES.lintFile,
    displayName: 'Lint a file for DeepSeek model IDs',
    toolReferenceName: 'deepseekLintFile',
    description:
      'Finds retired, deprecated and legacy DeepSeek model IDs in one source or config file (Python, TypeScript/JavaScript, Go, Java, Rust, JSON, YAML, TOML, .env, Markdown), ' +
      'exactly as the editor\'s diagnostics and `deepseek-cost lint` report them (in VS Code, unsaved changes in open editors included). Only real string literals count, not comments or prose. ' +
      'Returns one line per finding: file:line:column, severity, code, message and the replacement IDs in preference order; then a summary.',
    userDescription: 'Retired and deprecated DeepSeek model IDs in a file',
    input: lintFileInput,
    readsFiles: true,
  },
  lintWorkspace: {
    name: AGENT_TOOL_NAMES.lintWorkspace,
    displayName: 'Lint the workspace for DeepSeek model IDs',
    toolReferenceName: 'deepseekLintWorkspace',
    description:
      'Finds retired, deprecated and legacy DeepSeek model IDs in every source and config file of the workspace (or the given folders), honouring .gitignore, ' +
      'exactly as `deepseek-cost lint` does in CI. Returns one line per finding (file:line:column, severity, code, message, replacements in preference order) and a summary. ' +
      'Use it after editing code that calls DeepSeek, or before a release.',
    userDescription: 'Retired and deprecated DeepSeek model IDs across the workspace',
    input: lintWorkspaceInput,
    readsFiles: true,
  },
  estimatePrompt: {
    name: AGENT_TOOL_NAMES.estimatePrompt,
    displayName: 'Estimate a DeepSeek prompt\'s cost',
    toolReferenceName: 'deepseekEstimate',
    description:
      'Counts a prompt\'s tokens exactly with DeepSeek-V4\'s own tokenizer and prices it for a DeepSeek model at the price in force (peak or off-peak), ' +
      'at cache miss and cache hit, per call and per 1,000 calls, plus the worst-case output cost when max_tokens is given. ' +
      'Give "text" to price a prompt, or "file" to price every prompt string literal in a source file with the model its call uses, as the editor\'s hover does. ' +
      'Returns plain text with the price period\'s source date.',
    userDescription: 'Exact DeepSeek token count and cost of a prompt',
    input: estimatePromptInput,
    readsFiles: true,
  },
  spend: {
    name: AGENT_TOOL_NAMES.spend,
    displayName: 'DeepSeek spend so far',
    toolReferenceName: 'deepseekSpend',
    description:
      'Reports what DeepSeek API calls have cost: this session\'s and today\'s spend, by model, with requests, cache hit rate and unpriced requests, ' +
      'from the usage logs the spend tracker reads (each request priced from its tokens at its completion time). ' +
      'Use it to check a budget before running many calls.',
    userDescription: 'Session and today\'s DeepSeek spend from your usage logs',
    input: spendInput,
    readsFiles: true,
  },
} as const satisfies Record<AgentToolKey, AgentToolDefinition>;

export type AgentToolInput<K extends AgentToolKey> = z.infer<(typeof AGENT_TOOLS)[K]['input']>;

export const AGENT_TOOL_KEYS = Object.keys(AGENT_TOOLS) as AgentToolKey[];

/** The JSON schema an agent sees for a tool's input (package.json carries the same, checked by a test). */
export function inputJsonSchema(key: AgentToolKey): Record<string, unknown> {
  const { $schema: _s, ...schema } = z.toJSONSchema(AGENT_TOOLS[key].input, { io: 'input' }) as Record<string, unknown>;
  return schema;
}
