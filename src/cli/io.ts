// What every subcommand gets, so the CLI can be tested in-process with captured output.
export interface CliIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  cwd: string;
  /** Standard input, for `tokens -`. */
  stdin?: () => Promise<string>;
  /**
   * The text an editor holds for a file, when it differs from the disk (unsaved changes), so the
   * agent tools in VS Code answer for what the user and the diagnostics see.
   */
  unsaved?: (absolutePath: string) => { text: string; languageId: string } | undefined;
  /**
   * The environment's language (`LC_ALL`, `LC_MESSAGES`, `LANG`, first set wins), used when no
   * `--lang` is given. Unset (tests, the editor's agent tools): English.
   */
  locale?: string;
}

/** POSIX precedence: LC_ALL over LC_MESSAGES over LANG. */
export function environmentLocale(env: NodeJS.ProcessEnv): string | undefined {
  return [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v !== '');
}

/**
 * Takes `--lang TAG` / `--lang=TAG` out of the arguments (it may stand anywhere, before or after the
 * command), so every subcommand accepts it without declaring it.
 */
export function takeLangOption(argv: readonly string[]): { argv: string[]; lang?: string } {
  const rest: string[] = [];
  let lang: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    if (a === '--lang') {
      if (i + 1 >= argv.length) throw new UsageError('--lang takes a language, e.g. --lang zh-cn or --lang en');
      lang = argv[++i];
    } else if (a.startsWith('--lang=')) lang = a.slice('--lang='.length);
    else rest.push(a);
  }
  return { argv: rest, lang };
}

/** Bad usage: the CLI prints the message and exits 2. */
export class UsageError extends Error {}

export function parseTime(value: string, flag: string): Date {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new UsageError(`${flag} takes an ISO 8601 time such as 2026-08-01T09:30:00Z, not "${value}"`);
  return new Date(ms);
}
