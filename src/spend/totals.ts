// Sums of the ledger's totals across days, for the report and its unpriced explanations.
import type { SpendTotals } from '../core/usage/types';

/**
 * The ledger has the same zero, but importing it would pull the pricer, the catalog and zod into the
 * editor-side bundle, which only ever needs this.
 */
export function emptyTotals(): SpendTotals {
  return { cost: 0, requests: 0, unpriced: 0, noSplit: 0, cacheHitTokens: 0, cacheMissTokens: 0, outputTokens: 0, reasoningTokens: 0, savedByCache: 0, toolCalls: 0, toolCost: 0, toolUnpriced: 0, peakCost: 0, peakSavingOffPeak: 0 };
}

export function addTotals(into: SpendTotals, t: SpendTotals): SpendTotals {
  for (const k of Object.keys(into) as (keyof SpendTotals)[]) into[k] += t[k];
  return into;
}

/** Day → model → totals, folded into model → totals. */
export function totalsByModel(byDay: Record<string, Record<string, SpendTotals>>): Record<string, SpendTotals> {
  const out: Record<string, SpendTotals> = {};
  for (const models of Object.values(byDay)) {
    for (const [model, t] of Object.entries(models)) addTotals((out[model] ??= emptyTotals()), t);
  }
  return out;
}
