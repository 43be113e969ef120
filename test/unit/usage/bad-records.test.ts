// A usage line no real request can have (a time out of range, absurd or fractional token counts)
// is one skipped line with a named reason: never thrown, never priced, and every re-total of the
// ledger equals the first total.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { shippedCatalogData } from '../../../src/catalog';
import { runSpend } from '../../../src/cli/spend';
import { SpendLedger, UsageFollower, type UsageRecord } from '../../../src/core/usage';
import { requestTokenLimit } from '../../../src/core/usage/recordBounds';
import { FLASH_CNY_JUL, FLASH_USD_JUL, assertClose, cost, tempDir } from './helpers';

const JUL15 = 1784106000; // 2026-07-15T09:00:00Z, in seconds as `created` is written

function line(id: string, usage: Record<string, unknown>, created: unknown = JUL15): string {
  return JSON.stringify({ id, object: 'chat.completion', created, model: 'deepseek-v4-flash', usage }) + '\n';
}

function valid(n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += line(`ok${i}`, { prompt_tokens: 110, completion_tokens: 10, prompt_cache_hit_tokens: 100, prompt_cache_miss_tokens: 10 });
  return s;
}

async function spendJson(dir: string, file: string) {
  let stdout = '';
  let stderr = '';
  const code = await runSpend([file, '--format', 'json', '--tz', 'UTC'], { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), cwd: dir });
  return { code, stderr, report: JSON.parse(stdout) };
}

test('a line with an out-of-range time is skipped with its reason; the rest of the file is still counted (D1)', async (t) => {
  const dir = tempDir(t);
  writeFileSync(join(dir, 'proxy.jsonl'), line('t', { prompt_tokens: 1 }, 1e20) + valid(3000) + line('late', { prompt_tokens: 1 }, '99999999999999999') + valid(0));
  const { code, stderr, report } = await spendJson(dir, 'proxy.jsonl');
  assert.equal(code, 0, stderr);
  assert.equal(report.requests, 3000);
  assert.equal(report.skippedLines, 2);
  assert.deepEqual(report.skippedReasons, { 'completion time out of range (not between 2000 and 2099)': 2 });
  assertClose(report.total, 3000 * cost(100, 10, 10, FLASH_USD_JUL));
});

test('absurd, negative and fractional token counts are skipped with their reasons, never priced (D2)', async (t) => {
  const dir = tempDir(t);
  const limit = requestTokenLimit(shippedCatalogData());
  writeFileSync(
    join(dir, 'proxy.jsonl'),
    line('huge', { prompt_tokens: 1e20, completion_tokens: 10 }) +
      line('tera', { prompt_tokens: 1e12 }) +
      line('just-over', { prompt_tokens: limit, completion_tokens: 1 }) +
      line('frac', { prompt_tokens: 1.5, completion_tokens: 10 }) +
      line('neg', { prompt_tokens: 100, completion_tokens: -5 }) +
      line('word', { prompt_tokens: 'many', completion_tokens: 10 }) +
      line('at-limit', { prompt_tokens: limit - 10, completion_tokens: 10, prompt_cache_hit_tokens: 0 }) +
      valid(2),
  );
  const { code, stderr, report } = await spendJson(dir, 'proxy.jsonl');
  assert.equal(code, 0, stderr);
  assert.equal(report.requests, 3);
  assert.equal(report.skippedLines, 6);
  const tooMany = `more tokens than any model's context plus output (${limit.toLocaleString('en-US')})`;
  assert.deepEqual(report.skippedReasons, { [tooMany]: 3, 'token count not a whole number': 1, 'token count negative or not a number': 2 });
  assertClose(report.total, cost(0, limit - 10, 10, FLASH_USD_JUL) + 2 * cost(100, 10, 10, FLASH_USD_JUL));
});

test('the token bound comes from the catalog: the largest context plus maximum output', () => {
  const catalog = shippedCatalogData();
  const largest = Math.max(...catalog.models.map((m) => (m.contextTokens ?? 0) + (m.maxOutputTokens ?? 0)));
  assert.ok(largest > 0);
  assert.equal(requestTokenLimit(catalog), largest);
  const bigger = { ...catalog, models: [...catalog.models, { ...catalog.models[0], id: 'deepseek-test-huge', contextTokens: 4_000_000, maxOutputTokens: 1_000_000 }] };
  assert.equal(requestTokenLimit(bigger), 5_000_000);
});

test('the ledger rejects what it cannot store exactly, so re-totals equal the first total', () => {
  const l = new SpendLedger({ catalog: shippedCatalogData(), currency: 'USD', timeZone: 'UTC', sessionStart: 0 });
  const at = JUL15 * 1000;
  const rec = (key: string, over: Partial<UsageRecord>): UsageRecord => ({
    dedupeKey: key, format: 'openai-body', completedAt: at, model: 'deepseek-v4-flash', provider: 'deepseek', cacheHitTokens: 100, cacheMissTokens: 10, outputTokens: 10, reasoningTokens: 0, hasCacheSplit: true, ...over,
  });
  assert.equal(l.add(rec('ok', {})), 'added');
  assert.equal(l.add(rec('big', { cacheMissTokens: 1e12 })), 'rejected');
  assert.equal(l.add(rec('wrap', { outputTokens: 2 ** 32 + 5 })), 'rejected');
  assert.equal(l.add(rec('when', { completedAt: 1e20 })), 'rejected');
  assert.equal(l.add(rec('nan', { cacheHitTokens: Number.NaN })), 'rejected');
  // A valid record whose key was seen with an absurd one is still counted.
  assert.equal(l.add(rec('big', { cacheMissTokens: 1000 })), 'added');
  const first = l.totals();
  assertClose(first.cost, cost(100, 10, 10, FLASH_USD_JUL) + cost(100, 1000, 10, FLASH_USD_JUL));
  l.reconfigure({ currency: 'CNY' });
  assert.equal(l.totals().requests, 2);
  assertClose(l.totals().cost, cost(100, 10, 10, FLASH_CNY_JUL) + cost(100, 1000, 10, FLASH_CNY_JUL));
  l.reconfigure({ currency: 'USD' });
  assert.deepEqual(l.totals(), first);
});

test('in the tracker, a bad line then valid ones: a currency switch re-totals every request (D1 in the editor)', async (t) => {
  const dir = tempDir(t);
  const log = join(dir, 'proxy.jsonl');
  writeFileSync(log, line('t', { prompt_tokens: 1 }, 1e20) + line('huge', { prompt_tokens: 1e20 }) + valid(1000));
  const tracker = new UsageFollower({ patterns: [log], catalog: shippedCatalogData(), currency: 'USD', timeZone: 'UTC', logTimezone: 'UTC', sessionStart: 0 });
  const first = await tracker.refresh();
  assert.equal(first.session.requests, 1000);
  assert.equal(first.sources[0].files[0].skippedLines, 2);
  tracker.ledger.reconfigure({ currency: 'CNY' });
  const cny = tracker.snapshot();
  assert.equal(cny.session.requests, 1000);
  assertClose(cny.session.cost, 1000 * cost(100, 10, 10, FLASH_CNY_JUL));
  tracker.ledger.reconfigure({ currency: 'USD' });
  assertClose(tracker.snapshot().session.cost, first.session.cost);
  assertClose(first.session.cost, 1000 * cost(100, 10, 10, FLASH_USD_JUL));
});
