// Prices records with the catalog at their completion time. A price answer holds until the next
// rate change it names (a peak boundary or a new period), so records in time order mostly reuse it.
import { costOf, priceAt, type Catalog, type Currency, type Rates } from '../../catalog';

export interface Priced {
  cost: number;
  /** What the cache hits saved against the miss price. */
  saved: number;
}

interface CachedAnswer {
  from: number;
  until: number;
  rates: Rates | undefined;
}

const STABLE_HORIZON_MS = 8 * 86_400_000;

export class Pricer {
  private readonly cache = new Map<string, CachedAnswer>();

  constructor(readonly catalog: Catalog, readonly currency: Currency) {}

  /** The rates in force, or undefined when the request is unpriced (never $0). */
  ratesAt(model: string, at: number, provider?: string): Rates | undefined {
    const key = provider === undefined ? model : `${provider}\0${model}`;
    const c = this.cache.get(key);
    if (c && at >= c.from && at < c.until) return c.rates;
    const answer = priceAt(this.catalog, model, new Date(at), this.currency, provider);
    let entry: CachedAnswer;
    if (answer.kind === 'priced') {
      entry = { from: at, until: answer.nextChange ? answer.nextChange.getTime() : at + STABLE_HORIZON_MS, rates: answer.rates };
    } else if (answer.reason === 'unknown-model' || answer.reason === 'no-price-family' || answer.reason === 'other-provider') {
      entry = { from: -Infinity, until: Infinity, rates: undefined };
    } else {
      // Before the first period or no price in this currency yet: exact for this instant only.
      entry = { from: at, until: at + 1, rates: undefined };
    }
    this.cache.set(key, entry);
    return entry.rates;
  }

  price(model: string, at: number, t: { cacheHitTokens: number; cacheMissTokens: number; outputTokens: number }, provider?: string): Priced | undefined {
    const rates = this.ratesAt(model, at, provider);
    if (!rates) return undefined;
    return { cost: costOf(rates, t), saved: (t.cacheHitTokens * (rates.cacheMiss - rates.cacheHit)) / 1_000_000 };
  }
}
