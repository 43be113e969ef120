import test from 'node:test';
import assert from 'node:assert/strict';
import { catalogSchema, catalogWithOverrides, costOf, modelForAnthropicName, modelStatusAt, priceAt, shippedCatalogData } from '../../../src/catalog';
import shipped from '../../../src/catalog/deepseek-catalog.json';

const catalog = shippedCatalogData();
const at = (iso: string) => new Date(iso);

function rates(id: string, iso: string, currency: 'USD' | 'CNY' = 'USD') {
  const p = priceAt(catalog, id, at(iso), currency);
  assert.equal(p.kind, 'priced', `${id} at ${iso} in ${currency} should be priced`);
  return p.kind === 'priced' ? p : undefined!;
}

test('the shipped catalog is valid and every row names a source with a date', () => {
  const parsed = catalogSchema.safeParse(shipped);
  assert.ok(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues));
  for (const p of catalog.pricePeriods) assert.match(catalog.sources[p.source].date, /^\d{4}-\d{2}-\d{2}$/);
});

test('lifecycle of deepseek-chat: current, deprecated at V4 launch, retired 2026-07-24 15:59 UTC', () => {
  const status = (iso: string) => {
    const s = modelStatusAt(catalog, 'deepseek-chat', at(iso));
    return s.kind === 'known' ? s.event.status : s.kind;
  };
  assert.equal(status('2026-04-23T23:59:59Z'), 'current');
  assert.equal(status('2026-04-24T00:00:00Z'), 'deprecated');
  assert.equal(status('2026-07-24T15:58:59Z'), 'deprecated');
  assert.equal(status('2026-07-24T15:59:00Z'), 'retired');
  const viaPrefix = modelStatusAt(catalog, 'deepseek/deepseek-reasoner', at('2026-11-23T00:00:00Z'));
  assert.equal(viaPrefix.kind === 'known' && viaPrefix.event.status, 'retired');
  assert.equal(modelStatusAt(catalog, 'gpt-4o', at('2026-11-23T00:00:00Z')).kind, 'unknown');
  assert.equal(modelStatusAt(catalog, 'deepseek-flash', at('2026-09-01T00:00:00Z')).kind, 'unreleased');
});

test('flash prices per period, with the peak multiplier inside peak hours', () => {
  assert.deepEqual(rates('deepseek-v4-flash', '2026-04-25T00:00:00Z').rates, { cacheHit: 0.028, cacheMiss: 0.14, output: 0.28 });
  assert.deepEqual(rates('deepseek-v4-flash', '2026-04-26T12:15:00Z').rates, { cacheHit: 0.0028, cacheMiss: 0.14, output: 0.28 });
  // 2026-11-23 is a Monday; 02:00 UTC is 10:00 in Beijing: peak, twice the off-peak 0.003 / 0.15 / 0.60.
  const peak = rates('deepseek-v4-flash', '2026-11-23T02:00:00Z');
  assert.equal(peak.peak, true);
  assert.deepEqual(peak.rates, { cacheHit: 0.006, cacheMiss: 0.3, output: 1.2 });
  const off = rates('deepseek-v4-flash', '2026-11-23T11:00:00Z');
  assert.equal(off.peak, false);
  assert.deepEqual(off.rates, { cacheHit: 0.003, cacheMiss: 0.15, output: 0.6 });
  // Aliases are priced as flash.
  assert.deepEqual(rates('deepseek-chat', '2026-11-23T11:00:00Z').rates, off.rates);
});

test('peak window edges: 01:00–04:00 and 06:00–10:00 UTC are peak, the ends are not', () => {
  const isPeak = (iso: string) => rates('deepseek-v4-pro', iso).peak;
  assert.equal(isPeak('2026-11-23T00:59:59Z'), false);
  assert.equal(isPeak('2026-11-23T01:00:00Z'), true);
  assert.equal(isPeak('2026-11-23T03:59:59Z'), true);
  assert.equal(isPeak('2026-11-23T04:00:00Z'), false);
  assert.equal(isPeak('2026-11-23T05:59:59Z'), false);
  assert.equal(isPeak('2026-11-23T06:00:00Z'), true);
  assert.equal(isPeak('2026-11-23T09:59:59Z'), true);
  assert.equal(isPeak('2026-11-23T10:00:00Z'), false);
});

test('weekends, public holidays and make-up working days are off-peak all day', () => {
  const isPeak = (iso: string) => rates('deepseek-v4-flash', iso).peak;
  assert.equal(isPeak('2026-11-21T02:00:00Z'), false, 'Saturday');
  assert.equal(isPeak('2026-11-22T07:00:00Z'), false, 'Sunday');
  assert.equal(isPeak('2026-10-01T02:00:00Z'), false, 'National Day (Thursday)');
  assert.equal(rates('deepseek-v4-flash', '2026-10-01T02:00:00Z').holiday, true);
  assert.equal(isPeak('2026-10-07T02:00:00Z'), false, 'last day of the National Day holiday (Wednesday)');
  assert.equal(isPeak('2026-10-08T02:00:00Z'), true, 'first working day after it');
  assert.equal(isPeak('2026-10-10T02:00:00Z'), false, 'make-up working day on a Saturday stays off-peak');
});

test('a period boundary inside peak hours switches both the period and the peak state', () => {
  // 2026-09-10 is a Thursday. 03:59 UTC = 11:59 Beijing: the 2026-08-16 period at peak (×2).
  assert.deepEqual(rates('deepseek-v4-flash', '2026-09-10T03:59:59Z').rates, { cacheHit: 0.014, cacheMiss: 0.44, output: 1.32 });
  // 04:00 UTC = 12:00 Beijing: the new period, off-peak.
  assert.deepEqual(rates('deepseek-v4-flash', '2026-09-10T04:00:00Z').rates, { cacheHit: 0.003, cacheMiss: 0.15, output: 0.6 });
});

test('unpriced: before the first period, unknown models, and CNY where DeepSeek published none', () => {
  const p = (id: string, iso: string, c: 'USD' | 'CNY' = 'USD') => priceAt(catalog, id, at(iso), c);
  assert.deepEqual([p('deepseek-v4-flash', '2026-04-23T00:00:00Z').kind, (p('deepseek-v4-flash', '2026-04-23T00:00:00Z') as { reason: string }).reason], ['unpriced', 'before-first-period']);
  assert.equal((p('gpt-4o', '2026-11-23T00:00:00Z') as { reason: string }).reason, 'unknown-model');
  assert.equal((p('deepseek-coder', '2026-11-23T00:00:00Z') as { reason: string }).reason, 'no-price-family');
  assert.equal((p('deepseek-v4-flash', '2026-04-25T00:00:00Z', 'CNY') as { reason: string }).reason, 'currency-unknown');
  assert.equal((p('deepseek-v4-pro', '2026-08-20T00:00:00Z', 'CNY') as { reason: string }).reason, 'currency-unknown');
  assert.deepEqual(rates('deepseek-v4-pro', '2026-11-23T11:00:00Z', 'CNY').rates, { cacheHit: 0.15, cacheMiss: 4.5, output: 13.5 });
  assert.deepEqual(rates('deepseek-v4-flash', '2026-05-01T00:00:00Z', 'CNY').rates, { cacheHit: 0.02, cacheMiss: 1, output: 2 });
});

test('next rate change: end of the peak window, next weekday morning, across a weekend', () => {
  const next = (iso: string) => rates('deepseek-v4-flash', iso).nextChange?.toISOString();
  assert.equal(next('2026-11-23T02:00:00Z'), '2026-11-23T04:00:00.000Z');
  assert.equal(next('2026-11-23T11:00:00Z'), '2026-11-24T01:00:00.000Z');
  assert.equal(next('2026-11-27T11:00:00Z'), '2026-11-30T01:00:00.000Z');
  assert.equal(next('2026-09-30T11:00:00Z'), '2026-10-08T01:00:00.000Z', 'the National Day week has no peak hours');
});

test('cost = hit × p_hit + miss × p_miss + output × p_out per 1M tokens', () => {
  const r = rates('deepseek-v4-flash', '2026-11-23T11:00:00Z').rates;
  // (1000 × 0.003 + 2000 × 0.15 + 500 × 0.60) / 1e6 = (3 + 300 + 300) / 1e6
  assert.ok(Math.abs(costOf(r, { cacheHitTokens: 1000, cacheMissTokens: 2000, outputTokens: 500 }) - 603e-6) < 1e-15);
});

test('Anthropic endpoint names map to the DeepSeek model that serves them', () => {
  // Before the endpoint's rewrite (see december.test.ts for the later rule).
  const before = at('2026-11-23T00:00:00Z');
  assert.equal(modelForAnthropicName(catalog, 'claude-opus-4-1', before), 'deepseek-v4-pro');
  assert.equal(modelForAnthropicName(catalog, 'claude-sonnet-4-5', before), 'deepseek-v4-flash');
  assert.equal(modelForAnthropicName(catalog, 'something-else', before), 'deepseek-v4-flash');
  assert.equal(modelForAnthropicName(catalog, 'deepseek-v4-pro', before), 'deepseek-v4-pro');
});

test('overrides: a user price period replaces the shipped one; holidays add up; bad input keeps the shipped catalog', () => {
  const { catalog: c, errors } = catalogWithOverrides({
    pricePeriods: [{ from: '2026-09-10T04:00:00Z', family: 'flash', currency: 'USD', offPeak: { cacheHit: 0.001, cacheMiss: 0.1, output: 0.5 }, peakMultiplier: 2, peakRule: 'deepseek-peak-2026', source: 'ds-pricing' }],
    holidayCalendars: { 'cn-statutory': { source: 'ds-pricing', dates: ['2026-11-23'] } },
  });
  assert.deepEqual(errors, []);
  const p = priceAt(c, 'deepseek-v4-flash', at('2026-11-23T02:00:00Z'), 'USD');
  assert.equal(p.kind === 'priced' && p.peak, false, 'the added holiday makes Monday off-peak');
  assert.deepEqual(p.kind === 'priced' && p.rates, { cacheHit: 0.001, cacheMiss: 0.1, output: 0.5 });
  assert.ok(c.holidayCalendars['cn-statutory'].dates.includes('2026-10-01'), 'shipped holidays are kept');

  for (const bad of [{ pricePeriods: [{ from: 'yesterday' }] }, { models: 'x' }, { unknownKey: 1 }, { pricePeriods: [{ from: '2026-01-01T00:00:00Z', family: 'flash', currency: 'USD', offPeak: { cacheHit: 1, cacheMiss: 1, output: 1 }, source: 'nowhere' }] }]) {
    const r = catalogWithOverrides(bad);
    assert.equal(r.catalog, shippedCatalogData());
    assert.equal(r.errors.length, 1);
    assert.match(r.errors[0], /shipped catalog stays in force/);
  }
});
