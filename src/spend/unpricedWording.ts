// Why a request has no price, in words. Kept apart from the classification (which needs the catalog
// and runs in the worker) so the editor side never loads the catalog just to print a sentence.
import type { Currency } from './amount';

export type UnpricedReasonKind = 'unknown-model' | 'no-price-family' | 'before-first-period' | 'currency-unknown' | 'other';

export interface UnpricedReason {
  model: string;
  requests: number;
  reason: UnpricedReasonKind;
  /** Set for currency-unknown when the other currency does have a price. */
  otherCurrencyPriced?: Currency;
}

export function describeUnpricedReason(r: UnpricedReason, currency: Currency): string {
  switch (r.reason) {
    case 'unknown-model':
      return 'model not in the catalog';
    case 'no-price-family':
      return 'the catalog has no price for this model';
    case 'before-first-period':
      return 'used before its first known price';
    case 'currency-unknown':
      return r.otherCurrencyPriced
        ? `no ${currency} price for that period (a ${r.otherCurrencyPriced} price exists; it is never converted)`
        : `no ${currency} price for that period`;
    default:
      return 'no price at the request time';
  }
}
