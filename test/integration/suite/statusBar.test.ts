import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { MONEY, waitForEvent } from './helpers';

const SHOW_MENU = 'deepseekCost.spend.showMenu';
const SHOW_REPORT = 'deepseekCost.spend.showReport';

describe('session spend', () => {
  it('the status bar command opens its menu and closes cleanly', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes(SHOW_MENU), `${SHOW_MENU} is not registered`);
    let settled = false;
    const shown = Promise.resolve(vscode.commands.executeCommand(SHOW_MENU)).finally(() => (settled = true));
    // The menu is a quick pick that appears once the command has gathered its data; closing it
    // resolves the command with nothing chosen. Close until it has appeared and gone.
    const deadline = Date.now() + 30_000;
    while (!settled) {
      assert.ok(Date.now() < deadline, `${SHOW_MENU} did not settle after its quick pick was closed`);
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      await Promise.race([shown, new Promise((resolve) => setTimeout(resolve, 100))]);
    }
    await shown;
  });

  it('the spend report totals the configured proxy log', async () => {
    const logs = vscode.workspace.getConfiguration('deepseekCost').get<string[]>('usageLogs') ?? [];
    assert.ok(logs.length > 0, 'the runner should configure deepseekCost.usageLogs');
    const opened = waitForEvent(
      vscode.window.onDidChangeActiveTextEditor,
      (editor) => (editor?.document.isUntitled ? editor.document : undefined),
      30_000,
      'the spend report document',
    );
    void vscode.commands.executeCommand(SHOW_REPORT);
    const report = await opened;
    assert.match(report.getText(), MONEY, report.getText());
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
