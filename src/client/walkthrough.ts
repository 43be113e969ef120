// The getting-started walkthrough: opened once after install, and any time by command. Its steps
// complete on context keys this module sets only when the thing really happened (a fix applied, a
// cost hover shown, a usage log being read, a budget set), never merely because a command ran.
import * as vscode from 'vscode';
import { COMMANDS, SETTINGS_SECTION } from '../shared/protocol';

export const WALKTHROUGH_ID = 'deepseekCost.gettingStarted';
/** globalState key: the walkthrough was opened once after install. */
const SHOWN_KEY = 'deepseekCost.walkthroughShown';

/** The context keys the walkthrough steps' `completionEvents` wait for (`onContext:<key>`). */
export const WALKTHROUGH_KEYS = {
  fixApplied: 'deepseekCost.walkthrough.fixApplied',
  severityChosen: 'deepseekCost.walkthrough.severityChosen',
  hoverShown: 'deepseekCost.walkthrough.hoverShown',
  logReading: 'deepseekCost.walkthrough.logReading',
  budgetSet: 'deepseekCost.walkthrough.budgetSet',
} as const;
export type WalkthroughEvent = keyof typeof WALKTHROUGH_KEYS;

export class Walkthrough implements vscode.Disposable {
  private readonly done = new Set<WalkthroughEvent>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly context: vscode.ExtensionContext) {
    this.disposables.push(
      vscode.commands.registerCommand(COMMANDS.openWalkthrough, () => this.open()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(`${SETTINGS_SECTION}.budget`)) this.checkBudget();
      }),
    );
    this.checkBudget();
  }

  /** Marks a step's event as happened (once per window; VS Code remembers completed steps). */
  mark(event: WalkthroughEvent): void {
    if (this.done.has(event)) return;
    this.done.add(event);
    void vscode.commands.executeCommand('setContext', WALKTHROUGH_KEYS[event], true);
  }

  open(): Thenable<unknown> {
    return vscode.commands.executeCommand('workbench.action.openWalkthrough', `${this.context.extension.id}#${WALKTHROUGH_ID}`, false);
  }

  /**
   * Once per install (per profile), as VS Code does for walkthroughs of extensions installed from
   * the gallery; the user's `workbench.welcomePage.walkthroughs.openOnInstall: false` is honoured.
   */
  async openOnce(): Promise<void> {
    if (this.context.globalState.get<boolean>(SHOWN_KEY)) return;
    if (vscode.workspace.getConfiguration('workbench.welcomePage').get<boolean>('walkthroughs.openOnInstall') === false) return;
    await this.context.globalState.update(SHOWN_KEY, true);
    await this.open();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  private checkBudget(): void {
    const c = vscode.workspace.getConfiguration(SETTINGS_SECTION);
    const set = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v > 0;
    if (set(c.get('budget.session')) || set(c.get('budget.daily'))) this.mark('budgetSet');
  }
}
