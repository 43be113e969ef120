// Why requests went unpriced, per model, from the same catalog the ledger priced them with. The
// ledger counts them; this says why in words, so a CNY view of a USD-only period reads as "no CNY
// price" and never as a silent zero or a converted figure.
import { type Catalog, findModel, priceAt } from '../catalog';
import type { SpendTotals } from '../core/usage/types';
import type { Currency } from './amount';
import type { UnpricedReason } from '../core/unpricedWording';

/**
 * `byModel` totals and the instants the requests fell between; the reason is read at both ends so a
 * period that changes mid-range still names the currency problem when there is one.
 */
export function unpricedReasons(catalog: Catalog, byModel: Record<string, SpendTotals>, currency: Currency, from: number, to: number): UnpricedReason[] {
  const out: UnpricedReason[] = [];
  for (const [model, totals] of Object.entries(byModel)) {
    if (totals.unpriced <= 0) continue;
    out.push({ model, requests: totals.unpriced, ...classify(catalog, model, currency, from, to) });
  }
  return out.sort((a, b) => b.requests - a.requests || a.model.localeCompare(b.model));
}

function classify(catalog: Catalog, model: string, currency: Currency, from: number, to: number): Pick<UnpricedReason, 'reason' | 'otherCurrencyPriced'> {
  if (!findModel(catalog, model)) return { reason: 'unknown-model' };
  const other: Currency = currency === 'USD' ? 'CNY' : 'USD';
  let sawBefore = false;
  for (const at of [to, from]) {
    const answer = priceAt(catalog, model, new Date(at), currency);
    if (answer.kind === 'priced') continue;
    if (answer.reason === 'currency-unknown') {
      return priceAt(catalog, model, new Date(at), other).kind === 'priced' ? { reason: 'currency-unknown', otherCurrencyPriced: other } : { reason: 'currency-unknown' };
    }
    if (answer.reason === 'no-price-family' || answer.reason === 'unknown-model') return { reason: answer.reason };
    sawBefore = true;
  }
  return { reason: sawBefore ? 'before-first-period' : 'other' };
}
