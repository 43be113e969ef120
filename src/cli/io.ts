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
}

/** Bad usage: the CLI prints the message and exits 2. */
export class UsageError extends Error {}

export function parseTime(value: string, flag: string): Date {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new UsageError(`${flag} takes an ISO 8601 time such as 2026-08-01T09:30:00Z, not "${value}"`);
  return new Date(ms);
}
