// The spend store with a real SQLite file (node-sqlite3-wasm): schema and migrations, corrupt and
// foreign files, a crash inside a transaction, two writers in two processes, dedupe across
// restarts and windows, and resuming a log at its stored offset.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { test } from 'node:test';
import { shippedCatalogData } from '../../../src/catalog';
import { SpendLedger } from '../../../src/core/usage/ledger';
import { APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION, SpendStore, type StoreOpenOptions } from '../../../src/core/usage/store/spendStore';
import { readingKey, storedFollower } from '../../../src/core/usage/store/storedFollower';
import { T0, batchOf, record } from './storeFixtures';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Database } = require('node-sqlite3-wasm') as { Database: new (p: string) => { get(sql: string): Record<string, unknown>; exec(sql: string): void; close(): void } };

const catalog = shippedCatalogData();

function dir(t: { after: (fn: () => void) => void }): string {
  const d = mkdtempSync(join(tmpdir(), 'dcl-store-'));
  t.after(() => rmSync(d, { recursive: true, force: true }));
  return d;
}

function open(path: string, extra: Partial<StoreOpenOptions> = {}): SpendStore {
  const o = SpendStore.open(path, { readingKey: 'test', catalog, ...extra });
  assert.equal(o.kind, 'opened', o.kind === 'unavailable' ? o.reason : '');
  return (o as { store: SpendStore }).store;
}

function load(store: SpendStore): SpendLedger {
  const ledger = new SpendLedger({ catalog, currency: 'USD', timeZone: 'UTC', sessionStart: 0 });
  store.loadInto(ledger, () => true);
  return ledger;
}

function pragma(path: string, name: string): number {
  const db = new Database(path);
  try {
    return Number(db.get(`PRAGMA ${name}`)[name]);
  } finally {
    db.close();
  }
}

function child(mode: string, ...args: string[]) {
  const p = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'storeChild.ts'), mode, ...args], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: p.stdout! })[Symbol.asyncIterator]();
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => p.on('exit', (code, signal) => resolve({ code, signal })));
  return { p, next: async () => (await lines.next()).value as string, exited };
}

test('a new store is created at the current schema and marked as ours', (t) => {
  const path = join(dir(t), 'h.sqlite');
  open(path).close();
  assert.equal(pragma(path, 'user_version'), SCHEMA_VERSION);
  assert.equal(pragma(path, 'application_id'), APPLICATION_ID);
});

test('an older store is migrated in place and keeps what it held', (t) => {
  const path = join(dir(t), 'h.sqlite');
  const v1 = open(path, { migrations: [MIGRATIONS[0]] });
  v1.write(batchOf('r', 0, 3));
  v1.close();
  const v2 = open(path, { migrations: [MIGRATIONS[0], "CREATE TABLE notes (text TEXT); INSERT INTO meta (key, value) VALUES ('migrated', 'yes');"] });
  assert.equal(v2.meta('migrated'), 'yes');
  assert.equal(load(v2).storedRequests, 3);
  v2.close();
  assert.equal(pragma(path, 'user_version'), 2);
});

test('a migration that fails leaves the old file whole, moved aside at its old version', (t) => {
  const d = dir(t);
  const path = join(d, 'h.sqlite');
  const v1 = open(path, { migrations: [MIGRATIONS[0]] });
  v1.write(batchOf('r', 0, 3));
  v1.close();
  const o = SpendStore.open(path, { readingKey: 'test', catalog, migrations: [MIGRATIONS[0], 'CREATE TABLE notes (text TEXT); INSERT INTO no_such_table VALUES (1);'] });
  // The same broken step fails on a fresh file too: no store this time (the logs are read in full).
  assert.equal(o.kind, 'unavailable');
  assert.match((o as { reason: string }).reason, /no such table.*moved to .*\.corrupt-.*could not be set up either/);
  const aside = readdirSync(d).find((f) => /\.corrupt-[^-]/.test(f) && !f.endsWith('-journal'));
  assert.ok(aside, readdirSync(d).join(', '));
  assert.equal(pragma(join(d, aside), 'user_version'), 1, 'the failed step was rolled back');
  const old = open(join(d, aside), { migrations: [MIGRATIONS[0]] });
  assert.equal(load(old).storedRequests, 3);
  old.close();
});

test('a file written by a newer version is moved aside, not misread', (t) => {
  const d = dir(t);
  const path = join(d, 'h.sqlite');
  open(path).close();
  const db = new Database(path);
  db.exec(`PRAGMA user_version = ${SCHEMA_VERSION + 5}`);
  db.close();
  const o = SpendStore.open(path, { readingKey: 'test', catalog });
  assert.equal(o.kind, 'opened');
  assert.match((o as { notice?: string }).notice ?? '', /newer version/);
  (o as { store: SpendStore }).store.close();
});

test('a corrupt file is moved aside with one notice and the store starts again empty', (t) => {
  const d = dir(t);
  const path = join(d, 'h.sqlite');
  writeFileSync(path, Buffer.alloc(8192, 0x5a));
  const o = SpendStore.open(path, { readingKey: 'test', catalog });
  assert.equal(o.kind, 'opened');
  const notice = (o as { notice?: string }).notice ?? '';
  assert.match(notice, /could not be used .* moved to .*\.corrupt-.* rebuilt from the usage logs/);
  const store = (o as { store: SpendStore }).store;
  assert.equal(load(store).storedRequests, 0);
  assert.ok(store.write(batchOf('r', 0, 2)));
  assert.equal(load(store).storedRequests, 2);
  store.close();
  assert.equal(readdirSync(d).filter((f) => f.includes('.corrupt-')).length, 1);
  // Opened again: ours now, no second notice.
  const again = SpendStore.open(path, { readingKey: 'test', catalog });
  assert.equal((again as { notice?: string }).notice, undefined);
  (again as { store: SpendStore }).store.close();
});

test("another program's SQLite database at the path is moved aside untouched", (t) => {
  const d = dir(t);
  const path = join(d, 'h.sqlite');
  const db = new Database(path);
  db.exec("CREATE TABLE theirs (x TEXT); INSERT INTO theirs VALUES ('keep me');");
  db.close();
  const o = SpendStore.open(path, { readingKey: 'test', catalog });
  assert.match((o as { notice?: string }).notice ?? '', /not a DeepSeek Cost Lens spend store/);
  (o as { store: SpendStore }).store.close();
  const aside = readdirSync(d).find((f) => f.includes('.corrupt-') && !f.endsWith('-journal'))!;
  const moved = new Database(join(d, aside));
  assert.equal(moved.get('SELECT x FROM theirs').x, 'keep me');
  moved.close();
});

test('a process killed inside a transaction loses nothing committed and leaves no half batch', async (t) => {
  const path = join(dir(t), 'h.sqlite');
  const c = child('crash', path);
  const { signal } = await c.exited;
  assert.equal(signal, 'SIGKILL');
  assert.ok(existsSync(`${path}.lock`), 'the killed writer left its file lock behind');
  // The dead writer's locks are taken over (its file lock once older than a second).
  await new Promise((r) => setTimeout(r, 1100));
  const store = open(path);
  const ledger = load(store);
  store.close();
  assert.equal(ledger.storedRequests, 5, 'batch a (5 requests) committed, batch b absent');
  assert.equal(ledger.totals().requests, 5);
});

test('two windows: one writes at a time, the other reads meanwhile and writes once the first is gone', async (t) => {
  const path = join(dir(t), 'h.sqlite');
  const holder = child('hold', path);
  t.after(() => holder.p.kill());
  assert.equal(await holder.next(), 'ready writer');
  const second = open(path);
  assert.equal(second.isWriter, false);
  assert.equal(second.write(batchOf('x', 0, 2)), false, 'not the writer: the batch is kept by the caller');
  holder.p.stdin!.end();
  await holder.exited;
  assert.equal(second.write(batchOf('x', 0, 2)), true);
  assert.equal(load(second).storedRequests, 2);
  second.close();
});

test('two processes writing overlapping requests at once: every request once, no batch torn', async (t) => {
  const path = join(dir(t), 'h.sqlite');
  open(path).close();
  const a = child('write', path, '0', '200');
  const b = child('write', path, '100', '300');
  assert.deepEqual(await Promise.all([a.next(), b.next()]), ['done', 'done'], 'both writers finish');
  await Promise.all([a.exited, b.exited]);
  const store = open(path);
  const ledger = load(store);
  assert.equal(store.count(), 400, 'both wrote their 200');
  store.close();
  assert.equal(ledger.storedRequests, 300, 'r-0 … r-299, each once');
  assert.equal(ledger.totals().cacheHitTokens, 300 * 1000);
});

test('the same request written again after a restart counts once, with its most complete usage', (t) => {
  const path = join(dir(t), 'h.sqlite');
  const s1 = open(path);
  s1.write({ requests: [{ path: '/logs/a.jsonl', record: record('same', T0, { outputTokens: 10 }) }], errors: [], files: [] });
  s1.close();
  const s2 = open(path);
  s2.write({ requests: [{ path: '/logs/b.jsonl', record: record('same', T0 + 5000, { outputTokens: 40 }) }, { path: '/logs/a.jsonl', record: record('other', T0) }], errors: [], files: [] });
  const totals = load(s2).totals();
  s2.close();
  assert.equal(totals.requests, 2);
  assert.equal(totals.outputTokens, 40 + 10);
});

function body(id: string, out: number): string {
  return JSON.stringify({ id, object: 'chat.completion', created: 1784106000, model: 'deepseek-v4-flash', usage: { prompt_tokens: 1100, completion_tokens: out, prompt_cache_hit_tokens: 1000, prompt_cache_miss_tokens: 100 } }) + '\n';
}

async function run(store: string, log: string) {
  const r = storedFollower(store, { patterns: [log], catalog, currency: 'USD', timeZone: 'UTC', logTimezone: 'UTC', sessionStart: 0 }, catalog);
  assert.equal(r.unavailable, undefined);
  const snapshot = await r.follower.refresh();
  r.writer?.store.close();
  const file = snapshot.sources[0].files[0];
  return { loaded: r.loaded.requests, lines: file.lines ?? 0, requests: snapshot.session.requests, output: snapshot.session.outputTokens };
}

test('after a restart only the bytes appended since are read; a rewritten log is read again from its start', async (t) => {
  const d = dir(t);
  const store = join(d, 'h.sqlite');
  const log = join(d, 'proxy.jsonl');
  writeFileSync(log, body('a', 1) + body('b', 2) + body('c', 3));
  assert.deepEqual(await run(store, log), { loaded: 0, lines: 3, requests: 3, output: 6 });
  appendFileSync(log, body('d', 4) + body('e', 5));
  assert.deepEqual(await run(store, log), { loaded: 3, lines: 2, requests: 5, output: 15 });
  assert.deepEqual(await run(store, log), { loaded: 5, lines: 0, requests: 5, output: 15 });
  // Replaced by a file with other first bytes (a rotation that reused the name): read whole; the
  // requests already stored are not counted twice.
  rmSync(log);
  writeFileSync(log, body('f', 6) + body('a', 1));
  assert.deepEqual(await run(store, log), { loaded: 5, lines: 2, requests: 6, output: 21 });
});

test('two windows reading the same log: each request is stored and counted once', async (t) => {
  const d = dir(t);
  const store = join(d, 'h.sqlite');
  const log = join(d, 'proxy.jsonl');
  writeFileSync(log, body('a', 1) + body('b', 2));
  const first = storedFollower(store, { patterns: [log], catalog, currency: 'USD', timeZone: 'UTC', logTimezone: 'UTC', sessionStart: 0 }, catalog);
  const second = storedFollower(store, { patterns: [log], catalog, currency: 'USD', timeZone: 'UTC', logTimezone: 'UTC', sessionStart: 0 }, catalog);
  assert.equal(first.writer?.store.isWriter, true);
  assert.equal(second.writer?.store.isWriter, false);
  await first.follower.refresh();
  appendFileSync(log, body('c', 3));
  await second.follower.refresh();
  await first.follower.refresh();
  first.writer?.store.close();
  // The second window becomes the writer at its next pass and stores what it kept.
  appendFileSync(log, body('d', 4));
  await second.follower.refresh();
  second.writer?.store.close();
  const s = open(store, { readingKey: readingKey({ logTimezone: 'UTC' }) });
  const ledger = load(s);
  s.close();
  assert.equal(ledger.totals().requests, 4);
  assert.equal(ledger.totals().outputTokens, 10);
});
