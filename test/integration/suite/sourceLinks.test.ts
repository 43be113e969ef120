import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { hoverText, waitForEvent } from './helpers';

// A catalog source is a link in a hover only when the user typed its host in user settings: the
// client tells the server which hosts those are, and a workspace cannot.
describe('catalog source links in hovers', () => {
  const override = (host: string) => ({
    sources: { mine: { title: 'My pricing notes', url: `https://${host}/notes`, date: '2026-11-01' } },
    models: [{ id: 'deepseek-mine', displayName: 'Mine', lifecycle: [{ from: '2026-01-01T00:00:00Z', status: 'current', source: 'mine' }] }],
  });
  const config = () => vscode.workspace.getConfiguration('deepseekCost');

  async function setOverride(value: unknown, target: vscode.ConfigurationTarget): Promise<void> {
    // The language client forwards the change from its own (earlier) listener, so once this event
    // has fired the server has been told before any hover sent after it.
    const changed = waitForEvent(vscode.workspace.onDidChangeConfiguration, (e) => (e.affectsConfiguration('deepseekCost.catalogOverrides') ? true : undefined), 10_000, 'the settings change');
    await config().update('catalogOverrides', value, target);
    await changed;
  }

  async function modelHover(): Promise<string> {
    const document = await vscode.workspace.openTextDocument({ language: 'python', content: 'm = call(model="deepseek-mine")\n' });
    await vscode.window.showTextDocument(document);
    const position = document.positionAt(document.getText().indexOf('deepseek-mine') + 3);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
    return hoverText(hovers ?? []);
  }

  after(async () => {
    await config().update('catalogOverrides', undefined, vscode.ConfigurationTarget.Global);
    await config().update('catalogOverrides', undefined, vscode.ConfigurationTarget.Workspace);
  });

  it('links a host from user settings, and only names a source from workspace settings', async () => {
    await setOverride(override('user.example.invalid'), vscode.ConfigurationTarget.Global);
    const fromUser = await modelHover();
    assert.match(fromUser, /\[My pricing notes\]\(https:\/\/user\.example\.invalid\/notes\)/, fromUser);

    await setOverride(undefined, vscode.ConfigurationTarget.Global);
    await setOverride(override('workspace.example.invalid'), vscode.ConfigurationTarget.Workspace);
    const fromWorkspace = await modelHover();
    assert.match(fromWorkspace, /Source: My pricing notes, 2026\\-11\\-01/, fromWorkspace);
    assert.doesNotMatch(fromWorkspace, /workspace\.example\.invalid/);
  });
});
