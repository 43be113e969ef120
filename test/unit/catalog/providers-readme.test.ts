// The README's provider table is documentation of data: every catalog provider is in it, and
// nothing the catalog no longer has.
import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { shippedCatalogData } from '../../../src/catalog';

test('the README lists exactly the shipped providers', () => {
  const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
  const section = readme.slice(readme.indexOf('## Which strings are checked'), readme.indexOf('## Session spend in the status bar'));
  const listed = [...section.matchAll(/^\| [^|]+ \| `([a-z0-9-]+)` \|/gm)].map((m) => m[1]).sort();
  assert.deepEqual(listed, shippedCatalogData().providers.map((p) => p.id).sort());
});
