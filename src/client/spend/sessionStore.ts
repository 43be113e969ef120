// The session start and the budget-alert state in globalState, which every window of this machine
// shares. VS Code refreshes a window's globalState when another window writes it but raises no event,
// so the tracker polls the one key it cares about (an in-memory read).
import type * as vscode from 'vscode';
import type { BudgetAlertState, BudgetKind } from '../../spend/budget';
import { effectiveSessionStart } from '../../spend/session';

const SESSION_START_KEY = 'deepseekCost.spend.sessionStart';
const BUDGET_ALERTS_KEY = 'deepseekCost.spend.budgetAlerts';

export class SessionStore {
  constructor(private readonly state: vscode.Memento) {}

  /** The start in force now; writes it back when it is new (first use, midnight reset). */
  current(now: number, resetAtMidnight: boolean, zone: string): number {
    const decision = effectiveSessionStart(this.state.get(SESSION_START_KEY), now, resetAtMidnight, zone);
    if (decision.store) void this.state.update(SESSION_START_KEY, decision.start);
    return decision.start;
  }

  async reset(now: number): Promise<number> {
    await this.state.update(SESSION_START_KEY, now);
    return now;
  }

  budgetAlert(kind: BudgetKind): BudgetAlertState | undefined {
    const all = this.state.get<Partial<Record<BudgetKind, BudgetAlertState>>>(BUDGET_ALERTS_KEY);
    return all?.[kind];
  }

  async setBudgetAlert(kind: BudgetKind, alert: BudgetAlertState): Promise<void> {
    const all = { ...(this.state.get<Partial<Record<BudgetKind, BudgetAlertState>>>(BUDGET_ALERTS_KEY) ?? {}), [kind]: alert };
    await this.state.update(BUDGET_ALERTS_KEY, all);
  }
}
