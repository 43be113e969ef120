// Follows a set of log files and globs, reading only what was appended since the last pass.
// A file is identified by device + inode + a hash of its first bytes: shrinking, a new inode at the
// same path or a changed head means "start this file over"; a known inode under a new name (a
// rotated sibling matched by the glob) keeps its offset. Nothing is persisted here: `files()`
// exposes offsets and identities for whoever wants to, and re-reading is made harmless by the
// ledger's dedupe on record keys.
import { createHash } from 'node:crypto';
import { watch, type FSWatcher, type Stats } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { readLines } from './lineReader';
import { filesMatching, isGlobPattern, patternBase } from './paths';
import { fileKindOf } from './sources/fileKind';
import { readUsageRows, sqliteSignature } from './sources/sqliteRows';
import { readZstdFrames } from './sources/zstdFrames';
import { CCR_ROW_KEY } from './formats/ccrDb';
import type { LineResult, LogSourceState } from './types';

/** What the tailer hands each line to: one per file identity, so per-file parse state stays apart. */
export interface FileSink {
  /** What the line was; 'unparsable' lines are counted as skipped. */
  line(bytes: Buffer, fileTime: number): LineResult['kind'];
  /** The file was truncated or replaced: forget per-file state. */
  reset(): void;
}

export interface TailerOptions {
  /** Files or globs, `~` already expanded (see expandHome). */
  patterns: string[];
  sinkFor(path: string): FileSink;
  /** Read size; default 1 MiB. */
  chunkBytes?: number;
  /** Longer lines are skipped and counted; default 64 MiB. */
  maxLineBytes?: number;
  /** Poll interval, the fallback where fs.watch misses events; default 500 ms. */
  pollMs?: number;
  /** Re-resolve globs every this many polls (directory watch events also trigger it); default 4. */
  globEveryPolls?: number;
  /**
   * A SQLite database is read again at most this often (each read copies it; a busy router commits
   * many times a second); default 2000 ms. A change inside the interval is read when it ends.
   */
  databaseIntervalMs?: number;
  /** Called after a pass that read lines or changed a file's state. */
  onChange?(): void;
  /** Called when a pass fails unexpectedly (it is retried on the next change). */
  onError?(error: unknown): void;
}

/** Identity and progress of one tailed file, enough for a caller that persists progress. */
export interface TailedFileInfo {
  path: string;
  dev: number;
  ino: number;
  /** sha1 (hex) of the first `headLength` bytes. */
  headHash: string;
  headLength: number;
  offset: number;
  size: number;
}

const HEAD_BYTES = 4096;

interface FileState extends TailedFileInfo {
  skipping: boolean;
  mtimeMs: number;
  skippedLines: number;
  lines: number;
  usageLines: number;
  sink: FileSink;
  state: 'reading' | 'unreadable';
  message?: string;
  /** A zstd file: decompressed bytes after the last newline of the frames read so far. */
  zstdPending?: Buffer;
  /** A SQLite database: the last usage row read, and the database + WAL signature it was read at. */
  sqliteLastId?: number;
  sqliteSignature?: string;
  sqliteReadAt?: number;
}

type Probe = { kind: 'file'; stats: Stats } | { kind: 'missing' } | { kind: 'unreadable'; message: string };

export class LogTailer {
  private readonly files_ = new Map<string, FileState>();
  private readonly probes = new Map<string, Probe>();
  private matches = new Map<string, string[]>();
  private readonly watchers = new Map<string, FSWatcher>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<boolean> | undefined;
  private again = false;
  private globsDue = true;
  private polls = 0;
  private readonly opts: Required<Omit<TailerOptions, 'onChange' | 'onError'>> & Pick<TailerOptions, 'onChange' | 'onError'>;

  constructor(options: TailerOptions) {
    this.opts = {
      ...options,
      chunkBytes: options.chunkBytes ?? 1 << 20,
      maxLineBytes: options.maxLineBytes ?? 64 << 20,
      pollMs: options.pollMs ?? 500,
      globEveryPolls: options.globEveryPolls ?? 4,
      databaseIntervalMs: options.databaseIntervalMs ?? 2000,
    };
  }

  /**
   * One pass over every pattern: read whatever was appended. Passes never overlap: a call during a
   * pass runs one more pass after it. Resolves to whether anything was read or changed state.
   */
  check(): Promise<boolean> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      let changed = false;
      do {
        this.again = false;
        changed = (await this.pass()) || changed;
      } while (this.again);
      if (changed) this.opts.onChange?.();
      return changed;
    })().finally(() => (this.running = undefined));
    return this.running;
  }

  /** A pass that also re-resolves the globs now (the poll does it every few intervals). */
  rescan(): Promise<boolean> {
    this.globsDue = true;
    return this.check();
  }

  /** Starts watching (fs.watch on the patterns' directories) and polling. */
  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      if (++this.polls % this.opts.globEveryPolls === 0) this.globsDue = true;
      this.kick();
    }, this.opts.pollMs);
    this.timer.unref?.();
    this.kick();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    for (const w of this.watchers.values()) w.close();
    this.watchers.clear();
  }

  sources(): LogSourceState[] {
    return this.opts.patterns.map((pattern) => {
      const paths = this.matches.get(pattern) ?? [];
      const files: LogSourceState['files'] = [];
      for (const path of paths) {
        const probe = this.probes.get(path);
        const f = this.files_.get(path);
        if (!probe || probe.kind === 'missing') files.push({ path, state: 'missing', skippedLines: 0, message: 'file not found' });
        else if (probe.kind === 'unreadable') files.push({ path, state: 'unreadable', skippedLines: f?.skippedLines ?? 0, message: probe.message });
        else if (f) files.push({ path, state: f.state, skippedLines: f.skippedLines, message: f.message, offset: f.offset, lines: f.lines, usageLines: f.usageLines });
      }
      const found = files.some((f) => f.state !== 'missing');
      return found
        ? { pattern, files, state: 'ok' as const }
        : { pattern, files, state: 'no-match' as const, message: isGlobPattern(pattern) ? 'no file matches this pattern yet' : 'file not found' };
    });
  }

  files(): TailedFileInfo[] {
    return [...this.files_.values()].map((f) => ({ path: f.path, dev: f.dev, ino: f.ino, headHash: f.headHash, headLength: f.headLength, offset: f.offset, size: f.size }));
  }

  private kick(): void {
    this.check().catch((e) => this.opts.onError?.(e));
  }

  private async pass(): Promise<boolean> {
    let changed = false;
    // A known file gone from its path may have been rotated to a sibling name: look for it now.
    for (const [path, f] of this.globsDue ? [] : this.files_) {
      const probe = await probeFile(path);
      if (probe.kind !== 'file' || probe.stats.ino !== f.ino || probe.stats.dev !== f.dev) {
        this.globsDue = true;
        break;
      }
    }
    if (this.globsDue || this.matches.size === 0) {
      this.globsDue = false;
      const next = new Map<string, string[]>();
      for (const p of this.opts.patterns) next.set(p, isGlobPattern(p) ? await filesMatching(p) : [p]);
      this.matches = next;
      if (this.timer) this.ensureWatchers();
    }
    const paths = [...new Set([...this.matches.values()].flat())];
    for (const path of paths) {
      const before = this.probes.get(path);
      const probe = await probeFile(path);
      this.probes.set(path, probe);
      if ((before?.kind === 'missing') !== (probe.kind === 'missing') || (probe.kind === 'unreadable' && before?.kind !== 'unreadable')) changed = true;
    }
    const current = new Set(paths);
    for (const p of [...this.probes.keys()]) if (!current.has(p)) this.probes.delete(p);
    // Detach states whose path no longer holds their file; a rotated sibling may adopt them below.
    const orphans = new Map<string, FileState>();
    for (const [path, f] of this.files_) {
      const probe = this.probes.get(path);
      if (!probe || probe.kind !== 'file' || probe.stats.ino !== f.ino || probe.stats.dev !== f.dev) {
        this.files_.delete(path);
        orphans.set(`${f.dev}:${f.ino}`, f);
      }
    }
    for (const path of paths) {
      const probe = this.probes.get(path);
      if (!probe || probe.kind !== 'file') continue;
      let f = this.files_.get(path);
      if (!f) {
        const id = `${probe.stats.dev}:${probe.stats.ino}`;
        f = orphans.get(id);
        if (f) {
          orphans.delete(id);
          f.path = path;
        } else {
          f = { path, dev: probe.stats.dev, ino: probe.stats.ino, headHash: '', headLength: 0, offset: 0, skipping: false, size: -1, mtimeMs: -1, skippedLines: 0, lines: 0, usageLines: 0, sink: this.opts.sinkFor(path), state: 'reading' };
          changed = true;
        }
        this.files_.set(path, f);
      }
      changed = (await this.readFile(f, probe.stats)) || changed;
    }
    return changed;
  }

  private async readFile(f: FileState, st: Stats): Promise<boolean> {
    // A database changes in its WAL first: its own size and time say nothing then.
    if (f.sqliteSignature !== undefined) return this.readDatabase(f, st);
    if (st.size === f.size && st.mtimeMs === f.mtimeMs && f.state === 'reading') return false;
    let fh;
    try {
      fh = await open(f.path, 'r');
    } catch (e) {
      const message = messageOf(e);
      const news = f.state !== 'unreadable' || f.message !== message;
      f.state = 'unreadable';
      f.message = message;
      this.probes.set(f.path, { kind: 'unreadable', message });
      return news;
    }
    try {
      const before = { state: f.state, message: f.message };
      f.state = 'reading';
      f.message = undefined;
      const size = (await fh.stat()).size;
      const headLength = Math.min(size, HEAD_BYTES);
      const head = Buffer.alloc(headLength);
      if (headLength > 0) await fh.read(head, 0, headLength, 0);
      const kind = fileKindOf(head);
      if (kind.kind === 'sqlite') {
        f.sqliteSignature = '';
        return await this.readDatabase(f, st);
      }
      if (kind.kind === 'unsupported') {
        // Said once, in words: which compression it is, and what to do.
        const news = before.state !== 'unreadable' || before.message !== kind.message;
        f.state = 'unreadable';
        f.message = kind.message;
        f.size = size;
        f.mtimeMs = st.mtimeMs;
        return news;
      }
      const sameHead = f.headLength === 0 || (f.headLength <= headLength && sha1(head.subarray(0, f.headLength)) === f.headHash);
      if (size < f.offset || !sameHead) {
        f.offset = 0;
        f.skipping = false;
        f.zstdPending = undefined;
        f.sink.reset();
      }
      f.headHash = sha1(head);
      f.headLength = headLength;
      const fileTime = st.mtimeMs;
      let read = 0;
      const onLine = (line: Buffer) => {
        read++;
        const kind = f.sink.line(line, fileTime);
        if (kind === 'unparsable') f.skippedLines++;
        else if (kind === 'usage') f.usageLines++;
      };
      const result =
        kind.kind === 'zstd'
          ? await readZstdFrames(fh, f.offset, size, f.zstdPending ?? Buffer.alloc(0), this.opts.maxLineBytes, onLine).then((r) => {
              f.zstdPending = r.pending;
              return { offset: r.offset, skipping: false, oversize: r.oversize };
            })
          : await readLines(fh, f.offset, size, f.skipping, this.opts, onLine);
      f.skippedLines += result.oversize;
      f.lines += read + result.oversize;
      f.offset = result.offset;
      f.skipping = result.skipping;
      f.size = size;
      f.mtimeMs = st.mtimeMs;
      return read > 0 || result.oversize > 0;
    } catch (e) {
      f.state = 'unreadable';
      f.message = messageOf(e);
      return true;
    } finally {
      await fh.close();
    }
  }

  /**
   * claude-code-router v3's database: each change of the database or its WAL reads the rows added
   * since the last one read (see sources/sqliteRows.ts). Rows go to the sink as one JSON line each.
   */
  private async readDatabase(f: FileState, st: Stats): Promise<boolean> {
    const signature = await sqliteSignature(f.path);
    if (signature === f.sqliteSignature && f.state === 'reading') return false;
    const now = Date.now();
    // Too soon: the signature is left as it was, so a later poll still sees the change and reads it.
    if (f.sqliteReadAt !== undefined && now - f.sqliteReadAt < this.opts.databaseIntervalMs) return false;
    f.sqliteReadAt = now;
    let lines = 0;
    const read = await readUsageRows(f.path, f.sqliteLastId ?? 0, (row) => {
      const kind = f.sink.line(Buffer.from(JSON.stringify({ [CCR_ROW_KEY]: row })), st.mtimeMs);
      lines++;
      if (kind === 'usage') f.usageLines++;
      else if (kind === 'unparsable') f.skippedLines++;
    });
    f.lines += lines;
    f.size = st.size;
    f.mtimeMs = st.mtimeMs;
    f.offset = st.size;
    if (read.kind !== 'rows') {
      const message = read.kind === 'not-usage-db' ? 'a SQLite database without a usage_events table (claude-code-router v3 keeps usage in usage.sqlite)' : `database could not be read: ${read.message}`;
      const news = f.state !== 'unreadable' || f.message !== message;
      f.state = 'unreadable';
      f.message = message;
      // Retried on the next change of the database or its WAL.
      f.sqliteSignature = signature;
      return news;
    }
    f.state = 'reading';
    f.message = undefined;
    f.sqliteSignature = signature;
    f.sqliteLastId = read.lastId;
    return read.count > 0;
  }

  private ensureWatchers(): void {
    const dirs = new Set<string>();
    for (const p of this.opts.patterns) dirs.add(patternBase(p));
    for (const paths of this.matches.values()) for (const path of paths) dirs.add(dirname(path));
    for (const dir of dirs) {
      if (this.watchers.has(dir)) continue;
      try {
        const w = watch(dir, { persistent: false }, () => {
          this.globsDue = true;
          this.kick();
        });
        w.on('error', () => {
          w.close();
          this.watchers.delete(dir);
        });
        this.watchers.set(dir, w);
      } catch {
        // The directory does not exist yet, or cannot be watched here: polling covers it.
      }
    }
  }
}

async function probeFile(path: string): Promise<Probe> {
  try {
    const stats = await stat(path);
    if (stats.isDirectory()) return { kind: 'unreadable', message: `a directory: give the files in it with a glob such as ${JSON.stringify(join(path, '*.jsonl'))} (or ${JSON.stringify(join(path, '**', '*.jsonl'))} for its subfolders)` };
    if (!stats.isFile()) return { kind: 'unreadable', message: 'not a regular file' };
    return { kind: 'file', stats };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'missing' };
    return { kind: 'unreadable', message: messageOf(e) };
  }
}

function sha1(b: Buffer): string {
  return createHash('sha1').update(b).digest('hex');
}

function messageOf(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  if (err?.code === 'EACCES' || err?.code === 'EPERM') return `permission denied (${err.code})`;
  return err?.message ?? String(e);
}
