// Where a log's earlier content went when it was rotated away from a path the patterns no longer
// match. Rotation tools keep the rotated file beside the log and start its name with the log's
// own (proxy.jsonl.1, proxy.jsonl-20261204, proxy-20261204.jsonl, proxy.jsonl.2026-12-04), so
// only such siblings are looked at, and only when a rotation was seen.
import { createHash } from 'node:crypto';
import { open, readdir, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Siblings examined at most per search: rotation keeps a handful, a folder may keep thousands. */
const MAX_CANDIDATES = 256;

export interface Sibling {
  path: string;
  dev: number;
  ino: number;
  size: number;
  mtimeMs: number;
}

/** Whether a sibling is already read on its own (tailed, or read in full before). */
export type Followed = (s: Sibling) => boolean;

/** Files beside `path` whose names start as its own does, most recently modified first. */
async function siblings(path: string, exclude: Followed): Promise<Sibling[]> {
  const dir = dirname(path);
  const name = basename(path);
  const stem = name.replace(/[.\-_].*$/, '') || name;
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  const out: Sibling[] = [];
  for (const n of names) {
    if (n === name || !n.startsWith(stem)) continue;
    const p = join(dir, n);
    try {
      const st = await stat(p);
      const s = { path: p, dev: st.dev, ino: st.ino, size: st.size, mtimeMs: st.mtimeMs };
      if (st.isFile() && !exclude(s)) out.push(s);
    } catch {
      // Gone meanwhile.
    }
    if (out.length >= MAX_CANDIDATES) break;
  }
  return out.sort((a, b) => b.mtimeMs - a.mtimeMs);
}

/** The path a file (by device and inode) was renamed to, if it stayed beside `path`. */
export async function renamedTo(path: string, dev: number, ino: number, exclude: Followed): Promise<Sibling | undefined> {
  return (await siblings(path, exclude)).find((s) => s.dev === dev && s.ino === ino);
}

/**
 * Whole generations rotated away between two looks: siblings modified after `since` (the rotated
 * file just finished), oldest first. Only files that no state follows yet are returned.
 */
export async function laterGenerations(path: string, since: number, exclude: Followed): Promise<Sibling[]> {
  return (await siblings(path, exclude)).filter((s) => s.mtimeMs > since).sort((a, b) => a.mtimeMs - b.mtimeMs);
}

/**
 * The copy copytruncate made of a log before emptying it: a sibling at least `minSize` bytes long
 * whose first `headLength` bytes hash to `headHash`, as the log's did.
 */
export async function copiedTo(
  path: string, headHash: string, headLength: number, minSize: number, exclude: Followed,
): Promise<Sibling | undefined> {
  if (headLength === 0) return undefined;
  for (const s of await siblings(path, exclude)) {
    if (s.size < minSize || s.size < headLength) continue;
    let fh;
    try {
      fh = await open(s.path, 'r');
      const head = Buffer.alloc(headLength);
      await fh.read(head, 0, headLength, 0);
      if (createHash('sha1').update(head).digest('hex') === headHash) return s;
    } catch {
      // Unreadable: not ours to read.
    } finally {
      await fh?.close();
    }
  }
  return undefined;
}
