// Budget alerts as a pure state machine: one notification per threshold crossed, never a stream.
// The armed state is kept per period (a session start, a local day) and per budget, so a reset, a
// new day or a changed budget re-arms it, while reloading a window or opening a second one does not
// (the host persists the state in globalState).
import type { Currency } from './amount';

export type BudgetLevel = 'ok' | 'warning' | 'exceeded';
export type BudgetKind = 'session' | 'daily';

export const WARNING_FRACTION = 0.8;

const RANK: Record<BudgetLevel, number> = { ok: 0, warning: 1, exceeded: 2 };

export function budgetLevel(spent: number, budget: number | null): BudgetLevel {
  if (budget === null) return 'ok';
  if (spent >= budget && (budget > 0 || spent > 0)) return 'exceeded';
  if (spent >= budget * WARNING_FRACTION && spent > 0) return 'warning';
  return 'ok';
}

export function worstLevel(...levels: BudgetLevel[]): BudgetLevel {
  return levels.reduce((a, b) => (RANK[b] > RANK[a] ? b : a), 'ok');
}

/** What was last notified for one budget, in one period, for one budget amount. */
export interface BudgetAlertState {
  period: string;
  budget: number | null;
  currency: Currency;
  level: BudgetLevel;
}

export interface BudgetObservation {
  period: string;
  budget: number | null;
  currency: Currency;
  spent: number;
}

export interface BudgetStep {
  state: BudgetAlertState;
  /** Set only when a threshold has just been crossed upward. */
  notify?: Exclude<BudgetLevel, 'ok'>;
}

export function stepBudgetAlert(prev: BudgetAlertState | undefined, now: BudgetObservation): BudgetStep {
  const sameArming = prev && prev.period === now.period && prev.budget === now.budget && prev.currency === now.currency;
  const armed: BudgetLevel = sameArming ? prev.level : 'ok';
  const level = budgetLevel(now.spent, now.budget);
  const state: BudgetAlertState = { period: now.period, budget: now.budget, currency: now.currency, level };
  // Jumping from ok straight past 100% says "exceeded" once, not both messages.
  return RANK[level] > RANK[armed] ? { state, notify: level as Exclude<BudgetLevel, 'ok'> } : { state };
}
