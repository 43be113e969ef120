// The changes collected on 2026-12-01, each checked on both sides of its boundary: model versions,
// the vision legacy name, the confirmed V4-Pro CNY row, the dated Anthropic mapping, non-token
// prices with their free period, recorded conflicts, holiday coverage and the catalog's age.
import test from 'node:test';
import assert from 'node:assert/strict';
import {
  anthropicModelAt,
  catalogStaleness,
  catalogWithOverrides,
  conflictsAt,
  modelForAnthropicName,
  modelStatusAt,
  modelVersionAt,
  priceAt,
  shippedCatalogData,
  toolPriceAt,
} from '../../../src/catalog';

const catalog = shippedCatalogData();
const at = (iso: string) => new Date(iso);
const version = (id: string, iso: string) => modelVersionAt(catalog, id, at(iso))?.version;

test('the catalog is dated 2026-12-01 and every new row names a dated source', () => {
  assert.equal(catalog.catalogDate, '2026-12-01');
  for (const p of catalog.toolPricePeriods) assert.match(catalog.sources[p.source].date, /^\d{4}-\d{2}-\d{2}$/);
  for (const m of catalog.models) for (const v of m.versions ?? []) assert.ok(catalog.sources[v.source], `${m.id} ${v.version}`);
  for (const c of catalog.conflicts) for (const s of c.sources) assert.ok(catalog.sources[s], `${c.id} ${s}`);
});

test('V4.1-Flash-1017 serves the Flash names from 2026-10-17, V4.1-Flash before, V4-Flash before 2026-09-10 04:00', () => {
  for (const id of ['deepseek-flash', 'deepseek-v4-flash', 'deepseek-v4-flash-vision-exp']) {
    assert.equal(version(id, '2026-10-17T00:00:00Z'), 'DeepSeek-V4.1-Flash-1017', id);
    assert.equal(version(id, '2026-12-01T00:00:00Z'), 'DeepSeek-V4.1-Flash-1017', id);
  }
  assert.equal(version('deepseek-flash', '2026-10-16T23:59:59Z'), 'DeepSeek-V4.1-Flash');
  assert.equal(version('deepseek-v4-flash', '2026-10-16T23:59:59Z'), 'DeepSeek-V4.1-Flash');
  assert.equal(version('deepseek-v4-flash', '2026-09-10T03:59:59Z'), 'DeepSeek-V4-Flash');
  assert.equal(version('deepseek/deepseek-v4-flash', '2026-09-10T04:00:00Z'), 'DeepSeek-V4.1-Flash', 'a router prefix is looked through');
  assert.equal(version('deepseek-v4-flash-vision-exp', '2026-10-16T23:59:59Z'), undefined, 'no source names the version before 2026-10-17');
  assert.equal(version('deepseek-flash', '2026-09-10T03:59:59Z'), undefined);
  // The tokenizer follows the version.
  assert.equal(modelVersionAt(catalog, 'deepseek-v4-flash', at('2026-09-10T03:59:59Z'))?.tokenizer, 'deepseek-v4');
  assert.equal(modelVersionAt(catalog, 'deepseek-v4-flash', at('2026-09-10T04:00:00Z'))?.tokenizer, 'deepseek-v4.1');
  assert.equal(catalog.tokenizers['deepseek-v4'].bundled, true);
  assert.notEqual(catalog.tokenizers['deepseek-v4.1'].bundled, true);
});

test('deepseek-v4-pro is DeepSeek-V4-Pro-0813 from the page of 2026-10-17, V4-Pro before', () => {
  assert.equal(version('deepseek-v4-pro', '2026-10-16T23:59:59Z'), 'DeepSeek-V4-Pro');
  assert.equal(version('deepseek-v4-pro', '2026-10-17T00:00:00Z'), 'DeepSeek-V4-Pro-0813');
  assert.equal(modelVersionAt(catalog, 'deepseek-v4-pro', at('2026-12-01T00:00:00Z'))?.tokenizer, 'deepseek-v4');
});

test('deepseek-v4-flash-vision-exp: a legacy name from 2026-10-17, billed at the Flash price', () => {
  const status = (iso: string) => {
    const s = modelStatusAt(catalog, 'deepseek-v4-flash-vision-exp', at(iso));
    return s.kind === 'known' ? s.event.status : s.kind;
  };
  assert.equal(status('2026-07-31T23:59:59Z'), 'unreleased');
  assert.equal(status('2026-08-01T00:00:00Z'), 'current');
  assert.equal(status('2026-10-16T23:59:59Z'), 'current');
  assert.equal(status('2026-10-17T00:00:00Z'), 'legacy');
  const vision = priceAt(catalog, 'deepseek-v4-flash-vision-exp', at('2026-11-23T11:00:00Z'), 'USD');
  const flash = priceAt(catalog, 'deepseek-flash', at('2026-11-23T11:00:00Z'), 'USD');
  assert.equal(vision.kind, 'priced');
  assert.deepEqual(vision.kind === 'priced' && vision.rates, flash.kind === 'priced' && flash.rates);
});

test('the V4-Pro CNY row is confirmed by DeepSeek\'s Chinese page, not reported', () => {
  const p = priceAt(catalog, 'deepseek-v4-pro', at('2026-11-23T11:00:00Z'), 'CNY');
  assert.equal(p.kind, 'priced');
  if (p.kind !== 'priced') return;
  assert.deepEqual(p.offPeakRates, { cacheHit: 0.15, cacheMiss: 4.5, output: 13.5 });
  assert.notEqual(p.period.reported, true);
  assert.notEqual(catalog.sources[p.period.source].reported, true);
  assert.match(catalog.sources[p.period.source].url, /zh-cn/);
});

test('Anthropic mapping: old rule before 2026-12-01, then claude-* → deepseek-flash and unknown names rejected with HTTP 400', () => {
  const before = at('2026-11-30T23:59:59Z');
  const after = at('2026-12-01T00:00:00Z');
  assert.equal(modelForAnthropicName(catalog, 'claude-opus-4-1', before), 'deepseek-v4-pro');
  assert.equal(modelForAnthropicName(catalog, 'claude-opus-4-1', after), 'deepseek-v4-pro');
  assert.equal(modelForAnthropicName(catalog, 'claude-sonnet-4-5', before), 'deepseek-v4-flash');
  assert.equal(modelForAnthropicName(catalog, 'claude-sonnet-4-5', after), 'deepseek-flash');
  assert.equal(modelForAnthropicName(catalog, 'gpt-4o', before), 'deepseek-v4-flash', 'the old page sent unknown names to Flash');
  const rejected = anthropicModelAt(catalog, 'gpt-4o', after);
  assert.equal(rejected.kind, 'rejected');
  assert.equal(rejected.kind === 'rejected' && rejected.status, 400);
  // Rejected names stay as written, so they are never priced as Flash.
  assert.equal(modelForAnthropicName(catalog, 'gpt-4o', after), 'gpt-4o');
  assert.equal(priceAt(catalog, modelForAnthropicName(catalog, 'gpt-4o', after), after, 'USD').kind, 'unpriced');
  // DeepSeek's own IDs pass through, before and after.
  assert.deepEqual(anthropicModelAt(catalog, 'deepseek-v4-pro', after), { kind: 'deepseek', model: 'deepseek-v4-pro' });
  // The default time is now, which is after the rewrite.
  assert.equal(modelForAnthropicName(catalog, 'gpt-4o'), 'gpt-4o');
});

test('search and fetch: ¥5 per 1,000 calls from 2026-10-17; model tool calls free until 2026-10-31 16:00 UTC', () => {
  for (const item of ['search', 'fetch'] as const) {
    assert.equal(toolPriceAt(catalog, item, at('2026-10-16T23:59:59Z'), 'CNY').kind, 'unpriced');
    const direct = toolPriceAt(catalog, item, at('2026-10-20T00:00:00Z'), 'CNY', 'api');
    assert.equal(direct.kind === 'priced' && direct.unitPrice, 0.005);
    const freeTool = toolPriceAt(catalog, item, at('2026-10-31T15:59:59Z'), 'CNY', 'model-tool');
    assert.equal(freeTool.kind === 'priced' && freeTool.free, true);
    assert.equal(freeTool.kind === 'priced' && freeTool.unitPrice, 0);
    const billedTool = toolPriceAt(catalog, item, at('2026-10-31T16:00:00Z'), 'CNY', 'model-tool');
    assert.equal(billedTool.kind === 'priced' && billedTool.free, false);
    assert.equal(billedTool.kind === 'priced' && billedTool.unitPrice, 0.005);
    // USD is third-party only: applied, and marked reported.
    const usd = toolPriceAt(catalog, item, at('2026-11-20T00:00:00Z'), 'USD', 'model-tool');
    assert.equal(usd.kind === 'priced' && usd.unitPrice, 0.00075);
    assert.equal(usd.kind === 'priced' && usd.period.reported, true);
  }
});

test('OCR per page, TTS per character, ASR per audio second: CNY from 2026-11-13, USD unknown and never converted', () => {
  const when = at('2026-11-20T00:00:00Z');
  const unit = (item: 'ocr' | 'tts' | 'asr') => {
    const p = toolPriceAt(catalog, item, when, 'CNY');
    assert.equal(p.kind, 'priced', item);
    return p.kind === 'priced' ? p : undefined!;
  };
  assert.equal(unit('ocr').unitPrice, 1.5 / 1000);
  assert.equal(unit('ocr').period.unit, 'page');
  assert.equal(unit('tts').unitPrice, 3 / 10_000);
  assert.equal(unit('tts').period.unit, 'character');
  assert.equal(unit('asr').unitPrice, 0.78 / 3600);
  assert.equal(unit('asr').period.unit, 'audio-second');
  for (const item of ['ocr', 'tts', 'asr'] as const) {
    const usd = toolPriceAt(catalog, item, when, 'USD');
    assert.deepEqual(usd, { kind: 'unpriced', item, currency: 'USD', reason: 'currency-unknown' });
    assert.equal(toolPriceAt(catalog, item, at('2026-11-12T23:59:59Z'), 'CNY').kind, 'unpriced', `${item} before 2026-11-13`);
  }
});

test('conflicts are data: the weekend off-peak start (2026-08-16 vs 08-22 16:00 UTC) and the v4-pro routing claim', () => {
  const ids = (model: string | undefined, iso: string) => conflictsAt(catalog, model, at(iso)).map((c) => c.id);
  assert.deepEqual(ids('deepseek-flash', '2026-08-16T15:59:59Z'), []);
  assert.deepEqual(ids('deepseek-flash', '2026-08-16T16:00:00Z'), ['weekend-off-peak-start']);
  assert.deepEqual(ids(undefined, '2026-08-22T15:59:59Z'), ['weekend-off-peak-start']);
  assert.deepEqual(ids('deepseek-flash', '2026-08-22T16:00:00Z'), []);
  assert.deepEqual(ids('deepseek-v4-pro', '2026-09-13T23:59:59Z'), []);
  assert.deepEqual(ids('deepseek-v4-pro', '2026-09-14T00:00:00Z'), ['v4-pro-routed-to-flash']);
  assert.deepEqual(ids('deepseek-flash', '2026-09-14T00:00:00Z'), [], 'the routing claim is about v4-pro only');
  // The rule the product applies holds: Saturday 2026-08-22 10:00 Beijing stays off-peak, and v4-pro keeps Pro prices.
  const saturday = priceAt(catalog, 'deepseek-flash', at('2026-08-22T02:00:00Z'), 'USD');
  assert.equal(saturday.kind === 'priced' && saturday.peak, false);
  const pro = priceAt(catalog, 'deepseek-v4-pro', at('2026-11-23T11:00:00Z'), 'USD');
  assert.equal(pro.kind === 'priced' && pro.offPeakRates.cacheMiss, 0.66);
  for (const c of catalog.conflicts) assert.ok(c.rule.length > 20 && c.summary.length > 20, c.id);
});

test('a time in a year the holiday calendar does not cover is priced by the weekday rule and marked', () => {
  // 2026-12-31 16:00 UTC is 2027-01-01 00:00 in Beijing: the first instant of an uncovered year.
  const last2026 = priceAt(catalog, 'deepseek-flash', at('2026-12-31T15:59:59Z'), 'USD');
  assert.equal(last2026.kind === 'priced' && last2026.holidaysUnknownForYear, undefined);
  const first2027 = priceAt(catalog, 'deepseek-flash', at('2026-12-31T16:00:00Z'), 'USD');
  assert.equal(first2027.kind === 'priced' && first2027.holidaysUnknownForYear, 2027);
  // Friday 2027-01-01 10:00 Beijing: likely a holiday, but priced peak because the list is not published.
  const newYear = priceAt(catalog, 'deepseek-flash', at('2027-01-01T02:00:00Z'), 'USD');
  assert.equal(newYear.kind === 'priced' && newYear.peak, true);
  assert.equal(newYear.kind === 'priced' && newYear.holidaysUnknownForYear, 2027);
  // A user's 2027 list removes the assumption and the peak.
  const { catalog: withList, errors } = catalogWithOverrides({ holidayCalendars: { 'cn-statutory': { source: 'ds-pricing', dates: ['2027-01-01'] } } });
  assert.deepEqual(errors, []);
  const covered = priceAt(withList, 'deepseek-flash', at('2027-01-01T02:00:00Z'), 'USD');
  assert.equal(covered.kind === 'priced' && covered.holidaysUnknownForYear, undefined);
  assert.equal(covered.kind === 'priced' && covered.peak, false);
});

test('the catalog is called old only after 60 days, with one quiet line', () => {
  assert.equal(catalogStaleness(catalog, at('2027-01-30T00:00:00Z')), undefined);
  assert.equal(catalogStaleness(catalog, at('2027-01-30T00:00:00.001Z')), 'prices as of 2026-12-01; check for an update');
});

test('overrides reach the new parts too: a better-dated Anthropic rewrite, tool prices, conflicts', () => {
  const { catalog: c, errors } = catalogWithOverrides({
    anthropicModelMaps: [{ from: '2026-11-25T00:00:00Z', source: 'ds-anthropic-1201', rules: [{ pattern: 'claude-*', model: 'deepseek-flash' }], rejectStatus: 400 }],
    toolPricePeriods: [{ item: 'ocr', from: '2026-11-13T00:00:00Z', currency: 'USD', unit: 'page', per: 1000, price: 0.2, source: 'ds-news-261113' }],
    conflicts: [{ id: 'v4-pro-routed-to-flash', models: ['deepseek-v4-pro'], summary: 'settled', rule: 'DeepSeek confirmed V4-Pro in a later notice', sources: ['ds-pricing-1201'] }],
  });
  assert.deepEqual(errors, []);
  assert.equal(anthropicModelAt(c, 'gpt-4o', at('2026-11-26T00:00:00Z')).kind, 'rejected');
  assert.equal(anthropicModelAt(catalog, 'gpt-4o', at('2026-11-26T00:00:00Z')).kind, 'mapped');
  const ocr = toolPriceAt(c, 'ocr', at('2026-11-20T00:00:00Z'), 'USD');
  assert.equal(ocr.kind === 'priced' && ocr.unitPrice, 0.0002);
  assert.equal(conflictsAt(c, 'deepseek-v4-pro', at('2026-12-01T00:00:00Z'))[0].summary, 'settled');
  assert.equal(c.conflicts.length, catalog.conflicts.length);
  const bad = catalogWithOverrides({ anthropicModelMaps: [{ from: '2026-11-25T00:00:00Z', source: 'ds-anthropic', rules: [] }] });
  assert.match(bad.errors[0] ?? '', /exactly one of fallback and rejectStatus/);
});
