// The spend store: priced requests and per-log progress in one SQLite file, so a window reload or a
// second window reads only what the logs gained since (see ARCHITECTURE.md, "Spend store").
// SQLite is node-sqlite3-wasm (WebAssembly, a Node file layer: the same code on every platform the
// VSIX targets, in the worker thread, no native build). Its file layer has no shared memory, so the
// journal is the classic rollback journal: a transaction that did not commit is rolled back by the
// next opener, so a crash loses nothing committed and leaves no half batch.
// Rules: versioned migrations (PRAGMA user_version); every write (records + the offsets they were
// read up to) is one transaction; a corrupt or foreign file is moved aside and the store rebuilt
// from the logs; only the holder of the writer lock writes (writerLock.ts).
import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import type { Catalog } from '../../../catalog';
import type { SpendLedger } from '../ledger';
import { Pricer } from '../pricer';
import { fingerprint } from '../requestStore';
import { decodeBatch, encodeBatch } from './batchCodec';
import type { TailedFileInfo } from '../tailer';
import type { ErrorRecord, LogFormat, UsageRecord } from '../types';
import { WriterLock } from './writerLock';

/** "DSCL" in ASCII: tells our file from any other SQLite database. */
export const APPLICATION_ID = 0x4453434c;

/** Each entry brings user_version from its index to index + 1, in one transaction. */
export const MIGRATIONS: readonly string[] = [
  `CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
   CREATE TABLE models (id INTEGER PRIMARY KEY, provider TEXT NOT NULL, model TEXT NOT NULL, format TEXT NOT NULL, UNIQUE (provider, model, format));
   CREATE TABLE sources (id INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE, dev INTEGER, ino INTEGER, head_hash TEXT, head_length INTEGER, offset INTEGER, size INTEGER);
   -- Requests in packed batches, one row per write (see batchCodec.ts): one row per request made
   -- SQLite's per-row cost (about 15 µs to read, 40 µs to write in WebAssembly) the bottleneck of a
   -- reload. Duplicates across batches are resolved when loading, by the ledger's own rule.
   CREATE TABLE batches (id INTEGER PRIMARY KEY, written_at INTEGER NOT NULL, count INTEGER NOT NULL, data BLOB NOT NULL);
   CREATE TABLE errors (key TEXT UNIQUE, at INTEGER, source_id INTEGER NOT NULL REFERENCES sources(id));`,
  // Ledger images (SpendLedger.exportImage): a reload restores one instead of re-adding every
  // stored request, then adds only the batches and errors written after it (ids above its own).
  // Keyed by what the totals depend on, so another currency, zone, session or catalog finds none
  // and totals from the batches.
  `CREATE TABLE snapshots (key TEXT PRIMARY KEY, batch_id INTEGER NOT NULL, error_id INTEGER NOT NULL, written_at INTEGER NOT NULL, data BLOB NOT NULL);`,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

interface Db {
  exec(sql: string): void;
  run(sql: string, values?: unknown): unknown;
  all(sql: string, values?: unknown): Record<string, unknown>[];
  get(sql: string, values?: unknown): Record<string, unknown> | null;
  prepare(sql: string): { run(values?: unknown): unknown; all(values?: unknown): Record<string, unknown>[]; finalize(): void };
  close(): void;
  readonly inTransaction: boolean;
}

type DbCtor = new (path: string, options?: { fileMustExist?: boolean; readOnly?: boolean }) => Db;
let DatabaseCtor: DbCtor | undefined;

function openDb(path: string, mustExist: boolean): Db {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  DatabaseCtor ??= (require('node-sqlite3-wasm') as { Database: DbCtor }).Database;
  return new DatabaseCtor(path, { fileMustExist: mustExist });
}

export interface StoredBatch {
  requests: { path: string; record: UsageRecord }[];
  errors: { path: string; record: ErrorRecord }[];
  /** Where each plain-text log was read up to when the records above were taken. */
  files: TailedFileInfo[];
}

export interface StoreOpenOptions {
  /** What decides how lines become records (log zone, evidence, catalog overrides): a different key empties the store. */
  readingKey: string;
  catalog: Catalog;
  /** How long a read or write waits for another window's transaction. */
  busyWaitMs?: number;
  now?: () => number;
  /** Default MIGRATIONS; tests pass a longer list to check an upgrade. */
  migrations?: readonly string[];
  /** Called inside each write's transaction just before it commits (the crash test kills the process there). */
  beforeCommit?: () => void;
}

export type OpenOutcome =
  | { kind: 'opened'; store: SpendStore; notice?: string }
  /** Another window owns the file and it is not usable from here now (busy, another reading key). */
  | { kind: 'unavailable'; reason: string };

export class StoreBusyError extends Error {}

/** The ledger a write keeps in step with the store, and whether to save its image with the write. */
export interface LedgerImage {
  ledger: SpendLedger;
  /** The sources this ledger counts (the others' records stay in the file, not in its totals). */
  wanted: (path: string) => boolean;
  /** Names that set of sources: an image counts only a window with the same sources. */
  scope: string;
  save: boolean;
}

const IMAGES_KEPT = 3;

/** Batches fetched per statement, so no read holds the file lock long. */
const PAGE = 16;

export class SpendStore {
  private readonly lock: WriterLock;
  private readonly models = new Map<string, number>();
  private readonly sourceIds = new Map<string, number>();
  private readonly usd: Pricer;
  private readonly cny: Pricer;
  private readonly busyWaitMs: number;
  /** The last batch and error row already in this window's ledger (loaded, caught up or written by it). */
  private foldedBatch = 0;
  private foldedError = 0;

  private constructor(
    readonly path: string,
    private db: Db,
    lock: WriterLock,
    private readonly options: StoreOpenOptions,
  ) {
    this.lock = lock;
    this.usd = new Pricer(options.catalog, 'USD');
    this.cny = new Pricer(options.catalog, 'CNY');
    this.busyWaitMs = options.busyWaitMs ?? 5_000;
  }

  /**
   * Opens (creating, migrating or rebuilding) the store at `path`. A corrupt, foreign or newer file
   * is moved aside as `<path>.corrupt-<time>` by the writer, with a notice saying so.
   */
  static open(path: string, options: StoreOpenOptions): OpenOutcome {
    const lock = new WriterLock(`${path}.writer`);
    const writer = lock.tryAcquire();
    if (writer) clearStaleFileLock(path, lock.tookOver);
    let notice: string | undefined;
    for (let attempt = 0; attempt < 2; attempt++) {
      let db: Db | undefined;
      try {
        if (!writer && !existsSync(path)) return { kind: 'unavailable', reason: 'no store yet, and another window is creating it' };
        // Opening reads the header under the file lock, so another window's transaction can make it wait too.
        db = retryBusy(() => openDb(path, !writer), options.busyWaitMs ?? 5_000);
        const store = new SpendStore(path, db, lock, options);
        const state = store.retry(() => store.check());
        if (state !== 'ok' && state !== 'new') throw new NotOurs(state);
        if (writer) store.retry(() => store.migrate());
        else if (state === 'new' || store.version() !== (options.migrations ?? MIGRATIONS).length) return closeWith(db, lock, 'the store is being set up by another window');
        store.retry(() => store.loadNames());
        if (store.retry(() => store.meta('reading')) !== options.readingKey) {
          if (!writer) return closeWith(db, lock, 'the store was written with other reading settings');
          store.retry(() => store.reset());
        }
        return { kind: 'opened', store, notice };
      } catch (e) {
        if (e instanceof StoreBusyError || isBusy(e)) {
          safeClose(db);
          if (writer) lock.release();
          return { kind: 'unavailable', reason: messageOf(e) };
        }
        safeClose(db);
        // Only what SQLite says about the file makes it a bad file; anything else (the library
        // could not load, a permission error) leaves the file where it is.
        if (!writer || !(e instanceof NotOurs || fileProblem(e))) {
          lock.release();
          return { kind: 'unavailable', reason: `the store could not be read (${messageOf(e)})` };
        }
        // A fresh file that fails too is not a bad file but a step that cannot run: stop there.
        if (attempt > 0) break;
        const aside = `${path}.corrupt-${new Date(options.now?.() ?? Date.now()).toISOString().replace(/[:.]/g, '-')}`;
        moveAside(path, aside);
        notice = `The spend history at ${path} could not be used (${e instanceof NotOurs ? e.message : messageOf(e)}); it was moved to ${aside} and is being rebuilt from the usage logs.`;
      }
    }
    lock.release();
    return { kind: 'unavailable', reason: notice ? `${notice} The new store could not be set up either.` : 'the store could not be created' };
  }

  get isWriter(): boolean {
    return this.lock.held;
  }

  /** Becomes the writer if no live window is (a window that closed leaves the lock to the next one). */
  tryBecomeWriter(): boolean {
    if (this.lock.held) return true;
    if (!this.lock.tryAcquire()) return false;
    clearStaleFileLock(this.path, this.lock.tookOver);
    return true;
  }

  close(): void {
    safeClose(this.db);
    this.lock.release();
  }

  /** Per-file progress, for the tailer to resume from. */
  files(): Map<string, TailedFileInfo> {
    const out = new Map<string, TailedFileInfo>();
    for (const r of this.retry(() => this.db.all('SELECT path, dev, ino, head_hash, head_length, offset, size FROM sources WHERE offset IS NOT NULL'))) {
      const path = String(r.path);
      out.set(path, { path, dev: num(r.dev), ino: num(r.ino), headHash: String(r.head_hash ?? ''), headLength: num(r.head_length), offset: num(r.offset), size: num(r.size), kind: 'text' });
    }
    return out;
  }

  /**
   * Adds every stored request and error of the sources `wanted` accepts to the ledger (a source the
   * user removed from the settings stays in the file but is not counted). Returns the counts.
   */
  loadInto(ledger: SpendLedger, wanted: (path: string) => boolean, after: { batch: number; error: number } = { batch: 0, error: 0 }): { requests: number; errors: number } {
    const sources = new Map<number, boolean>();
    for (const r of this.retry(() => this.db.all('SELECT id, path FROM sources'))) sources.set(num(r.id), wanted(String(r.path)));
    const models = new Map<number, { provider: string; model: string; format: LogFormat }>();
    for (const r of this.retry(() => this.db.all('SELECT id, provider, model, format FROM models'))) {
      models.set(num(r.id), { provider: String(r.provider), model: String(r.model), format: String(r.format) as LogFormat });
    }
    let requests = 0;
    const page = this.db.prepare(`SELECT id, data FROM batches WHERE id > ? ORDER BY id LIMIT ${PAGE}`);
    try {
      let last = after.batch;
      for (;;) {
        const rows = this.retry(() => page.all([last]));
        for (const row of rows) {
          last = num(row.id);
          decodeBatch(row.data as Uint8Array, (fp, r, sourceId) => {
            if (!sources.get(sourceId)) return;
            const m = models.get(r.modelId);
            if (!m) return;
            const record: UsageRecord = {
              dedupeKey: '', format: m.format, completedAt: r.completedAt, model: m.model, provider: m.provider,
              cacheHitTokens: r.cacheHitTokens, cacheMissTokens: r.cacheMissTokens, outputTokens: r.outputTokens, reasoningTokens: r.reasoningTokens,
              hasCacheSplit: r.hasCacheSplit, searchCalls: r.searchCalls, fetchCalls: r.fetchCalls,
              ...(r.noId ? { noId: true } : {}), ...(r.fileTime ? { timeSource: 'file-time' as const } : {}),
            };
            ledger.add(record, fp);
            requests++;
          });
        }
        if (rows.length < PAGE) break;
      }
      this.foldedBatch = Math.max(this.foldedBatch, last);
    } finally {
      page.finalize();
    }
    let errors = 0;
    for (const r of this.retry(() => this.db.all('SELECT rowid AS id, key, at, source_id FROM errors WHERE rowid > ? ORDER BY rowid', [after.error]))) {
      this.foldedError = Math.max(this.foldedError, num(r.id));
      if (!sources.get(num(r.source_id))) continue;
      if (ledger.addError({ format: 'openai-body', message: '', ...(r.key === null ? {} : { dedupeKey: String(r.key) }), ...(r.at === null ? {} : { at: num(r.at) }) })) errors++;
    }
    return { requests, errors };
  }

  /**
   * Restores the ledger image saved for this ledger's settings and `scope` (see imageKey) and adds what was written
   * after it; without a usable image, adds every stored request. `image` says which way it went.
   */
  restoreInto(ledger: SpendLedger, scope: string, wanted: (path: string) => boolean): { requests: number; errors: number; image: 'exact' | 'merged' | 'none' } {
    const row = this.retry(() => this.db.get('SELECT batch_id, error_id, data FROM snapshots WHERE key = ?', [imageKey(ledger, scope)]));
    if (row) {
      try {
        ledger.importImage(row.data as Uint8Array);
        this.foldedBatch = num(row.batch_id);
        this.foldedError = num(row.error_id);
        const added = this.loadInto(ledger, wanted, { batch: this.foldedBatch, error: this.foldedError });
        return { requests: ledger.storedRequests, errors: ledger.errorCount, image: added.requests === 0 && added.errors === 0 ? 'exact' : 'merged' };
      } catch (e) {
        // An image that does not read back is only a lost shortcut: total from the batches.
        if (isBusy(e) || e instanceof StoreBusyError) throw e;
      }
    }
    return { ...this.loadInto(ledger, wanted), image: 'none' };
  }

  /**
   * Writes a batch and the offsets it was read up to in one transaction (all of it or none).
   * Returns false when this window is not the writer (the caller keeps the batch for later).
   */
  write(batch: StoredBatch, image?: LedgerImage): boolean {
    if (!this.tryBecomeWriter()) return false;
    this.retry(() => this.transaction(() => {
      // Another window wrote since this one last looked: its batches join this ledger first, so an
      // image saved below holds every batch up to its id, as a reload reading them all would.
      if (image) this.loadInto(image.ledger, image.wanted, { batch: this.foldedBatch, error: this.foldedError });
      if (batch.requests.length > 0) {
        const data = encodeBatch(
          batch.requests.map(({ path, record: r }) => ({
            fp: fingerprint(r.dedupeKey), completedAt: r.completedAt, modelId: this.modelId(r), sourceId: this.sourceId(path),
            cacheHitTokens: r.cacheHitTokens, cacheMissTokens: r.cacheMissTokens, outputTokens: r.outputTokens, reasoningTokens: r.reasoningTokens,
            hasCacheSplit: r.hasCacheSplit, noId: r.noId === true, fileTime: r.timeSource === 'file-time', searchCalls: r.searchCalls ?? 0, fetchCalls: r.fetchCalls ?? 0,
            costUsd: this.usd.price(r.model, r.completedAt, r, r.provider)?.cost, costCny: this.cny.price(r.model, r.completedAt, r, r.provider)?.cost,
          })),
        );
        this.db.run('INSERT INTO batches (written_at, count, data) VALUES (?, ?, ?)', [this.options.now?.() ?? Date.now(), batch.requests.length, data]);
        if (image) this.foldedBatch = num(this.db.get('SELECT last_insert_rowid() AS id')?.id);
      }
      for (const { path, record: e } of batch.errors) {
        this.db.run('INSERT OR IGNORE INTO errors (key, at, source_id) VALUES (?, ?, ?)', [e.dedupeKey ?? null, e.at ?? null, this.sourceId(path)]);
      }
      for (const f of batch.files) {
        this.sourceId(f.path);
        this.db.run('UPDATE sources SET dev = ?, ino = ?, head_hash = ?, head_length = ?, offset = ?, size = ? WHERE path = ?', [f.dev, f.ino, f.headHash, f.headLength, f.offset, f.size, f.path]);
      }
      if (image) {
        // This window's errors are in its ledger already; another window's joined it above.
        this.foldedError = num(this.db.get('SELECT coalesce(max(rowid), 0) AS id FROM errors')?.id);
        if (image.save) {
          const at = this.options.now?.() ?? Date.now();
          this.db.run('INSERT OR REPLACE INTO snapshots (key, batch_id, error_id, written_at, data) VALUES (?, ?, ?, ?, ?)', [imageKey(image.ledger, image.scope), this.foldedBatch, this.foldedError, at, image.ledger.exportImage()]);
          // Other sessions' images: keep the few most recent (each is about the size of the batches).
          this.db.run(`DELETE FROM snapshots WHERE key NOT IN (SELECT key FROM snapshots ORDER BY written_at DESC LIMIT ${IMAGES_KEPT})`);
        }
      }
      this.options.beforeCommit?.();
    }));
    return true;
  }

  /** Request records stored (all sources; a request written twice counts twice until the next compaction). */
  count(): number {
    return num(this.retry(() => this.db.get('SELECT coalesce(sum(count), 0) AS n FROM batches'))?.n);
  }

  /** Size of the database file in bytes. */
  fileBytes(): number {
    return statSync(this.path).size;
  }

  meta(key: string): string | undefined {
    const r = this.db.get('SELECT value FROM meta WHERE key = ?', [key]);
    return r ? String(r.value) : undefined;
  }

  /** Runs `fn` in one transaction: committed whole or rolled back whole. */
  private transaction(fn: () => void): void {
    this.db.exec('BEGIN IMMEDIATE');
    try {
      fn();
      this.db.exec('COMMIT');
    } catch (e) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      // Names cached during a rolled-back transaction may not exist.
      this.loadNames();
      throw e;
    }
  }

  /** 'new' (empty file), 'ok' (ours), or why the file is not ours. */
  private check(): 'new' | 'ok' | string {
    const app = num(this.db.get('PRAGMA application_id')?.application_id);
    const version = this.version();
    const tables = num(this.db.get("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'")?.n);
    if (app === 0 && version === 0 && tables === 0) return 'new';
    if (app !== APPLICATION_ID) return 'it is not a DeepSeek Cost Lens spend store';
    const known = (this.options.migrations ?? MIGRATIONS).length;
    if (version > known) return `it was written by a newer version (schema ${version}; this version knows ${known})`;
    return 'ok';
  }

  private version(): number {
    return num(this.db.get('PRAGMA user_version')?.user_version);
  }

  private migrate(): void {
    const migrations = this.options.migrations ?? MIGRATIONS;
    for (let v = this.version(); v < migrations.length; v++) {
      this.transaction(() => {
        this.db.exec(migrations[v]);
        this.db.exec(`PRAGMA application_id = ${APPLICATION_ID}`);
        this.db.exec(`PRAGMA user_version = ${v + 1}`);
      });
    }
  }

  /** Empties the store for another reading key: every log is read again from its start. */
  private reset(): void {
    this.transaction(() => {
      this.db.exec('DELETE FROM batches; DELETE FROM errors; DELETE FROM sources; DELETE FROM models;');
      // Absent only in a store opened with an older list of migrations (the migration tests do).
      if (this.db.get("SELECT 1 AS y FROM sqlite_master WHERE type = 'table' AND name = 'snapshots'")) this.db.exec('DELETE FROM snapshots;');
      this.db.run('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)', ['reading', this.options.readingKey]);
    });
    this.loadNames();
  }

  private loadNames(): void {
    this.models.clear();
    this.sourceIds.clear();
    for (const r of this.db.all('SELECT id, provider, model, format FROM models')) this.models.set(`${r.provider}\0${r.model}\0${r.format}`, num(r.id));
    for (const r of this.db.all('SELECT id, path FROM sources')) this.sourceIds.set(String(r.path), num(r.id));
  }

  private modelId(r: UsageRecord): number {
    const k = `${r.provider}\0${r.model}\0${r.format}`;
    let id = this.models.get(k);
    if (id === undefined) {
      this.db.run('INSERT OR IGNORE INTO models (provider, model, format) VALUES (?, ?, ?)', [r.provider, r.model, r.format]);
      id = num(this.db.get('SELECT id FROM models WHERE provider = ? AND model = ? AND format = ?', [r.provider, r.model, r.format])?.id);
      this.models.set(k, id);
    }
    return id;
  }

  private sourceId(path: string): number {
    let id = this.sourceIds.get(path);
    if (id === undefined) {
      this.db.run('INSERT OR IGNORE INTO sources (path) VALUES (?)', [path]);
      id = num(this.db.get('SELECT id FROM sources WHERE path = ?', [path])?.id);
      this.sourceIds.set(path, id);
    }
    return id;
  }

  /**
   * Another window's transaction holds the file lock: wait for it (the library has no busy
   * handler that sleeps, so the wait is here), then give up with StoreBusyError.
   */
  private retry<T>(fn: () => T): T {
    return retryBusy(fn, this.busyWaitMs);
  }
}

function retryBusy<T>(fn: () => T, waitMs: number): T {
  const deadline = Date.now() + waitMs;
  for (let pause = 2; ; pause = Math.min(pause * 2, 100)) {
    try {
      return fn();
    } catch (e) {
      if (!isBusy(e)) throw e;
      if (Date.now() >= deadline) throw new StoreBusyError(`the spend store stayed locked by another window for ${waitMs} ms`);
      sleep(pause);
    }
  }
}

/** What an image is saved under: the ledger's settings (SpendLedger.stateKey) and the sources it counts. */
export function imageKey(ledger: SpendLedger, scope: string): string {
  return `${ledger.stateKey()}:${scope}`;
}

class NotOurs extends Error {}

function closeWith(db: Db, lock: WriterLock, reason: string): OpenOutcome {
  safeClose(db);
  lock.release();
  return { kind: 'unavailable', reason };
}

function num(v: unknown): number {
  return typeof v === 'bigint' ? Number(v) : typeof v === 'number' ? v : 0;
}

/** SQLite's words for a file that is not a usable database of ours (or a migration step that failed on it). */
function fileProblem(e: unknown): boolean {
  return /not a database|malformed|corrupt|disk image|no such (table|column)|SQLITE_(CORRUPT|NOTADB|ERROR)|syntax error|already exists/i.test(messageOf(e));
}

function isBusy(e: unknown): boolean {
  return /database is locked|SQLITE_BUSY/i.test(messageOf(e));
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function safeClose(db: Db | undefined): void {
  try {
    db?.close();
  } catch {
    // Already closed, or the file is gone: nothing to release.
  }
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));
function sleep(ms: number): void {
  Atomics.wait(sleeper, 0, 0, ms);
}

/**
 * The file layer's lock folder outlives a crashed holder. With the writer lock held, one older than
 * this is such a leftover (readers hold it for milliseconds); when the writer lock was just taken
 * from a writer whose process is gone, a folder older than a second is that writer's.
 */
const FILE_LOCK_STALE_MS = 60_000;
const FILE_LOCK_AFTER_TAKEOVER_MS = 1_000;

function clearStaleFileLock(path: string, tookOver: boolean): void {
  try {
    if (Date.now() - statSync(`${path}.lock`).mtimeMs > (tookOver ? FILE_LOCK_AFTER_TAKEOVER_MS : FILE_LOCK_STALE_MS)) rmSync(`${path}.lock`, { recursive: true, force: true });
  } catch {
    // No lock folder: nothing to clear.
  }
}

function moveAside(path: string, aside: string): void {
  for (const suffix of ['', '-journal']) {
    try {
      renameSync(`${path}${suffix}`, `${aside}${suffix}`);
    } catch {
      rmSync(`${path}${suffix}`, { force: true });
    }
  }
  rmSync(`${path}.lock`, { recursive: true, force: true });
}
