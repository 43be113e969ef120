// One place answers every lifecycle and price question, as a function of (provider, model id,
// time), so the diagnostics, the hover, the CLI and the spend totals can never disagree.
import type { AnthropicModelMap, Catalog, Conflict, Currency, LifecycleEvent, ModelEntry, ModelVersion, PeakRule, PricePeriod, Rates, ToolItem, ToolPricePeriod } from './schema';
import { DEEPSEEK_PROVIDER, isDeepSeekProvider, providerById, splitModelString } from './providers';
import * as l10n from '@vscode/l10n';

/** The router prefix and the ID of a model string (`deepseek/deepseek-chat` → `deepseek/`, `deepseek-chat`). */
export function splitRouterPrefix(written: string): { prefix: string; id: string } {
  const { prefix, id } = splitModelString(written);
  return { prefix, id };
}

/**
 * The catalog entry for a model string on a provider. DeepSeek's own IDs are matched without
 * their router prefix; a user's entry for another provider is matched as written or by its ID.
 */
export function findModel(catalog: Catalog, written: string, provider: string = DEEPSEEK_PROVIDER): ModelEntry | undefined {
  const { id } = splitRouterPrefix(written);
  if (isDeepSeekProvider(catalog, provider)) return catalog.models.find((m) => m.id === id && isDeepSeekProvider(catalog, m.provider ?? DEEPSEEK_PROVIDER));
  return catalog.models.find((m) => m.provider === provider && (m.id === written || m.id === id));
}

export type ModelStatus =
  | { kind: 'unknown'; id: string }
  /** Served by another provider whose dates the catalog does not hold: DeepSeek's verdicts do not apply. */
  | { kind: 'other-provider'; id: string; provider: string; providerName: string }
  | { kind: 'unreleased'; id: string; model: ModelEntry; releasedAt: Date }
  | { kind: 'known'; id: string; model: ModelEntry; event: LifecycleEvent; since: Date; next?: LifecycleEvent };

/** The lifecycle event in force for a model on a provider at a time. */
export function modelStatusAt(catalog: Catalog, written: string, at: Date, provider: string = DEEPSEEK_PROVIDER): ModelStatus {
  const { id } = splitRouterPrefix(written);
  const model = findModel(catalog, written, provider);
  if (!model) {
    if (isDeepSeekProvider(catalog, provider)) return { kind: 'unknown', id };
    return { kind: 'other-provider', id: written, provider, providerName: providerById(catalog, provider)?.name ?? provider };
  }
  const events = [...model.lifecycle].sort((a, b) => Date.parse(a.from) - Date.parse(b.from));
  let current: LifecycleEvent | undefined;
  let next: LifecycleEvent | undefined;
  for (const e of events) {
    if (Date.parse(e.from) <= at.getTime()) current = e;
    else if (!next) next = e;
  }
  if (!current) return { kind: 'unreleased', id, model, releasedAt: new Date(events[0].from) };
  return { kind: 'known', id, model, event: current, since: new Date(current.from), next };
}

export type PriceAnswer =
  | {
      kind: 'priced';
      model: ModelEntry;
      currency: Currency;
      period: PricePeriod;
      /** The rates that apply at this instant (peak already applied). */
      rates: Rates;
      offPeakRates: Rates;
      peakRates?: Rates;
      peak: boolean;
      /** Whether the period has peak hours at all. */
      hasPeakHours: boolean;
      /** When the rate next changes (a peak boundary or a new period), if within the next 8 days. */
      nextChange?: Date;
      holiday: boolean;
      /**
       * The local year of `at` when the holiday calendar does not cover it: peak hours are then
       * applied on every weekday, which may price a public holiday as peak.
       */
      holidaysUnknownForYear?: number;
    }
  | { kind: 'unpriced'; reason: 'unknown-model' | 'no-price-family' | 'before-first-period' | 'currency-unknown' | 'other-provider'; model?: ModelEntry; currency: Currency };

/**
 * The price of a model at an instant (DeepSeek prices a request by its completion time).
 * A currency is known only if it has a period starting at the latest price change of the family:
 * a CNY price from before a USD-only change would be stale, and we never convert.
 */
export function priceAt(catalog: Catalog, written: string, at: Date, currency: Currency, provider: string = DEEPSEEK_PROVIDER): PriceAnswer {
  const model = findModel(catalog, written, provider);
  if (!model) return { kind: 'unpriced', reason: isDeepSeekProvider(catalog, provider) ? 'unknown-model' : 'other-provider', currency };
  if (!model.priceFamily) return { kind: 'unpriced', reason: 'no-price-family', model, currency };
  const period = periodInForce(catalog, model.priceFamily, at, currency);
  if (period === 'before-first-period' || period === 'currency-unknown') return { kind: 'unpriced', reason: period, model, currency };
  const rule = period.peakRule ? catalog.peakRules[period.peakRule] : undefined;
  const multiplier = period.peakMultiplier ?? 1;
  const peakRates = rule ? scaleRates(period.offPeak, multiplier) : undefined;
  const holidays = holidaySet(catalog, rule);
  const peak = rule ? isPeakAt(rule, holidays, at) : false;
  const missingYear = rule ? holidayYearNotCovered(catalog, rule, at) : undefined;
  return {
    kind: 'priced',
    model,
    currency,
    period,
    rates: peak && peakRates ? peakRates : period.offPeak,
    offPeakRates: period.offPeak,
    peakRates,
    peak,
    hasPeakHours: !!rule,
    nextChange: nextRateChange(catalog, model.priceFamily, rule, holidays, at),
    holiday: rule ? holidays.has(localDate(rule, at)) : false,
    ...(missingYear !== undefined ? { holidaysUnknownForYear: missingYear } : {}),
  };
}

/** The local year of `at` if the rule's holiday calendar does not cover it (see holidayCalendarSchema.years). */
export function holidayYearNotCovered(catalog: Catalog, rule: PeakRule, at: Date): number | undefined {
  if (!rule.holidayCalendar) return undefined;
  const cal = catalog.holidayCalendars[rule.holidayCalendar];
  if (!cal) return undefined;
  const year = Number(localDate(rule, at).slice(0, 4));
  const years = cal.years ?? [...new Set(cal.dates.map((d) => Number(d.slice(0, 4))))];
  return years.includes(year) ? undefined : year;
}

/**
 * The local year of `at` when the peak rule of the model's price period in force has a holiday
 * calendar that does not cover it; the cheap form of priceAt(...).holidaysUnknownForYear.
 */
export function holidayYearNotCoveredFor(catalog: Catalog, written: string, at: Date, provider: string = DEEPSEEK_PROVIDER): number | undefined {
  const family = findModel(catalog, written, provider)?.priceFamily;
  if (!family) return undefined;
  let latest: PricePeriod | undefined;
  for (const p of catalog.pricePeriods) {
    if (p.family === family && Date.parse(p.from) <= at.getTime() && (!latest || Date.parse(p.from) > Date.parse(latest.from))) latest = p;
  }
  const rule = latest?.peakRule ? catalog.peakRules[latest.peakRule] : undefined;
  return rule ? holidayYearNotCovered(catalog, rule, at) : undefined;
}

/** The words every surface uses for a year the holiday calendar does not cover. */
export function holidayAssumptionText(year: number): string {
  return l10n.t('holiday calendar for {0} not published yet: weekday peak hours applied on every weekday', year);
}

/** Days after its date at which the catalog is called old (one quiet line, never a popup). */
export const CATALOG_MAX_AGE_DAYS = 60;

/** "prices as of 2026-12-01; check for an update" once the catalog is older than 60 days at `at`, else undefined. */
export function catalogStaleness(catalog: Catalog, at: Date, maxAgeDays: number = CATALOG_MAX_AGE_DAYS): string | undefined {
  const age = at.getTime() - Date.parse(`${catalog.catalogDate}T00:00:00Z`);
  return age > maxAgeDays * 86_400_000 ? l10n.t('prices as of {0}; check for an update', catalog.catalogDate) : undefined;
}

/** The model version serving an ID at a time (DeepSeek-V4.1-Flash-1017 for deepseek-flash since 2026-10-17), if the catalog knows it. */
export function modelVersionAt(catalog: Catalog, written: string, at: Date, provider: string = DEEPSEEK_PROVIDER): ModelVersion | undefined {
  const model = findModel(catalog, written, provider);
  let best: ModelVersion | undefined;
  for (const v of model?.versions ?? []) {
    if (Date.parse(v.from) <= at.getTime() && (!best || Date.parse(v.from) > Date.parse(best.from))) best = v;
  }
  return best;
}

/** Recorded disagreements between sources that bear on a model (or on every model) at a time. */
export function conflictsAt(catalog: Catalog, written: string | undefined, at: Date): Conflict[] {
  const id = written === undefined ? undefined : splitRouterPrefix(written).id;
  return catalog.conflicts.filter((c) => {
    if (c.models && (id === undefined || !c.models.includes(id))) return false;
    if (c.from && at.getTime() < Date.parse(c.from)) return false;
    if (c.until && at.getTime() >= Date.parse(c.until)) return false;
    return true;
  });
}

/** How a tool call is made: the endpoint called directly, or the model calling it as a built-in tool. */
export type ToolChannel = 'api' | 'model-tool';

export type ToolPriceAnswer =
  | { kind: 'priced'; item: ToolItem; currency: Currency; period: ToolPricePeriod; /** Price of one unit (call, page, character, second). */ unitPrice: number; free: boolean }
  | { kind: 'unpriced'; item: ToolItem; currency: Currency; reason: 'before-first-period' | 'currency-unknown' };

/**
 * The price of one non-token item at an instant, dated like token prices. As with tokens, a
 * currency is known only if it has a row at the item's latest change: never converted.
 */
export function toolPriceAt(catalog: Catalog, item: ToolItem, at: Date, currency: Currency, channel: ToolChannel = 'api'): ToolPriceAnswer {
  let latestChange = -Infinity;
  let best: ToolPricePeriod | undefined;
  for (const p of catalog.toolPricePeriods) {
    if (p.item !== item) continue;
    const from = Date.parse(p.from);
    if (from > at.getTime()) continue;
    if (from > latestChange) latestChange = from;
    if (p.currency === currency && (!best || from > Date.parse(best.from))) best = p;
  }
  if (latestChange === -Infinity) return { kind: 'unpriced', item, currency, reason: 'before-first-period' };
  if (!best || Date.parse(best.from) !== latestChange) return { kind: 'unpriced', item, currency, reason: 'currency-unknown' };
  const free = channel === 'model-tool' && best.freeAsModelToolUntil !== undefined && at.getTime() < Date.parse(best.freeAsModelToolUntil);
  return { kind: 'priced', item, currency, period: best, unitPrice: free ? 0 : best.price / best.per, free };
}

export type AnthropicMapping =
  | { kind: 'deepseek'; model: string }
  | { kind: 'mapped'; model: string; map: AnthropicModelMap }
  | { kind: 'rejected'; status: number; map: AnthropicModelMap };

/** The Anthropic-endpoint mapping in force at a time (the latest that started at or before it). */
/** The Anthropic endpoint's mappings by start time: sorted once per catalog, as every Claude Code record asks. */
const mapsByStart = new WeakMap<Catalog, { from: number; map: AnthropicModelMap }[]>();

export function anthropicModelMapAt(catalog: Catalog, at: Date): AnthropicModelMap {
  let maps = mapsByStart.get(catalog);
  if (!maps) {
    maps = catalog.anthropicModelMaps.map((map) => ({ from: Date.parse(map.from), map })).sort((a, b) => a.from - b.from);
    mapsByStart.set(catalog, maps);
  }
  let best = maps[0]?.map;
  for (const m of maps) if (m.from <= at.getTime()) best = m.map;
  return best;
}

/** What DeepSeek's Anthropic endpoint does with a model name at a time: serve a DeepSeek model, or reject it. */
export function anthropicModelAt(catalog: Catalog, name: string, at: Date): AnthropicMapping {
  if (findModel(catalog, name)) return { kind: 'deepseek', model: splitRouterPrefix(name).id };
  const map = anthropicModelMapAt(catalog, at);
  for (const rule of map.rules) if (globMatch(rule.pattern, name)) return { kind: 'mapped', model: rule.model, map };
  if (map.fallback !== undefined) return { kind: 'mapped', model: map.fallback, map };
  return { kind: 'rejected', status: map.rejectStatus ?? 400, map };
}

export interface TokenCounts {
  cacheHitTokens: number;
  cacheMissTokens: number;
  outputTokens: number;
}

/** Cost = hit × p_hit + miss × p_miss + output × p_out, prices per 1M tokens. Reasoning is inside output. */
export function costOf(rates: Rates, tokens: TokenCounts): number {
  return (tokens.cacheHitTokens * rates.cacheHit + tokens.cacheMissTokens * rates.cacheMiss + tokens.outputTokens * rates.output) / 1_000_000;
}

/**
 * Maps a Claude model name sent to DeepSeek's Anthropic endpoint to the DeepSeek model that serves
 * it at `at` (default: now). A name DeepSeek rejects (HTTP 400 since the rewrite) comes back as
 * written, so it stays unpriced as an unknown model instead of being priced as Flash.
 */
export function modelForAnthropicName(catalog: Catalog, name: string, at: Date = new Date()): string {
  const m = anthropicModelAt(catalog, name, at);
  return m.kind === 'rejected' ? name : m.model;
}

function globMatch(pattern: string, text: string): boolean {
  const re = new RegExp('^' + pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*') + '$', 'i');
  return re.test(text);
}

function periodInForce(catalog: Catalog, family: string, at: Date, currency: Currency): PricePeriod | 'before-first-period' | 'currency-unknown' {
  let latestChange = -Infinity;
  let best: PricePeriod | undefined;
  for (const p of catalog.pricePeriods) {
    if (p.family !== family) continue;
    const from = Date.parse(p.from);
    if (from > at.getTime()) continue;
    if (from > latestChange) latestChange = from;
    if (p.currency === currency && (!best || from > Date.parse(best.from))) best = p;
  }
  if (latestChange === -Infinity) return 'before-first-period';
  if (!best || Date.parse(best.from) !== latestChange) return 'currency-unknown';
  return best;
}

function scaleRates(r: Rates, k: number): Rates {
  return { cacheHit: r.cacheHit * k, cacheMiss: r.cacheMiss * k, output: r.output * k };
}

function holidaySet(catalog: Catalog, rule: PeakRule | undefined): Set<string> {
  const cal = rule?.holidayCalendar ? catalog.holidayCalendars[rule.holidayCalendar] : undefined;
  return new Set(cal?.dates ?? []);
}

function localDate(rule: PeakRule, at: Date): string {
  return new Date(at.getTime() + rule.utcOffsetMinutes * 60_000).toISOString().slice(0, 10);
}

function minutesOf(clock: string): number {
  const [h, m] = clock.split(':').map(Number);
  return h * 60 + m;
}

export function isPeakAt(rule: PeakRule, holidays: Set<string>, at: Date): boolean {
  const local = new Date(at.getTime() + rule.utcOffsetMinutes * 60_000);
  if (!rule.weekdays.includes(local.getUTCDay())) return false;
  if (holidays.has(local.toISOString().slice(0, 10))) return false;
  const minute = local.getUTCHours() * 60 + local.getUTCMinutes();
  return rule.windows.some((w) => minute >= minutesOf(w.start) && minute < minutesOf(w.end));
}

/** The first instant after `at` where the applicable rate changes, searched over the next 8 days. */
function nextRateChange(catalog: Catalog, family: string, rule: PeakRule | undefined, holidays: Set<string>, at: Date): Date | undefined {
  const horizon = at.getTime() + 8 * 86_400_000;
  let best: number | undefined;
  for (const p of catalog.pricePeriods) {
    const from = Date.parse(p.from);
    if (p.family === family && from > at.getTime() && from <= horizon && (best === undefined || from < best)) best = from;
  }
  if (rule) {
    const nowPeak = isPeakAt(rule, holidays, at);
    const offset = rule.utcOffsetMinutes * 60_000;
    const localMidnight = Math.floor((at.getTime() + offset) / 86_400_000) * 86_400_000 - offset;
    const candidates: number[] = [];
    for (let d = 0; d <= 8; d++) {
      const dayStart = localMidnight + d * 86_400_000;
      candidates.push(dayStart);
      for (const w of rule.windows) candidates.push(dayStart + minutesOf(w.start) * 60_000, dayStart + minutesOf(w.end) * 60_000);
    }
    candidates.sort((a, b) => a - b);
    for (const c of candidates) {
      if (c <= at.getTime() || (best !== undefined && c >= best)) continue;
      if (isPeakAt(rule, holidays, new Date(c)) !== nowPeak) {
        best = c;
        break;
      }
    }
  }
  return best === undefined ? undefined : new Date(best);
}
