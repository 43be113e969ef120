import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { EXTENSION_ID, MONEY, waitForEvent } from './helpers';

const SHOW_MENU = 'deepseekCost.spend.showMenu';
const SHOW_REPORT = 'deepseekCost.spend.showReport';

async function api(): Promise<{ onDidShowSpendMenu: vscode.Event<readonly string[]> }> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is installed`);
  return extension.activate();
}

describe('session spend', () => {
  it('the status bar command shows its menu, the dashboard first and reset last, and closes cleanly', async () => {
    const { onDidShowSpendMenu } = await api();
    const shown = waitForEvent(onDidShowSpendMenu, (labels) => labels, 30_000, 'the spend menu');
    const done = Promise.resolve(vscode.commands.executeCommand(SHOW_MENU));
    const labels = await shown;
    // Enter picks the first item: it must be the harmless one.
    assert.match(labels[0], /Open spend dashboard/);
    assert.match(labels[labels.length - 1], /Reset session/);
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    assert.strictEqual(await done, undefined, 'closing the menu chooses nothing');
  });

  it('the spend report is a read-only document that totals the configured proxy log and closes without asking to save', async () => {
    const logs = vscode.workspace.getConfiguration('deepseekCost').get<string[]>('usageLogs') ?? [];
    assert.ok(logs.length > 0, 'the runner should configure deepseekCost.usageLogs');
    // The command resolves once the report's editor is shown (a failure surfaces here).
    await vscode.commands.executeCommand(SHOW_REPORT);
    const report = vscode.window.activeTextEditor?.document;
    assert.ok(report, 'an editor is active after Show Spend Report');
    assert.strictEqual(report.uri.scheme, 'deepseek-spend', `the report is the virtual document, not ${report.uri.toString()}`);
    assert.match(report.getText(), MONEY, report.getText());
    assert.strictEqual(report.isUntitled, false);
    assert.strictEqual(report.isDirty, false, 'nothing to save');
    // A dirty document would stop here on a save prompt; the report's editor simply goes.
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    assert.ok(vscode.window.visibleTextEditors.every((e) => e.document.uri.scheme !== 'deepseek-spend'), 'the report editor closed');
  });
});
