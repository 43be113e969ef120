// What the spend dashboard shows, computed from the ledger's per-day totals: the chart's series, the
// table's rows (the same numbers: the table is the chart's accessible form), the headline shares and
// the month-end projection against the daily budget. Pure, so every figure is unit-tested.
import type { Currency } from '../catalog/schema';
import type { SpendTotals } from '../core/usage/types';
import { addTotals, emptyTotals } from './totals';

export type RangeChoice = { kind: 'last'; days: 7 | 30 | 90 } | { kind: 'custom'; from: string; to: string };

export interface DashboardInput {
  byDay: Record<string, Record<string, SpendTotals>>;
  currency: Currency;
  /** Today's local date key (YYYY-MM-DD). */
  today: string;
  range: RangeChoice;
  budgetDaily: number | null;
}

export interface DashboardRow {
  day: string;
  model: string;
  requests: number;
  cost: number;
  /** Requests with no price (not in `cost`). */
  unpriced: number;
  inputTokens: number;
  outputTokens: number;
  reasoningTokens: number;
  /** Cache hits over prompt tokens, 0–1; null without prompt tokens. */
  cacheHitRate: number | null;
  savedByCache: number;
  peakCost: number;
}

export interface DashboardSummary {
  cost: number;
  requests: number;
  cacheHitRate: number | null;
  savedByCache: number;
  /** Share of the token cost priced at peak-hour rates, 0–1; null with no cost. */
  peakShare: number | null;
  /** What the peak-hour requests would have cost less off-peak. */
  peakSavingOffPeak: number;
  /** Reasoning tokens over output tokens, 0–1; null with no output. */
  reasoningShare: number | null;
}

export interface MonthProjection {
  /** YYYY-MM of today. */
  month: string;
  toDate: number;
  daysElapsed: number;
  daysInMonth: number;
  /** Month to date spread over the whole month at the same daily rate. */
  projected: number;
  /** The daily budget over the whole month (null without a daily budget). */
  budget: number | null;
  overBudget: boolean;
}

export interface DashboardData {
  currency: Currency;
  from: string;
  to: string;
  /** Every day of the range, oldest first, with or without spend. */
  days: string[];
  /** Models with spend or requests in the range, by cost (highest first), then name. */
  models: string[];
  /** Per model, its cost on each of `days`: the stacked bars. */
  series: { model: string; costs: number[] }[];
  rows: DashboardRow[];
  summary: DashboardSummary;
  month: MonthProjection;
}

const DAY_MS = 86_400_000;

export function dayKeyAdd(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

export function isDayKey(s: unknown): s is string {
  return typeof s === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);
}

/** The first and last day of a range choice (a custom range given backwards is turned round). */
export function rangeDays(range: RangeChoice, today: string): { from: string; to: string } {
  if (range.kind === 'last') return { from: dayKeyAdd(today, -(range.days - 1)), to: today };
  return range.from <= range.to ? { from: range.from, to: range.to } : { from: range.to, to: range.from };
}

/** Longest range drawn, so a typo such as 1026-01-01 cannot ask for a million bars. */
export const MAX_RANGE_DAYS = 3660;

export function dashboardData(input: DashboardInput): DashboardData {
  let { from, to } = rangeDays(input.range, input.today);
  const days: string[] = [];
  for (let d = from; d <= to && days.length < MAX_RANGE_DAYS; d = dayKeyAdd(d, 1)) days.push(d);
  to = days[days.length - 1] ?? to;
  from = days[0] ?? from;

  const rows: DashboardRow[] = [];
  const byModel = new Map<string, SpendTotals>();
  const all = emptyTotals();
  for (const day of days) {
    const models = input.byDay[day];
    if (!models) continue;
    for (const model of Object.keys(models).sort()) {
      const t = models[model];
      rows.push(rowOf(day, model, t));
      let m = byModel.get(model);
      if (!m) byModel.set(model, (m = emptyTotals()));
      addTotals(m, t);
      addTotals(all, t);
    }
  }
  const models = [...byModel.entries()].sort((a, b) => b[1].cost - a[1].cost || a[0].localeCompare(b[0])).map(([m]) => m);
  const series = models.map((model) => ({ model, costs: days.map((d) => input.byDay[d]?.[model]?.cost ?? 0) }));
  return {
    currency: input.currency,
    from,
    to,
    days,
    models,
    series,
    rows,
    summary: summaryOf(all),
    month: monthProjection(input.byDay, input.today, input.budgetDaily),
  };
}

function rowOf(day: string, model: string, t: SpendTotals): DashboardRow {
  const input = t.cacheHitTokens + t.cacheMissTokens;
  return {
    day, model, requests: t.requests, cost: t.cost, unpriced: t.unpriced, inputTokens: input, outputTokens: t.outputTokens, reasoningTokens: t.reasoningTokens,
    cacheHitRate: input > 0 ? t.cacheHitTokens / input : null, savedByCache: t.savedByCache, peakCost: t.peakCost,
  };
}

function summaryOf(t: SpendTotals): DashboardSummary {
  const input = t.cacheHitTokens + t.cacheMissTokens;
  const tokenCost = t.cost - t.toolCost;
  return {
    cost: t.cost,
    requests: t.requests,
    cacheHitRate: input > 0 ? t.cacheHitTokens / input : null,
    savedByCache: t.savedByCache,
    peakShare: tokenCost > 0 ? t.peakCost / tokenCost : null,
    peakSavingOffPeak: t.peakSavingOffPeak,
    reasoningShare: t.outputTokens > 0 ? t.reasoningTokens / t.outputTokens : null,
  };
}

export function monthProjection(byDay: Record<string, Record<string, SpendTotals>>, today: string, budgetDaily: number | null): MonthProjection {
  const month = today.slice(0, 7);
  const [y, m] = month.split('-').map(Number);
  const daysInMonth = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const daysElapsed = Number(today.slice(8, 10));
  let toDate = 0;
  for (const [day, models] of Object.entries(byDay)) {
    if (!day.startsWith(month) || day > today) continue;
    for (const t of Object.values(models)) toDate += t.cost;
  }
  const projected = (toDate / daysElapsed) * daysInMonth;
  const budget = budgetDaily === null ? null : budgetDaily * daysInMonth;
  return { month, toDate, daysElapsed, daysInMonth, projected, budget, overBudget: budget !== null && projected > budget };
}

/** The table as CSV (RFC 4180 quoting), the same rows and numbers the panel shows. */
export function dashboardCsv(data: DashboardData): string {
  const header = ['day', 'model', 'requests', `cost_${data.currency.toLowerCase()}`, 'unpriced', 'input_tokens', 'output_tokens', 'reasoning_tokens', 'cache_hit_rate', `saved_by_cache_${data.currency.toLowerCase()}`, `peak_cost_${data.currency.toLowerCase()}`];
  const cell = (v: string | number | null) => {
    let s = v === null ? '' : String(v);
    // A model name from a log must not run as a spreadsheet formula.
    if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = [header.join(',')];
  for (const r of data.rows) {
    lines.push([r.day, r.model, r.requests, round(r.cost), r.unpriced, r.inputTokens, r.outputTokens, r.reasoningTokens, r.cacheHitRate === null ? null : round(r.cacheHitRate), round(r.savedByCache), round(r.peakCost)].map(cell).join(','));
  }
  return lines.join('\r\n') + '\r\n';
}

/** Amounts to 10 decimals: float noise off, every published price digit kept. */
function round(n: number): number {
  return Math.round(n * 1e10) / 1e10;
}
