// The shipped catalog, and the same catalog with a user's overrides merged over it. An invalid
// override never replaces the shipped data: the caller gets the shipped catalog plus readable errors.
import shipped from './deepseek-catalog.json';
import { type Catalog, type CatalogOverride, catalogOverrideSchema, catalogSchema, hasEntry } from './schema';
import type * as z from 'zod';

let shippedCatalog: Catalog | undefined;

export function shippedCatalogData(): Catalog {
  if (!shippedCatalog) {
    const parsed = catalogSchema.safeParse(shipped);
    // The shipped file is checked by unit tests; failing here means a broken build, not user input.
    if (!parsed.success) throw new Error(`shipped DeepSeek catalog is invalid: ${formatZodIssues(parsed.error)}`);
    shippedCatalog = parsed.data;
  }
  return shippedCatalog;
}

export interface CatalogWithOverrides {
  catalog: Catalog;
  /** Human-readable problems with the override; empty when it applied cleanly. */
  errors: string[];
}

/** Merges a user's override (unvalidated JSON from settings) over the shipped catalog. */
export function catalogWithOverrides(override: unknown): CatalogWithOverrides {
  const base = shippedCatalogData();
  if (override === undefined || override === null || (typeof override === 'object' && Object.keys(override as object).length === 0)) {
    return { catalog: base, errors: [] };
  }
  const parsedOverride = catalogOverrideSchema.safeParse(override);
  if (!parsedOverride.success) {
    return { catalog: base, errors: [`deepseekCost.catalogOverrides is invalid, the shipped catalog stays in force: ${formatZodIssues(parsedOverride.error)}`] };
  }
  const merged = mergeCatalog(base, parsedOverride.data);
  const checked = catalogSchema.safeParse(merged);
  if (!checked.success) {
    return { catalog: base, errors: [`deepseekCost.catalogOverrides does not fit the catalog, the shipped catalog stays in force: ${formatZodIssues(checked.error)}`] };
  }
  return { catalog: checked.data, errors: [] };
}

function mergeCatalog(base: Catalog, o: CatalogOverride): Catalog {
  const modelKey = (m: Catalog['models'][number]) => `${m.provider ?? ''}|${m.id}`;
  const models = new Map(base.models.map((m) => [modelKey(m), m]));
  for (const m of o.models ?? []) models.set(modelKey(m), m);
  // A user's provider with a shipped id replaces it (a corrected host list); new ids are added.
  const providers = new Map(base.providers.map((p) => [p.id, p]));
  for (const p of o.providers ?? []) providers.set(p.id, p);
  // A user's period replaces the shipped one for the same start, family and currency.
  const periodKey = (p: Catalog['pricePeriods'][number]) => `${p.from}|${p.family}|${p.currency}`;
  const periods = new Map(base.pricePeriods.map((p) => [periodKey(p), p]));
  for (const p of o.pricePeriods ?? []) periods.set(periodKey(p), p);
  const toolKey = (p: Catalog['toolPricePeriods'][number]) => `${p.from}|${p.item}|${p.currency}`;
  const toolPeriods = new Map(base.toolPricePeriods.map((p) => [toolKey(p), p]));
  for (const p of o.toolPricePeriods ?? []) toolPeriods.set(toolKey(p), p);
  // A mapping with the same start replaces the shipped one (a user who dates DeepSeek's rewrite better).
  const maps = new Map(base.anthropicModelMaps.map((m) => [m.from, m]));
  for (const m of o.anthropicModelMaps ?? []) maps.set(m.from, m);
  const conflicts = new Map(base.conflicts.map((c) => [c.id, c]));
  for (const c of o.conflicts ?? []) conflicts.set(c.id, c);
  const holidayCalendars: Catalog['holidayCalendars'] = Object.assign(Object.create(null), base.holidayCalendars);
  for (const [name, cal] of Object.entries(o.holidayCalendars ?? {})) {
    const prior = hasEntry(holidayCalendars, name) ? holidayCalendars[name] : undefined;
    // Holidays accumulate (a user adds next year's list) rather than replace the shipped years.
    // A user's list also covers its years (explicit, or those its dates fall in), so 2027 stops being an assumption.
    const years = (c: typeof cal) => c.years ?? [...new Set(c.dates.map((d) => Number(d.slice(0, 4))))];
    holidayCalendars[name] = prior
      ? { source: cal.source, dates: [...new Set([...prior.dates, ...cal.dates])].sort(), years: [...new Set([...years(prior), ...years(cal)])].sort() }
      : cal;
  }
  return {
    ...base,
    sources: Object.assign(Object.create(null), base.sources, o.sources),
    models: [...models.values()],
    providers: [...providers.values()],
    pricePeriods: [...periods.values()],
    toolPricePeriods: [...toolPeriods.values()],
    anthropicModelMaps: [...maps.values()],
    tokenizers: Object.assign(Object.create(null), base.tokenizers, o.tokenizers),
    conflicts: [...conflicts.values()],
    peakRules: Object.assign(Object.create(null), base.peakRules, o.peakRules),
    holidayCalendars,
  };
}

export function formatZodIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 8)
    .map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`)
    .join('; ') + (error.issues.length > 8 ? ` (and ${error.issues.length - 8} more)` : '');
}
