// Real third-party samples (see the README beside them for their origins), read in place from the
// shared folder beside the repository: exact requests, cache split and totals, the Claude Code
// session Anthropic served left out, the Azure-served stream unpriced.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { shippedCatalogData } from '../../../src/catalog';
import { UsageFollower } from '../../../src/core/usage';
import { FLASH_USD_JUL, assertClose, cost } from './helpers';

const REAL = join(__dirname, '..', '..', '..', '..', 'shared', 'examples', 'real-logs');

async function read(name: string) {
  const tracker = new UsageFollower({ patterns: [join(REAL, name)], catalog: shippedCatalogData(), currency: 'USD', timeZone: 'UTC', logTimezone: 'UTC', sessionStart: 0 });
  const snapshot = await tracker.refresh();
  const file = snapshot.sources[0].files[0];
  assert.equal(file?.state, 'reading', `${name}: ${file?.message ?? 'not found'}`);
  return { totals: tracker.ledger.totals(), excluded: tracker.ledger.excluded(), skipped: file.skippedLines, byProvider: tracker.ledger.byProvider() };
}

test('Responses API bodies: 5 requests, 896 cached of 2,938 input tokens', async () => {
  const { totals, skipped } = await read('deepseek-responses-api-bodies.jsonl');
  assert.equal(totals.requests, 5);
  assert.equal(totals.cacheHitTokens, 896);
  assert.equal(totals.cacheMissTokens, 22 + 18 + 296 + 77 + (2525 - 896));
  assert.equal(totals.outputTokens, 109 + 206 + 66 + 15 + 151);
  assertClose(totals.cost, cost(896, 2042, 547, FLASH_USD_JUL));
  assert.equal(skipped, 0);
});

test('Responses API stream events: 4 requests from their response.completed events', async () => {
  const { totals } = await read('deepseek-responses-api-events.jsonl');
  assert.equal(totals.requests, 4);
  assertClose(totals.cost, cost(1152, 1639, 428, FLASH_USD_JUL));
});

test('a pretty-printed body: 1 request, no line skipped', async () => {
  const { totals, skipped } = await read('pretty-printed-v4-body.json');
  assert.equal(totals.requests, 1);
  assertClose(totals.cost, cost(0, 22, 93, FLASH_USD_JUL));
  assert.equal(skipped, 0);
});

test('the Azure AI Foundry stream of deepseek-v4-pro is served by Azure: unpriced and left out', async () => {
  const { totals, excluded, byProvider } = await read('azure-foundry-deepseek-v4-pro-chunks.jsonl');
  assert.equal(totals.requests, 0);
  assert.equal(totals.cost, 0);
  assert.deepEqual(excluded, { requests: 1, byReason: { 'other-provider': 1 }, byProvider: { azure: 1 } });
  assert.deepEqual(byProvider, { azure: 1 });
});

for (const name of ['cctrace-claude-code-2026-01.jsonl', 'cctrace-claude-code-shifted-2026-09-08.jsonl']) {
  test(`${name}: a Claude Code session Anthropic served is not DeepSeek's (100 messages left out)`, async () => {
    const { totals, excluded } = await read(name);
    assert.equal(totals.requests, 0);
    assert.equal(totals.cost, 0);
    assert.deepEqual(excluded, { requests: 100, byReason: { 'not-deepseek': 100 }, byProvider: { anthropic: 100 } });
  });
}

test('DeepSeek-served OpenAI-format samples are still DeepSeek\'s', async () => {
  for (const name of ['vercel-ai-v4-bodies.jsonl', 'vercel-ai-v4-chunks.jsonl', 'vercel-ai-sanitized-body.jsonl', 'vercel-ai-sanitized-chunks.jsonl']) {
    const { totals, excluded } = await read(name);
    assert.ok(totals.requests > 0, name);
    assert.equal(excluded.requests, 0, name);
  }
});
