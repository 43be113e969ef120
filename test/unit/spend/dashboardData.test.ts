// The dashboard's figures from hand-made day totals; every expected number is worked out by hand in
// the comments, never by the code under test.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { SpendTotals } from '../../../src/core/usage/types';
import { dashboardCsv, dashboardData, monthProjection, rangeDays } from '../../../src/spend/dashboardData';

function t(over: Partial<SpendTotals>): SpendTotals {
  return { cost: 0, requests: 0, unpriced: 0, noSplit: 0, cacheHitTokens: 0, cacheMissTokens: 0, outputTokens: 0, reasoningTokens: 0, savedByCache: 0, toolCalls: 0, toolCost: 0, toolUnpriced: 0, peakCost: 0, peakSavingOffPeak: 0, ...over };
}

const byDay = {
  '2026-06-30': { 'deepseek-v4-flash': t({ cost: 9, requests: 9 }) },
  '2026-07-01': { 'deepseek-v4-flash': t({ cost: 0.5, requests: 2, cacheHitTokens: 3000, cacheMissTokens: 1000, outputTokens: 400, reasoningTokens: 100, savedByCache: 0.2, peakCost: 0.3, peakSavingOffPeak: 0.15 }) },
  '2026-07-09': {
    'deepseek-v4-flash': t({ cost: 1, requests: 4, cacheHitTokens: 1000, cacheMissTokens: 3000, outputTokens: 600, reasoningTokens: 0, savedByCache: 0.1 }),
    'deepseek-v4-pro': t({ cost: 2, requests: 1, cacheHitTokens: 0, cacheMissTokens: 2000, outputTokens: 1000, reasoningTokens: 500, peakCost: 2, peakSavingOffPeak: 1 }),
  },
  '2026-07-10': { 'deepseek-v4-flash': t({ cost: 0.25, requests: 1, cacheHitTokens: 500, cacheMissTokens: 500, outputTokens: 0 }) },
};

test('the last 7 days: every day drawn, models by cost, the stacked series and the table agree', () => {
  const d = dashboardData({ byDay, currency: 'USD', today: '2026-07-10', range: { kind: 'last', days: 7 }, budgetDaily: null });
  // 07-04 … 07-10: seven days; 07-01 and 06-30 fall outside.
  assert.deepEqual(d.days, ['2026-07-04', '2026-07-05', '2026-07-06', '2026-07-07', '2026-07-08', '2026-07-09', '2026-07-10']);
  // pro cost 2 > flash 1 + 0.25 = 1.25
  assert.deepEqual(d.models, ['deepseek-v4-pro', 'deepseek-v4-flash']);
  assert.deepEqual(d.series, [
    { model: 'deepseek-v4-pro', costs: [0, 0, 0, 0, 0, 2, 0] },
    { model: 'deepseek-v4-flash', costs: [0, 0, 0, 0, 0, 1, 0.25] },
  ]);
  assert.deepEqual(d.rows.map((r) => [r.day, r.model, r.cost, r.requests]), [
    ['2026-07-09', 'deepseek-v4-flash', 1, 4],
    ['2026-07-09', 'deepseek-v4-pro', 2, 1],
    ['2026-07-10', 'deepseek-v4-flash', 0.25, 1],
  ]);
  // hits 1000 + 0 + 500 = 1500 of prompt 4000 + 2000 + 1000 = 7000
  assert.equal(d.summary.cacheHitRate, 1500 / 7000);
  assert.equal(d.summary.cost, 3.25);
  assert.equal(d.summary.requests, 6);
  assert.equal(d.summary.savedByCache, 0.1);
  // peak 2 of a token cost of 3.25; moving it off-peak saves 1
  assert.equal(d.summary.peakShare, 2 / 3.25);
  assert.equal(d.summary.peakSavingOffPeak, 1);
  // reasoning 500 of output 600 + 1000 + 0 = 1600
  assert.equal(d.summary.reasoningShare, 500 / 1600);
  assert.equal(d.rows[0].cacheHitRate, 0.25);
});

test('a custom range given backwards is turned round; a day with no spend still has its bar slot', () => {
  assert.deepEqual(rangeDays({ kind: 'custom', from: '2026-07-02', to: '2026-06-30' }, '2026-07-10'), { from: '2026-06-30', to: '2026-07-02' });
  const d = dashboardData({ byDay, currency: 'USD', today: '2026-07-10', range: { kind: 'custom', from: '2026-07-02', to: '2026-06-30' }, budgetDaily: null });
  assert.deepEqual(d.days, ['2026-06-30', '2026-07-01', '2026-07-02']);
  assert.deepEqual(d.series, [{ model: 'deepseek-v4-flash', costs: [9, 0.5, 0] }]);
  // 30 days back from 07-10 starts on 06-11; 90 days on 04-12.
  assert.equal(rangeDays({ kind: 'last', days: 30 }, '2026-07-10').from, '2026-06-11');
  assert.equal(rangeDays({ kind: 'last', days: 90 }, '2026-07-10').from, '2026-04-12');
});

test('month to date and the month-end projection against the daily budget', () => {
  // July to the 10th: 0.5 + 1 + 2 + 0.25 = 3.75 over 10 days → 0.375 a day × 31 = 11.625
  const m = monthProjection(byDay, '2026-07-10', 0.3);
  assert.equal(m.month, '2026-07');
  assert.equal(m.toDate, 3.75);
  assert.equal(m.daysElapsed, 10);
  assert.equal(m.daysInMonth, 31);
  assert.equal(m.projected, 11.625);
  // 0.3 × 31 = 9.3 < 11.625
  assert.ok(Math.abs((m.budget ?? 0) - 9.3) < 1e-12);
  assert.equal(m.overBudget, true);
  assert.equal(monthProjection(byDay, '2026-07-10', 0.5).overBudget, false, '0.5 × 31 = 15.5 is above 11.625');
  assert.equal(monthProjection(byDay, '2026-07-10', null).budget, null);
  // February 2028 has 29 days.
  assert.equal(monthProjection({}, '2028-02-03', null).daysInMonth, 29);
});

test('CSV export: the table rows, quoted where needed, a model name cannot become a formula', () => {
  const d = dashboardData({
    byDay: { '2026-07-10': { '=HYPERLINK("x")': t({ cost: 0.1, requests: 1, cacheHitTokens: 1, cacheMissTokens: 3 }) } },
    currency: 'CNY', today: '2026-07-10', range: { kind: 'last', days: 7 }, budgetDaily: null,
  });
  const csv = dashboardCsv(d).split('\r\n');
  assert.equal(csv[0], 'day,model,requests,cost_cny,unpriced,input_tokens,output_tokens,reasoning_tokens,cache_hit_rate,saved_by_cache_cny,peak_cost_cny');
  assert.equal(csv[1], `2026-07-10,"'=HYPERLINK(""x"")",1,0.1,0,4,0,0,0.25,0,0`);
  assert.equal(csv.length, 3, 'header, one row, and the final line break');
});
