// The product's one locale switch outside the VS Code client's own API. The language server, the
// spend worker, lint's workers and the CLI each say once at start which locale they run in; every
// sentence in core goes through `l10n.t` (from @vscode/l10n, keyed by its English text, so a string
// missing from a translation reads in English, never as a key) and every number, amount and date
// through core/money.ts, which reads `currentLocale()`.
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import * as l10n from '@vscode/l10n';

/** The locales the product ships; anything else is shown in English. */
export const LOCALES = ['en', 'zh-cn'] as const;
export type Locale = (typeof LOCALES)[number];

let current: Locale = 'en';


/**
 * A language tag from VS Code (`zh-cn`), a CLI flag (`zh-CN`) or a POSIX locale (`zh_CN.UTF-8`,
 * `zh_CN@pinyin`) as one of ours. Simplified Chinese only: zh-TW and zh-HK read Traditional.
 */
export function normalizeLocale(tag: string | undefined): Locale {
  if (!tag) return 'en';
  const base = tag.trim().toLowerCase().replace(/[.@].*$/, '').replace(/_/g, '-');
  if (base === 'zh' || base === 'zh-cn' || base === 'zh-sg' || base === 'zh-hans' || base.startsWith('zh-hans-')) return 'zh-cn';
  return 'en';
}

export function currentLocale(): Locale {
  return current;
}

/** The bundle file of a locale (`bundle.l10n.zh-cn.json`); English is the key itself and needs none. */
export function bundleFileName(locale: Locale): string | undefined {
  return locale === 'en' ? undefined : `bundle.l10n.${locale}.json`;
}

/**
 * The shipped `l10n/` folder: beside `dist/` when bundled (`dist/server.js` → `l10n/`), at the
 * repository root when run from sources.
 */
export function defaultBundleDir(): string | undefined {
  for (const dir of [path.join(__dirname, '..', 'l10n'), path.join(__dirname, '..', '..', 'l10n')]) {
    if (existsSync(path.join(dir, 'bundle.l10n.json'))) return dir;
  }
  return undefined;
}

/**
 * Switches this process (or worker thread) to `locale`, reading its bundle from `bundleDir`. A
 * missing or unreadable bundle leaves everything in English and says why, never throws: a broken
 * translation must not take a feature down.
 */
export function useLocale(locale: Locale, bundleDir: string | undefined = defaultBundleDir()): string | undefined {
  const file = bundleFileName(locale);
  if (!file) {
    current = 'en';
    l10n.config({ contents: {} });
    return undefined;
  }
  if (!bundleDir) {
    current = 'en';
    l10n.config({ contents: {} });
    return `no translation folder found for ${locale}; showing English`;
  }
  try {
    l10n.config({ fsPath: path.join(bundleDir, file) });
    current = locale;
    return undefined;
  } catch (err) {
    current = 'en';
    l10n.config({ contents: {} });
    return `could not read the ${locale} translation (${err instanceof Error ? err.message : String(err)}); showing English`;
  }
}

/** Same as useLocale, from an already-loaded bundle (the VS Code client has it as `vscode.l10n.bundle`). */
export function useLocaleBundle(locale: Locale, contents: Record<string, string> | undefined): void {
  current = locale !== 'en' && contents ? locale : 'en';
  l10n.config({ contents: current === 'en' ? {} : (contents ?? {}) });
}
