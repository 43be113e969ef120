// deepseek-cost: the extension's answers outside the editor. Same engine, same catalog.
import { shippedCatalogData } from '../catalog';
import { runLint } from './lint';
import { type CliIO, UsageError } from './io';

const USAGE = `usage: deepseek-cost <command> [options]

commands:
  lint [paths...]      flag retired, deprecated and renamed DeepSeek model IDs
  tokens [FILE | -]    count DeepSeek tokens exactly (--jsonl FILE for {"text": ...} lines)
  estimate FILE...     list prompt literals with their tokens, model and cost
  spend LOG...         total DeepSeek spend from proxy and client logs
  mcp                  serve the agent tools over MCP on stdio (for Claude Code, Codex, Cline...)

Run "deepseek-cost <command> --help" for a command's options.`;

type Command = (argv: string[], io: CliIO) => Promise<number>;

async function loadCommand(name: string): Promise<Command | undefined> {
  switch (name) {
    case 'lint':
      return runLint;
    case 'tokens':
      return (await import('./tokens')).runTokens;
    case 'estimate':
      return (await import('./estimate')).runEstimate;
    case 'spend':
      return (await import('./spend')).runSpend;
    case 'mcp':
      return (await import('./mcp')).runMcp;
    default:
      return undefined;
  }
}

export async function main(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(USAGE + '\n');
    return name ? 0 : 2;
  }
  if (name === '--version') {
    // The catalog date tells a user how old the prices are (the README says how to add newer ones).
    io.stdout(`0.1.0 (catalog ${shippedCatalogData().catalogDate})\n`);
    return 0;
  }
  const command = await loadCommand(name);
  if (!command) {
    io.stderr(`deepseek-cost: unknown command "${name}"\n${USAGE}\n`);
    return 2;
  }
  try {
    return await command(rest, io);
  } catch (err) {
    if (err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`deepseek-cost ${name}: ${(err as Error).message}\n`);
      return 2;
    }
    io.stderr(`deepseek-cost ${name}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    return 3;
  }
}

if (require.main === module) {
  const io: CliIO = {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    cwd: process.cwd(),
    stdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
  };
  main(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      process.stderr.write(`deepseek-cost: ${String(err)}\n`);
      process.exitCode = 3;
    },
  );
}
