// The status bar item itself: created once, updated from StatusView data, coloured by budget level.
import * as vscode from 'vscode';
import type { BudgetLevel } from '../../spend/budget';
import { SPEND_COMMANDS, SPEND_STATUS_ITEM_ID } from '../../spend/commandIds';
import type { StatusView } from '../../spend/statusView';

const BACKGROUND: Record<BudgetLevel, string | undefined> = {
  ok: undefined,
  warning: 'statusBarItem.warningBackground',
  exceeded: 'statusBarItem.errorBackground',
};
const FOREGROUND: Record<BudgetLevel, string | undefined> = {
  ok: undefined,
  warning: 'statusBarItem.warningForeground',
  exceeded: 'statusBarItem.errorForeground',
};

export class SpendStatusItem implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;

  constructor() {
    // Right side, next to the other usage indicators; priority keeps it left of language/encoding items.
    this.item = vscode.window.createStatusBarItem(SPEND_STATUS_ITEM_ID, vscode.StatusBarAlignment.Right, 100);
    this.item.name = vscode.l10n.t('DeepSeek spend');
    this.item.command = SPEND_COMMANDS.showMenu;
  }

  update(view: StatusView, tooltip: string): void {
    this.item.text = view.text;
    this.item.accessibilityInformation = { label: view.accessibilityLabel, role: 'button' };
    const background = BACKGROUND[view.level];
    const foreground = FOREGROUND[view.level];
    this.item.backgroundColor = background ? new vscode.ThemeColor(background) : undefined;
    this.item.color = foreground ? new vscode.ThemeColor(foreground) : undefined;
    const md = new vscode.MarkdownString(tooltip, true);
    // Links may run only this tracker's own commands.
    md.isTrusted = { enabledCommands: Object.values(SPEND_COMMANDS) };
    this.item.tooltip = md;
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}
