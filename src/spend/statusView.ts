// What the status item shows, as data: text, colour level and an accessible label. Pure, so the
// exact strings are unit-tested; statusItem.ts only copies them onto the VS Code item.
import type { SpendSnapshot } from '../core/usage/types';
import { type Currency, formatAmount } from './amount';
import { type BudgetLevel, budgetLevel, worstLevel } from './budget';
import * as l10n from '@vscode/l10n';

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


export function statusView(input: StatusViewInput): StatusView {
  const { snapshot } = input;
  if (!input.configured) return { text: '$(graph) DS –', level: 'ok', accessibilityLabel: l10n.t('DeepSeek spend: no usage log configured') };
  if (input.workerError) return { text: '$(error) DS', level: 'ok', accessibilityLabel: l10n.t('DeepSeek spend: the log reader stopped: {0}', input.workerError) };
  if (!snapshot) return { text: '$(loading~spin) DS', level: 'ok', accessibilityLabel: l10n.t('DeepSeek spend: reading usage logs') };

  const amount = formatAmount(snapshot.session.cost, snapshot.currency);
  // A source that cannot be read, or requests without a price, make the amount incomplete: flag it.
  const incomplete = snapshot.session.unpriced > 0 || snapshot.sources.some((s) => s.state === 'error' || s.files.some((f) => f.state === 'unreadable'));
  // Budgets are amounts in the chosen currency; a snapshot still in the other one is not compared.
  const level =
    snapshot.currency === input.currency
      ? worstLevel(budgetLevel(snapshot.session.cost, input.budgets.session), budgetLevel(snapshot.today.cost, input.budgets.daily))
      : 'ok';
  const value = snapshot.session.cost.toFixed(4).replace(/\.?0+$/, '');
  const words = snapshot.currency === 'USD' ? l10n.t('DeepSeek session spend {0} US dollars', value) : l10n.t('DeepSeek session spend {0} yuan', value);
  const notes = [incomplete ? l10n.t('incomplete, see tooltip') : '', level === 'warning' ? l10n.t('near budget') : level === 'exceeded' ? l10n.t('over budget') : ''].filter(Boolean);
  return {
    text: `$(graph) DS ${amount}${incomplete ? ' $(warning)' : ''}`,
    level,
    accessibilityLabel: notes.length ? l10n.t('{0}, {1}', words, notes.join(l10n.t(', '))) : words,
  };
}
