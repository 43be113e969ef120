import * as assert from 'assert';
import * as vscode from 'vscode';
import { openFixture, retiredIdErrors, revertActiveEditor, waitForDiagnostics } from './helpers';

describe('quick fixes', () => {
  afterEach(revertActiveEditor);

  it('replaces deepseek-chat with deepseek-flash and turns thinking off (preferred fix), and the error goes away', async () => {
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
    // deepseek-v4-flash is itself a legacy name since 2026-09-10: the preferred fix follows the catalog to deepseek-flash.
    const fix = (actions ?? []).find((a) => /^Use deepseek-flash and turn thinking off/.test(a.title));
    assert.ok(fix, `no deepseek-flash fix among ${JSON.stringify(titles)}`);
    assert.strictEqual(fix.isPreferred, true, 'the deepseek-flash fix should be the preferred one');
    assert.ok(titles.some((t) => /deepseek-v4-flash/.test(t)) && titles.some((t) => /deepseek-v4-pro/.test(t)), `v4-flash and v4-pro still offered: ${JSON.stringify(titles)}`);
    if (fix.edit) assert.ok(await vscode.workspace.applyEdit(fix.edit), 'the edit did not apply');
    if (fix.command) await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));
    assert.match(document.getText(), /model="deepseek-flash"/);
    assert.strictEqual(document.getText().split('extra_body={"thinking": {"type": "disabled"}}').length - 1, 1, 'thinking is turned off once');
    assert.doesNotMatch(document.getText(), /deepseek-chat/);
    await waitForDiagnostics(document.uri, (all) => retiredIdErrors(document, all, /deepseek-chat|deepseek-flash/).length === 0);
  });
});
