// `.deepseekcostignore` at the workspace root: gitignore-style globs of files never checked (plain
// JSON cannot carry a suppression comment). The editor and `deepseek-cost lint` read it the same way.
import ignore, { type Ignore } from 'ignore';

export const IGNORE_FILE_NAME = '.deepseekcostignore';

export class IgnoreRules {
  private readonly rules: Ignore;
  readonly empty: boolean;

  constructor(text: string) {
    const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '' && !l.trimStart().startsWith('#'));
    this.empty = lines.length === 0;
    this.rules = ignore().add(text);
  }

  /** `relPath` relative to the directory holding the file, with `/`. Paths outside it are never ignored. */
  ignores(relPath: string): boolean {
    if (this.empty || !relPath || relPath.startsWith('../') || relPath === '..' || /^[a-zA-Z]:|^\//.test(relPath)) return false;
    return this.rules.ignores(relPath);
  }
}
