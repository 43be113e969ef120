// The tailer on the new kinds of file. "Live" means: for a zstd file, each new complete frame (DeepSeek
// Harness appends one per durable batch of events; an unfinished frame waits for the next change);
// for claude-code-router v3's database, each commit the router makes (in the WAL or the database), at most once per interval (2 s by default),
// read from a private copy while the router holds its connection open, a write transaction included.
import assert from 'node:assert/strict';
import { type ChildProcessWithoutNullStreams, execFileSync, spawn } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { shippedCatalogData } from '../../../src/catalog';
import { UsageFollower } from '../../../src/core/usage';
import { FIXTURES, FLASH_USD_JUL, assertClose, cost, tempDir } from './helpers';

function tracker(path: string, databaseIntervalMs = 0) {
  return new UsageFollower({ patterns: [path], catalog: shippedCatalogData(), currency: 'USD', timeZone: 'UTC', logTimezone: 'UTC', sessionStart: 0, databaseIntervalMs });
}

/** One zstd frame made by the real zstd tool. */
function frame(text: string): Buffer {
  return execFileSync('zstd', ['-q', '-c', '-'], { input: Buffer.from(text) });
}

test('a growing session.jsonl.zstd: each new complete frame is read; a half-written frame waits', async (t) => {
  const dir = tempDir(t);
  const path = join(dir, 'session.jsonl.zstd');
  const lines = readFileSync(join(FIXTURES, 'dsh-session.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => l + '\n');
  writeFileSync(path, frame(lines[0]));
  appendFileSync(path, frame(lines.slice(1, 6).join(''))); // step 1
  const tr = tracker(path);
  let s = await tr.refresh();
  assert.equal(s.session.requests, 1);
  const last = frame(lines.slice(6).join('')); // step 2, ended without its message
  appendFileSync(path, last.subarray(0, 10));
  s = await tr.refresh();
  assert.equal(s.session.requests, 1);
  assert.equal(s.sources[0].files[0].skippedLines, 0);
  appendFileSync(path, last.subarray(10));
  s = await tr.refresh();
  assert.equal(s.session.requests, 2);
  assertClose(s.session.cost, cost(1200, 300, 80, FLASH_USD_JUL) + cost(0, 100, 20, FLASH_USD_JUL));
});

test('a gzip file is named as compressed, with what to do; a directory gets a glob to use', async (t) => {
  const dir = tempDir(t);
  const gz = join(dir, 'proxy.jsonl.gz');
  writeFileSync(gz, execFileSync('gzip', ['-c'], { input: readFileSync(join(FIXTURES, 'openai-bodies.jsonl')) }));
  const sub = join(dir, 'logs');
  mkdirSync(sub);
  const s = await new UsageFollower({ patterns: [gz, sub], catalog: shippedCatalogData(), currency: 'USD', timeZone: 'UTC', logTimezone: 'UTC', sessionStart: 0 }).refresh();
  assert.match(s.sources[0].files[0].message ?? '', /compressed \(gzip\): decompress it/);
  assert.match(s.sources[1].files[0].message ?? '', /a directory: give the files in it with a glob such as ".*logs[/\\]\*\.jsonl"/);
});

class Router {
  private readonly p: ChildProcessWithoutNullStreams;
  private out = '';
  private n = 0;
  constructor(path: string) {
    this.p = spawn('sqlite3', [path]);
    this.p.stdout.on('data', (d) => (this.out += d));
  }
  /** Runs SQL on the router's one open connection and waits until sqlite3 has done it. */
  async run(sql: string): Promise<void> {
    const mark = `done-${++this.n}`;
    this.p.stdin.write(`${sql}\n.print ${mark}\n`);
    while (!this.out.includes(mark)) await new Promise((r) => this.p.stdout.once('data', r));
  }
  close(): void {
    this.p.stdin.end();
  }
}

function insert(id: number, minute: number, input: number, read: number, out: number): string {
  return `INSERT INTO usage_events (id, created_at, request_id, method, path, model, provider, status_code, input_tokens, output_tokens, cache_read_tokens, cache_write_tokens) VALUES (${id}, '2026-07-15T09:0${minute}:00.000Z', 'r${id}', 'POST', '/v1/messages', 'deepseek-v4-flash', 'deepseek', 200, ${input}, ${out}, ${read}, 0);`;
}

test('claude-code-router v3 database: rows committed to the WAL are read live, a write transaction in progress neither blocks nor shows', async (t) => {
  const dir = tempDir(t);
  const path = join(dir, 'usage.sqlite');
  const router = new Router(path);
  t.after(() => router.close());
  await router.run(`PRAGMA journal_mode=WAL; CREATE TABLE usage_events (id INTEGER PRIMARY KEY AUTOINCREMENT, created_at TEXT NOT NULL, request_id TEXT NOT NULL DEFAULT '', client TEXT NOT NULL DEFAULT 'unknown', method TEXT NOT NULL, path TEXT NOT NULL, model TEXT NOT NULL DEFAULT 'unknown', logical_model TEXT NOT NULL DEFAULT '', provider TEXT NOT NULL DEFAULT 'unknown', credential_id TEXT NOT NULL DEFAULT '', status_code INTEGER NOT NULL DEFAULT 0, duration_ms INTEGER NOT NULL DEFAULT 0, input_tokens INTEGER NOT NULL DEFAULT 0, output_tokens INTEGER NOT NULL DEFAULT 0, cache_read_tokens INTEGER NOT NULL DEFAULT 0, cache_write_tokens INTEGER NOT NULL DEFAULT 0, total_tokens INTEGER NOT NULL DEFAULT 0, cost_usd REAL, cost_source TEXT NOT NULL DEFAULT '');`);
  await router.run(insert(1, 0, 100, 900, 10) + insert(2, 1, 200, 0, 20));
  assert.ok(existsSync(`${path}-wal`) && statSync(`${path}-wal`).size > 0, 'the rows are in the WAL, not yet in the database file');
  const tr = tracker(path);
  let s = await tr.refresh();
  assert.equal(s.sources[0].files[0].state, 'reading', s.sources[0].files[0].message);
  assert.equal(s.session.requests, 2);
  await router.run('BEGIN IMMEDIATE;' + insert(3, 2, 300, 0, 30));
  s = await tr.refresh();
  assert.equal(s.session.requests, 2);
  assert.equal(s.sources[0].files[0].state, 'reading');
  await router.run('COMMIT;');
  s = await tr.refresh();
  assert.equal(s.session.requests, 3);
  assertClose(s.session.cost, cost(900, 100, 10, FLASH_USD_JUL) + cost(0, 200, 20, FLASH_USD_JUL) + cost(0, 300, 30, FLASH_USD_JUL));
  // Nothing of ours was left beside the router's files.
  assert.deepEqual(['usage.sqlite', 'usage.sqlite-shm', 'usage.sqlite-wal'].filter((f) => existsSync(join(dir, f))).sort(), ['usage.sqlite', 'usage.sqlite-shm', 'usage.sqlite-wal']);
});

test('claude-code-router v3 database: read again at most once per interval, and a change inside it is read after it', async (t) => {
  const dir = tempDir(t);
  const path = join(dir, 'usage.sqlite');
  const router = new Router(path);
  t.after(() => router.close());
  await router.run("PRAGMA journal_mode=WAL; CREATE TABLE usage_events (id INTEGER PRIMARY KEY, created_at TEXT, request_id TEXT, method TEXT, path TEXT, model TEXT, provider TEXT, status_code INTEGER, input_tokens INTEGER, output_tokens INTEGER, cache_read_tokens INTEGER, cache_write_tokens INTEGER);");
  await router.run(insert(1, 0, 100, 900, 10));
  const tr = tracker(path, 400);
  assert.equal((await tr.refresh()).session.requests, 1);
  await router.run(insert(2, 1, 200, 0, 20));
  assert.equal((await tr.refresh()).session.requests, 1);
  await new Promise((r) => setTimeout(r, 450));
  assert.equal((await tr.refresh()).session.requests, 2);
});

test('claude-code-router v3 database larger than one page of rows: every row read once', async (t) => {
  const dir = tempDir(t);
  const path = join(dir, 'usage.sqlite');
  execFileSync('sqlite3', [path], {
    input: "CREATE TABLE usage_events (id INTEGER PRIMARY KEY, created_at TEXT, path TEXT, model TEXT, provider TEXT, status_code INTEGER, input_tokens INTEGER, output_tokens INTEGER, cache_read_tokens INTEGER, cache_write_tokens INTEGER);\n" +
      "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 4500) INSERT INTO usage_events SELECT i, '2026-07-15T09:00:00.000Z', '/v1/chat/completions', 'deepseek-v4-flash', 'deepseek', 200, 10, 1, 0, 0 FROM n;\n",
  });
  const s = await tracker(path).refresh();
  assert.equal(s.session.requests, 4500);
  assertClose(s.session.cost, 4500 * cost(0, 10, 1, FLASH_USD_JUL));
});
