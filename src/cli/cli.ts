// deepseek-cost: the extension's answers outside the editor. Same engine, same catalog.
import { shippedCatalogData } from '../catalog';
import { runLint } from './lint';
import { type CliIO, environmentLocale, takeLangOption } from './io';
import { isUsageError } from './subcommand';
import { normalizeLocale, useLocale } from '../core/locale';
import { PRODUCT_VERSION } from '../shared/protocol';

const USAGE = `usage: deepseek-cost <command> [options]

commands:
  lint [paths...]      flag retired, deprecated and renamed DeepSeek model IDs
  tokens [FILE | -]    count DeepSeek tokens exactly (--jsonl FILE for {"text": ...} lines)
  estimate FILE...     list prompt literals with their tokens, model and cost
  spend LOG...         total DeepSeek spend from proxy and client logs
  mcp                  serve the agent tools over MCP on stdio (for Claude Code, Codex, Cline...)

--lang en|zh-cn        the language of messages (default: LC_ALL, LC_MESSAGES or LANG, else English);
                       JSON and SARIF keep their codes and fields, only message texts are translated

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

export async function main(rawArgv: string[], io: CliIO): Promise<number> {
  let argv: string[];
  try {
    const taken = takeLangOption(rawArgv);
    argv = taken.argv;
    useLocale(normalizeLocale(taken.lang ?? io.locale));
  } catch (err) {
    io.stderr(`deepseek-cost: ${(err as Error).message}\n`);
    return 2;
  }
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(USAGE + '\n');
    return name ? 0 : 2;
  }
  if (name === '--version') {
    // The catalog date tells a user how old the prices are (the README says how to add newer ones).
    io.stdout(`${PRODUCT_VERSION} (catalog ${shippedCatalogData().catalogDate})\n`);
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
    if (isUsageError(err)) {
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
    locale: environmentLocale(process.env),
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
