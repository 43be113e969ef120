// The locale switch, the one money/time formatter and the one text table, in English and Chinese.
import test from 'node:test';
import assert from 'node:assert/strict';
import { currentLocale, normalizeLocale, useLocale } from '../../../src/core/locale';
import { formatAmount, formatCount, formatMoney, formatUtc } from '../../../src/core/money';
import { displayWidth, renderTable } from '../../../src/core/textTable';
import { environmentLocale, takeLangOption } from '../../../src/cli/io';

test('language tags from VS Code, flags and POSIX locales map to the shipped locales', () => {
  for (const tag of ['zh-cn', 'zh-CN', 'zh_CN.UTF-8', 'zh_CN.utf8@pinyin', 'zh', 'zh-Hans', 'zh-Hans-CN']) assert.equal(normalizeLocale(tag), 'zh-cn', tag);
  for (const tag of [undefined, '', 'C', 'POSIX', 'en_US.UTF-8', 'de', 'zh-TW', 'zh_HK.UTF-8', 'ja']) assert.equal(normalizeLocale(tag), 'en', String(tag));
});

test('the CLI reads LC_ALL over LC_MESSAGES over LANG, and --lang anywhere in the arguments', () => {
  assert.equal(environmentLocale({ LANG: 'zh_CN.UTF-8', LC_ALL: 'C' }), 'C');
  assert.equal(environmentLocale({ LANG: 'en_US.UTF-8', LC_MESSAGES: 'zh_CN.UTF-8' }), 'zh_CN.UTF-8');
  assert.equal(environmentLocale({ LANG: 'zh_CN.UTF-8', LC_ALL: '' }), 'zh_CN.UTF-8');
  assert.deepEqual(takeLangOption(['lint', '--lang', 'zh-cn', '.']), { argv: ['lint', '.'], lang: 'zh-cn' });
  assert.deepEqual(takeLangOption(['--lang=en', 'spend', 'x.log']), { argv: ['spend', 'x.log'], lang: 'en' });
  assert.deepEqual(takeLangOption(['tokens', '--', '--lang']), { argv: ['tokens', '--', '--lang'], lang: undefined });
  assert.throws(() => takeLangOption(['lint', '--lang']), /--lang takes a language/);
});

test('times show Beijing time beside UTC in Chinese only; a missing translation is English, never a key', () => {
  try {
    useLocale('en');
    assert.equal(formatUtc('2026-09-10T04:00:00Z'), '2026-09-10 04:00 UTC');
    assert.equal(useLocale('zh-cn'), undefined);
    assert.equal(currentLocale(), 'zh-cn');
    assert.equal(formatUtc('2026-09-10T04:00:00Z'), '2026-09-10 04:00 UTC（北京时间 12:00）');
    // Past Beijing's midnight the date is repeated.
    assert.equal(formatUtc('2026-09-10T17:30:00Z'), '2026-09-10 17:30 UTC（北京时间 2026-09-11 01:30）');
    // Money keeps the symbol first and groups thousands in both locales.
    assert.equal(formatMoney(12345.678, 'CNY'), '¥12,345.68');
    assert.equal(formatAmount(1234.5, 'CNY'), '¥1,234.50');
    assert.equal(formatCount(1234567), '1,234,567');
    const problem = useLocale('zh-cn', '/nonexistent-folder');
    assert.match(problem ?? '', /could not read the zh-cn translation/);
    assert.equal(currentLocale(), 'en');
    assert.equal(formatUtc('2026-09-10T04:00:00Z'), '2026-09-10 04:00 UTC');
  } finally {
    useLocale('en');
  }
});

test('the text table measures Chinese as two cells a character, so numbers stay aligned', () => {
  assert.equal(displayWidth('模型'), 4);
  assert.equal(displayWidth('deepseek'), 8);
  const lines = renderTable([['模型', '请求数'], ['deepseek-v4-flash', '12'], ['合计', '1,234']], { rightAligned: (c) => c > 0 });
  const widths = lines.map(displayWidth);
  assert.equal(new Set(widths).size, 1, lines.join('\n'));
  assert.equal(lines[1], 'deepseek-v4-flash      12');
  assert.equal(lines[2], '合计                1,234');
});
