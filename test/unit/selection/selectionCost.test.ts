// The selection count: the real tokenizer's count, priced as cache-miss input of the default model at
// the price in force, in the user's currency; marked approximate where the served tokenizer differs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { shippedCatalogData } from '../../../src/catalog';
import { priceAt } from '../../../src/catalog/resolve';
import { countTokens } from '../../../src/core/tokenizer';
import { describeSelectionCost, selectionCost } from '../../../src/core/estimate/selectionCost';

const catalog = shippedCatalogData();
const text = 'Summarise the attached invoice in two lines, in the customer’s language.';

test('exact count and cache-miss input cost at the price in force, in USD and CNY', () => {
  const at = new Date('2026-11-23T03:00:00Z');
  const usd = selectionCost(catalog, text, countTokens, 'deepseek-v4-pro', 'USD', at);
  assert.equal(usd.tokens, countTokens(text));
  const rate = priceAt(catalog, 'deepseek-v4-pro', at, 'USD');
  assert.ok(rate.kind === 'priced');
  assert.equal(usd.cost, (usd.tokens * rate.rates.cacheMiss) / 1_000_000);
  const cny = selectionCost(catalog, text, countTokens, 'deepseek-v4-pro', 'CNY', at);
  assert.notEqual(cny.cost, usd.cost);
  assert.match(describeSelectionCost(usd).count, /^\d+ tokens$/);
  assert.match(describeSelectionCost(cny).cost, /^¥/);
});

test('a model served by a tokenizer that is not bundled is marked ≈; an unknown model says it is not priced', () => {
  const at = new Date('2026-11-23T03:00:00Z');
  const flash = selectionCost(catalog, text, countTokens, 'deepseek-flash', 'USD', at);
  assert.equal(flash.approximate, true, 'deepseek-flash is V4.1, whose tokenizer is not bundled');
  assert.match(describeSelectionCost(flash).count, /^≈\d+ tokens$/);
  const unknown = selectionCost(catalog, text, countTokens, 'my-own-model', 'USD', at);
  assert.equal(unknown.cost, undefined);
  assert.equal(describeSelectionCost(unknown).cost, 'not priced in USD');
  assert.equal(selectionCost(catalog, '', countTokens, 'deepseek-v4-pro', 'USD', at).tokens, 0);
});
