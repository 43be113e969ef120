// Money and ratios as the status bar and tooltip show them. Small request costs are the norm
// (a cached Flash call costs a fraction of a cent), so amounts under a cent keep two significant
// digits instead of collapsing to 0.00.
import type { Currency } from '../catalog/schema';
import { currencySymbol } from '../core/money';

export type { Currency };
export { currencySymbol, formatCount } from '../core/money';
/** Below this an amount is shown as "<$0.0001": more digits would be noise in a status bar. */
const SMALLEST_SHOWN = 0.0001;

const twoDecimals = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const twoSignificant = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 2 });

export function formatAmount(amount: number, currency: Currency): string {
  const symbol = currencySymbol(currency);
  if (!Number.isFinite(amount)) return `${symbol}?`;
  const sign = amount < 0 ? '-' : '';
  const abs = Math.abs(amount);
  if (abs === 0) return `${symbol}0.00`;
  if (abs < SMALLEST_SHOWN) return `${sign}<${symbol}${SMALLEST_SHOWN}`;
  // Two significant digits only while they add information beyond the cents.
  const text = Number(abs.toPrecision(2)) < 0.1 ? twoSignificant.format(abs) : twoDecimals.format(abs);
  return `${sign}${symbol}${text}`;
}

/** A share in whole percent, or one decimal under 10% so "0.4%" does not read as "0%". */
export function formatPercent(part: number, whole: number): string {
  if (!(whole > 0)) return '–';
  const pct = (part / whole) * 100;
  if (pct > 0 && pct < 10) return `${(Math.round(pct * 10) / 10).toString()}%`;
  return `${Math.round(pct)}%`;
}
