// Each supported format read from its fixture, totals checked against hand arithmetic.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  FLASH_CNY_JUL, FLASH_CNY_SEP, FLASH_USD_JUL, FLASH_USD_SEP, PRO_CNY_SEP, PRO_USD_JUL, PRO_USD_SEP, assertClose, cost, peak, spendOf,
} from './helpers';

test('OpenAI bodies: wrappers, no-split upper bound, cached_tokens only, errors, garbage, unknown model, before the first period, CRLF, invalid UTF-8', async (t) => {
  const { totals, snapshot, skipped } = await spendOf(t, ['openai-bodies.jsonl']);
  // ob-1 flash: 8000 hit, 2000 miss, 500 out (its second copy is deduped)
  const ob1 = cost(8000, 2000, 500, FLASH_USD_JUL);
  // ob-2 pro under "response", time from the wrapper (09:10 UTC): 1000 hit, 2000 miss, 1000 out
  const ob2 = cost(1000, 2000, 1000, PRO_USD_JUL);
  // ob-3 deepseek-chat under "body", no split: all 400 prompt tokens are misses (upper bound)
  const ob3 = cost(0, 400, 100, FLASH_USD_JUL);
  // ob-4 only prompt_tokens_details.cached_tokens: hit 4992, miss 5000 − 4992 = 8
  const ob4 = cost(4992, 8, 50, FLASH_USD_JUL);
  // ob-7 has invalid UTF-8 inside a string: still read
  const ob7 = cost(0, 200, 20, FLASH_USD_JUL);
  assertClose(totals.cost, ob1 + ob2 + ob3 + ob4 + ob7);
  assert.equal(totals.requests, 7); // ob-1..ob-7 (ob-x is truncated JSON)
  assert.equal(totals.unpriced, 2); // ob-5 unknown model, ob-6 before the first price period
  assert.equal(totals.noSplit, 2); // ob-3, ob-5
  assert.equal(snapshot.errors, 2); // 402 body, 429 under a wrapper
  assert.equal(skipped, 2); // truncated JSON, binary garbage
  assert.equal(totals.byModel['deepseek-chat'].cacheMissTokens, 400);
  assert.equal(totals.byModel['deepseek-v4-flash'].reasoningTokens, 200);
  // reasoning is inside output, never added again
  assert.equal(totals.byModel['deepseek-v4-flash'].outputTokens, 500 + 50 + 20 + 100);
  assert.equal(totals.byModel['gpt-4o-mini'].unpriced, 1);
  assert.equal(totals.byModel['gpt-4o-mini'].cost, 0);
});

test('OpenAI bodies in CNY: V4-Pro had no CNY price in July, so it is unpriced, not converted', async (t) => {
  const { totals } = await spendOf(t, ['openai-bodies.jsonl'], { currency: 'CNY' });
  const expected = cost(8000, 2000, 500, FLASH_CNY_JUL) + cost(0, 400, 100, FLASH_CNY_JUL) + cost(4992, 8, 50, FLASH_CNY_JUL) + cost(0, 200, 20, FLASH_CNY_JUL);
  assertClose(totals.cost, expected);
  assert.equal(totals.unpriced, 3); // ob-2 (pro, no CNY), ob-5, ob-6
});

test('OpenAI SSE capture: keep-alives, usage:null chunks, [DONE], CRLF; peak vs off-peak completion times', async (t) => {
  const { totals } = await spendOf(t, ['openai-stream.sse']);
  // st-1 flash at 2026-09-15 02:00 UTC = 10:00 Beijing, a Tuesday: peak (2 × off-peak)
  const st1 = cost(19968, 32, 300, peak(FLASH_USD_SEP));
  // st-2 pro at 05:00 UTC = 13:00 Beijing: off-peak
  const st2 = cost(0, 1000, 400, PRO_USD_SEP);
  assertClose(totals.cost, st1 + st2);
  assert.equal(totals.requests, 2);
  assert.equal(totals.reasoningTokens, 120 + 300);
  const cny = await spendOf(t, ['openai-stream.sse'], { currency: 'CNY' });
  assertClose(cny.totals.cost, cost(19968, 32, 300, peak(FLASH_CNY_SEP)) + cost(0, 1000, 400, PRO_CNY_SEP));
});

test('Anthropic SSE: message_start + cumulative message_delta, the last count wins; Claude names mapped when the settings name DeepSeek; no time → file mtime', async (t) => {
  const { totals, tracker } = await spendOf(t, ['anthropic-stream.sse'], { mtime: new Date('2026-07-15T12:00:00Z'), anthropicBaseUrl: 'https://api.deepseek.com/anthropic' });
  // msg_as1 claude-opus-4-1 → V4-Pro: hit 6400, miss 700 input + 100 cache creation, output 187 (not 1 + 50 + 187)
  const as1 = cost(6400, 800, 187, PRO_USD_JUL);
  // msg_as2 claude-sonnet-4-5 → V4-Flash: miss 100, output 20 (not 10 + 20)
  const as2 = cost(0, 100, 20, FLASH_USD_JUL);
  assertClose(totals.cost, as1 + as2);
  assert.equal(totals.requests, 2);
  assert.equal(totals.outputTokens, 207);
  assert.deepEqual(Object.keys(totals.byModel), ['deepseek-v4-flash', 'deepseek-v4-pro']);
  assert.equal(tracker.snapshot().lastRequest?.at, Date.parse('2026-07-15T12:00:00Z'));
  assert.deepEqual(tracker.ledger.byProvider(), { 'deepseek-anthropic': 2 });
  // Without that evidence the same Claude names are not DeepSeek's: left out, and said why.
  const plain = await spendOf(t, ['anthropic-stream.sse'], { mtime: new Date('2026-07-15T12:00:00Z') });
  assert.equal(plain.totals.requests, 0);
  assert.equal(plain.totals.cost, 0);
  assert.deepEqual(plain.tracker.ledger.excluded(), { requests: 2, byReason: { 'not-deepseek': 2 }, byProvider: { unattributed: 2 } });
});

test('Claude Code transcript: repeated lines of one message keep the largest usage; sidechain copy deduped; synthetic ignored; API error counted', async (t) => {
  const { totals, snapshot } = await spendOf(t, ['claude-code.jsonl'], { anthropicBaseUrl: 'https://api.deepseek.com/anthropic' });
  const cc1 = cost(12000, 300, 250, FLASH_USD_JUL); // largest of output 5 / 250 / 250
  const cc2 = cost(0, 50 + 2000, 80, FLASH_USD_JUL); // claude-sonnet-4-5 → flash, cache creation billed as miss
  const cc3 = cost(0, 10, 40, PRO_USD_JUL); // claude-opus-4-1 → pro
  assertClose(totals.cost, cc1 + cc2 + cc3);
  assert.equal(totals.requests, 3);
  assert.equal(snapshot.errors, 1);
  // Claude Code's settings not naming DeepSeek: only the DeepSeek-named message is DeepSeek's.
  const plain = await spendOf(t, ['claude-code.jsonl']);
  assertClose(plain.totals.cost, cc1);
  assert.equal(plain.totals.requests, 1);
  assert.deepEqual(plain.tracker.ledger.excluded().byReason, { 'not-deepseek': 2 });
});

test('claude-code-router: each response logged twice (recieved data + Original Response) counts once; reqId restarting at req-1 is not a key', async (t) => {
  const { totals, snapshot } = await spendOf(t, ['ccr.log']);
  const a = cost(24576, 312, 187, FLASH_USD_JUL); // ccr-a, logged at 2026-07-15 09:00:01 UTC
  const b = cost(0, 1000, 100, PRO_USD_JUL); // ccr-b, after the restart, also req-1
  assertClose(totals.cost, a + b);
  assert.equal(totals.requests, 2);
  assert.equal(totals.reasoningTokens, 64);
  assert.equal(snapshot.errors, 1);
});

test('new-api: local times in the log time zone, cache_tokens split, Claude channel prompt excludes cache reads, error logged twice counts once', async (t) => {
  const { totals, snapshot, tracker } = await spendOf(t, ['newapi.log'], { logTimezone: 'Asia/Shanghai' });
  const na1 = cost(19200, 20000 - 19200, 300, FLASH_USD_JUL);
  const na2 = cost(0, 20, 60, PRO_USD_JUL); // no cache_tokens: no split
  const na4 = cost(30000, 500, 250, FLASH_USD_JUL); // Claude channel: miss = prompt_tokens, hit = cache_tokens
  // 2026-09-15 17:30 Shanghai = 09:30 UTC, a Tuesday inside the 14:00-18:00 Beijing peak window
  const na5 = cost(0, 1000, 100, peak(FLASH_USD_SEP));
  assertClose(totals.cost, na1 + na2 + na4 + na5);
  assert.equal(totals.requests, 4);
  assert.equal(totals.noSplit, 1);
  assert.equal(snapshot.errors, 1);
  assert.deepEqual(Object.keys(tracker.ledger.byDayTotals()), ['2026-07-15', '2026-09-15']);
  // The same log read as UTC puts na-5 at 17:30 UTC = 01:30 Beijing: off-peak, so the zone matters.
  const utc = await spendOf(t, ['newapi.log'], { logTimezone: 'UTC' });
  assertClose(utc.totals.cost, na1 + na2 + na4 + cost(0, 1000, 100, FLASH_USD_SEP));
});

test('one-api: no cache split, priced as all miss (upper bound), Unix CreatedAt', async (t) => {
  const { totals, snapshot } = await spendOf(t, ['oneapi.log'], { logTimezone: 'Asia/Shanghai' });
  assertClose(totals.cost, cost(0, 1000, 100, FLASH_USD_JUL) + cost(0, 2000, 900, FLASH_USD_JUL));
  assert.equal(totals.noSplit, 2);
  assert.equal(snapshot.errors, 1);
});

test('LiteLLM payload: usage_object, endTime in Unix seconds; response_cost ignored; replay with the same id deduped; failure counted', async (t) => {
  const { totals, snapshot } = await spendOf(t, ['litellm-payload.jsonl']);
  const ll1 = cost(8960, 40, 100, FLASH_USD_JUL); // only cached_tokens: miss = 9000 − 8960
  const ll2 = cost(0, 100, 20, PRO_USD_JUL); // "deepseek/deepseek-v4-pro"
  assertClose(totals.cost, ll1 + ll2);
  assert.equal(totals.requests, 2);
  assert.equal(snapshot.errors, 1);
});

test('all fixtures together: the same request seen by several logs is one request', async (t) => {
  const names = ['openai-bodies.jsonl', 'openai-stream.sse', 'claude-code.jsonl', 'ccr.log', 'litellm-payload.jsonl'];
  const all = await spendOf(t, names);
  let sum = 0;
  let requests = 0;
  for (const n of names) {
    const one = await spendOf(t, [n]);
    sum += one.totals.cost;
    requests += one.totals.requests;
  }
  // No ids are shared between these fixtures, so the totals add up.
  assertClose(all.totals.cost, sum);
  assert.equal(all.totals.requests, requests);
  // Reading one file twice (two patterns naming it) changes nothing.
  const twice = await spendOf(t, ['ccr.log', 'ccr.log']);
  const once = await spendOf(t, ['ccr.log']);
  assertClose(twice.totals.cost, once.totals.cost);
});
