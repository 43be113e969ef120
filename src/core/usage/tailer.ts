// Follows a set of log files and globs, reading only what was appended since the last pass.
// A file is identified by device + inode + a hash of its first bytes: shrinking, a new inode at the
// same path or a changed head means "start this file over"; a known inode under a new name (a
// rotated sibling matched by the glob) keeps its offset. Rotation away from the patterns is
// followed too: a renamed file is finished (found again by its inode beside the log) before the new
// file at the path is read, and after copytruncate the copy supplies what was appended before the
// truncation. Once started, the tailer waits for folder change events and reads only the files
// they name; files in folders that cannot be watched are polled, and a slow sweep catches anything
// a watch missed. Nothing is persisted here: `files()` exposes offsets and identities for whoever
// wants to, and re-reading is made harmless by the ledger's dedupe on record keys.
import { createHash } from 'node:crypto';
import type { Stats } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { FolderWatch, type FolderEvent } from './folderWatch';
import { readLines } from './lineReader';
import { filesMatching, isGlobPattern, matchesPattern } from './paths';
import { copiedTo, laterGenerations, renamedTo, type Sibling } from './rotation';
import { CCR_ROW_KEY } from './formats/ccrDb';
import { fileKindOf } from './sources/fileKind';
import { readUsageRows, sqliteSignature } from './sources/sqliteRows';
import { readZstdFrames } from './sources/zstdFrames';
import type { LineResult, LogSourceState } from './types';

/** What the tailer hands each line to: one per file identity, so per-file parse state stays apart. */
export interface FileSink {
  /** What the line was; 'unparsable' lines are counted as skipped, by reason. */
  line(bytes: Buffer, fileTime: number): LineResult;
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
  /** Poll interval for files in folders that cannot be watched (missing, remote); default 2000 ms. */
  pollMs?: number;
  /** Interval of the full sweep (every file stat'ed, globs resolved again) behind the watches; default 5 min. */
  sweepMs?: number;
  /**
   * A SQLite database is read again at most this often (each read copies it; a busy router commits
   * many times a second); default 2000 ms. A change inside the interval is read when it ends.
   */
  databaseIntervalMs?: number;
  /**
   * Progress remembered from an earlier run (the spend store): a plain-text file found at this path
   * with the same device, inode and first bytes continues from the offset; anything else starts over.
   */
  resume?(path: string): TailedFileInfo | undefined;
  /** Called after a pass that read lines or changed a file's state. */
  onChange?(): void;
  /** Called after every pass, whether it read anything or not (tests wait on it instead of polling). */
  onPass?(): void;
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
  /** Only plain text resumes at an offset; a zstd file or a database is read again (dedupe absorbs it). */
  kind?: 'text' | 'zstd' | 'sqlite';
}

const HEAD_BYTES = 4096;
/** A rotated file is still read while its writer may append to it (until it reopens the log). */
const RETIRED_IDLE_MS = 5 * 60_000;
/** Copies read in full, remembered by identity so they are never read twice. */
const COPIES_REMEMBERED = 1000;

interface FileState extends TailedFileInfo {
  skipping: boolean;
  mtimeMs: number;
  skippedLines: number;
  skipReasons: Map<string, number>;
  lines: number;
  usageLines: number;
  sink: FileSink;
  state: 'reading' | 'unreadable';
  message?: string;
  /** For a rotated file read under its new name: when it last grew. */
  retiredAt?: number;
  /** The path the tailer first read this file at, or the log a rotated generation came from. */
  logPath: string;
  /** Where reading had got to in the generation the head hash names (before a truncation seen mid-read). */
  verified?: { offset: number; skipping: boolean };
  /** A zstd file: decompressed bytes after the last newline of the frames read so far. */
  zstdPending?: Buffer;
  /** A SQLite database: the last usage row read, and the database + WAL signature it was read at. */
  sqliteLastId?: number;
  sqliteSignature?: string;
  sqliteReadAt?: number;
  /** Its head is a zstd frame: read frame by frame (see sources/zstdFrames.ts). */
  zstd?: boolean;
}

type Probe = { kind: 'file'; stats: Stats } | { kind: 'missing' } | { kind: 'unreadable'; message: string };

/** What a pass looks at: everything, or the files and folders that events named. */
interface Scope {
  all: boolean;
  globs: boolean;
  dirs: Set<string>;
  paths: Set<string>;
}

const emptyScope = (): Scope => ({ all: false, globs: false, dirs: new Set(), paths: new Set() });

export class LogTailer {
  private readonly files_ = new Map<string, FileState>();
  /** Rotated files still being finished, by their new path. */
  private readonly retired = new Map<string, FileState>();
  private readonly copiesRead = new Set<string>();
  /** Per log path, the modification time of the newest rotated generation read (or when tailing began). */
  private readonly lastRotation = new Map<string, number>();
  private readonly probes = new Map<string, Probe>();
  private matches = new Map<string, string[]>();
  private readonly watch: FolderWatch;
  private pollTimer: NodeJS.Timeout | undefined;
  private sweepTimer: NodeJS.Timeout | undefined;
  private started = false;
  private running: Promise<boolean> | undefined;
  private pending: Scope = emptyScope();
  private passCount = 0;
  private hasPending = false;
  private readonly opts: Required<Omit<TailerOptions, 'onChange' | 'onError' | 'resume' | 'onPass'>> & Pick<TailerOptions, 'onChange' | 'onError' | 'resume' | 'onPass'>;

  constructor(options: TailerOptions) {
    this.opts = {
      ...options,
      chunkBytes: options.chunkBytes ?? 1 << 20,
      maxLineBytes: options.maxLineBytes ?? 64 << 20,
      pollMs: options.pollMs ?? 2000,
      sweepMs: options.sweepMs ?? 300_000,
      databaseIntervalMs: options.databaseIntervalMs ?? 2000,
    };
    this.watch = new FolderWatch((e) => this.onFolderEvent(e));
  }

  /**
   * A full pass: globs resolved again, every file looked at, whatever was appended read. Passes
   * never overlap: a call during a pass runs one more pass after it. Resolves to whether anything
   * was read or changed state.
   */
  check(): Promise<boolean> {
    return this.request({ ...emptyScope(), all: true, globs: true });
  }

  /** The same as check(): globs are resolved again on every full pass. */
  rescan(): Promise<boolean> {
    return this.check();
  }

  /** Starts following: folder watches, a poll of unwatchable folders, and the slow sweep. */
  start(): void {
    if (this.started) return;
    this.started = true;
    this.sweepTimer = setInterval(() => this.kick({ ...emptyScope(), all: true, globs: true }), this.opts.sweepMs);
    this.sweepTimer.unref?.();
    this.kick({ ...emptyScope(), all: true, globs: true });
  }

  stop(): void {
    this.started = false;
    clearInterval(this.sweepTimer);
    clearInterval(this.pollTimer);
    this.sweepTimer = this.pollTimer = undefined;
    this.watch.close();
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
        else if (f) files.push({ path, state: f.state, skippedLines: f.skippedLines, skipped: Object.fromEntries(f.skipReasons), message: f.message, offset: f.offset, lines: f.lines, usageLines: f.usageLines });
      }
      const found = files.some((f) => f.state !== 'missing');
      return found
        ? { pattern, files, state: 'ok' as const }
        : { pattern, files, state: 'no-match' as const, message: isGlobPattern(pattern) ? 'no file matches this pattern yet' : 'file not found' };
    });
  }

  files(): TailedFileInfo[] {
    return [...this.files_.values()].map((f) => ({
      path: f.path, dev: f.dev, ino: f.ino, headHash: f.headHash, headLength: f.headLength, offset: f.offset, size: f.size,
      kind: f.sqliteSignature !== undefined ? 'sqlite' : f.zstd ? 'zstd' : 'text',
    }));
  }

  /** Passes run so far (an idle tracker on watched folders runs none). */
  get passes(): number {
    return this.passCount;
  }

  /** Folders polled because they cannot be watched (for diagnostics and tests). */
  polledFolders(): string[] {
    return [...this.watch.polled];
  }

  private onFolderEvent(e: FolderEvent): void {
    if (!this.started) return;
    const scope = emptyScope();
    if (e.kind === 'change' && e.name !== undefined) {
      scope.paths.add(join(e.dir, e.name));
      // A database commits to its WAL (or journal) first: that is a change of the database.
      const db = /^(.*)-(?:wal|journal)$/.exec(e.name);
      if (db) scope.paths.add(join(e.dir, db[1]));
    } else {
      // Names came or went: a new file for a glob, a rotation, a deletion.
      scope.dirs.add(e.dir);
      scope.globs = true;
    }
    this.kick(scope);
  }

  private kick(scope: Scope): void {
    this.request(scope).catch((e) => this.opts.onError?.(e));
  }

  private request(scope: Scope): Promise<boolean> {
    const p = this.pending;
    p.all ||= scope.all;
    p.globs ||= scope.globs;
    for (const d of scope.dirs) p.dirs.add(d);
    for (const x of scope.paths) p.paths.add(x);
    this.hasPending = true;
    if (this.running) return this.running;
    this.running = (async () => {
      let changed = false;
      while (this.hasPending) {
        const next = this.pending;
        this.pending = emptyScope();
        this.hasPending = false;
        this.passCount++;
        changed = (await this.pass(next)) || changed;
      }
      if (changed) this.opts.onChange?.();
      this.opts.onPass?.();
      return changed;
    })().finally(() => (this.running = undefined));
    return this.running;
  }

  private requestAgain(path: string): void {
    this.pending.dirs.add(dirname(path));
    this.hasPending = true;
  }

  private inScope(scope: Scope, path: string): boolean {
    return scope.all || scope.paths.has(path) || scope.dirs.has(dirname(path)) || !this.probes.has(path);
  }

  private async pass(scope: Scope): Promise<boolean> {
    let changed = false;
    if (scope.globs || this.matches.size === 0) {
      const next = new Map<string, string[]>();
      const dirs = new Set<string>();
      for (const p of this.opts.patterns) next.set(p, await filesMatching(p, dirs));
      this.matches = next;
      if (this.started) {
        await this.watch.set(dirs);
        this.schedulePoll();
      }
    }
    const paths = [...new Set([...this.matches.values()].flat())];
    const current = new Set(paths);
    for (const p of [...this.probes.keys()]) if (!current.has(p)) this.probes.delete(p);
    for (const path of paths) {
      if (!this.inScope(scope, path)) continue;
      const before = this.probes.get(path);
      const probe = await probeFile(path);
      this.probes.set(path, probe);
      if ((before?.kind === 'missing') !== (probe.kind === 'missing') || (probe.kind === 'unreadable' && before?.kind !== 'unreadable')) changed = true;
    }
    // Detach states whose path no longer holds their file; a rotated sibling may adopt them below.
    const orphans = new Map<string, FileState>();
    for (const [path, f] of this.files_) {
      const probe = this.probes.get(path);
      if (!probe || probe.kind !== 'file' || probe.stats.ino !== f.ino || probe.stats.dev !== f.dev) {
        this.files_.delete(path);
        orphans.set(`${f.dev}:${f.ino}`, f);
      }
    }
    // A rotated sibling the patterns match carries on where its state left off.
    for (const path of paths) {
      const probe = this.probes.get(path);
      if (this.files_.has(path) || !probe || probe.kind !== 'file') continue;
      const f = orphans.get(`${probe.stats.dev}:${probe.stats.ino}`);
      if (!f) continue;
      orphans.delete(`${f.dev}:${f.ino}`);
      f.path = path;
      this.files_.set(path, f);
    }
    // Rotated where no pattern reaches: finish it under its new name before the new file is read.
    for (const f of orphans.values()) changed = (await this.finishRotated(f)) || changed;
    changed = (await this.readRetired(scope)) || changed;
    for (const path of paths) {
      const probe = this.probes.get(path);
      if (!probe || probe.kind !== 'file' || !this.inScope(scope, path)) continue;
      let f = this.files_.get(path);
      if (!f) {
        f = {
          path, dev: probe.stats.dev, ino: probe.stats.ino, headHash: '', headLength: 0, offset: 0, skipping: false, size: -1, mtimeMs: -1,
          skippedLines: 0, skipReasons: new Map(), lines: 0, usageLines: 0, sink: this.opts.sinkFor(path), state: 'reading', logPath: path,
        };
        const saved = this.opts.resume?.(path);
        // Resumed only when it is the same file; its head is checked against the hash on the read below.
        if (saved && saved.kind === 'text' && saved.dev === f.dev && saved.ino === f.ino && saved.headLength > 0 && saved.offset <= probe.stats.size) {
          f.headHash = saved.headHash;
          f.headLength = saved.headLength;
          f.offset = saved.offset;
        }
        this.files_.set(path, f);
        if (!this.lastRotation.has(path)) this.lastRotation.set(path, Date.now());
        changed = true;
      }
      changed = (await this.readFile(f, probe.stats)) || changed;
    }
    return changed;
  }

  /** Whether a file is read on its own (then no other file's state may read it). */
  private followed = (s: Sibling): boolean => {
    const id = `${s.dev}:${s.ino}`;
    if (this.copiesRead.has(id) || this.files_.has(s.path) || this.opts.patterns.some((p) => matchesPattern(p, s.path))) return true;
    const r = this.retired.get(s.path);
    return r !== undefined && r.dev === s.dev && r.ino === s.ino;
  };

  private async finishRotated(f: FileState): Promise<boolean> {
    let changed = false;
    // Unless it was already read under its new name (as a generation found by an earlier search).
    if (!this.copiesRead.has(`${f.dev}:${f.ino}`)) {
      const to = await renamedTo(f.path, f.dev, f.ino, this.followed);
      if (to) {
        f.path = to.path;
        this.retire(f);
        const st = await stat(to.path).catch(() => undefined);
        if (st) changed = await this.readFile(f, st);
      }
    }
    changed = (await this.readGenerations(f.logPath)) || changed;
    if (f.retiredAt) this.noteRotation(f.logPath, f.mtimeMs);
    return changed;
  }

  /**
   * Rotated more than once between two looks: files beside the log that appeared since the last
   * rotation it followed, and that nothing has read, are whole generations: read from their start.
   */
  private async readGenerations(logPath: string): Promise<boolean> {
    let changed = false;
    const since = this.lastRotation.get(logPath) ?? Date.now();
    for (const g of await laterGenerations(logPath, since, this.followed)) {
      changed = (await this.readGeneration(g, logPath)) || changed;
      this.noteRotation(logPath, g.mtimeMs);
    }
    return changed;
  }

  private noteRotation(logPath: string, mtimeMs: number): void {
    this.lastRotation.set(logPath, Math.max(this.lastRotation.get(logPath) ?? 0, mtimeMs));
  }

  private retire(f: FileState): void {
    f.retiredAt = Date.now();
    this.retired.set(f.path, f);
    this.rememberCopy(f);
  }

  /** A file rotated away before the tailer ever saw it at the log's path: read it from its start. */
  private async readGeneration(g: Sibling, logPath: string): Promise<boolean> {
    const st = await stat(g.path).catch(() => undefined);
    if (!st || st.ino !== g.ino || st.dev !== g.dev) return false;
    const f: FileState = {
      path: g.path, dev: g.dev, ino: g.ino, headHash: '', headLength: 0, offset: 0, skipping: false, size: -1, mtimeMs: -1,
      skippedLines: 0, skipReasons: new Map(), lines: 0, usageLines: 0, sink: this.opts.sinkFor(g.path), state: 'reading', logPath,
    };
    this.retire(f);
    return this.readFile(f, st);
  }

  private rememberCopy(s: { dev: number; ino: number }): void {
    this.copiesRead.add(`${s.dev}:${s.ino}`);
    if (this.copiesRead.size > COPIES_REMEMBERED) this.copiesRead.delete(this.copiesRead.values().next().value as string);
  }

  private async readRetired(scope: Scope): Promise<boolean> {
    let changed = false;
    for (const [path, f] of [...this.retired]) {
      if (!scope.all && !scope.paths.has(path) && !scope.dirs.has(dirname(path))) continue;
      const st = await stat(path).catch(() => undefined);
      if (!st || st.ino !== f.ino || st.dev !== f.dev || Date.now() - (f.retiredAt ?? 0) > RETIRED_IDLE_MS) {
        this.retired.delete(path);
        continue;
      }
      if (st.size !== f.size) f.retiredAt = Date.now();
      changed = (await this.readFile(f, st)) || changed;
    }
    return changed;
  }

  /** Polls the files of folders that cannot be watched, and only while there are such folders. */
  private schedulePoll(): void {
    const needed = this.started && this.watch.polled.size > 0;
    if (needed && !this.pollTimer) {
      this.pollTimer = setInterval(() => this.kick({ ...emptyScope(), globs: true, dirs: new Set(this.watch.polled) }), this.opts.pollMs);
      this.pollTimer.unref?.();
    } else if (!needed && this.pollTimer) {
      clearInterval(this.pollTimer);
      this.pollTimer = undefined;
    }
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
      if (!f.retiredAt) this.probes.set(f.path, { kind: 'unreadable', message });
      return news;
    }
    try {
      const opened = await fh.stat();
      if (opened.ino !== f.ino || opened.dev !== f.dev) {
        // The path was rotated again between the probe and the open: look at it once more.
        this.requestAgain(f.path);
        return false;
      }
      const before = { state: f.state, message: f.message };
      f.state = 'reading';
      f.message = undefined;
      const size = opened.size;
      const head = await readHead(fh, Math.min(size, HEAD_BYTES));
      const headLength = head.length;
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
      f.zstd = kind.kind === 'zstd';
      const sameHead = f.headLength === 0 || (f.headLength <= headLength && sha1(head.subarray(0, f.headLength)) === f.headHash);
      let read = 0;
      if (size < f.offset || !sameHead) {
        // Truncated or rewritten: copytruncate's copy, if it is beside the log, holds what was
        // appended before the truncation.
        read += await this.readCopyTail(f);
        f.offset = 0;
        f.skipping = false;
        f.zstdPending = undefined;
        f.sink.reset();
      }
      f.headHash = sha1(head);
      f.headLength = headLength;
      const from = { offset: f.offset, skipping: f.skipping };
      const counts = { skippedLines: f.skippedLines, skipReasons: new Map(f.skipReasons), lines: f.lines, usageLines: f.usageLines };
      read += await this.readRange(f, fh, size, st.mtimeMs);
      // Truncated while being read, the bytes past the truncation may belong to the next
      // generation: only what was read before this pass is known to be in copytruncate's copy,
      // which will be read from there (the ledger's dedupe absorbs the repeat; the counts are undone).
      const after = await readHead(fh, headLength);
      if (sha1(after) === f.headHash) {
        f.verified = { offset: f.offset, skipping: f.skipping };
      } else {
        f.verified = from;
        Object.assign(f, counts);
      }
      f.size = size;
      f.mtimeMs = st.mtimeMs;
      return read > 0;
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
    if (f.sqliteReadAt !== undefined && now - f.sqliteReadAt < this.opts.databaseIntervalMs) {
      // Too soon: the signature is left as it was, and the file is looked at again when the interval ends.
      if (this.started) {
        const scope = emptyScope();
        scope.paths.add(f.path);
        setTimeout(() => this.kick(scope), this.opts.databaseIntervalMs - (now - f.sqliteReadAt)).unref?.();
      }
      return false;
    }
    f.sqliteReadAt = now;
    let lines = 0;
    const read = await readUsageRows(f.path, f.sqliteLastId ?? 0, (row) => {
      const r = f.sink.line(Buffer.from(JSON.stringify({ [CCR_ROW_KEY]: row })), st.mtimeMs);
      lines++;
      if (r.kind === 'usage') f.usageLines++;
      else if (r.kind === 'unparsable') skip(f, r.reason);
    });
    f.lines += lines;
    f.size = st.size;
    f.mtimeMs = st.mtimeMs;
    f.offset = st.size;
    f.sqliteSignature = signature;
    if (read.kind !== 'rows') {
      const message = read.kind === 'not-usage-db' ? 'a SQLite database without a usage_events table (claude-code-router v3 keeps usage in usage.sqlite)' : `database could not be read: ${read.message}`;
      const news = f.state !== 'unreadable' || f.message !== message;
      // Retried on the next change of the database or its WAL.
      f.state = 'unreadable';
      f.message = message;
      return news;
    }
    f.state = 'reading';
    f.message = undefined;
    f.sqliteLastId = read.lastId;
    return read.count > 0;
  }

  /** Reads [f.offset, size) of an open file into f's sink; returns the lines seen. */
  private async readRange(f: FileState, fh: Awaited<ReturnType<typeof open>>, size: number, fileTime: number): Promise<number> {
    let read = 0;
    const onLine = (line: Buffer) => {
      read++;
      const r = f.sink.line(line, fileTime);
      if (r.kind === 'unparsable') skip(f, r.reason);
      else if (r.kind === 'usage') f.usageLines++;
    };
    const result = f.zstd
      ? await readZstdFrames(fh, f.offset, size, f.zstdPending ?? Buffer.alloc(0), this.opts.maxLineBytes, onLine).then((r) => {
          f.zstdPending = r.pending;
          return { offset: r.offset, skipping: false, oversize: r.oversize };
        })
      : await readLines(fh, f.offset, size, f.skipping, this.opts, onLine);
    if (result.oversize > 0) skip(f, `longer than the ${sizeText(this.opts.maxLineBytes)} line limit`, result.oversize);
    f.lines += read + result.oversize;
    f.offset = result.offset;
    f.skipping = result.skipping;
    return read + result.oversize;
  }

  private async readCopyTail(f: FileState): Promise<number> {
    const verified = f.verified ?? { offset: f.offset, skipping: f.skipping };
    const copy = await copiedTo(f.path, f.headHash, f.headLength, verified.offset, this.followed);
    if (!copy) return (await this.readGenerations(f.logPath)) ? 1 : 0;
    this.rememberCopy(copy);
    const fh = await open(copy.path, 'r').catch(() => undefined);
    if (!fh) return 0;
    let read = 0;
    try {
      const st = await fh.stat();
      f.offset = verified.offset;
      f.skipping = verified.skipping;
      read = await this.readRange(f, fh, st.size, st.mtimeMs);
    } finally {
      await fh.close();
    }
    // Truncated more than once since the last look: the copies in between are read whole.
    if (await this.readGenerations(f.logPath)) read++;
    this.noteRotation(f.logPath, copy.mtimeMs);
    return read;
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

/** Up to `length` bytes from the start of a file (fewer when it has shrunk meanwhile). */
async function readHead(fh: Awaited<ReturnType<typeof open>>, length: number): Promise<Buffer> {
  if (length === 0) return Buffer.alloc(0);
  const head = Buffer.alloc(length);
  const { bytesRead } = await fh.read(head, 0, length, 0);
  return head.subarray(0, bytesRead);
}

function skip(f: FileState, reason: string, n = 1): void {
  f.skippedLines += n;
  f.skipReasons.set(reason, (f.skipReasons.get(reason) ?? 0) + n);
}

function sizeText(bytes: number): string {
  return bytes % 1048576 === 0 ? `${bytes / 1048576} MiB` : `${bytes.toLocaleString('en-US')}-byte`;
}

function sha1(b: Buffer): string {
  return createHash('sha1').update(b).digest('hex');
}

function messageOf(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  if (err?.code === 'EACCES' || err?.code === 'EPERM') return `permission denied (${err.code})`;
  return err?.message ?? String(e);
}
