// The sources added for where DeepSeek users' usage lives now, each from a fixture of our own with
// totals worked out by hand, and the rule that only DeepSeek's spend is DeepSeek's.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FLASH_USD_JUL, PRO_USD_JUL, assertClose, cost, spendOf } from './helpers';

test('Responses API: a body, an SSE response.completed and a plain one; input includes the cached tokens; priced at completed_at', async (t) => {
  const { totals, tracker, skipped } = await spendOf(t, ['responses.jsonl']);
  // r1: input 1000 of which 800 cached → 800 hit, 200 miss; its second copy (a plain event line) is the same request
  const r1 = cost(800, 200, 100, FLASH_USD_JUL);
  const r2 = cost(0, 500, 50, PRO_USD_JUL);
  assertClose(totals.cost, r1 + r2);
  assert.equal(totals.requests, 2);
  assert.equal(totals.reasoningTokens, 40);
  assert.equal(skipped, 0);
  // completed_at of r2 (2026-07-15 09:02:10 UTC), not its created_at
  assert.equal(tracker.snapshot().lastRequest?.at, 1784106130_000);
});

test('pretty-printed JSON: an array of two bodies over many lines, brackets inside strings ignored', async (t) => {
  const { totals, skipped } = await spendOf(t, ['pretty-array.json']);
  assertClose(totals.cost, cost(0, 100, 10, FLASH_USD_JUL) + cost(50, 50, 5, PRO_USD_JUL));
  assert.equal(totals.requests, 2);
  assert.equal(skipped, 0);
});

test('DeepSeek Harness session: usage reported twice per step is counted once; a step whose message never came counts by its chunk', async (t) => {
  const { totals } = await spendOf(t, ['dsh-session.jsonl']);
  // step 1: 300 input (misses) + 1200 cache reads, 80 out; step 2 (cancelled): 100 in, 20 out
  assertClose(totals.cost, cost(1200, 300, 80, FLASH_USD_JUL) + cost(0, 100, 20, FLASH_USD_JUL));
  assert.equal(totals.requests, 2);
  assert.equal(totals.reasoningTokens, 30);
});

test('new-api key=value consume lines: no cache split (an upper bound); a line without token counts is skipped', async (t) => {
  const { totals, skipped } = await spendOf(t, ['newapi-kv.log'], { logTimezone: 'UTC' });
  assertClose(totals.cost, cost(0, 1000, 100, FLASH_USD_JUL) + cost(0, 200, 20, PRO_USD_JUL));
  assert.equal(totals.requests, 2);
  assert.equal(totals.noSplit, 2);
  assert.equal(skipped, 1);
});

test('Anthropic stream tail without message_start: counted with no id (and no model, so unpriced); a normal stream after it is priced', async (t) => {
  const { totals, snapshot, skipped } = await spendOf(t, ['anthropic-tail.sse'], { mtime: new Date('2026-07-15T12:00:00Z') });
  assert.equal(totals.requests, 2);
  assert.equal(totals.unpriced, 1);
  assert.equal(totals.cacheHitTokens, 2000);
  assertClose(totals.cost, cost(0, 10, 30, FLASH_USD_JUL));
  assert.equal(snapshot.withoutId, 1);
  assert.equal(skipped, 1); // a delta after message_stop with no input counts
});

test('Helicone: a row without prompt_tokens is still read (the byte path too), an error row counts as an error', async (t) => {
  const { totals, snapshot } = await spendOf(t, ['helicone.jsonl']);
  assertClose(totals.cost, cost(600, 400, 50, FLASH_USD_JUL) + cost(0, 0, 40, FLASH_USD_JUL));
  assert.equal(totals.requests, 2);
  assert.equal(snapshot.errors, 1);
});

test('attribution by the upstream a wrapper names: DeepSeek\'s /anthropic is priced, Anthropic\'s is left out as not DeepSeek', async (t) => {
  const { totals, tracker } = await spendOf(t, ['anthropic-body.jsonl']);
  assertClose(totals.cost, cost(400, 100 + 50, 30, PRO_USD_JUL));
  assert.equal(totals.requests, 1);
  assert.deepEqual(tracker.ledger.excluded(), { requests: 1, byReason: { 'not-deepseek': 1 }, byProvider: { anthropic: 1 } });
  assert.deepEqual(tracker.ledger.byProvider(), { anthropic: 1, deepseek: 1 });
});

test('claude-code-router v3 rows: input excludes cache reads and writes; a row routed to OpenRouter is another provider\'s; HTTP 500 is an error', async (t) => {
  const { totals, snapshot, tracker } = await spendOf(t, ['ccr-v3-rows.jsonl']);
  assertClose(totals.cost, cost(3000, 200 + 100, 40, FLASH_USD_JUL)); // the row's own cost_usd is ignored
  assert.equal(totals.requests, 1);
  assert.equal(snapshot.errors, 1);
  assert.deepEqual(tracker.ledger.excluded(), { requests: 1, byReason: { 'other-provider': 1 }, byProvider: { openrouter: 1 } });
});

test('new-api logs table row', async (t) => {
  const { totals } = await spendOf(t, ['newapi-table.jsonl']);
  assertClose(totals.cost, cost(900, 100, 100, FLASH_USD_JUL));
});

test('attribution: a UUID message id on the Anthropic format is no evidence for a Claude name (DeepSeek documents no id shape there); Anthropic\'s own is evidence against', async () => {
  const { attribute } = await import('../../../src/core/usage/attribution');
  const { shippedCatalogData } = await import('../../../src/catalog');
  const env = { catalog: shippedCatalogData() };
  assert.deepEqual(attribute(env, { written: 'claude-opus-4-5', api: 'anthropic', ids: ['11111111-2222-4333-8444-555555555555'] }), { provider: 'unattributed', model: 'claude-opus-4-5' });
  assert.deepEqual(attribute(env, { written: 'claude-opus-4-5', api: 'anthropic', ids: ['msg_018SJqZRgcskcNiWtdLAPCDx'] }, ), { provider: 'anthropic', model: 'claude-opus-4-5' });
  // Anthropic's ids win over the user's settings: a transcript from before the switch to DeepSeek stays Anthropic's.
  assert.deepEqual(attribute({ ...env, anthropicBaseUrl: 'https://api.deepseek.com/anthropic' }, { written: 'claude-opus-4-5', api: 'anthropic', ids: ['msg_018SJqZRgcskcNiWtdLAPCDx'] }), { provider: 'anthropic', model: 'claude-opus-4-5' });
  assert.deepEqual(attribute({ ...env, anthropicBaseUrl: 'https://api.deepseek.com/anthropic' }, { written: 'claude-opus-4-5', api: 'anthropic', ids: ['msg_x'] }), { provider: 'deepseek-anthropic', model: 'deepseek-v4-pro' });
  // A DeepSeek model name is DeepSeek's unless something says otherwise; a router prefix or a host does.
  assert.deepEqual(attribute(env, { written: 'deepseek-v4-pro', api: 'openai' }), { provider: 'deepseek', model: 'deepseek-v4-pro' });
  assert.deepEqual(attribute(env, { written: 'openrouter/deepseek/deepseek-v4-pro', api: 'openai' }), { provider: 'openrouter', model: 'deepseek-v4-pro' });
  assert.deepEqual(attribute(env, { written: 'deepseek-v4-pro', api: 'openai', url: 'https://my-res.services.ai.azure.com/models' }), { provider: 'azure', model: 'deepseek-v4-pro' });
  assert.deepEqual(attribute(env, { written: 'deepseek-v4-pro', api: 'openai', ids: ['7334c29da064437e9d158710cdefbae6'] }), { provider: 'azure', model: 'deepseek-v4-pro' });
});
