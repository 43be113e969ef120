import test from 'node:test';
import assert from 'node:assert/strict';
import { defaultLintSettings, parseLintSettings } from '../../../src/shared/settings';
import { formatMoney, formatRate } from '../../../src/core/money';

test('settings: empty input gives the documented defaults', () => {
  const { settings, problems } = parseLintSettings({});
  assert.deepEqual(problems, []);
  assert.deepEqual(settings, defaultLintSettings);
  assert.deepEqual(settings.severity, { retired: 'error', deprecated: 'warning', legacy: 'hint' });
  assert.equal(settings.maxFileSizeKB, 2048);
  assert.equal(settings.promptMinLength, 200);
});

test('settings: one bad key costs only that key, with a message naming it', () => {
  const { settings, problems } = parseLintSettings({ severity: { retired: 'loud' }, promptMinLength: 50, currency: 'EUR' });
  assert.equal(settings.promptMinLength, 50);
  assert.deepEqual(settings.severity, defaultLintSettings.severity);
  assert.equal(settings.currency, 'USD');
  assert.equal(problems.length, 2);
  assert.match(problems.join('\n'), /deepseekCost\.severity: retired: .*using the default/);
  assert.match(problems.join('\n'), /deepseekCost\.currency/);
  assert.deepEqual(parseLintSettings('garbage').settings, defaultLintSettings);
  assert.deepEqual(parseLintSettings(null).settings, defaultLintSettings);
});

test('money: small per-call costs keep significant digits; larger ones round to cents', () => {
  assert.equal(formatMoney(0, 'USD'), '$0');
  assert.equal(formatMoney(0.0000042, 'USD'), '$0.0000042');
  assert.equal(formatMoney(0.000603, 'USD'), '$0.0006');
  assert.equal(formatMoney(0.00061234, 'CNY'), '¥0.00061');
  assert.equal(formatMoney(0.4234, 'USD'), '$0.423');
  assert.equal(formatMoney(0.05, 'USD'), '$0.05');
  assert.equal(formatMoney(12345.678, 'USD'), '$12,345.68');
  assert.equal(formatMoney(-0.5, 'USD'), '-$0.5');
  assert.equal(formatRate(0.003625, 'USD'), '$0.003625');
  assert.equal(formatRate(13.5, 'CNY'), '¥13.5');
});

test('settings: deepseekCost.tokenizers maps names to absolute tokenizer.json paths; a relative path is rejected', () => {
  assert.deepEqual(defaultLintSettings.tokenizers, {});
  const ok = parseLintSettings({ tokenizers: { 'DeepSeek-V4.1-Flash-1017': '/models/v41/tokenizer.json', 'deepseek-flash': '~/t.json', 'deepseek-v4.1': 'C:\\models\\tokenizer.json' } });
  assert.deepEqual(ok.problems, []);
  assert.equal(ok.settings.tokenizers['deepseek-flash'], '~/t.json');
  const bad = parseLintSettings({ tokenizers: { 'deepseek-flash': 'tokenizer.json' }, currency: 'CNY' });
  assert.deepEqual(bad.settings.tokenizers, {});
  assert.equal(bad.settings.currency, 'CNY');
  assert.match(bad.problems.join('\n'), /deepseekCost\.tokenizers: deepseek-flash: must be an absolute path/);
  assert.equal(parseLintSettings({ tokenizers: ['x'] }).problems.length, 1);
});
