// Settings problems, shown the same way whoever finds them: logged once per change and shown once
// per distinct message, with "Open Settings" and "Show Output". Catalog overrides are validated here,
// once per change of the setting, instead of by the language server and the workers that each read
// them (which used to log the same problem three or four times).
import * as vscode from 'vscode';
import { SETTINGS_SECTION } from '../shared/protocol';

export class SettingsProblems implements vscode.Disposable {
  private readonly shown = new Set<string>();
  private logged = new Set<string>();
  private catalogKey: string | undefined;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly log: vscode.LogOutputChannel,
    private readonly extensionId: string,
  ) {
    this.subscription = vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration(SETTINGS_SECTION)) return;
      // A new change: the same problem may be logged again, once.
      this.logged = new Set();
      void this.checkCatalog();
    });
    // After activation: the catalog and its schema load on the next turn, as the spend tracker's do.
    setImmediate(() => void this.checkCatalog());
  }

  report(message: string): void {
    if (this.logged.has(message)) return;
    this.logged.add(message);
    this.log.warn(message);
    if (this.shown.has(message)) return;
    this.shown.add(message);
    const openSettings = vscode.l10n.t('Open Settings');
    const showOutput = vscode.l10n.t('Show Output');
    void vscode.window.showWarningMessage(vscode.l10n.t('DeepSeek Cost Lens: {0}', message), openSettings, showOutput).then((choice) => {
      if (choice === openSettings) void vscode.commands.executeCommand('workbench.action.openSettings', `@ext:${this.extensionId} ${SETTINGS_SECTION}`);
      if (choice === showOutput) this.log.show(true);
    });
  }

  dispose(): void {
    this.subscription.dispose();
  }

  private async checkCatalog(): Promise<void> {
    const value = vscode.workspace.getConfiguration(SETTINGS_SECTION).get('catalogOverrides');
    const key = JSON.stringify(value ?? null);
    if (key === this.catalogKey) return;
    this.catalogKey = key;
    const { catalogWithOverrides } = await import('../catalog/load');
    for (const e of catalogWithOverrides(value).errors) this.report(e);
  }
}
