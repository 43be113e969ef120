// The status bar's and the report's amounts come from the one formatter in core/money.ts; this
// module only keeps the client's import path short.
import type { Currency } from '../catalog/schema';

export type { Currency };
export { currencySymbol, formatAmount, formatCount, formatPercent } from '../core/money';
