// What the status item shows, as data: text, colour level and an accessible label. Pure, so the
// exact strings are unit-tested; statusItem.ts only copies them onto the VS Code item.
import type { SpendSnapshot } from '../core/usage/types';
import { type Currency, formatAmount } from './amount';
import { type BudgetLevel, budgetLevel, worstLevel } from './budget';

export interface StatusViewInput {
  snapshot?: SpendSnapshot;
  configured: boolean;
  currency: Currency;
  budgets: { session: number | null; daily: number | null };
  workerError?: string;
}

export interface StatusView {
  text: string;
  level: BudgetLevel;
  accessibilityLabel: string;
}

const CURRENCY_WORDS: Record<Currency, string> = { USD: 'US dollars', CNY: 'yuan' };

export function statusView(input: StatusViewInput): StatusView {
  const { snapshot } = input;
  if (!input.configured) return { text: '$(graph) DS –', level: 'ok', accessibilityLabel: 'DeepSeek spend: no usage log configured' };
  if (input.workerError) return { text: '$(error) DS', level: 'ok', accessibilityLabel: `DeepSeek spend: the log reader stopped: ${input.workerError}` };
  if (!snapshot) return { text: '$(loading~spin) DS', level: 'ok', accessibilityLabel: 'DeepSeek spend: reading usage logs' };

  const amount = formatAmount(snapshot.session.cost, snapshot.currency);
  // A source that cannot be read, or requests without a price, make the amount incomplete: flag it.
  const incomplete = snapshot.session.unpriced > 0 || snapshot.sources.some((s) => s.state === 'error' || s.files.some((f) => f.state === 'unreadable'));
  // Budgets are amounts in the chosen currency; a snapshot still in the other one is not compared.
  const level =
    snapshot.currency === input.currency
      ? worstLevel(budgetLevel(snapshot.session.cost, input.budgets.session), budgetLevel(snapshot.today.cost, input.budgets.daily))
      : 'ok';
  const words = `DeepSeek session spend ${snapshot.session.cost.toFixed(4).replace(/\.?0+$/, '')} ${CURRENCY_WORDS[snapshot.currency]}`;
  const notes = [incomplete ? 'incomplete, see tooltip' : '', level === 'warning' ? 'near budget' : level === 'exceeded' ? 'over budget' : ''].filter(Boolean);
  return {
    text: `$(graph) DS ${amount}${incomplete ? ' $(warning)' : ''}`,
    level,
    accessibilityLabel: notes.length ? `${words}, ${notes.join(', ')}` : words,
  };
}
