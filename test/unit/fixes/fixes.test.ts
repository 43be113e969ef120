// The pure fix computation shared by the server and `lint --fix`: the catalog chain at a time, the
// model-ID guard at the point of writing, and how fix-all picks non-colliding edits.
import test from 'node:test';
import assert from 'node:assert/strict';
import { shippedCatalogData } from '../../../src/catalog/load';
import type { Catalog } from '../../../src/catalog/schema';
import { applyTextEdits, currentTarget, isWritableModelId, MODEL_ID_PATTERN, type ModelIdFix, preferredEdits } from '../../../src/core/lint/fixes';

const catalog = shippedCatalogData();

test('the chain follows first replacements to the model current at the time', () => {
  assert.equal(currentTarget(catalog, 'deepseek-v4-flash', new Date('2026-08-01T00:00:00Z'), 'deepseek'), 'deepseek-v4-flash');
  assert.equal(currentTarget(catalog, 'deepseek-v4-flash', new Date('2026-12-01T00:00:00Z'), 'deepseek'), 'deepseek-flash');
  assert.equal(currentTarget(catalog, 'deepseek-chat', new Date('2026-12-01T00:00:00Z'), 'deepseek'), 'deepseek-flash');
  assert.equal(currentTarget(catalog, 'no-such-model', new Date('2026-12-01T00:00:00Z'), 'deepseek'), undefined);
});

test('a cycle in an override ends the chain instead of looping', () => {
  const model = (id: string, to: string) => ({
    id, displayName: id, lifecycle: [{ from: '2026-01-01T00:00:00Z', status: 'legacy' as const, source: 'ds-news-v4', replacements: [{ id: to, title: `Use ${to}` }] }],
  });
  const cyclic: Catalog = { ...catalog, models: [...catalog.models, model('deepseek-a', 'deepseek-b'), model('deepseek-b', 'deepseek-a')] };
  assert.equal(currentTarget(cyclic, 'deepseek-a', new Date('2026-12-01T00:00:00Z'), 'deepseek'), undefined);
});

test('only catalog IDs spelled as model IDs may be written', () => {
  for (const ok of ['deepseek-flash', 'deepseek-v4-pro', 'deepseek-v4.1-flash']) assert.ok(MODEL_ID_PATTERN.test(ok), ok);
  for (const bad of ['x"); __import__("os").system("id"); ("', 'deepseek flash', 'Deepseek-Flash', 'deepseek/flash', '-deepseek', 'deepseek-', "a'b", '']) {
    assert.ok(!MODEL_ID_PATTERN.test(bad), bad);
  }
  assert.ok(isWritableModelId(catalog, 'deepseek-flash', 'deepseek'));
  assert.ok(!isWritableModelId(catalog, 'deepseek-v9-ultra', 'deepseek'), 'well spelled but not in the catalog');
});

test('fix all keeps the first of two colliding fixes and applies the rest', () => {
  const fix = (edits: { start: number; end: number; newText: string }[]): ModelIdFix[] => [{ id: 'x', title: 'x', preferred: true, edits }];
  const text = 'aaaa bbbb cccc';
  const edits = preferredEdits([
    fix([{ start: 0, end: 4, newText: 'A' }, { start: 4, end: 4, newText: '+' }]),
    fix([{ start: 4, end: 4, newText: '!' }]),
    fix([{ start: 10, end: 14, newText: 'C' }]),
    [{ id: 'y', title: 'y', preferred: false, edits: [{ start: 5, end: 9, newText: 'B' }] }],
  ]);
  assert.equal(applyTextEdits(text, edits), 'A+ bbbb C');
});
