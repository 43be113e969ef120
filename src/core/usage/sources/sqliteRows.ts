// Reads claude-code-router v3's usage database while the router writes it. The router keeps it in
// WAL mode, so recent rows live in `usage.sqlite-wal` until a checkpoint. The database is never
// opened in place: its file and WAL are copied into a private temporary folder and that copy is
// opened (node-sqlite3-wasm: SQLite compiled to WebAssembly with a Node file-system layer, so it runs
// in the extension host's worker on every platform without native builds; loaded only when a
// database is met) with exclusive locking, which lets SQLite replay the WAL without shared memory.
// The router's own locks are never taken, so a locked database is read as its last commit. A copy
// made while a checkpoint restarted the WAL is detected by the WAL header's salt and made again.
import { copyFile, mkdtemp, open, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const USAGE_TABLE = 'usage_events';

interface SqliteDatabase {
  exec(sql: string): void;
  all(sql: string, values?: unknown[]): Record<string, unknown>[];
  close(): void;
}

let DatabaseCtor: (new (path: string, options?: { fileMustExist?: boolean; readOnly?: boolean }) => SqliteDatabase) | undefined;

function database(path: string): SqliteDatabase {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  DatabaseCtor ??= (require('node-sqlite3-wasm') as { Database: typeof DatabaseCtor }).Database;
  return new DatabaseCtor!(path, { fileMustExist: true });
}

/** Size and modification time of the database and its WAL: what changes when the router commits. */
export async function sqliteSignature(path: string): Promise<string> {
  const parts: string[] = [];
  for (const p of [path, `${path}-wal`]) {
    try {
      const s = await stat(p);
      parts.push(`${s.size}:${s.mtimeMs}`);
    } catch {
      parts.push('-');
    }
  }
  return parts.join('|');
}

async function walSalt(path: string): Promise<string> {
  try {
    const fh = await open(`${path}-wal`, 'r');
    try {
      const b = Buffer.alloc(24);
      const { bytesRead } = await fh.read(b, 0, 24, 0);
      return bytesRead === 24 ? b.subarray(16, 24).toString('hex') : '';
    } finally {
      await fh.close();
    }
  } catch {
    return 'none';
  }
}

export type SqliteRead = { kind: 'rows'; count: number; lastId: number } | { kind: 'not-usage-db' } | { kind: 'error'; message: string };

/** Rows are fetched this many at a time, so a first read of a large database never holds them all. */
const PAGE_ROWS = 2000;

/** Hands on the rows of usage_events with an id above `afterId`, in id order. */
export async function readUsageRows(path: string, afterId: number, onRow: (row: Record<string, unknown>) => void): Promise<SqliteRead> {
  const dir = await mkdtemp(join(tmpdir(), 'dcl-ccr-'));
  try {
    const copy = join(dir, 'usage.sqlite');
    for (let attempt = 0; ; attempt++) {
      const before = await walSalt(path);
      await copyFile(path, copy);
      if (before !== 'none') await copyFile(`${path}-wal`, `${copy}-wal`).catch(() => rm(`${copy}-wal`, { force: true }));
      if ((await walSalt(path)) === before || attempt >= 3) break;
    }
    let db: SqliteDatabase | undefined;
    try {
      db = database(copy);
      db.exec('PRAGMA locking_mode=EXCLUSIVE');
      const tables = db.all("SELECT name FROM sqlite_master WHERE type = 'table' AND name = ?", [USAGE_TABLE]);
      if (tables.length === 0) return { kind: 'not-usage-db' };
      let lastId = afterId;
      let count = 0;
      for (;;) {
        const page = db.all(`SELECT * FROM ${USAGE_TABLE} WHERE id > ? ORDER BY id LIMIT ${PAGE_ROWS}`, [lastId]);
        for (const row of page) {
          onRow(row);
          if (typeof row.id === 'number') lastId = row.id;
        }
        count += page.length;
        if (page.length < PAGE_ROWS) return { kind: 'rows', count, lastId };
      }
    } catch (e) {
      return { kind: 'error', message: e instanceof Error ? e.message : String(e) };
    } finally {
      db?.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
