// package.json as VS Code shows it: every "%key%" replaced from package.nls.json (English) or a
// locale's package.nls.<locale>.json, with English for a key the locale lacks (as VS Code does).
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

const root = path.join(__dirname, '..', '..');

export function readNls(locale?: string): Record<string, string> {
  const file = locale ? `package.nls.${locale}.json` : 'package.nls.json';
  return JSON.parse(readFileSync(path.join(root, file), 'utf8')) as Record<string, string>;
}

export function resolvedManifest(locale?: string): Record<string, unknown> {
  const english = readNls();
  const local = locale ? readNls(locale) : {};
  const resolve = (v: unknown): unknown => {
    if (typeof v === 'string') {
      const m = /^%(.+)%$/.exec(v);
      return m ? (local[m[1]] ?? english[m[1]] ?? v) : v;
    }
    if (Array.isArray(v)) return v.map(resolve);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, resolve(x)]));
    return v;
  };
  return resolve(JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'))) as Record<string, unknown>;
}
