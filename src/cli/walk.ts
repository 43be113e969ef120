// Finds the files `deepseek-cost` should read: explicit files and folders always, directories walked
// with every .gitignore on the way honoured (as git would), never .git or node_modules. The walk
// uses the synchronous calls: on a tree of thousands of folders, a promise per directory read costs
// more than the read itself, and the CLI has nothing else to do meanwhile.
import { promises as fs, readdirSync, readFileSync, type Dirent } from 'node:fs';
import * as path from 'node:path';
import ignore from 'ignore';
import { compileSimpleGitignore, type PathTest } from './simpleGitignore';

const ALWAYS_SKIPPED = new Set(['.git', 'node_modules']);

interface IgnoreLayer {
  base: string;
  /** `base` with a trailing separator, for the relative-path slice. */
  prefix: string;
  /** Whether a path relative to `base` (with `/`) is ignored. */
  test: PathTest;
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

/**
 * The files to read, sorted and without duplicates. `onFile` hears of each file as the walk finds it
 * (in walk order, possibly twice when inputs overlap), so work can start before the walk ends.
 */
export async function collectFiles(inputs: string[], cwd: string, wanted: (file: string) => boolean, onFile?: (file: string) => void): Promise<WalkResult> {
  const list: string[] = [];
  const files: Sink = onFile
    ? {
        push(f) {
          list.push(f);
          onFile(f);
        },
      }
    : list;
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
      walkSync(abs, isIgnored(above, abs, true) ? [] : above, files, problems, wanted);
    } else problems.push({ path: input, reason: 'not a regular file or directory' });
  }
  return { files: [...new Set(list)].sort(), problems };
}

interface Sink {
  push(file: string): void;
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

function walkSync(dir: string, layers: IgnoreLayer[], out: Sink, problems: PathProblem[], wanted: (file: string) => boolean): void {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (err) {
    problems.push({ path: dir, reason: `cannot read the directory (${describeFsError(err)})` });
    return;
  }
  const own = entries.some((e) => e.name === '.gitignore') ? loadLayerSync(dir) : undefined;
  const active = own ? [...layers, own] : layers;
  const prefix = dir.endsWith(path.sep) ? dir : dir + path.sep;
  for (const entry of entries) {
    if (ALWAYS_SKIPPED.has(entry.name)) continue;
    const full = prefix + entry.name;
    if (entry.isDirectory()) {
      if (!(active.length && isIgnored(active, full, true))) walkSync(full, active, out, problems, wanted);
    } else if (entry.isFile() && wanted(full) && !(active.length && isIgnored(active, full, false))) {
      out.push(full);
    }
  }
}

/**
 * One thread's share of a walk that several threads make at once, each calling this with its own
 * `me` of `threads`: together they visit every file `collectFiles` would find in the same
 * directories, each file exactly once. Directories near the top are read by every thread (cheap);
 * below them whole subtrees go to one thread each, so no thread waits on another. Files of a shared
 * directory go by a hash of their name, subtrees by their place in the sorted listing.
 */
export async function walkShare(dirs: string[], me: number, threads: number, wanted: (file: string) => boolean, onFile: (file: string) => void): Promise<PathProblem[]> {
  const problems: PathProblem[] = [];
  const everyone = Array.from({ length: threads }, (_, i) => i);
  for (const abs of dirs) {
    const above = await layersAbove(abs);
    walkShared(abs, isIgnored(above, abs, true) ? [] : above, me, everyone, onFile, problems, wanted);
  }
  return problems;
}

/** A shared directory's subfolders are dealt out once there are this many per thread; fewer are shared again. */
const SPLIT_PER_THREAD = 4;

function walkShared(dir: string, layers: IgnoreLayer[], me: number, owners: number[], out: (file: string) => void, problems: PathProblem[], wanted: (file: string) => boolean): void {
  if (owners.length === 1) {
    walkSync(dir, layers, { push: out }, problems, wanted);
    return;
  }
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (err) {
    // Every owner meets it; the first one reports it.
    if (owners[0] === me) problems.push({ path: dir, reason: `cannot read the directory (${describeFsError(err)})` });
    return;
  }
  const own = entries.some((e) => e.name === '.gitignore') ? loadLayerSync(dir) : undefined;
  const active = own ? [...layers, own] : layers;
  const prefix = dir.endsWith(path.sep) ? dir : dir + path.sep;
  const subdirs: string[] = [];
  for (const entry of entries) {
    if (ALWAYS_SKIPPED.has(entry.name)) continue;
    const full = prefix + entry.name;
    if (entry.isDirectory()) {
      if (!(active.length && isIgnored(active, full, true))) subdirs.push(entry.name);
    } else if (entry.isFile() && owners[nameHash(entry.name) % owners.length] === me && wanted(full) && !(active.length && isIgnored(active, full, false))) {
      out(full);
    }
  }
  subdirs.sort();
  const deal = subdirs.length >= owners.length * SPLIT_PER_THREAD;
  for (let i = 0; i < subdirs.length; i++) {
    if (deal && owners[i % owners.length] !== me) continue;
    walkShared(prefix + subdirs[i], active, me, deal ? [me] : owners, out, problems, wanted);
  }
}

/** FNV-1a of a file name: which thread of a shared directory reads it. */
function nameHash(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function isIgnored(layers: IgnoreLayer[], full: string, isDir: boolean): boolean {
  for (const layer of layers) {
    // Walked paths sit under their layers' folders: the relative path is a slice (path.relative is slow on large trees).
    let rel = full.startsWith(layer.prefix) ? full.slice(layer.prefix.length) : path.relative(layer.base, full);
    if (path.sep !== '/') rel = rel.split(path.sep).join('/');
    if (!rel || rel.startsWith('..')) continue;
    if (layer.test(rel, isDir)) return true;
  }
  return false;
}

function layerOf(dir: string, text: string): IgnoreLayer {
  let test = compileSimpleGitignore(text);
  if (!test) {
    const rules = ignore().add(text);
    test = (rel, isDir) => rules.ignores(isDir ? `${rel}/` : rel);
  }
  return { base: dir, prefix: dir.endsWith(path.sep) ? dir : dir + path.sep, test };
}

function loadLayerSync(dir: string): IgnoreLayer | undefined {
  let text: string;
  try {
    text = readFileSync(path.join(dir, '.gitignore'), 'utf8');
  } catch {
    return undefined;
  }
  return layerOf(dir, text);
}

async function loadLayer(dir: string): Promise<IgnoreLayer | undefined> {
  try {
    const text = await fs.readFile(path.join(dir, '.gitignore'), 'utf8');
    return layerOf(dir, text);
  } catch {
    return undefined;
  }
}

export async function exists(p: string): Promise<boolean> {
  try {
    await fs.access(p);
    return true;
  } catch {
    return false;
  }
}
