// The CLI's `.deepseekcostignore`: the one in the working directory, else the nearest above it up
// to the repository root (the directory holding .git), as an editor finds it at the workspace root.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { IGNORE_FILE_NAME, IgnoreRules } from '../core/lint/ignoreFile';
import { exists } from './walk';

export interface LoadedIgnore {
  file: string;
  /** Whether an absolute path is ignored (paths outside the file's directory never are). */
  ignores(absPath: string): boolean;
}

export async function loadIgnoreFile(cwd: string): Promise<LoadedIgnore | undefined> {
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    const file = path.join(dir, IGNORE_FILE_NAME);
    let text: string | undefined;
    try {
      text = await fs.readFile(file, 'utf8');
    } catch {
      text = undefined;
    }
    if (text !== undefined) {
      const rules = new IgnoreRules(text);
      return { file, ignores: (abs) => rules.ignores(path.relative(dir, abs).split(path.sep).join('/')) };
    }
    if ((await exists(path.join(dir, '.git'))) || path.dirname(dir) === dir) return undefined;
  }
}
