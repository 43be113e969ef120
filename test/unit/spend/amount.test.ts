import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatAmount, formatPercent } from '../../../src/spend/amount';

test('cents and above show two decimals, with thousands grouped', () => {
  assert.equal(formatAmount(0.42, 'USD'), '$0.42');
  assert.equal(formatAmount(0.425, 'USD'), '$0.43');
  assert.equal(formatAmount(3.05, 'CNY'), '¥3.05');
  assert.equal(formatAmount(0.1, 'USD'), '$0.10');
  assert.equal(formatAmount(1234.567, 'USD'), '$1,234.57');
});

test('amounts under a dime keep two significant digits instead of collapsing to $0.00', () => {
  assert.equal(formatAmount(0.0031, 'USD'), '$0.0031');
  assert.equal(formatAmount(0.00042, 'CNY'), '¥0.00042');
  assert.equal(formatAmount(0.015, 'USD'), '$0.015');
  assert.equal(formatAmount(0.099, 'USD'), '$0.099');
  // Rounding up to a dime switches to the cents format rather than printing "$0.1".
  assert.equal(formatAmount(0.0999, 'USD'), '$0.10');
});

test('zero, negligible and impossible amounts', () => {
  assert.equal(formatAmount(0, 'USD'), '$0.00');
  assert.equal(formatAmount(0.00001, 'USD'), '<$0.0001');
  assert.equal(formatAmount(Number.NaN, 'CNY'), '¥?');
});

test('percentages keep one decimal under 10% and say "–" for an empty whole', () => {
  assert.equal(formatPercent(63, 100), '63%');
  assert.equal(formatPercent(1, 250), '0.4%');
  assert.equal(formatPercent(0, 5), '0%');
  assert.equal(formatPercent(5, 0), '–');
  assert.equal(formatPercent(2, 3), '67%');
});
