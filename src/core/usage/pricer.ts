// Prices records with the catalog at their completion time. A price answer holds until the next
// rate change it names (a peak boundary or a new period), so records in time order mostly reuse it.
import { costOf, priceAt, toolPriceAt, type Catalog, type Currency, type Rates, type TokenCounts, type ToolItem } from '../../catalog';

export interface Priced {
  cost: number;
  /** What the cache hits saved against the miss price. */
  saved: number;
  /** The local year, when the holiday calendar does not cover it (weekday rule applied). */
  holidaysUnknownForYear?: number;
  /** Priced at peak-hour rates; `offPeakCost` is what the same tokens cost off-peak. */
  peak?: boolean;
  offPeakCost?: number;
}

interface CachedAnswer {
  from: number;
  until: number;
  rates: Rates | undefined;
  /** Set when `rates` are peak-hour rates. */
  offPeakRates?: Rates;
  holidaysUnknownForYear?: number;
  /** The peak rule's local year the answer was made in: holiday coverage is per year, so the answer holds only inside it. */
  year?: { offsetMinutes: number; value: number };
}

function localYear(at: number, offsetMinutes: number): number {
  return new Date(at + offsetMinutes * 60_000).getUTCFullYear();
}

export interface ToolCharge {
  cost: number;
  /** Calls with no price in this currency (not in `cost`). */
  unpriced: number;
}

const STABLE_HORIZON_MS = 8 * 86_400_000;

/** One answer per model as a provider serves it (DeepSeek's when no provider is named). */
function cacheKey(model: string, provider: string | undefined): string {
  return provider === undefined ? model : `${provider}\0${model}`;
}

export class Pricer {
  private readonly cache = new Map<string, CachedAnswer>();

  constructor(readonly catalog: Catalog, readonly currency: Currency) {}

  /** The rates in force, or undefined when the request is unpriced (never $0). */
  ratesAt(model: string, at: number, provider?: string): Rates | undefined {
    const key = cacheKey(model, provider);
    const c = this.cache.get(key);
    if (c && at >= c.from && at < c.until && (!c.year || localYear(at, c.year.offsetMinutes) === c.year.value)) return c.rates;
    const answer = priceAt(this.catalog, model, new Date(at), this.currency, provider);
    let entry: CachedAnswer;
    if (answer.kind === 'priced') {
      const rule = answer.period.peakRule ? this.catalog.peakRules[answer.period.peakRule] : undefined;
      entry = { from: at, until: answer.nextChange ? answer.nextChange.getTime() : at + STABLE_HORIZON_MS, rates: answer.rates, holidaysUnknownForYear: answer.holidaysUnknownForYear };
      if (answer.peak) entry.offPeakRates = answer.offPeakRates;
      if (rule) entry.year = { offsetMinutes: rule.utcOffsetMinutes, value: localYear(at, rule.utcOffsetMinutes) };
    } else if (answer.reason === 'unknown-model' || answer.reason === 'no-price-family' || answer.reason === 'other-provider') {
      entry = { from: -Infinity, until: Infinity, rates: undefined };
    } else {
      // Before the first period or no price in this currency yet: exact for this instant only.
      entry = { from: at, until: at + 1, rates: undefined };
    }
    this.cache.set(key, entry);
    return entry.rates;
  }

  price(model: string, at: number, t: TokenCounts, provider?: string): Priced | undefined {
    const rates = this.ratesAt(model, at, provider);
    if (!rates) return undefined;
    const cached = this.cache.get(cacheKey(model, provider));
    const year = cached?.holidaysUnknownForYear;
    const offPeak = cached?.offPeakRates;
    return {
      cost: costOf(rates, t), saved: (t.cacheHitTokens * (rates.cacheMiss - rates.cacheHit)) / 1_000_000,
      ...(year !== undefined ? { holidaysUnknownForYear: year } : {}),
      ...(offPeak ? { peak: true, offPeakCost: costOf(offPeak, t) } : {}),
    };
  }

  /**
   * Built-in searches and fetches in a chat log are calls the model made as tools: free until the
   * catalog's free period ends, then priced per call. A currency without a price leaves them unpriced.
   */
  tools(at: number, searchCalls: number, fetchCalls: number): ToolCharge {
    const out: ToolCharge = { cost: 0, unpriced: 0 };
    const charge = (item: ToolItem, calls: number) => {
      if (calls === 0) return;
      const p = toolPriceAt(this.catalog, item, new Date(at), this.currency, 'model-tool');
      if (p.kind === 'priced') out.cost += calls * p.unitPrice;
      else out.unpriced += calls;
    };
    charge('search', searchCalls);
    charge('fetch', fetchCalls);
    return out;
  }
}
