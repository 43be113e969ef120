// The tailer running on its own (watch + poll) while another process appends, writes half a line,
// rotates and truncates the log: the totals stay exact.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { test } from 'node:test';
import { shippedCatalogData } from '../../../src/catalog';
import { UsageFollower, type SpendSnapshot } from '../../../src/core/usage';
import { FLASH_USD_JUL, assertClose, cost, tempDir } from './helpers';

function body(id: string, hit: number, miss: number, out: number): string {
  return JSON.stringify({ id, object: 'chat.completion', created: 1784106000, model: 'deepseek-v4-flash', usage: { prompt_tokens: hit + miss, completion_tokens: out, prompt_cache_hit_tokens: hit, prompt_cache_miss_tokens: miss } }) + '\n';
}

function startWriter(t: { after: (fn: () => void) => void }) {
  const child = spawn(process.execPath, [join(__dirname, 'logWriter.mjs')], { stdio: ['pipe', 'pipe', 'inherit'] });
  t.after(() => child.kill());
  const replies = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  return async (command: object): Promise<void> => {
    child.stdin!.write(JSON.stringify(command) + '\n');
    const reply = await replies.next();
    assert.equal(reply.value, 'ok');
  };
}

/**
 * Resolves when the snapshot satisfies `ok`, checked after each tailer pass (an event, not a timer);
 * fails after `ms` with the last snapshot.
 */
function until(tracker: UsageFollower, passes: EventEmitter, ok: (s: SpendSnapshot) => boolean, ms = 5000): Promise<SpendSnapshot> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const s = tracker.snapshot();
      if (!ok(s)) return false;
      passes.off('pass', check);
      clearTimeout(timer);
      resolve(s);
      return true;
    };
    const timer = setTimeout(() => {
      passes.off('pass', check);
      reject(new Error(`timed out; last snapshot ${JSON.stringify(tracker.snapshot().session)}`));
    }, ms);
    passes.on('pass', check);
    check();
  });
}

test('a separate writer appends, writes half a line, rotates and truncates while the tailer runs', async (t) => {
  const dir = tempDir(t);
  const log = join(dir, 'proxy.log');
  const write = startWriter(t);
  const updates: SpendSnapshot[] = [];
  const passes = new EventEmitter();
  const tracker = new UsageFollower(
    { patterns: [join(dir, 'proxy*.log')], catalog: shippedCatalogData(), currency: 'USD', timeZone: 'UTC', logTimezone: 'UTC', sessionStart: 0, pollMs: 100, onPass: () => passes.emit('pass') },
    (s) => updates.push(s),
  );
  tracker.start();
  t.after(() => tracker.stop());

  await write({ op: 'append', path: log, text: body('w1', 1000, 100, 10) });
  await until(tracker, passes, (s) => s.session.requests === 1);

  const half = body('w2', 2000, 200, 20);
  await write({ op: 'append', path: log, text: half.slice(0, 50) });
  // Wait until the tailer has looked at the grown file, then check the half line was not taken.
  const size = Buffer.byteLength(body('w1', 1000, 100, 10)) + 50;
  await until(tracker, passes, () => tracker.tailer.files().some((f) => f.size === size));
  assert.equal(tracker.snapshot().session.requests, 1);
  await write({ op: 'append', path: log, text: half.slice(50) });
  await until(tracker, passes, (s) => s.session.requests === 2);

  // Rotation: one more record, then rename to a sibling the glob matches, then a new file.
  await write({ op: 'append', path: log, text: body('w3', 3000, 300, 30) });
  await write({ op: 'rename', from: log, to: join(dir, 'proxy-2026-07-15.log') });
  await write({ op: 'append', path: log, text: body('w4', 4000, 400, 40) });
  await until(tracker, passes, (s) => s.session.requests === 4);

  // Truncation: the new file is emptied and rewritten, repeating w4 (a re-logged request).
  await write({ op: 'truncate', path: log });
  await write({ op: 'append', path: log, text: body('w4', 4000, 400, 40) + body('w5', 5000, 500, 50) });
  const s = await until(tracker, passes, (x) => x.session.requests === 5);

  // Σ hits 15000, misses 1500, output 150 over w1..w5
  assertClose(s.session.cost, cost(1000 + 2000 + 3000 + 4000 + 5000, 100 + 200 + 300 + 400 + 500, 10 + 20 + 30 + 40 + 50, FLASH_USD_JUL));
  assert.equal(s.session.cacheHitTokens, 15000);
  assert.ok(updates.length >= 4, 'the tracker reported updates as they happened');
  // Nothing counted twice once one more full pass has run.
  await tracker.refresh();
  assert.equal(tracker.snapshot().session.requests, 5);
  assert.equal(tracker.snapshot().sources[0].files.reduce((n, f) => n + f.skippedLines, 0), 0);
});

/** Resolves with the first update whose snapshot satisfies `ok`; fails after `ms` with the last one. */
function updateWhere(updates: { on?: (s: SpendSnapshot) => void }, ok: (s: SpendSnapshot) => boolean, last: () => SpendSnapshot, ms: number): Promise<SpendSnapshot> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out; ${last().session.requests} requests counted`)), ms);
    updates.on = (s) => {
      if (!ok(s)) return;
      clearTimeout(timer);
      resolve(s);
    };
    const now = last();
    if (ok(now)) {
      clearTimeout(timer);
      resolve(now);
    }
  });
}

for (const mode of ['rename', 'copytruncate'] as const) {
  test(`an exact path rotated by ${mode} while a separate writer appends 30,000 requests: none lost`, async (t) => {
    const dir = tempDir(t);
    const log = join(dir, 'proxy.jsonl');
    const write = startWriter(t);
    const updates: { on?: (s: SpendSnapshot) => void } = {};
    const tracker = new UsageFollower(
      { patterns: [log], catalog: shippedCatalogData(), currency: 'USD', timeZone: 'UTC', logTimezone: 'UTC', sessionStart: 0 },
      (s) => updates.on?.(s),
    );
    await write({ op: 'append', path: log, text: '' });
    await tracker.refresh();
    tracker.start();
    t.after(() => tracker.stop());
    const count = 30_000;
    await write({ op: 'stream', path: log, count, rotateEvery: 3000, mode, prefix: mode });
    const s = await updateWhere(updates, (x) => x.session.requests >= count, () => tracker.snapshot(), 20_000).catch((e) => {
      t.diagnostic(`${mode}: ${count - tracker.snapshot().session.requests} of ${count} requests lost`);
      throw e;
    });
    t.diagnostic(`${mode}: ${count - s.session.requests} of ${count} requests lost`);
    assert.equal(s.session.requests, count);
    assertClose(s.session.cost, count * cost(100, 10, 10, FLASH_USD_JUL));
    assert.equal(s.sources[0].files.reduce((n, f) => n + f.skippedLines, 0), 0);
  });
}
