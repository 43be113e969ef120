// Every user-facing string has a key in every bundle, every translation keeps the English
// placeholders, and no message is glued together from fragments a translator cannot reorder.
import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { LOCALES } from '../../../src/core/locale';
import { readNls } from '../../support/manifest';

const root = path.join(__dirname, '..', '..', '..');
const readJson = (file: string) => JSON.parse(readFileSync(path.join(root, file), 'utf8')) as Record<string, string>;
const translated = LOCALES.filter((l) => l !== 'en');

/** `{0}`, `{name}`: the placeholders @vscode/l10n fills, as a sorted multiset. */
function placeholders(message: string): string[] {
  return [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
}

test('the English bundle is exactly what the sources ask for (run npm run l10n:export after adding a string)', async () => {
  const { extractBundle } = (await import(path.join(root, 'scripts', 'l10n-export.mjs'))) as { extractBundle(): Promise<Record<string, string>> };
  const extracted = await extractBundle();
  const english = readJson('l10n/bundle.l10n.json');
  const missing = Object.keys(extracted).filter((k) => !(k in english));
  const stale = Object.keys(english).filter((k) => !(k in extracted));
  assert.deepEqual(missing, [], 'strings in src/ without a key in l10n/bundle.l10n.json');
  assert.deepEqual(stale, [], 'keys in l10n/bundle.l10n.json that no source uses any more');
  assert.ok(Object.keys(extracted).length > 0);
});

for (const locale of translated) {
  test(`every string of the client, server, worker and CLI has a ${locale} translation with the same placeholders`, () => {
    const english = readJson('l10n/bundle.l10n.json');
    const local = readJson(`l10n/bundle.l10n.${locale}.json`);
    const missing = Object.keys(english).filter((k) => typeof local[k] !== 'string' || local[k].trim() === '');
    assert.deepEqual(missing, [], `keys without a ${locale} translation`);
    assert.deepEqual(Object.keys(local).filter((k) => !(k in english)), [], `${locale} keys that are not in the English bundle`);
    for (const [key, text] of Object.entries(local)) assert.deepEqual(placeholders(text), placeholders(key), `placeholders differ in ${locale} for "${key}"`);
  });

  test(`every manifest string has a ${locale} translation`, () => {
    const english = readNls();
    const local = readNls(locale);
    assert.deepEqual(Object.keys(english).filter((k) => !local[k]?.trim()), [], `package.nls.${locale}.json lacks keys`);
    assert.deepEqual(Object.keys(local).filter((k) => !(k in english)), [], `package.nls.${locale}.json has keys package.nls.json does not`);
    // Command links, setting references and code spans must survive translation unchanged.
    for (const [key, text] of Object.entries(english)) {
      const kept = (s: string) => [...s.matchAll(/\(command:[\w.]+\)|#[\w.]+#|`[^`]+`/g)].map((m) => m[0]).sort();
      assert.deepEqual(kept(local[key]), kept(text), `${key}: links, setting references or code spans differ`);
    }
  });
}

test('every %key% in package.json is defined in package.nls.json', () => {
  const manifest = readFileSync(path.join(root, 'package.json'), 'utf8');
  const english = readNls();
  const used = [...manifest.matchAll(/"%([\w.-]+)%"/g)].map((m) => m[1]);
  assert.ok(used.length > 40);
  assert.deepEqual(used.filter((k) => !(k in english)), []);
  assert.deepEqual(Object.keys(english).filter((k) => !used.includes(k)), [], 'package.nls.json keys package.json never uses');
});
