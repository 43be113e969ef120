// Why a request or a prompt has no price, in words: the one wording for the hovers, the status bar's
// tooltip, the spend report and the CLI. Kept apart from the classification (which needs the
// catalog and runs in the worker) so the editor side never loads the catalog just to print a sentence.
import * as l10n from '@vscode/l10n';
import type { Currency } from '../catalog/schema';

export type UnpricedReasonKind = 'unknown-model' | 'no-price-family' | 'before-first-period' | 'currency-unknown' | 'other-provider' | 'other';

export interface UnpricedReason {
  model: string;
  requests: number;
  reason: UnpricedReasonKind;
  /** Set for currency-unknown when the other currency does have a price. */
  otherCurrencyPriced?: Currency;
}

export function describeUnpricedReason(r: Pick<UnpricedReason, 'reason' | 'otherCurrencyPriced'>, currency: Currency): string {
  switch (r.reason) {
    case 'unknown-model':
      return l10n.t('model not in the catalog');
    case 'no-price-family':
      return l10n.t('the catalog has no price for this model');
    case 'before-first-period':
      return l10n.t('used before its first known price');
    case 'currency-unknown':
      return r.otherCurrencyPriced
        ? l10n.t('no {0} price for that period (a {1} price exists; it is never converted)', currency, r.otherCurrencyPriced)
        : l10n.t('no {0} price for that period', currency);
    case 'other-provider':
      return l10n.t("another provider serves this call and DeepSeek's prices do not apply (add that provider's prices in deepseekCost.catalogOverrides)");
    default:
      return l10n.t('no price at the request time');
  }
}
