// Overrides are data from settings a workspace may write: names must be the override's own keys,
// and an ID a quick fix will write into code must look like a model ID.
import test from 'node:test';
import assert from 'node:assert/strict';
import { catalogWithOverrides, priceAt, shippedCatalogData } from '../../../src/catalog';

const period = (extra: Record<string, unknown>) => ({
  from: '2026-09-10T04:00:00Z',
  family: 'flash',
  currency: 'USD',
  offPeak: { cacheHit: 0.001, cacheMiss: 0.1, output: 0.5 },
  source: 'ds-pricing',
  ...extra,
});

function retiredModel(replacementId: string) {
  return {
    id: 'deepseek-chat',
    displayName: 'DeepSeek Chat',
    lifecycle: [
      { from: '2026-01-01T00:00:00Z', status: 'retired', source: 'ds-pricing', replacements: [{ id: replacementId, title: 'Use it' }] },
    ],
  };
}

function assertRejected(override: unknown, mentions: RegExp): void {
  const r = catalogWithOverrides(override);
  assert.equal(r.catalog, shippedCatalogData(), 'the shipped catalog stays in force');
  assert.equal(r.errors.length, 1);
  assert.match(r.errors[0], /shipped catalog stays in force/);
  assert.match(r.errors[0], mentions);
  // Every lookup still works on what is in force.
  const p = priceAt(r.catalog, 'deepseek-v4-flash', new Date('2026-11-23T02:00:00Z'), 'USD');
  assert.equal(p.kind, 'priced');
}

test('inherited names are not sources, peak rules or holiday calendars', () => {
  assertRejected({ pricePeriods: [period({ source: 'toString' })] }, /unknown source "toString"/);
  assertRejected({ pricePeriods: [period({ peakRule: 'constructor', peakMultiplier: 2 })] }, /unknown peak rule "constructor"/);
  assertRejected({ pricePeriods: [period({ source: '__proto__' })] }, /unknown source "__proto__"/);
  assertRejected({ peakRules: { mine: { source: 'hasOwnProperty', utcOffsetMinutes: 0, weekdays: [1], windows: [] } } }, /unknown source "hasOwnProperty"/);
  assertRejected(
    { peakRules: { mine: { source: 'ds-pricing', utcOffsetMinutes: 0, weekdays: [1], windows: [], holidayCalendar: 'valueOf' } } },
    /unknown holiday calendar "valueOf"/,
  );
  assertRejected({ models: [{ ...retiredModel('deepseek-v4-flash'), lifecycle: [{ from: '2026-01-01T00:00:00Z', status: 'retired', source: 'isPrototypeOf' }] }] }, /unknown source "isPrototypeOf"/);
});

test('a catalog in force has no inherited names to find', () => {
  const { catalog, errors } = catalogWithOverrides({ sources: { mine: { title: 'Mine', url: 'https://example.com/', date: '2026-01-01' } } });
  assert.deepEqual(errors, []);
  for (const record of [catalog.sources, catalog.peakRules, catalog.holidayCalendars]) {
    assert.equal((record as Record<string, unknown>).toString, undefined);
    assert.equal((record as Record<string, unknown>).constructor, undefined);
  }
  assert.equal((shippedCatalogData().sources as Record<string, unknown>).toString, undefined);
});

test('a replacement ID that is not a model ID is rejected, never written by a quick fix', () => {
  for (const hostile of [
    'x"); __import__("os").system("id"); ("',
    "x'; rm -rf ~; '",
    'deepseek-v4-flash`${process.exit()}`',
    'deepseek v4',
    'deepseek-v4-flash\n',
    '-flag',
    'a'.repeat(201),
    'deepseek-v4-flash:',
    'deepseek#v4',
    'deepseek-v4-flash\\',
  ]) {
    assertRejected({ models: [retiredModel(hostile)] }, /replacements\.0\.id: .*model ID/);
  }
  for (const fine of ['deepseek-v4.1_flash-2026', 'deepseek-ai/DeepSeek-V3', 'us.deepseek.r1-v1:0', 'deepseek-r1:7b']) {
    assert.deepEqual(catalogWithOverrides({ models: [retiredModel(fine)] }).errors, [], fine);
  }
});

test('a model ID in an override is held to the same pattern', () => {
  assertRejected({ models: [{ ...retiredModel('deepseek-v4-flash'), id: 'deepseek-chat" OR 1' }] }, /models\.0\.id: .*model ID/);
});
