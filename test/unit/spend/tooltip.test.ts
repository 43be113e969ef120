import { test } from 'node:test';
import assert from 'node:assert/strict';
import { shippedCatalogData } from '../../../src/catalog';
import { emptyTotals } from '../../../src/core/usage/ledger';
import type { LogSourceState, SpendSnapshot, SpendTotals } from '../../../src/core/usage/types';
import { SPEND_COMMANDS } from '../../../src/spend/commandIds';
import { buildSpendReport } from '../../../src/spend/report';
import { regroupSources } from '../../../src/spend/sourceStates';
import { statusView } from '../../../src/spend/statusView';
import { type TooltipInput, buildSpendTooltip } from '../../../src/spend/tooltip';
import { unpricedReasons } from '../../../src/spend/unpricedReasons';

const NOW = Date.parse('2026-11-23T10:00:00Z');
const ZONE = 'Europe/Berlin';

function totals(t: Partial<SpendTotals>): SpendTotals {
  return { ...emptyTotals(), ...t };
}

function group(byModel: Record<string, SpendTotals>): SpendTotals & { byModel: Record<string, SpendTotals> } {
  const sum = emptyTotals();
  for (const t of Object.values(byModel)) for (const k of Object.keys(sum) as (keyof SpendTotals)[]) sum[k] += t[k];
  return { ...sum, byModel };
}

const reading: LogSourceState = { pattern: '~/.claude/projects/**/*.jsonl', state: 'ok', files: [{ path: '/home/a/.claude/projects/x/1.jsonl', state: 'reading', skippedLines: 0 }] };

function snapshot(over: Partial<SpendSnapshot> = {}): SpendSnapshot {
  const flash = totals({ cost: 0.3, requests: 10, cacheHitTokens: 6000, cacheMissTokens: 4000, outputTokens: 1000, reasoningTokens: 400, savedByCache: 0.21 });
  const pro = totals({ cost: 0.12, requests: 2, cacheMissTokens: 500, outputTokens: 100, savedByCache: 0 });
  return {
    currency: 'USD',
    sessionStart: Date.parse('2026-11-23T08:14:00Z'),
    session: group({ 'deepseek-v4-flash': flash, 'deepseek-v4-pro': pro }),
    today: group({ 'deepseek-v4-flash': totals({ ...flash, cost: 1.1, requests: 30 }) }),
    byDay: { '2026-11-22': { 'deepseek-v4-flash': flash }, '2026-11-23': { 'deepseek-v4-flash': flash, 'deepseek-v4-pro': pro } },
    errors: 0,
    lastRequest: { at: Date.parse('2026-11-23T09:02:11Z'), model: 'deepseek-v4-flash', cost: 0.0031 },
    sources: [reading],
    ...over,
  };
}

function input(over: Partial<TooltipInput> = {}): TooltipInput {
  return { snapshot: snapshot(), configured: true, currency: 'USD', budgets: { session: null, daily: null }, now: NOW, zone: ZONE, problems: [], ...over };
}

test('the tooltip gives session and today totals, rates, savings and models', () => {
  const md = buildSpendTooltip(input());
  assert.match(md, /session since 09:14:00/);
  assert.match(md, /\| Cost \| \$0\.42 \| \$1\.10 \|/);
  assert.match(md, /\| Requests \| 12 \| 30 \|/);
  // 6000 hits of 10,500 prompt tokens in the session; 6000 of 10,000 today.
  assert.match(md, /\| Cache hit rate \| 57% \| 60% \|/);
  assert.match(md, /\| Saved by caching \| \$0\.21 \| \$0\.21 \|/);
  // 400 reasoning tokens of 1100 output tokens.
  assert.match(md, /\| Reasoning share of output \| 36% \| 40% \|/);
  assert.match(md, /\| `deepseek-v4-flash` \| \$0\.30 · 10 req \| \$1\.10 · 30 req \|/);
  assert.match(md, /\| `deepseek-v4-pro` \| \$0\.12 · 2 req \| – \|/);
  assert.match(md, /Last request: 10:02:11 · `deepseek-v4-flash` · \$0\.0031/);
  assert.match(md, /- `~\/\.claude\/projects\/\*\*\/\*\.jsonl`: reading/);
  assert.ok(md.includes(`(command:${SPEND_COMMANDS.resetSession})`));
  assert.ok(!/unpriced|upper bound/i.test(md), 'no caveats when every request was priced with a split');
});

test('unpriced requests and requests without a cache split are counted and explained', () => {
  const s = snapshot();
  s.session = group({ ...s.session.byModel, 'mystery-model': totals({ requests: 3, unpriced: 3 }), 'deepseek-chat': totals({ requests: 2, noSplit: 2, cost: 0.01 }) });
  const md = buildSpendTooltip(
    input({ snapshot: s, unpriced: { session: [{ model: 'mystery-model', requests: 3, reason: 'unknown-model' }], today: [] } }),
  );
  assert.match(md, /Unpriced \(not in the totals\): 3 requests this session, 0 today \(`mystery-model`: model not in the catalog\)/);
  assert.match(md, /No cache split in the log: 2 requests this session, 0 today, priced as all cache-miss, so those costs are an upper bound/);
});

test('a CNY view of a USD-only period says there is no CNY price and never converts', () => {
  const s = snapshot({ currency: 'CNY' });
  s.session = group({ 'deepseek-v4-pro': totals({ requests: 4, unpriced: 4 }), 'deepseek-v4-flash': totals({ requests: 1, cost: 0.05 }) });
  const md = buildSpendTooltip(
    input({ snapshot: s, currency: 'CNY', unpriced: { session: [{ model: 'deepseek-v4-pro', requests: 4, reason: 'currency-unknown', otherCurrencyPriced: 'USD' }], today: [] } }),
  );
  assert.match(md, /\| Cost \| ¥0\.05 \|/);
  assert.match(md, /`deepseek-v4-pro`: no CNY price for that period \(a USD price exists; it is never converted\)/);
  assert.ok(!/\$\d/.test(md), 'no dollar amount in a CNY view');
});

test('log source states: missing, unreadable, no match, skipped lines', () => {
  const sources: LogSourceState[] = [
    { pattern: '/var/log/proxy.jsonl', state: 'no-match', files: [{ path: '/var/log/proxy.jsonl', state: 'missing', skippedLines: 0, message: 'file not found' }], message: 'file not found' },
    { pattern: '/srv/ccr-*.log', state: 'ok', files: [{ path: '/srv/ccr-1.log', state: 'reading', skippedLines: 3 }, { path: '/srv/ccr-2.log', state: 'unreadable', skippedLines: 0, message: 'permission denied (EACCES)' }] },
    { pattern: '/data/*.jsonl', state: 'no-match', files: [], message: 'no file matches this pattern yet' },
  ];
  const md = buildSpendTooltip(input({ snapshot: snapshot({ sources }) }));
  assert.match(md, /- `\/var\/log\/proxy\.jsonl`: no file matches yet \(file not found\)/);
  assert.match(md, /- `\/srv\/ccr-\*\.log`: reading 1 file, \$\(error\) 1 unreadable: permission denied \\\(EACCES\\\), 3 lines skipped/);
  assert.match(md, /- `\/data\/\*\.jsonl`: no file matches yet/);
  const one = buildSpendTooltip(input({ snapshot: snapshot({ sources: [{ ...reading, files: [{ ...reading.files[0], skippedLines: 1 }] }] }) }));
  assert.match(one, /: reading, 1 line skipped/);
});

test('with no log configured the tooltip says so and links the add command', () => {
  const md = buildSpendTooltip(input({ configured: false, snapshot: undefined }));
  assert.match(md, /No usage log is configured/);
  assert.ok(md.includes(`[Add a usage log…](command:${SPEND_COMMANDS.addUsageLog})`));
  assert.deepEqual(statusView({ configured: false, currency: 'USD', budgets: { session: null, daily: null } }).text, '$(graph) DS –');
});

test('budgets are shown against spend; settings problems are listed', () => {
  const md = buildSpendTooltip(input({ budgets: { session: 0.5, daily: 1 }, problems: ['deepseekCost.currency must be USD or CNY; using the default'] }));
  assert.match(md, /\$\(warning\) Session budget: \$0\.42 of \$0\.50 \(84% used, \$0\.08 left\)/);
  assert.match(md, /\$\(error\) Daily budget: \$1\.10 of \$1\.00 \(110% used, \$0\.10 over\)/);
  assert.match(md, /\*\*Settings\*\*/);
  assert.match(md, /deepseekCost\\\.currency must be USD or CNY/);
});

test('budget use shows at any level, far below the 80% warning, right under the totals', () => {
  const md = buildSpendTooltip(input({ budgets: { session: 10, daily: 50 } }));
  assert.match(md, /^Session budget: \$0\.42 of \$10\.00 \(4\.2% used, \$9\.58 left\)  $/m);
  assert.match(md, /^Daily budget: \$1\.10 of \$50\.00 \(2\.2% used, \$48\.90 left\)$/m);
  assert.doesNotMatch(md, /\$\((warning|error)\) (Session|Daily) budget/);
  assert.ok(md.indexOf('Session budget') < md.indexOf('Last request'), 'budgets come before the last request and the sources');
});

test('text from logs cannot inject Markdown or links', () => {
  const s = snapshot();
  s.session = group({ 'a|b`[x](command:evil)': totals({ requests: 1, cost: 0.01 }) });
  const md = buildSpendTooltip(input({ snapshot: s }));
  assert.ok(md.includes('| ``a\\|b`[x](command:evil)`` |'), md);
});

test('the status text shows the session amount, flags incomplete totals and colours by budget', () => {
  const base = { configured: true, currency: 'USD' as const, budgets: { session: null, daily: null } };
  assert.equal(statusView({ ...base }).text, '$(loading~spin) DS');
  const ok = statusView({ ...base, snapshot: snapshot() });
  assert.equal(ok.text, '$(graph) DS $0.42');
  assert.equal(ok.level, 'ok');
  assert.equal(ok.accessibilityLabel, 'DeepSeek session spend 0.42 US dollars');
  const tiny = snapshot();
  tiny.session = group({ 'deepseek-v4-flash': totals({ cost: 0.0031, requests: 1 }) });
  assert.equal(statusView({ ...base, snapshot: tiny }).text, '$(graph) DS $0.0031');
  assert.equal(statusView({ ...base, currency: 'CNY', snapshot: snapshot({ currency: 'CNY' }) }).text, '$(graph) DS ¥0.42');
  assert.equal(statusView({ ...base, budgets: { session: 0.5, daily: null }, snapshot: snapshot() }).level, 'warning');
  assert.equal(statusView({ ...base, budgets: { session: 0.5, daily: 1 }, snapshot: snapshot() }).level, 'exceeded');
  // A snapshot still in the old currency is not compared with a budget in the new one.
  assert.equal(statusView({ ...base, currency: 'CNY', budgets: { session: 0.1, daily: null }, snapshot: snapshot() }).level, 'ok');
  const unpriced = snapshot();
  unpriced.session = group({ x: totals({ requests: 1, unpriced: 1 }) });
  const flagged = statusView({ ...base, snapshot: unpriced });
  assert.equal(flagged.text, '$(graph) DS $0.00 $(warning)');
  assert.match(flagged.accessibilityLabel, /incomplete/);
  const unreadable = snapshot({ sources: [{ ...reading, files: [{ ...reading.files[0], state: 'unreadable', message: 'permission denied (EACCES)' }] }] });
  assert.equal(statusView({ ...base, snapshot: unreadable }).text, '$(graph) DS $0.42 $(warning)');
  assert.equal(statusView({ ...base, workerError: 'boom' }).text, '$(error) DS');
});

test('the report lists days and models in aligned columns with totals and caveats', () => {
  const s = snapshot();
  s.byDay['2026-11-23'].mystery = totals({ requests: 1, unpriced: 1, cacheMissTokens: 5 });
  const text = buildSpendReport({ snapshot: s, unpriced: [{ model: 'mystery', requests: 1, reason: 'unknown-model' }], now: NOW, zone: ZONE });
  const lines = text.split('\n');
  assert.match(lines[0], /^DeepSeek spend report \(USD\), 2026-11-23 11:00 Europe\/Berlin$/);
  const header = lines.find((l) => l.startsWith('Day  '))!;
  const costColumnEnd = header.length;
  const row = lines.find((l) => l.startsWith('2026-11-22  deepseek-v4-flash'))!;
  assert.ok(row.endsWith('$0.30'));
  assert.equal(row.length, costColumnEnd, 'numbers are right-aligned under their header');
  assert.ok(lines.some((l) => /^2026-11-23\s+\(day total\)\s+13\b/.test(l)));
  assert.ok(lines.some((l) => /^Total\s+23\s.*\$0\.72$/.test(l)));
  assert.ok(text.includes('1 request is unpriced and not included in the costs:\n  mystery: 1 (model not in the catalog)'));
  assert.ok(lines.some((l) => /^2026-11-23\s+mystery\s.*\sunpriced$/.test(l)), 'a wholly unpriced row says so instead of $0.00');
  const empty = buildSpendReport({ snapshot: snapshot({ byDay: {} }), now: NOW, zone: ZONE });
  assert.match(empty, /No DeepSeek requests with usage were found/);
});

test('the report leaves out columns that are empty for it, so it fits a narrower editor', () => {
  const plain = totals({ cost: 0.3, requests: 10, cacheHitTokens: 6000, cacheMissTokens: 4000, outputTokens: 1000 });
  const header = (s: SpendSnapshot) => buildSpendReport({ snapshot: s, now: NOW, zone: ZONE }).split('\n').find((l) => l.startsWith('Day  '))!;
  assert.deepEqual(header(snapshot({ byDay: { '2026-11-23': { 'deepseek-v4-flash': plain } } })).split(/\s{2,}/), ['Day', 'Model', 'Requests', 'Cache hit', 'Input tok', 'Output tok', 'Cost']);
  // Reasoning tokens on one day bring their column back for every row; a request without a cache split brings "No split".
  const full = header(snapshot({ byDay: { '2026-11-22': { 'deepseek-v4-flash': plain }, '2026-11-23': { 'deepseek-v4-flash': totals({ ...plain, reasoningTokens: 5, noSplit: 1 }) } } }));
  assert.deepEqual(full.split(/\s{2,}/), ['Day', 'Model', 'Requests', 'Cache hit', 'Input tok', 'Output tok', 'Reasoning', 'No split', 'Cost']);
});

test('unpriced reasons come from the catalog at the request times', () => {
  const catalog = shippedCatalogData();
  const byModel = { 'deepseek-v4-pro': totals({ requests: 2, unpriced: 2 }), nope: totals({ requests: 1, unpriced: 1 }), 'deepseek-v4-flash': totals({ requests: 5 }) };
  const july = Date.parse('2026-07-15T09:00:00Z');
  assert.deepEqual(unpricedReasons(catalog, byModel, 'CNY', july, july), [
    { model: 'deepseek-v4-pro', requests: 2, reason: 'currency-unknown', otherCurrencyPriced: 'USD' },
    { model: 'nope', requests: 1, reason: 'unknown-model' },
  ]);
  const early = Date.parse('2025-01-01T00:00:00Z');
  assert.deepEqual(unpricedReasons(catalog, { 'deepseek-v4-flash': totals({ requests: 1, unpriced: 1 }) }, 'USD', early, early), [
    { model: 'deepseek-v4-flash', requests: 1, reason: 'before-first-period' },
  ]);
});

test('source states are regrouped under the entries the user wrote', () => {
  const states: LogSourceState[] = [
    { pattern: '/a/logs/*.jsonl', state: 'ok', files: [{ path: '/a/logs/1.jsonl', state: 'reading', skippedLines: 0 }] },
    { pattern: '/b/logs/*.jsonl', state: 'no-match', files: [], message: 'no file matches this pattern yet' },
    { pattern: '/c/x.log', state: 'no-match', files: [{ path: '/c/x.log', state: 'missing', skippedLines: 0 }], message: 'file not found' },
  ];
  assert.deepEqual(
    regroupSources(
      [
        { pattern: '${workspaceFolder}/logs/*.jsonl', paths: ['/a/logs/*.jsonl', '/b/logs/*.jsonl'] },
        { pattern: '/c/x.log', paths: ['/c/x.log'] },
      ],
      states,
    ),
    [
      { pattern: '${workspaceFolder}/logs/*.jsonl', state: 'ok', files: states[0].files },
      { pattern: '/c/x.log', state: 'no-match', files: states[2].files, message: 'file not found' },
    ],
  );
});

test('the tooltip says how many records were left out of the totals, why, and who served them; and which had no id', () => {
  const excluded = {
    session: { requests: 101, byReason: { 'not-deepseek': 100, 'other-provider': 1 }, byProvider: { anthropic: 100, azure: 1 } },
    today: { requests: 1, byReason: { 'other-provider': 1 }, byProvider: { azure: 1 } },
  };
  const md = buildSpendTooltip(input({ snapshot: snapshot({ excluded, withoutId: 1 }) }));
  assert.match(md, /Left out \(not DeepSeek's spend\): 101 requests this session, 1 today: not DeepSeek \(Claude names with no sign DeepSeek served them\); served by another provider: DeepSeek's prices don't apply \(`anthropic`, `azure`\)\./);
  assert.match(md, /1 request logged without an id: counted, but a second copy cannot be recognised\./);
  const none = buildSpendTooltip(input({ snapshot: snapshot({ excluded: { session: { requests: 0, byReason: {}, byProvider: {} }, today: { requests: 0, byReason: {}, byProvider: {} } } }) }));
  assert.doesNotMatch(none, /Left out/);
});

test('the tooltip counts billed tool calls and says where the facts end, one quiet line each', () => {
  const plain = buildSpendTooltip(input());
  assert.doesNotMatch(plain, /Tool calls/);
  assert.doesNotMatch(plain, /priced assuming|prices as of/);
  const tools = totals({ cost: 0.5, requests: 3, toolCalls: 7, toolCost: 0.00525 });
  const md = buildSpendTooltip(input({
    snapshot: snapshot({
      session: group({ 'deepseek-flash': tools }),
      today: group({ 'deepseek-flash': totals({ requests: 1, toolCalls: 2, toolUnpriced: 2 }) }),
      assumptions: [{ kind: 'holiday-calendar-missing', year: 2027, message: 'holiday calendar for 2027 not published yet: weekday peak hours applied on every weekday', requests: 12 }],
      catalogStaleness: 'prices as of 2026-12-01; check for an update',
    }),
  }));
  assert.match(md, /\| Tool calls \(search, fetch\) \| 7 · \$0\.0053 \| 2 · unpriced \|/);
  // Catalog text is escaped (core/markdown): every punctuation mark, so no autolink can form.
  assert.match(md, /\$\(info\) 12 requests priced assuming: holiday calendar for 2027 not published yet\\: weekday peak hours applied on every weekday\./);
  assert.match(md, /_prices as of 2026\\-12\\-01\\; check for an update_/);
});
