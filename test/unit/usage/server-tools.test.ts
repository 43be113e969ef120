// Billed tool calls (`usage.server_tool_use`) in OpenAI bodies, Anthropic bodies and Anthropic SSE;
// priced per call with the free period honoured; the Anthropic mapping by date (an unknown name
// after the rewrite stays unpriced); a year without a holiday calendar counted as an assumption.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runSpend } from '../../../src/cli/spend';
import { shippedCatalogData } from '../../../src/catalog';
import { LineParser } from '../../../src/core/usage/lineParser';
import { assertClose, copyFixture, spendOf, tempDir } from './helpers';

const DEEPSEEK_ANTHROPIC = { anthropicBaseUrl: 'https://api.deepseek.com/anthropic' }; // the fixtures' Claude names went to DeepSeek's endpoint
const FLASH = { hit: 0.003, miss: 0.15, out: 0.6 };
const PRO = { hit: 0.022, miss: 0.66, out: 1.98 };
const c = (hit: number, miss: number, out: number, r: typeof FLASH, k = 1) => ((hit * r.hit + miss * r.miss + out * r.out) * k) / 1e6;
const SSE_TIME = new Date('2026-11-20T13:00:00Z');

async function run(argv: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const code = await runSpend(argv, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), cwd });
  return { code, stdout, stderr };
}

test('server_tool_use is read from OpenAI bodies, Anthropic bodies and the cumulative Anthropic stream; zero or absent means none', () => {
  const parser = new LineParser({ catalog: shippedCatalogData(), logTimezone: 'UTC' });
  const usage = (line: string) => {
    const r = parser.parse(line, 0);
    assert.equal(r.kind, 'usage', line);
    return r.kind === 'usage' ? r.record : undefined!;
  };
  const openai = usage('{"id":"a","object":"chat.completion","created":1790000000,"model":"deepseek-flash","choices":[],"usage":{"prompt_tokens":5,"completion_tokens":1,"server_tool_use":{"web_search_requests":2,"web_fetch_requests":1}}}');
  assert.equal(openai.searchCalls, 2);
  assert.equal(openai.fetchCalls, 1);
  const anthropic = usage('{"id":"m","type":"message","model":"claude-sonnet-4-5","usage":{"input_tokens":5,"output_tokens":1,"server_tool_use":{"web_search_requests":4}}}');
  assert.equal(anthropic.searchCalls, 4);
  assert.equal(anthropic.fetchCalls, undefined);
  const none = usage('{"id":"z","object":"chat.completion","created":1790000000,"model":"deepseek-flash","choices":[],"usage":{"prompt_tokens":5,"completion_tokens":1,"server_tool_use":{"web_search_requests":0}}}');
  assert.equal(none.searchCalls, undefined);
  const garbage = usage('{"id":"g","object":"chat.completion","created":1790000000,"model":"deepseek-flash","choices":[],"usage":{"prompt_tokens":5,"completion_tokens":1,"server_tool_use":{"web_search_requests":"many"}}}');
  assert.equal(garbage.searchCalls, undefined, 'a count that is not a number is not a count');
  usage('data: {"type":"message_start","message":{"id":"s","model":"claude-opus-4-1","usage":{"input_tokens":3,"output_tokens":1}}}');
  const delta = usage('data: {"type":"message_delta","usage":{"output_tokens":9,"server_tool_use":{"web_fetch_requests":2}}}');
  assert.equal(delta.fetchCalls, 2);
  assert.equal(delta.outputTokens, 9);
});

test('tool calls are priced per call in the ledger: free before 2026-10-31 16:00 UTC, billed after, counted per model and day', async (t) => {
  const { totals, tracker } = await spendOf(t, ['server-tools.jsonl'], DEEPSEEK_ANTHROPIC);
  const flash = totals.byModel['deepseek-flash'];
  assert.equal(flash.toolCalls, 3 + 3);
  assertClose(flash.toolCost, 3 * 0.00075, 'the free-period searches cost nothing, the later three are billed');
  const v4flash = totals.byModel['deepseek-v4-flash'];
  assert.equal(v4flash.toolCalls, 4, 'claude-sonnet before the rewrite is served by deepseek-v4-flash');
  assertClose(v4flash.toolCost, 4 * 0.00075);
  assertClose(totals.cost, c(1000, 500, 200, FLASH) * 2 + 3 * 0.00075 + c(0, 100, 50, FLASH) + 4 * 0.00075 + c(0, 100, 10, FLASH) + c(0, 1000, 100, FLASH, 2));
  const byDay = tracker.ledger.byDayTotals();
  assert.equal(byDay['2026-10-25']['deepseek-flash'].toolCalls, 3);
  assert.equal(byDay['2026-10-25']['deepseek-flash'].toolCost, 0);
  assertClose(byDay['2026-11-20']['deepseek-flash'].toolCost, 3 * 0.00075);
  // gpt-4o sent to the Anthropic endpoint after 2026-12-01 was rejected (HTTP 400): unpriced, never Flash.
  assert.equal(totals.byModel['gpt-4o'].unpriced, 1);
  assert.equal(totals.byModel['gpt-4o'].cost, 0);
});

test('a streamed Anthropic response counts its tool calls once, at the final cumulative value', async (t) => {
  const { totals } = await spendOf(t, ['server-tools.sse'], { mtime: SSE_TIME, ...DEEPSEEK_ANTHROPIC });
  const pro = totals.byModel['deepseek-v4-pro'];
  assert.equal(pro.requests, 1);
  assert.equal(pro.toolCalls, 3);
  assertClose(pro.toolCost, 3 * 0.00075);
  assertClose(pro.cost, c(0, 300, 40, PRO) + 3 * 0.00075);
});

test('CNY prices tool calls at ¥5 per 1,000; a tool price unknown in a currency stays unpriced, never converted', async (t) => {
  const { totals } = await spendOf(t, ['server-tools.jsonl'], { currency: 'CNY', ...DEEPSEEK_ANTHROPIC });
  assertClose(totals.byModel['deepseek-flash'].toolCost, 3 * 0.005);
  const { totals: noUsd } = await spendOf(t, ['server-tools.jsonl'], {
    ...DEEPSEEK_ANTHROPIC,
    catalog: { ...shippedCatalogData(), toolPricePeriods: shippedCatalogData().toolPricePeriods.filter((p) => p.currency !== 'USD') },
  });
  const flash = noUsd.byModel['deepseek-flash'];
  assert.equal(flash.toolCalls, 6);
  assert.equal(flash.toolCost, 0);
  assert.equal(flash.toolUnpriced, 6, 'no USD row: the calls are unpriced, not converted from CNY, not free');
});

test('spend --format json: toolCalls and toolCost per model and day, assumptions with counts, the catalog date', async (t) => {
  const dir = tempDir(t);
  copyFixture('server-tools.jsonl', dir);
  copyFixture('server-tools.sse', dir, SSE_TIME);
  writeFileSync(join(dir, 'claude-settings.json'), JSON.stringify({ env: { ANTHROPIC_BASE_URL: DEEPSEEK_ANTHROPIC.anthropicBaseUrl } }));
  const { code, stdout, stderr } = await run(['server-tools.jsonl', 'server-tools.sse', '--format', 'json', '--tz', 'UTC', '--claude-settings', 'claude-settings.json'], dir);
  assert.equal(code, 0, stderr);
  const r = JSON.parse(stdout);
  assert.equal(r.toolCalls, 6 + 4 + 3);
  assertClose(r.toolCost, (3 + 4 + 3) * 0.00075);
  assert.equal(r.byModel['deepseek-flash'].toolCalls, 6);
  assertClose(r.byModel['deepseek-flash'].toolCost, 3 * 0.00075);
  assert.equal(r.byModel['deepseek-v4-pro'].toolCalls, 3);
  assert.equal(r.byDay['2026-10-25'].toolCalls, 3);
  assert.equal(r.byDay['2026-10-25'].toolCost, 0);
  assert.equal(r.byDay['2026-11-20'].toolCalls, 3 + 4 + 3);
  assert.equal(r.byDay['2026-11-20'].byModel['deepseek-v4-flash'].toolCalls, 4);
  assert.deepEqual(r.assumptions, [
    { kind: 'holiday-calendar-missing', year: 2027, message: 'holiday calendar for 2027 not published yet: weekday peak hours applied on every weekday', requests: 1 },
  ]);
  assert.equal(r.catalogDate, '2026-12-01');
  assert.equal(r.catalogStaleness, undefined, 'the catalog age is judged at run time, not at the logs\' times');
  const text = await run(['server-tools.jsonl', '--tz', 'UTC', '--currency', 'CNY', '--claude-settings', 'claude-settings.json'], dir);
  // 3 free calls, then 3 + 4 billed at ¥5 per 1,000.
  assert.match(text.stdout, /10 built-in tool calls \(web search, page fetch\): ¥0\.035, in the total/);
  assert.match(text.stdout, /^1 request priced assuming: holiday calendar for 2027 not published yet/m);
});

test('requests in a covered year carry no assumption; the snapshot carries the catalog age once it is old', async (t) => {
  const { tracker } = await spendOf(t, ['server-tools.jsonl'], { until: Date.parse('2027-01-01T00:00:00Z'), ...DEEPSEEK_ANTHROPIC });
  assert.deepEqual(tracker.ledger.assumptions(), []);
  assert.equal(tracker.ledger.snapshot(Date.parse('2027-01-30T00:00:00Z')).catalogStaleness, undefined);
  assert.equal(tracker.ledger.snapshot(Date.parse('2027-02-01T00:00:00Z')).catalogStaleness, 'prices as of 2026-12-01; check for an update');
});
