// Finds the files `deepseek-cost` should read: explicit files and folders always, directories walked
// with every .gitignore on the way honoured (as git would), never .git or node_modules.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';

const ALWAYS_SKIPPED = new Set(['.git', 'node_modules']);

interface IgnoreLayer {
  base: string;
  rules: Ignore;
}

/** A path that could not be scanned, as the user gave it (or the absolute path found in a walk), and why. */
export interface PathProblem {
  path: string;
  reason: string;
}

export interface WalkResult {
  files: string[];
  /** Paths that do not exist or cannot be read, with why. */
  problems: PathProblem[];
}

/** Why a file system call failed, in words. */
export function describeFsError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'ELOOP') return 'too many levels of symbolic links (a symlink loop)';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return code ?? String(err);
}

export async function collectFiles(inputs: string[], cwd: string, wanted: (file: string) => boolean): Promise<WalkResult> {
  const files: string[] = [];
  const problems: PathProblem[] = [];
  for (const input of inputs) {
    const abs = path.resolve(cwd, input);
    let stat;
    try {
      stat = await fs.stat(abs);
    } catch (err) {
      problems.push({ path: input, reason: describeFsError(err) });
      continue;
    }
    if (stat.isFile()) files.push(abs);
    else if (stat.isDirectory()) {
      // A folder named explicitly is read even when an enclosing repository ignores it (an editor
      // workspace inside an ignored folder, say), as a file named explicitly is: its own
      // .gitignore files still apply, the enclosing ones do not.
      const above = await layersAbove(abs);
      await walk(abs, isIgnored(above, abs, true) ? [] : above, files, problems, wanted);
    } else problems.push({ path: input, reason: 'not a regular file or directory' });
  }
  return { files: [...new Set(files)].sort(), problems };
}

/** .gitignore files between the repository root (or filesystem root) and the starting directory. */
async function layersAbove(dir: string): Promise<IgnoreLayer[]> {
  const chain: string[] = [];
  let cur = path.dirname(dir);
  while (true) {
    chain.unshift(cur);
    if (await exists(path.join(cur, '.git'))) break;
    const parent = path.dirname(cur);
    if (parent === cur) return []; // not inside a repository: outer .gitignore files do not apply
    cur = parent;
  }
  const layers: IgnoreLayer[] = [];
  for (const d of chain) {
    const layer = await loadLayer(d);
    if (layer) layers.push(layer);
  }
  return layers;
}

async function walk(dir: string, layers: IgnoreLayer[], out: string[], problems: PathProblem[], wanted: (file: string) => boolean): Promise<void> {
  const own = await loadLayer(dir);
  const active = own ? [...layers, own] : layers;
  let entries;
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch (err) {
    problems.push({ path: dir, reason: `cannot read the directory (${describeFsError(err)})` });
    return;
  }
  for (const entry of entries) {
    if (ALWAYS_SKIPPED.has(entry.name)) continue;
    const full = path.join(dir, entry.name);
    const isDir = entry.isDirectory();
    if (isIgnored(active, full, isDir)) continue;
    if (isDir) await walk(full, active, out, problems, wanted);
    else if (entry.isFile() && wanted(full)) out.push(full);
  }
}

function isIgnored(layers: IgnoreLayer[], full: string, isDir: boolean): boolean {
  for (const layer of layers) {
    const rel = path.relative(layer.base, full).split(path.sep).join('/');
    if (!rel || rel.startsWith('..')) continue;
    if (layer.rules.ignores(isDir ? `${rel}/` : rel)) return true;
  }
  return false;
}

async function loadLayer(dir: string): Promise<IgnoreLayer | undefined> {
  try {
    const text = await fs.readFile(path.join(dir, '.gitignore'), 'utf8');
    return { base: dir, rules: ignore().add(text) };
  } catch {
    return undefined;
  }
}

async function exists(p: string): Promise<boolean> {
  try {
    await fs.access(p);
    return true;
  } catch {
    return false;
  }
}
