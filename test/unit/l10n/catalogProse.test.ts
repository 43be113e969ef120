// Catalog prose in Chinese: every shipped sentence a user reads has a zh-cn translation that keeps
// its model IDs and instants; the schema takes translations only for prose fields; an override in
// plain English keeps working and reads in English.
import { checkModelId } from '../../../src/agentTools/checkModelId';
import test from 'node:test';
import assert from 'node:assert/strict';
import { catalogWithOverrides, shippedCatalogData } from '../../../src/catalog';
import { modelIdFindings } from '../../../src/core/lint/modelIdFindings';
import { renderModelHover } from '../../../src/core/estimate/renderHover';
import { useLocale } from '../../../src/core/locale';

type Prose = { l10n?: Partial<Record<string, Record<string, string>>> } & Record<string, unknown>;

/** Every object with user-facing prose in the catalog, with the fields it shows. */
function proseEntries(): Array<{ where: string; entry: Prose; fields: string[] }> {
  const c = shippedCatalogData();
  const out: Array<{ where: string; entry: Prose; fields: string[] }> = [];
  for (const m of c.models) {
    for (const [i, e] of (m.lifecycle ?? []).entries()) {
      out.push({ where: `${m.id} lifecycle[${i}]`, entry: e as Prose, fields: ['message'] });
      for (const [j, r] of (e.replacements ?? []).entries()) out.push({ where: `${m.id} lifecycle[${i}].replacements[${j}]`, entry: r as Prose, fields: ['title', 'note'] });
    }
    for (const [i, v] of (m.versions ?? []).entries()) out.push({ where: `${m.id} versions[${i}]`, entry: v as Prose, fields: ['note'] });
  }
  for (const x of c.conflicts) out.push({ where: `conflict ${x.id}`, entry: x as Prose, fields: ['summary', 'rule'] });
  return out;
}

/** What a translation must carry over unchanged: model IDs, versions, instants and JSON. */
const kept = (s: string) => [...s.matchAll(/deepseek-[\w.-]*\w|DeepSeek-V[\w.-]*\w|\d{4}-\d{2}-\d{2}( \d{2}:\d{2} UTC)?|\{"[\s\S]*?\}\}/g)].map((m) => m[0]).sort();

test('every shipped lifecycle message, replacement title and note, version note and conflict has a zh-cn translation', () => {
  let checked = 0;
  for (const { where, entry, fields } of proseEntries()) {
    for (const f of fields) {
      const english = entry[f];
      if (typeof english !== 'string') continue;
      const zh = entry.l10n?.['zh-cn']?.[f];
      assert.ok(zh, `${where}.${f} has no zh-cn translation`);
      assert.match(zh, /\p{Script=Han}/u, `${where}.${f}: the translation has no Chinese in it`);
      for (const token of kept(english)) assert.ok(zh.includes(token), `${where}.${f}: "${token}" is missing from the translation`);
      checked++;
    }
  }
  assert.ok(checked >= 25, `only ${checked} prose fields found`);
});

test('the schema takes translations of prose fields only, for shipped locales only', () => {
  const model = (l10n: unknown) => ({
    models: [{ id: 'deepseek-test', displayName: 'T', family: 'deepseek-v4-flash', lifecycle: [{ from: '2026-01-01T00:00:00Z', status: 'deprecated', source: 'ds-pricing', message: 'deepseek-test is going away.', l10n }] }],
  });
  assert.deepEqual(catalogWithOverrides(model({ 'zh-cn': { message: 'deepseek-test 即将下线。' } })).errors, []);
  assert.notDeepEqual(catalogWithOverrides(model({ fr: { message: 'bientôt' } })).errors, [], 'an unknown locale is rejected');
  assert.notDeepEqual(catalogWithOverrides(model({ 'zh-cn': { source: 'x' } })).errors, [], 'only prose fields may be translated');
  assert.notDeepEqual(catalogWithOverrides(model({ 'zh-cn': {} })).errors, [], 'an empty translation is rejected');
});

test('diagnostics and hovers read the catalog in the locale; a plain English override reads in English', () => {
  const catalog = shippedCatalogData();
  const at = new Date('2026-08-01T00:00:00Z');
  const severity = { retired: 'error', deprecated: 'warning', legacy: 'hint' } as const;
  const literal = { written: 'deepseek-chat', contentStart: 0, contentEnd: 13, role: 'request' as const } as Parameters<typeof modelIdFindings>[0][number];
  try {
    useLocale('zh-cn');
    const [zh] = modelIdFindings([literal], catalog, at, severity);
    // The message is one short sentence; the hover's replacement note and source are in Chinese.
    assert.equal(zh.message, 'deepseek-chat 已于 2026-07-24 下线 — 请改用 deepseek-v4-flash');
    assert.equal(zh.replacements[0].title, '改用 deepseek-v4-flash（非思考模式）');
    const hover = renderModelHover(catalog, 'deepseek-chat', at, ['CNY'], new Set()) ?? '';
    assert.match(hover, /自 2026-07-24 15:59 UTC（北京时间 23:59） 起\*\*已下线\*\*/);
    assert.match(hover, /V4 模型默认开启思考模式/, 'the replacement note, in Chinese');
    assert.match(hover, /缓存命中/);
    assert.match(hover, /（来源：DeepSeek/, 'the source, named on the status line');

    const { catalog: overridden, errors } = catalogWithOverrides({
      models: [{ ...catalog.models.find((m) => m.id === 'deepseek-chat'), lifecycle: [{ from: '2026-01-01T00:00:00Z', status: 'retired', source: 'ds-pricing', message: 'Our proxy dropped deepseek-chat.' }] }],
    });
    assert.deepEqual(errors, []);
    // checkModelId (agent tool, MCP, CLI) says the catalog's sentence: an override's own words.
    assert.match(checkModelId({ modelId: 'deepseek-chat' } as Parameters<typeof checkModelId>[0], overridden, at, ['USD']).text, /Our proxy dropped deepseek-chat\./);
  } finally {
    useLocale('en');
  }
  const [en] = modelIdFindings([literal], catalog, at, severity);
  assert.equal(en.message, 'deepseek-chat was retired on 2026-07-24 — use deepseek-v4-flash');
  assert.match(renderModelHover(catalog, 'deepseek-chat', at, ['USD'], new Set()) ?? '', /\*\*retired\*\* since 2026-07-24 15:59 UTC/);
});
