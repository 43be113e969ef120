// Money for people: enough significant digits that a per-call cost of $0.0000042 never reads as $0.00.
import type { Currency } from '../catalog/schema';

const symbols: Record<Currency, string> = { USD: '$', CNY: '¥' };

export function currencySymbol(currency: Currency): string {
  return symbols[currency];
}

export function formatMoney(amount: number, currency: Currency): string {
  const sign = amount < 0 ? '-' : '';
  const abs = Math.abs(amount);
  const symbol = symbols[currency];
  if (abs === 0) return `${symbol}0`;
  if (abs >= 1) return `${sign}${symbol}${abs.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
  // Below one unit keep three significant digits (two for the tiniest), without exponent notation.
  const digits = abs >= 0.01 ? 3 : 2;
  const decimals = Math.min(20, Math.max(2, digits - 1 - Math.floor(Math.log10(abs))));
  const text = abs.toFixed(decimals).replace(/(\.\d*?[1-9])0+$/, '$1').replace(/\.0+$/, '');
  return `${sign}${symbol}${text}`;
}

export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

/** A rate per 1M tokens as written on DeepSeek's price page. */
export function formatRate(perMillion: number, currency: Currency): string {
  return `${symbols[currency]}${Number(perMillion.toPrecision(6))}`;
}
