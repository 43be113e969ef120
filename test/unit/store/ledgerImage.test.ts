// The ledger image a reload starts from (real SQLite file): it must give exactly the totals that
// re-adding every stored request gives, after appends, after another window wrote, after a catalog
// or session change, and it is saved in the same transaction as the records or not at all.
import assert from 'node:assert/strict';
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { type Catalog, shippedCatalogData } from '../../../src/catalog';
import { SpendLedger } from '../../../src/core/usage/ledger';
import { SpendStore } from '../../../src/core/usage/store/spendStore';
import { readingKey, storedFollower } from '../../../src/core/usage/store/storedFollower';
import type { SpendSnapshot } from '../../../src/core/usage/types';
import { T0, batchOf, record } from './storeFixtures';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Database } = require('node-sqlite3-wasm') as { Database: new (p: string) => { all(sql: string): Record<string, unknown>[]; close(): void } };

const catalog = shippedCatalogData();
const NOW = Date.parse('2026-07-20T12:00:00Z');

function dir(t: { after: (fn: () => void) => void }): string {
  const d = mkdtempSync(join(tmpdir(), 'dcl-image-'));
  t.after(() => rmSync(d, { recursive: true, force: true }));
  return d;
}

/** Requests over several days and two models, some repeated with more usage, one error: every kind of total moves. */
function lines(prefix: string, from: number, n: number): string {
  let out = '';
  for (let i = from; i < from + n; i++) {
    const created = Math.floor((T0 + i * 7 * 3600_000) / 1000);
    const model = i % 3 === 0 ? 'deepseek-v4-pro' : 'deepseek-v4-flash';
    const usage = { prompt_tokens: 1100 + i, completion_tokens: 20 + i, prompt_cache_hit_tokens: 1000, prompt_cache_miss_tokens: 100 + i };
    out += JSON.stringify({ id: `${prefix}-${i}`, object: 'chat.completion', created, model, usage }) + '\n';
    if (i % 4 === 0) out += JSON.stringify({ id: `${prefix}-${i}`, object: 'chat.completion', created: created + 5, model, usage: { ...usage, completion_tokens: 90 + i } }) + '\n';
  }
  return out;
}

interface Window {
  sessionStart?: number;
  currency?: 'USD' | 'CNY';
  catalog?: Catalog;
}

async function reload(store: string, log: string, w: Window = {}) {
  const c = w.catalog ?? catalog;
  const r = storedFollower(store, { patterns: [log], catalog: c, currency: w.currency ?? 'USD', timeZone: 'Asia/Shanghai', logTimezone: 'UTC', sessionStart: w.sessionStart ?? 0 }, c);
  assert.equal(r.unavailable, undefined);
  const first = r.follower.ledger.snapshot(NOW);
  await r.follower.refresh();
  const after = r.follower.ledger.snapshot(NOW);
  r.writer?.store.close();
  return { image: r.image, first: totalsOf(first), after: totalsOf(after) };
}

/** Every total a status bar, tooltip or dashboard shows (sources are per-read state, not totals). */
function totalsOf(s: SpendSnapshot): unknown {
  return JSON.parse(JSON.stringify({ ...s, sources: [] }));
}

/** The reference: a fresh ledger that re-adds every stored request (the store's behaviour before images). */
function fullRead(store: string, w: Window = {}): unknown {
  const c = w.catalog ?? catalog;
  const o = SpendStore.open(store, { readingKey: readingKey({ logTimezone: 'UTC' }), catalog: c });
  assert.equal(o.kind, 'opened');
  const s = (o as { store: SpendStore }).store;
  const ledger = new SpendLedger({ catalog: c, currency: w.currency ?? 'USD', timeZone: 'Asia/Shanghai', sessionStart: w.sessionStart ?? 0 });
  s.loadInto(ledger, () => true);
  s.close();
  return totalsOf(ledger.snapshot(NOW));
}

function imageCount(store: string): number {
  const db = new Database(store);
  try {
    return db.all('SELECT key FROM snapshots').length;
  } finally {
    db.close();
  }
}

test('a reload restores the saved image and shows exactly the totals a full read gives', async (t) => {
  const d = dir(t);
  const store = join(d, 'h.sqlite');
  const log = join(d, 'proxy.jsonl');
  writeFileSync(log, lines('a', 0, 40));
  const filled = await reload(store, log, { sessionStart: T0 + 3 * 86400_000 });
  assert.equal(filled.image, 'none');
  assert.equal(imageCount(store), 1, 'the first read saves an image');
  const again = await reload(store, log, { sessionStart: T0 + 3 * 86400_000 });
  assert.equal(again.image, 'exact');
  assert.deepEqual(again.first, filled.after, 'the first total on reload is the total of the first read');
  assert.deepEqual(again.first, fullRead(store, { sessionStart: T0 + 3 * 86400_000 }));
});

test('after the logs grew, the reload adds only the new requests to the image and matches a full read', async (t) => {
  const d = dir(t);
  const store = join(d, 'h.sqlite');
  const log = join(d, 'proxy.jsonl');
  writeFileSync(log, lines('a', 0, 30));
  await reload(store, log);
  // New requests and a repeat of a stored one with more usage (it must replace, not add).
  appendFileSync(log, lines('a', 30, 12) + JSON.stringify({ id: 'a-1', object: 'chat.completion', created: Math.floor((T0 + 7 * 3600_000) / 1000) + 60, model: 'deepseek-v4-flash', usage: { prompt_tokens: 5000, completion_tokens: 900, prompt_cache_hit_tokens: 1000, prompt_cache_miss_tokens: 4000 } }) + '\n');
  const grown = await reload(store, log);
  assert.equal(grown.image, 'exact');
  assert.deepEqual(grown.after, fullRead(store));
  const next = await reload(store, log);
  assert.equal(next.image, 'exact');
  assert.deepEqual(next.first, fullRead(store));
  assert.equal((next.first as SpendSnapshot).session.requests, 42);
});

test('requests another window wrote after the image are merged into it on reload, each once', async (t) => {
  const d = dir(t);
  const store = join(d, 'h.sqlite');
  const log = join(d, 'proxy.jsonl');
  writeFileSync(log, lines('a', 0, 20));
  await reload(store, log);
  // Another writer (here: the store written directly, as a window with other settings whose image
  // is not this one's) adds new requests and a more complete copy of a stored one.
  const o = SpendStore.open(store, { readingKey: readingKey({ logTimezone: 'UTC' }), catalog });
  const other = (o as { store: SpendStore }).store;
  const batch = batchOf('b', 0, 5, log);
  // A log request's dedupe key is its id with the format's prefix.
  batch.requests.push({ path: log, record: record('id:a-2', T0 + 14 * 3600_000 + 30_000, { outputTokens: 5000, cacheMissTokens: 3000 }) });
  other.write(batch);
  other.close();
  const merged = await reload(store, log);
  assert.equal(merged.image, 'merged');
  const reference = fullRead(store);
  assert.deepEqual(merged.first, reference);
  assert.equal((merged.first as SpendSnapshot).session.requests, 25);
  // That reload saved an image that includes the other window's batch.
  const next = await reload(store, log);
  assert.equal(next.image, 'exact');
  assert.deepEqual(next.first, reference);
});

test('a window that becomes the writer takes in what another wrote meanwhile before saving its image', async (t) => {
  const d = dir(t);
  const store = join(d, 'h.sqlite');
  const log = join(d, 'proxy.jsonl');
  writeFileSync(log, lines('a', 0, 10));
  const options = { patterns: [log], catalog, currency: 'USD' as const, timeZone: 'Asia/Shanghai', logTimezone: 'UTC', sessionStart: 0 };
  const first = storedFollower(store, options, catalog);
  await first.follower.refresh();
  const second = storedFollower(store, options, catalog);
  assert.equal(second.writer!.store.isWriter, false);
  assert.equal(second.image, 'exact');
  first.writer!.store.close();
  // Written while the second window only reads: requests it never saw in its own ledger.
  const o = SpendStore.open(store, { readingKey: readingKey({ logTimezone: 'UTC' }), catalog });
  const other = (o as { store: SpendStore }).store;
  other.write(batchOf('c', 0, 7, log));
  other.close();
  appendFileSync(log, lines('a', 10, 3));
  await second.follower.refresh();
  assert.equal(second.writer!.store.isWriter, true);
  const live = totalsOf(second.follower.ledger.snapshot(NOW));
  second.writer!.store.close();
  const reference = fullRead(store);
  assert.deepEqual(live, reference, 'the writer took in the other batch');
  const last = await reload(store, log);
  assert.equal(last.image, 'exact');
  assert.deepEqual(last.first, reference);
  assert.equal((last.first as SpendSnapshot).session.requests, 20);
});

test('another catalog, currency or session finds no image of its own and totals from the stored requests', async (t) => {
  const d = dir(t);
  const store = join(d, 'h.sqlite');
  const log = join(d, 'proxy.jsonl');
  writeFileSync(log, lines('a', 0, 25));
  const before = await reload(store, log);
  // Every price doubled: a stale image would show the old cost.
  const dearer = structuredClone(catalog) as Catalog;
  for (const p of dearer.pricePeriods as unknown as { offPeak: Record<string, number>; peak?: Record<string, number> }[]) {
    for (const tier of [p.offPeak, p.peak]) if (tier) for (const k of Object.keys(tier)) tier[k] *= 2;
  }
  const repriced = await reload(store, log, { catalog: dearer });
  assert.equal(repriced.image, 'none');
  assert.deepEqual(repriced.first, fullRead(store, { catalog: dearer }));
  assert.notEqual((repriced.first as SpendSnapshot).session.cost, (before.after as SpendSnapshot).session.cost);
  const yuan = await reload(store, log, { currency: 'CNY' });
  assert.equal(yuan.image, 'none');
  assert.deepEqual(yuan.first, fullRead(store, { currency: 'CNY' }));
  // The first settings' image is still there and still right.
  const back = await reload(store, log);
  assert.equal(back.image, 'exact');
  assert.deepEqual(back.first, before.after);
  const later = await reload(store, log, { sessionStart: T0 + 5 * 86400_000 });
  assert.equal(later.image, 'none');
  assert.deepEqual(later.first, fullRead(store, { sessionStart: T0 + 5 * 86400_000 }));
  assert.equal(imageCount(store), 3, 'only the most recent images are kept');
});

test("a window counting fewer sources does not take another window's image", async (t) => {
  const d = dir(t);
  const store = join(d, 'h.sqlite');
  const one = join(d, 'one.jsonl');
  const two = join(d, 'two.jsonl');
  writeFileSync(one, lines('a', 0, 10));
  writeFileSync(two, lines('b', 0, 6));
  const options = { catalog, currency: 'USD' as const, timeZone: 'Asia/Shanghai', logTimezone: 'UTC', sessionStart: 0 };
  const both = storedFollower(store, { ...options, patterns: [one, two] }, catalog);
  await both.follower.refresh();
  assert.equal(both.follower.ledger.snapshot(NOW).session.requests, 16);
  both.writer!.store.close();
  const only = storedFollower(store, { ...options, patterns: [one] }, catalog);
  assert.equal(only.image, 'none');
  assert.equal(only.follower.ledger.snapshot(NOW).session.requests, 10);
  only.writer!.store.close();
  const again = storedFollower(store, { ...options, patterns: [two, one] }, catalog);
  assert.equal(again.image, 'exact', 'the same sources in another order are the same window');
  assert.equal(again.follower.ledger.snapshot(NOW).session.requests, 16);
  again.writer!.store.close();
});

test('a write that fails before commit stores neither its requests nor an image', (t) => {
  const store = join(dir(t), 'h.sqlite');
  let fail = true;
  const o = SpendStore.open(store, { readingKey: 'k', catalog, beforeCommit: () => { if (fail) throw new Error('crash before commit'); } });
  const s = (o as { store: SpendStore }).store;
  const ledger = new SpendLedger({ catalog, currency: 'USD', timeZone: 'UTC', sessionStart: 0 });
  const batch = batchOf('r', 0, 4);
  for (const r of batch.requests) ledger.add(r.record);
  assert.throws(() => s.write(batch, { ledger, wanted: () => true, scope: 'all', save: true }), /crash before commit/);
  const empty = new SpendLedger({ catalog, currency: 'USD', timeZone: 'UTC', sessionStart: 0 });
  assert.equal(s.restoreInto(empty, 'all', () => true).image, 'none');
  assert.equal(empty.storedRequests, 0);
  fail = false;
  s.write(batch, { ledger, wanted: () => true, scope: 'all', save: true });
  const restored = new SpendLedger({ catalog, currency: 'USD', timeZone: 'UTC', sessionStart: 0 });
  assert.equal(s.restoreInto(restored, 'all', () => true).image, 'exact');
  s.close();
  assert.deepEqual(restored.totals(), ledger.totals());
});

test('a restored ledger keeps every request: a currency change re-prices it like the original', () => {
  const ledger = new SpendLedger({ catalog, currency: 'USD', timeZone: 'UTC', sessionStart: 0 });
  for (let i = 0; i < 50; i++) ledger.add(record(`r-${i}`, T0 + i * 3_600_000, { outputTokens: 10 + i, model: i % 2 ? 'deepseek-v4-pro' : 'deepseek-v4-flash' }));
  ledger.addError({ format: 'openai-body', message: '', dedupeKey: 'e1', at: T0 });
  const copy = new SpendLedger({ catalog, currency: 'USD', timeZone: 'UTC', sessionStart: 0 });
  copy.importImage(ledger.exportImage());
  assert.deepEqual(copy.snapshot(NOW), ledger.snapshot(NOW));
  // Dedupe survives: the same key with less usage is a duplicate, the error key is known.
  assert.equal(copy.add(record('r-3', T0, { outputTokens: 1 })), 'duplicate');
  assert.equal(copy.addError({ format: 'openai-body', message: '', dedupeKey: 'e1', at: T0 }), false);
  copy.reconfigure({ currency: 'CNY' });
  ledger.reconfigure({ currency: 'CNY' });
  assert.deepEqual(copy.snapshot(NOW), ledger.snapshot(NOW));
  assert.throws(() => copy.importImage(new Uint8Array(3)));
});
