// The spend worker as it ships: bundled with esbuild, run as a real worker thread over real log
// files in a temp folder, with the real usage engine and catalog.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import * as esbuild from 'esbuild';
import type { HostToWorker, SnapshotMessage, WorkerConfig, WorkerToHost } from '../../../src/spend/workerProtocol';

let dir: string;
let script: string;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'spend-worker-'));
  script = join(dir, 'spendWorker.js');
  await esbuild.build({ entryPoints: [join(__dirname, '../../../src/worker/spendWorker.ts')], bundle: true, platform: 'node', target: 'node20', format: 'cjs', outfile: script, logLevel: 'error' });
  // As in dist/: SQLite's WebAssembly beside the bundle (the spend history).
  copyFileSync(join(dirname(require.resolve('node-sqlite3-wasm')), 'node-sqlite3-wasm.wasm'), join(dir, 'node-sqlite3-wasm.wasm'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

class Harness {
  readonly messages: WorkerToHost[] = [];
  private readonly worker: Worker;
  private waiters: (() => void)[] = [];

  constructor() {
    this.worker = new Worker(script);
    this.worker.on('message', (m: WorkerToHost) => {
      this.messages.push(m);
      for (const w of this.waiters.splice(0)) w();
    });
  }

  send(m: HostToWorker): void {
    this.worker.postMessage(m);
  }

  snapshots(): SnapshotMessage[] {
    return this.messages.filter((m): m is SnapshotMessage => m.type === 'snapshot');
  }

  /** Resolves with the first snapshot (after `skip` earlier ones) that satisfies `ok`. */
  async waitFor(ok: (m: SnapshotMessage) => boolean, timeoutMs = 10_000): Promise<SnapshotMessage> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const hit = this.snapshots().find(ok);
      if (hit) return hit;
      if (Date.now() > deadline) throw new Error(`no matching snapshot; last: ${JSON.stringify(this.snapshots().at(-1)?.snapshot.session)}`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, 200);
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  stop(): Promise<number> {
    return this.worker.terminate();
  }
}

function response(id: string, model: string, createdMs: number, hit: number, miss: number, out: number): string {
  return JSON.stringify({
    id,
    object: 'chat.completion',
    created: Math.floor(createdMs / 1000),
    model,
    choices: [{ index: 0, message: { role: 'assistant', content: 'ok' }, finish_reason: 'stop' }],
    usage: { prompt_tokens: hit + miss, completion_tokens: out, prompt_cache_hit_tokens: hit, prompt_cache_miss_tokens: miss },
  });
}

// Expected costs are worked out by hand from the catalog's published July 2026 prices (per 1M
// tokens, no peak hours then): Flash USD 0.0028 hit / 0.14 miss / 0.28 output, Pro USD 0.003625 /
// 0.435 / 0.87, Flash CNY 0.02 / 1 / 2.
const JULY = Date.parse('2026-07-15T09:00:00Z');

function near(actual: number, expected: number, what: string): void {
  assert.ok(Math.abs(actual - expected) < 1e-15, `${what}: expected ${expected}, got ${actual}`);
}

function config(logDir: string, over: Partial<WorkerConfig> = {}): WorkerConfig {
  return {
    sources: [
      { pattern: '~/proxy/*.jsonl', paths: [join(logDir, '*.jsonl')] },
      { pattern: '/nowhere/ccr-*.log', paths: [join(logDir, 'missing', 'ccr-*.log')] },
    ],
    sessionStart: Date.now() - 3_600_000,
    currency: 'USD',
    logTimezone: 'UTC',
    displayTimezone: 'UTC',
    ...over,
  };
}

test('reads the logs from the start, prices with the catalog and follows appended requests', async () => {
  const logDir = mkdtempSync(join(dir, 'logs-'));
  const now = Date.now();
  const t1 = JULY;
  const t2 = JULY + 60_000;
  writeFileSync(join(logDir, 'a.jsonl'), `${response('r1', 'deepseek-v4-flash', t1, 1000, 200, 300)}\n${response('r2', 'deepseek-v4-flash', t2, 0, 500, 50)}\n`);
  const h = new Harness();
  try {
    h.send({ type: 'configure', config: config(logDir, { sessionStart: JULY - 3_600_000 }) });
    const first = await h.waitFor((m) => m.initialReadDone);
    const s = first.snapshot;
    assert.equal(s.session.requests, 2);
    assert.ok(first.takenAt >= now && first.takenAt <= Date.now());
    assert.equal(s.session.byModel['deepseek-v4-flash'].requests, 2);
    // r1: 1000 × 0.0028 + 200 × 0.14 + 300 × 0.28 = 114.8; r2: 500 × 0.14 + 50 × 0.28 = 84; (114.8 + 84) / 1M
    near(s.session.cost, 0.0001988, 'two Flash requests');
    // Sources are reported under the entries the user wrote, not the expanded paths.
    assert.deepEqual(s.sources.map((x) => [x.pattern, x.state]), [['~/proxy/*.jsonl', 'ok'], ['/nowhere/ccr-*.log', 'no-match']]);
    assert.equal(s.sources[0].files.length, 1);
    assert.equal(s.sources[0].files[0].state, 'reading');

    // A request written later shows up without any message from the host; a torn last line waits.
    const t3 = JULY + 120_000;
    const line = response('r3', 'deepseek-v4-pro', t3, 0, 100, 10);
    appendFileSync(join(logDir, 'a.jsonl'), line.slice(0, 40));
    appendFileSync(join(logDir, 'a.jsonl'), `${line.slice(40)}\n`);
    const next = await h.waitFor((m) => m.snapshot.session.requests === 3);
    // 100 × 0.435 + 10 × 0.87 = 52.2 per 1M
    near(next.snapshot.session.byModel['deepseek-v4-pro'].cost, 0.0000522, 'the appended Pro request');
    assert.equal(next.snapshot.lastRequest?.model, 'deepseek-v4-pro');
    assert.equal(next.snapshot.sources[0].files[0].skippedLines, 0);
  } finally {
    await h.stop();
  }
});

test('moving the session start re-totals without re-reading; today is unaffected', async () => {
  const logDir = mkdtempSync(join(dir, 'logs-'));
  const now = Date.now();
  writeFileSync(join(logDir, 'a.jsonl'), `${response('s1', 'deepseek-v4-flash', now - 30_000, 10, 10, 10)}\n`);
  const h = new Harness();
  try {
    h.send({ type: 'configure', config: config(logDir, { sessionStart: now - 60_000 }) });
    const first = await h.waitFor((m) => m.initialReadDone && m.snapshot.session.requests === 1);
    const before = h.snapshots().length;
    h.send({ type: 'session', sessionStart: now });
    const reset = await h.waitFor((m) => h.snapshots().indexOf(m) >= before && m.snapshot.sessionStart === now);
    assert.equal(reset.snapshot.session.requests, 0);
    assert.equal(reset.snapshot.session.cost, 0);
    assert.deepEqual(reset.snapshot.byDay, first.snapshot.byDay);
    assert.ok(reset.initialReadDone);
  } finally {
    await h.stop();
  }
});

test('a CNY view counts a USD-only period as unpriced and says why, never converting', async () => {
  const logDir = mkdtempSync(join(dir, 'logs-'));
  // V4-Pro had no CNY price before 2026-09-10 (USD only); Flash had both.
  const july = JULY;
  writeFileSync(
    join(logDir, 'a.jsonl'),
    `${response('c1', 'deepseek-v4-pro', july, 0, 1000, 100)}\n${response('c2', 'deepseek-v4-flash', july + 1000, 0, 1000, 100)}\n${response('c3', 'mystery-model', july + 2000, 0, 10, 10)}\n`,
  );
  const h = new Harness();
  try {
    h.send({ type: 'configure', config: config(logDir, { currency: 'CNY', sessionStart: july - 1000 }) });
    const m = await h.waitFor((x) => x.initialReadDone);
    assert.equal(m.snapshot.currency, 'CNY');
    assert.equal(m.snapshot.session.requests, 3);
    assert.equal(m.snapshot.session.unpriced, 2);
    // Flash in CNY: 1000 × 1 + 100 × 2 = 1200 per 1M
    near(m.snapshot.session.cost, 0.0012, 'the Flash request in CNY');
    assert.deepEqual(
      m.unpriced.session.map((r) => [r.model, r.reason, r.otherCurrencyPriced]),
      [['deepseek-v4-pro', 'currency-unknown', 'USD'], ['mystery-model', 'unknown-model', undefined]],
    );
    assert.deepEqual(m.unpriced.all.map((r) => r.model), ['deepseek-v4-pro', 'mystery-model']);

    // Switching to USD re-prices the remembered requests: V4-Pro is priced now.
    h.send({ type: 'configure', config: config(logDir, { currency: 'USD', sessionStart: july - 1000 }) });
    const usd = await h.waitFor((x) => x.snapshot.currency === 'USD');
    assert.equal(usd.snapshot.session.unpriced, 1);
    // Pro 1000 × 0.435 + 100 × 0.87 = 522, Flash 1000 × 0.14 + 100 × 0.28 = 168, per 1M
    near(usd.snapshot.session.cost, 0.00069, 'Pro and Flash in USD');
    assert.deepEqual(usd.unpriced.session.map((r) => r.reason), ['unknown-model']);
  } finally {
    await h.stop();
  }
});

test('a new source list reads again from the start and keeps following the logs', async () => {
  const logDir = mkdtempSync(join(dir, 'logs-'));
  const other = mkdtempSync(join(dir, 'logs-'));
  const now = Date.now();
  writeFileSync(join(logDir, 'a.jsonl'), `${response('n1', 'deepseek-v4-flash', now - 5000, 0, 10, 10)}\n`);
  writeFileSync(join(other, 'b.jsonl'), `${response('n2', 'deepseek-v4-flash', now - 4000, 0, 10, 10)}\n`);
  const h = new Harness();
  try {
    const first = config(logDir);
    h.send({ type: 'configure', config: first });
    await h.waitFor((m) => m.initialReadDone && m.snapshot.session.requests === 1);
    // A session move queues a post; the new sources arrive before it is sent and restart the reading.
    h.send({ type: 'session', sessionStart: first.sessionStart + 1 });
    h.send({ type: 'configure', config: { ...first, sources: [...first.sources, { pattern: other, paths: [join(other, '*.jsonl')] }] } });
    const reread = await h.waitFor((m) => m.initialReadDone && m.snapshot.sources.length === 3);
    assert.equal(reread.snapshot.session.requests, 2, 'both logs were read, each request once');
    assert.deepEqual(reread.snapshot.sources.map((x) => x.pattern), ['~/proxy/*.jsonl', '/nowhere/ccr-*.log', other]);
    assert.equal(reread.snapshot.sources[2].files[0].usageLines, 1);
    appendFileSync(join(other, 'b.jsonl'), `${response('n3', 'deepseek-v4-flash', Date.now(), 0, 10, 10)}\n`);
    const followed = await h.waitFor((m) => m.snapshot.sources[2]?.files[0]?.usageLines === 2);
    assert.equal(followed.snapshot.session.requests, 3, 'the new source is followed after the restart');
  } finally {
    await h.stop();
  }
});

test('a burst of writes yields at most about four snapshots a second', async () => {
  const logDir = mkdtempSync(join(dir, 'logs-'));
  const file = join(logDir, 'a.jsonl');
  writeFileSync(file, '');
  const h = new Harness();
  try {
    h.send({ type: 'configure', config: config(logDir) });
    await h.waitFor((m) => m.initialReadDone);
    const before = h.snapshots().length;
    const began = Date.now();
    for (let i = 0; i < 40; i++) {
      appendFileSync(file, `${response(`b${i}`, 'deepseek-v4-flash', Date.now(), 0, 10, 10)}\n`);
      await new Promise((r) => setTimeout(r, 25));
    }
    await h.waitFor((m) => m.snapshot.session.requests === 40);
    const elapsed = Date.now() - began;
    const posted = h.snapshots().length - before;
    assert.ok(posted >= 1);
    assert.ok(posted <= Math.ceil(elapsed / 250) + 1, `${posted} snapshots in ${elapsed} ms`);
  } finally {
    await h.stop();
  }
});

test('with a spend history, a restarted worker starts from the stored requests and reads only what the log gained', async () => {
  const logDir = mkdtempSync(join(dir, 'logs-'));
  const storePath = join(logDir, 'history.sqlite');
  writeFileSync(join(logDir, 'a.jsonl'), `${response('h1', 'deepseek-v4-flash', JULY, 1000, 200, 300)}\n${response('h2', 'deepseek-v4-flash', JULY + 1000, 0, 500, 50)}\n`);
  const cfg = config(logDir, { sessionStart: JULY - 1000, storePath });
  const first = new Harness();
  try {
    first.send({ type: 'configure', config: cfg });
    await first.waitFor((m) => m.initialReadDone && m.snapshot.session.requests === 2);
  } finally {
    await first.stop();
  }
  appendFileSync(join(logDir, 'a.jsonl'), `${response('h3', 'deepseek-v4-pro', JULY + 2000, 0, 100, 10)}\n`);
  const second = new Harness();
  try {
    second.send({ type: 'configure', config: cfg });
    const m = await second.waitFor((x) => x.initialReadDone && x.snapshot.session.requests === 3);
    // 114.8 + 84 + 52.2 = 251 per 1M
    near(m.snapshot.session.cost, 0.000251, 'two stored requests and one new');
    assert.equal(m.snapshot.sources[0].files[0].lines, 1, `only the appended line was read; ${JSON.stringify(second.messages.filter((x) => x.type !== 'snapshot'))}`);
    assert.ok(second.messages.some((x) => x.type === 'log' && /loaded 2 requests from the spend history/.test(x.message)));
  } finally {
    await second.stop();
  }
});
