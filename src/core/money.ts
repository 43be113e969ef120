// Every amount, count, share and instant a person reads, in the locale the process runs in
// (core/l10n.ts): the hovers, the status bar, the spend report, the CLI. Money keeps enough
// significant digits that a per-call cost of $0.0000042 never reads as $0.00; the symbol always
// stands before the amount; times are UTC, with Beijing time beside them for Chinese readers
// (DeepSeek's peak hours are set in Beijing time).
import type { Currency } from '../catalog/schema';
import * as l10n from '@vscode/l10n';
import { currentLocale, type Locale } from './locale';

const symbols: Record<Currency, string> = { USD: '$', CNY: '¥' };
/** Intl tags per locale: both group thousands with commas; the tag keeps later locales honest. */
const intlTags: Record<Locale, string> = { en: 'en-US', 'zh-cn': 'zh-CN' };

const formats = new Map<string, Intl.NumberFormat>();
function numberFormat(options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${currentLocale()}|${JSON.stringify(options)}`;
  let f = formats.get(key);
  if (!f) formats.set(key, (f = new Intl.NumberFormat(intlTags[currentLocale()], options)));
  return f;
}

export function currencySymbol(currency: Currency): string {
  return symbols[currency];
}

/** Hovers and the CLI: two decimals from one unit up, three significant digits below. */
export function formatMoney(amount: number, currency: Currency): string {
  const sign = amount < 0 ? '-' : '';
  const abs = Math.abs(amount);
  const symbol = symbols[currency];
  if (abs === 0) return `${symbol}0`;
  if (abs >= 1) return `${sign}${symbol}${numberFormat({ minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(abs)}`;
  // Below one unit keep three significant digits (two for the tiniest), without exponent notation.
  const digits = abs >= 0.01 ? 3 : 2;
  const decimals = Math.min(20, Math.max(2, digits - 1 - Math.floor(Math.log10(abs))));
  const text = abs.toFixed(decimals).replace(/(\.\d*?[1-9])0+$/, '$1').replace(/\.0+$/, '');
  return `${sign}${symbol}${text}`;
}

/** Below this an amount is shown as "<$0.0001": more digits would be noise in a status bar. */
const SMALLEST_SHOWN = 0.0001;

/**
 * The status bar, its tooltip and the spend report: cents, or two significant digits under ten
 * cents (a cached Flash call costs a fraction of a cent, which must not collapse to 0.00).
 */
export function formatAmount(amount: number, currency: Currency): string {
  const symbol = symbols[currency];
  if (!Number.isFinite(amount)) return `${symbol}?`;
  const sign = amount < 0 ? '-' : '';
  const abs = Math.abs(amount);
  if (abs === 0) return `${symbol}0.00`;
  if (abs < SMALLEST_SHOWN) return `${sign}<${symbol}${SMALLEST_SHOWN}`;
  // Two significant digits only while they add information beyond the cents.
  const text = Number(abs.toPrecision(2)) < 0.1 ? numberFormat({ maximumSignificantDigits: 2 }).format(abs) : numberFormat({ minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(abs);
  return `${sign}${symbol}${text}`;
}

export function formatCount(n: number): string {
  return numberFormat({}).format(n);
}

/** A rate per 1M tokens as written on DeepSeek's price page. */
export function formatRate(perMillion: number, currency: Currency): string {
  return `${symbols[currency]}${Number(perMillion.toPrecision(6))}`;
}

/** A share in whole percent, or one decimal under 10% so "0.4%" does not read as "0%". */
export function formatPercent(part: number, whole: number): string {
  if (!(whole > 0)) return '–';
  const pct = (part / whole) * 100;
  if (pct > 0 && pct < 10) return `${(Math.round(pct * 10) / 10).toString()}%`;
  return `${Math.round(pct)}%`;
}

const BEIJING_OFFSET_MS = 8 * 3_600_000;

/**
 * An instant as "2026-09-10 04:00 UTC"; in Chinese with Beijing time beside it,
 * "2026-09-10 04:00 UTC（北京时间 12:00）", the date repeated only when Beijing's day differs.
 */
export function formatUtc(at: string | Date): string {
  const ms = typeof at === 'string' ? Date.parse(at) : at.getTime();
  if (Number.isNaN(ms)) return String(at);
  const iso = new Date(ms).toISOString();
  const text = `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
  if (currentLocale() !== 'zh-cn') return text;
  const bj = new Date(ms + BEIJING_OFFSET_MS).toISOString();
  const bjText = bj.slice(0, 10) === iso.slice(0, 10) ? bj.slice(11, 16) : `${bj.slice(0, 10)} ${bj.slice(11, 16)}`;
  return l10n.t('{0} (Beijing time {1})', text, bjText);
}
