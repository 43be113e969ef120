import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { openFixture, retiredIdErrors, revertActiveEditor, waitForDiagnostics } from './helpers';

describe('quick fixes', () => {
  afterEach(revertActiveEditor);

  it('replaces deepseek-chat with deepseek-v4-flash (preferred fix), and the error goes away', async () => {
    const { document } = await openFixture('app.py');
    const diagnostics = await waitForDiagnostics(document.uri, (all) => retiredIdErrors(document, all, /deepseek-chat/).length > 0);
    const [error] = retiredIdErrors(document, diagnostics, /deepseek-chat/);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      document.uri,
      error.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const titles = (actions ?? []).map((a) => a.title);
    const fix = (actions ?? []).find((a) => /deepseek-v4-flash/.test(a.title));
    assert.ok(fix, `no deepseek-v4-flash fix among ${JSON.stringify(titles)}`);
    assert.strictEqual(fix.isPreferred, true, 'the deepseek-v4-flash fix should be the preferred one');
    if (fix.edit) assert.ok(await vscode.workspace.applyEdit(fix.edit), 'the edit did not apply');
    if (fix.command) await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));
    assert.match(document.getText(), /model="deepseek-v4-flash"/);
    assert.doesNotMatch(document.getText(), /deepseek-chat/);
    await waitForDiagnostics(document.uri, (all) => retiredIdErrors(document, all, /deepseek-chat|deepseek-v4-flash/).length === 0);
  });
});
