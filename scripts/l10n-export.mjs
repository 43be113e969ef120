// npm run l10n:export: writes l10n/bundle.l10n.json, the English bundle, from every `l10n.t(…)`
// and `vscode.l10n.t(…)` call in src/ (the client's, the server's, the worker's and the CLI's
// strings share one bundle). Translators then add the same keys to bundle.l10n.<locale>.json;
// test/unit/l10n/bundles.test.ts fails while any key is missing there.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getL10nJson } from '@vscode/l10n-dev';

const root = join(fileURLToPath(new URL('.', import.meta.url)), '..');

/** Every TypeScript source under src/, in a stable order. */
export function sourceFiles(dir = join(root, 'src')) {
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
    .sort()
    .map((f) => join(dir, f));
}

export async function extractBundle() {
  const files = sourceFiles().map((f) => ({ contents: readFileSync(f, 'utf8'), extension: '.ts' }));
  const bundle = await getL10nJson(files);
  return Object.fromEntries(Object.entries(bundle).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const bundle = await extractBundle();
  writeFileSync(join(root, 'l10n', 'bundle.l10n.json'), JSON.stringify(bundle, null, 2) + '\n');
  console.log(`l10n/bundle.l10n.json: ${Object.keys(bundle).length} strings`);
}
