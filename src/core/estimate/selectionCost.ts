// What a piece of text costs as input: its exact DeepSeek token count and the cache-miss input price
// of a model now, in one currency. The status bar's selection count and its command both use this,
// in the token worker (src/worker/tokenWorker.ts), so counting never runs on the extension host.
import type { Catalog, Currency } from '../../catalog/schema';
import { priceAt, splitRouterPrefix } from '../../catalog/resolve';
import { formatCount, formatMoney } from '../money';
import { tokenizerBasis } from './factNotes';

export interface SelectionCost {
  tokens: number;
  model: string;
  currency: Currency;
  /** Input cost at cache miss, at the price in force at `at`; undefined when the model has no price in this currency. */
  cost?: number;
  /** Whether DeepSeek may count differently: the model is served by a tokenizer that is not bundled. */
  approximate: boolean;
}

export function selectionCost(catalog: Catalog, text: string, count: (text: string) => number, model: string, currency: Currency, at: Date): SelectionCost {
  const tokens = text.length === 0 ? 0 : count(text);
  const price = priceAt(catalog, model, at, currency);
  const cost = price.kind === 'priced' ? (tokens * price.rates.cacheMiss) / 1_000_000 : undefined;
  return { tokens, model: splitRouterPrefix(model).id, currency, cost, approximate: tokenizerBasis(catalog, model, at).mayDiffer };
}

/** `1,234 tokens · $0.00017 as input to deepseek-v4-flash` (≈ when the bundled tokenizer may differ from the served one). */
export function describeSelectionCost(c: SelectionCost): { count: string; cost: string } {
  const count = `${c.approximate ? '≈' : ''}${formatCount(c.tokens)} ${c.tokens === 1 ? 'token' : 'tokens'}`;
  return { count, cost: c.cost === undefined ? `not priced in ${c.currency}` : formatMoney(c.cost, c.currency) };
}
