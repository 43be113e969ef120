// Parsing what a user types as a budget. Pure: the input box's validation and the settings writer
// agree because both call this.
import * as l10n from '@vscode/l10n';
import type { Currency } from './amount';

export type BudgetInput = { kind: 'clear' } | { kind: 'amount'; value: number } | { kind: 'invalid'; message: string };

export function parseBudgetInput(text: string, currency: Currency): BudgetInput {
  const cleaned = text.trim().replace(/^[$¥]|(USD|CNY|RMB)$/gi, '').replace(/,/g, '').trim();
  if (cleaned === '') return { kind: 'clear' };
  const value = Number(cleaned);
  if (!/^\d*\.?\d+$|^\d+\.$/.test(cleaned) || !Number.isFinite(value)) {
    return { kind: 'invalid', message: l10n.t('Enter an amount in {0} such as 5 or 0.50, or leave it empty to remove the budget.', currency) };
  }
  return { kind: 'amount', value };
}
