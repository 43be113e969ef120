// `.deepseekcostignore` of each workspace folder, read when the folder is added and again whenever
// the editor reports the file created, changed or deleted. This is the one file the server reads
// from disk itself; a missing file means nothing is ignored.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { IGNORE_FILE_NAME, IgnoreRules } from '../core/lint/ignoreFile';

interface Folder {
  root: string;
  rules: Promise<IgnoreRules | undefined>;
}

function fsPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export class WorkspaceIgnores {
  private folders: Folder[] = [];

  constructor(private readonly log: (message: string) => void) {}

  /** The workspace folders (URIs) now open. Folders already known keep their rules. */
  setFolders(uris: readonly string[]): void {
    const roots = uris.map(fsPath).filter((p): p is string => !!p);
    const kept = new Map(this.folders.map((f) => [f.root, f]));
    this.folders = roots.map((root) => kept.get(root) ?? { root, rules: this.read(root) });
    // Longest root first: in nested folders the innermost one decides.
    this.folders.sort((a, b) => b.root.length - a.root.length);
  }

  /** A watched ignore file changed; true when it is one of ours (the caller then refreshes diagnostics). */
  changed(uri: string): boolean {
    const file = fsPath(uri);
    if (!file || path.basename(file) !== IGNORE_FILE_NAME) return false;
    const folder = this.folders.find((f) => f.root === path.dirname(file));
    if (!folder) return false;
    folder.rules = this.read(folder.root);
    return true;
  }

  async isIgnored(uri: string): Promise<boolean> {
    const file = fsPath(uri);
    if (!file) return false;
    for (const folder of this.folders) {
      const rel = path.relative(folder.root, file);
      if (rel.startsWith('..') || path.isAbsolute(rel)) continue;
      const rules = await folder.rules;
      return !!rules?.ignores(rel.split(path.sep).join('/'));
    }
    return false;
  }

  private async read(root: string): Promise<IgnoreRules | undefined> {
    try {
      return new IgnoreRules(await fs.readFile(path.join(root, IGNORE_FILE_NAME), 'utf8'));
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') this.log(`could not read ${path.join(root, IGNORE_FILE_NAME)}: ${code ?? String(err)}; nothing is ignored there`);
      return undefined;
    }
  }
}
