// Where the spend session starts. The start lives in globalState (shared by every window of this
// machine); totals are recomputed from record timestamps, so the start is the only session state.
import { startOfLocalDay } from './localTime';

const FUTURE_TOLERANCE_MS = 5 * 60_000;

export interface SessionDecision {
  start: number;
  /** True when the stored start must be replaced by `start` (first use, or a midnight reset). */
  store: boolean;
}

/**
 * The session start in force at `now`. With `resetAtMidnight`, a session begun before today's local
 * midnight (in `zone`) starts over at that midnight, so no spend since then is lost.
 */
export function effectiveSessionStart(stored: unknown, now: number, resetAtMidnight: boolean, zone: string): SessionDecision {
  // A start in the future (clock set back) would hide all spend until then: start over instead.
  if (typeof stored !== 'number' || !Number.isFinite(stored) || stored <= 0 || stored > now + FUTURE_TOLERANCE_MS) return { start: now, store: true };
  if (resetAtMidnight) {
    const midnight = startOfLocalDay(now, zone);
    if (stored < midnight) return { start: midnight, store: true };
  }
  return { start: stored, store: false };
}
