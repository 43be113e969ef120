// deepseek-cost mcp: the agent tools over MCP (stdio), for agents outside VS Code. Same tool names,
// schemas and answers as the editor's language model tools. stdout carries only the protocol;
// anything for people goes to stderr.
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { AGENT_TOOL_KEYS, AGENT_TOOLS } from '../agentTools/definitions';
import { runAgentTool, type AgentToolContext } from '../agentTools/run';
import { machineTimeZone } from '../core/usage/time';
import { defaultLintSettings } from '../shared/settings';
import { type CliIO, UsageError } from './io';
import { catalogForOption } from './overrides';
import { type Parsed, subcommand } from './subcommand';

export const MCP_USAGE = `usage: deepseek-cost mcp [--catalog <override.json>] [--usage-log <file or glob>]... [--default-model ID] [--currency USD|CNY]

Runs an MCP server on stdin/stdout with the tools deepseek-cost_checkModelId, _lintFile,
_lintWorkspace, _estimatePrompt and _spend. Relative paths are read from the working directory.
--usage-log names the logs the spend tool totals when a call names none (repeatable).`;

export const MCP_INSTRUCTIONS =
  'DeepSeek Cost Lens: check DeepSeek model IDs before writing them (IDs from training data such as deepseek-chat are retired), ' +
  'lint files for retired IDs with their replacements, price prompts exactly with DeepSeek\'s tokenizer, and total spend from usage logs. ' +
  'Answers come from a dated catalog and cite the date of their source. Nothing is sent anywhere.';

const OPTIONS = {
  catalog: { type: 'string' },
  'usage-log': { type: 'string', multiple: true },
  'default-model': { type: 'string' },
  currency: { type: 'string' },
} as const;

export const runMcp = subcommand<typeof OPTIONS>({ name: 'mcp', usage: MCP_USAGE, options: OPTIONS, run: mcpCommand });

async function mcpCommand({ values, positionals }: Parsed<typeof OPTIONS>, io: CliIO): Promise<number> {
  if (positionals.length) throw new UsageError(`takes no arguments, not "${positionals[0]}"`);
  const currency = (values.currency ?? defaultLintSettings.currency).toUpperCase();
  if (currency !== 'USD' && currency !== 'CNY') throw new UsageError('--currency must be USD or CNY');
  const catalog = await catalogForOption(values.catalog, io);
  const ctx: AgentToolContext = {
    catalog,
    settings: { ...defaultLintSettings, currency, defaultModel: values['default-model'] ?? defaultLintSettings.defaultModel },
    root: io.cwd,
    workspaceRoots: [io.cwd],
    zone: machineTimeZone(),
    now: () => new Date(),
    defaultSpend: { kind: 'logs', patterns: values['usage-log'] ?? [] },
  };

  const server = new McpServer({ name: 'deepseek-cost', version: '0.1.0' }, { instructions: MCP_INSTRUCTIONS });
  for (const key of AGENT_TOOL_KEYS) {
    const def = AGENT_TOOLS[key];
    server.registerTool(
      def.name,
      { title: def.displayName, description: def.description, inputSchema: def.input, annotations: { readOnlyHint: true, openWorldHint: false } },
      async (args: unknown) => {
        const result = await runAgentTool(key, args, ctx);
        return { content: [{ type: 'text' as const, text: result.text }], isError: result.isError };
      },
    );
  }
  const transport = new StdioServerTransport();
  const closed = new Promise<void>((resolve) => {
    transport.onclose = () => resolve();
    process.stdin.once('end', () => resolve());
  });
  await server.connect(transport);
  io.stderr('deepseek-cost mcp: serving on stdio\n');
  await closed;
  await server.close();
  return 0;
}
