// deepseek-cost: the extension's answers outside the editor. Same engine, same catalog.
import { shippedCatalogData } from '../catalog';
import { runLint } from './lint';
import { type CliIO, environmentLocale, takeLangOption } from './io';
import { isUsageError } from './subcommand';
import { normalizeLocale, useLocale } from '../core/locale';
import { spawnSync } from 'node:child_process';
import { PRODUCT_VERSION, SPEND_EXEC_ARGV } from '../shared/protocol';

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

/**
 * `spend` reads logs with Node's young generation made small (SPEND_EXEC_ARGV), which only a new
 * Node process can be given: this starts one, with the same arguments and the terminal, and
 * returns its exit code. Undefined when this process is that one, the command is another, or Node
 * cannot be started again (then `spend` runs here, with the default heap).
 */
function spendInItsOwnNode(args: string[]): number | undefined {
  let command: string | undefined;
  try {
    command = takeLangOption(args).argv[0];
  } catch {
    return undefined;
  }
  if (command !== 'spend' || SPEND_EXEC_ARGV.every((flag) => process.execArgv.includes(flag))) return undefined;
  // The entry point that started this process (dist/cli.js), so the second one loads as the first did.
  const child = spawnSync(process.execPath, [...process.execArgv, ...SPEND_EXEC_ARGV, process.argv[1] ?? __filename, ...args], { stdio: 'inherit' });
  if (child.error) return undefined;
  // Interrupted (Ctrl+C reaches both processes): the shell's convention for a signal.
  return child.status ?? 128 + (child.signal === 'SIGINT' ? 2 : 15);
}

/** Runs the command line of this process (called by the entry point, dist/cli.js). */
export function start(): void {
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
  const args = process.argv.slice(2);
  const again = spendInItsOwnNode(args);
  if (again !== undefined) process.exitCode = again;
  else main(args, io).then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      process.stderr.write(`deepseek-cost: ${String(err)}\n`);
      process.exitCode = 3;
    },
  );
}

// Run directly (from source, or dist/cliMain.js named on Node's command line).
if (require.main === module) start();
