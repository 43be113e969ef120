// The ledger on its own: dedupe keeps the most complete usage, session/today/day windows, ranges,
// currency changes re-price from the stored numbers.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { shippedCatalogData } from '../../../src/catalog';
import { SpendLedger, type UsageRecord } from '../../../src/core/usage';
import { FLASH_CNY_JUL, FLASH_USD_JUL, PRO_USD_JUL, assertClose, cost } from './helpers';

const JUL15_0900 = Date.parse('2026-07-15T09:00:00Z');

function rec(key: string, at: number, hit: number, miss: number, out: number, model = 'deepseek-v4-flash'): UsageRecord {
  return { dedupeKey: key, format: 'openai-body', completedAt: at, model, cacheHitTokens: hit, cacheMissTokens: miss, outputTokens: out, reasoningTokens: 0, hasCacheSplit: true, provider: 'deepseek' };
}

function ledger(extra: Partial<ConstructorParameters<typeof SpendLedger>[0]> = {}) {
  return new SpendLedger({ catalog: shippedCatalogData(), currency: 'USD', timeZone: 'UTC', sessionStart: 0, ...extra });
}

test('the largest usage per key wins, whichever order the lines come in', () => {
  const l = ledger();
  assert.equal(l.add(rec('a', JUL15_0900, 100, 10, 1)), 'added');
  assert.equal(l.add(rec('a', JUL15_0900, 100, 10, 50)), 'replaced');
  assert.equal(l.add(rec('a', JUL15_0900, 100, 10, 20)), 'duplicate');
  assert.equal(l.add(rec('a', JUL15_0900, 100, 10, 50)), 'duplicate');
  const t = l.totals();
  assert.equal(t.requests, 1);
  assert.equal(t.outputTokens, 50);
  assertClose(t.cost, cost(100, 10, 50, FLASH_USD_JUL));
});

test('a replacement that changes model and day moves the request', () => {
  const l = ledger();
  l.add(rec('a', JUL15_0900, 0, 10, 0, 'deepseek-v4-flash'));
  l.add(rec('a', JUL15_0900 + 86_400_000, 0, 10, 5, 'deepseek-v4-pro'));
  assert.deepEqual(Object.keys(l.totals().byModel), ['deepseek-v4-pro']);
  assert.deepEqual(Object.keys(l.byDayTotals()['2026-07-16']), ['deepseek-v4-pro']);
  assert.equal(Object.keys(l.byDayTotals()['2026-07-15'] ?? {}).length, 0);
  assertClose(l.totals().cost, cost(0, 10, 5, PRO_USD_JUL));
});

test('session counts from its start; today follows the user zone; byDay uses local days', () => {
  const sessionStart = Date.parse('2026-07-15T08:00:00Z');
  const l = ledger({ sessionStart, timeZone: 'Asia/Shanghai' });
  l.add(rec('before', Date.parse('2026-07-15T07:00:00Z'), 0, 1000, 0)); // 15:00 Beijing, before the session
  l.add(rec('in1', Date.parse('2026-07-15T09:00:00Z'), 0, 2000, 0)); // 17:00 Beijing
  l.add(rec('in2', Date.parse('2026-07-15T16:30:00Z'), 0, 3000, 0)); // 00:30 on the 16th in Beijing
  const s = l.snapshot(Date.parse('2026-07-15T10:00:00Z'));
  assert.equal(s.session.requests, 2);
  assertClose(s.session.cost, cost(0, 5000, 0, FLASH_USD_JUL));
  assert.equal(s.today.requests, 2); // "before" and "in1" are both on the 15th in Beijing
  assertClose(s.today.cost, cost(0, 3000, 0, FLASH_USD_JUL));
  assert.deepEqual(Object.keys(s.byDay), ['2026-07-15', '2026-07-16']);
  assert.equal(s.lastRequest?.at, Date.parse('2026-07-15T16:30:00Z'));
  assertClose(s.lastRequest!.cost!, cost(0, 3000, 0, FLASH_USD_JUL));
  assert.equal(s.currency, 'USD');
});

test('since/until limit the totals but duplicates outside the range still dedupe', () => {
  const l = ledger({ since: Date.parse('2026-07-15T00:00:00Z'), until: Date.parse('2026-07-16T00:00:00Z') });
  l.add(rec('a', Date.parse('2026-07-14T23:00:00Z'), 0, 100, 0));
  l.add(rec('b', JUL15_0900, 0, 200, 0));
  l.add(rec('c', Date.parse('2026-07-16T00:00:00Z'), 0, 400, 0));
  assert.equal(l.totals().requests, 1);
  assertClose(l.totals().cost, cost(0, 200, 0, FLASH_USD_JUL));
  assert.equal(l.storedRequests, 3);
});

test('reconfigure re-prices every stored request in another currency without re-reading', () => {
  const l = ledger();
  l.add(rec('a', JUL15_0900, 1000, 100, 10));
  l.add(rec('p', JUL15_0900, 0, 100, 10, 'deepseek-v4-pro'));
  assertClose(l.totals().cost, cost(1000, 100, 10, FLASH_USD_JUL) + cost(0, 100, 10, PRO_USD_JUL));
  l.reconfigure({ currency: 'CNY' });
  assertClose(l.totals().cost, cost(1000, 100, 10, FLASH_CNY_JUL));
  assert.equal(l.totals().unpriced, 1);
  assert.equal(l.snapshot(JUL15_0900).currency, 'CNY');
});

test('savedByCache is what the hits would have cost as misses', () => {
  const l = ledger();
  l.add(rec('a', JUL15_0900, 10_000, 0, 0));
  assertClose(l.totals().savedByCache, (10_000 * (0.14 - 0.0028)) / 1e6);
});

test('errors with a key count once; errors without a key each count', () => {
  const l = ledger();
  l.addError({ format: 'newapi', message: 'x', dedupeKey: 'newapi:1' });
  l.addError({ format: 'newapi', message: 'x', dedupeKey: 'newapi:1' });
  l.addError({ format: 'openai-body', message: 'y' });
  l.addError({ format: 'openai-body', message: 'y' });
  assert.equal(l.errorCount, 3);
});

test('many distinct keys stay distinct and compact', () => {
  const l = ledger();
  const n = 200_000;
  for (let i = 0; i < n; i++) l.add(rec(`id:${i.toString(36)}-${i}`, JUL15_0900 + i, 0, 1, 0));
  for (let i = 0; i < n; i += 7) l.add(rec(`id:${i.toString(36)}-${i}`, JUL15_0900 + i, 0, 1, 0));
  assert.equal(l.totals().requests, n);
  assert.equal(l.totals().cacheMissTokens, n);
  assert.ok(l.storeBytes / n < 100, `store uses ${l.storeBytes / n} bytes a request`);
});

test('the same usage seen again later moves the request to the later time (the nearest to completion), never earlier', () => {
  const l = ledger();
  assert.equal(l.add(rec('a', JUL15_0900, 100, 10, 5)), 'added');
  assert.equal(l.add(rec('a', JUL15_0900 + 13_000, 100, 10, 5)), 'replaced');
  assert.equal(l.add(rec('a', JUL15_0900 + 1_000, 100, 10, 5)), 'duplicate');
  assert.equal(l.totals().requests, 1);
  assert.equal(l.snapshot(JUL15_0900 + 60_000).lastRequest?.at, JUL15_0900 + 13_000);
});
