// What a believable usage record looks like. A line whose time or token counts no real request can
// have is rejected with a named reason, counted as a skipped line, and never priced: one bad line
// stays one bad line instead of stopping the read (an invalid Date throws deep inside pricing) or
// adding trillions of dollars.
import type { Catalog } from '../../catalog';
import type { UsageRecord } from './types';

/**
 * Completion times must fall in [2000-01-01, 2100-01-01) UTC. Far wider than any real log, and
 * narrow enough to catch a time read in the wrong unit (microseconds or nanoseconds taken as
 * milliseconds, a tiny number taken as seconds) before it reaches calendar arithmetic.
 */
export const EARLIEST_COMPLETION = Date.UTC(2000, 0, 1);
export const LATEST_COMPLETION = Date.UTC(2100, 0, 1);

/** The ledger keeps counts as unsigned 32-bit numbers; no limit may exceed that. */
const STORE_MAX = 0xffffffff;

const limits = new WeakMap<Catalog, number>();

/**
 * The most tokens one request can carry: the largest context window plus maximum output among the
 * catalog's models (an override that adds a larger model raises it). A catalog without those
 * figures leaves only the ledger's own 32-bit limit.
 */
export function requestTokenLimit(catalog: Catalog): number {
  let limit = limits.get(catalog);
  if (limit === undefined) {
    let largest = 0;
    for (const m of catalog.models) largest = Math.max(largest, (m.contextTokens ?? 0) + (m.maxOutputTokens ?? 0));
    limit = largest > 0 ? Math.min(largest, STORE_MAX) : STORE_MAX;
    limits.set(catalog, limit);
  }
  return limit;
}

type Counts = Pick<UsageRecord, 'completedAt' | 'cacheHitTokens' | 'cacheMissTokens' | 'outputTokens' | 'reasoningTokens'>;

/** Why a record cannot be a real request, or undefined when it can. */
export function usageProblem(r: Counts, tokenLimit: number): string | undefined {
  if (!(r.completedAt >= EARLIEST_COMPLETION && r.completedAt < LATEST_COMPLETION)) return 'completion time out of range (not between 2000 and 2099)';
  const counts = [r.cacheHitTokens, r.cacheMissTokens, r.outputTokens, r.reasoningTokens];
  if (counts.some((n) => !Number.isFinite(n) || n < 0)) return 'token count negative or not a number';
  if (counts.some((n) => !Number.isInteger(n))) return 'token count not a whole number';
  if (r.cacheHitTokens + r.cacheMissTokens + r.outputTokens > tokenLimit || r.reasoningTokens > tokenLimit) {
    return `more tokens than any model's context plus output (${tokenLimit.toLocaleString('en-US')})`;
  }
  return undefined;
}
