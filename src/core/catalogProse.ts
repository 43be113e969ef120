// Catalog prose (lifecycle messages, replacement titles and notes, version notes, conflicts) in the
// locale the process runs in: the entry's own translation when the catalog has one, else its
// English field. An override written in plain English reads in English everywhere.
import { currentLocale } from './locale';

type Translated<F extends string> = { [K in F]?: string } & { l10n?: Partial<Record<string, Partial<Record<F, string>>>> };

export function prose<F extends string>(entry: Translated<F>, field: F): string | undefined {
  const locale = currentLocale();
  if (locale !== 'en') {
    const translated = entry.l10n?.[locale]?.[field];
    if (translated) return translated;
  }
  return entry[field];
}
