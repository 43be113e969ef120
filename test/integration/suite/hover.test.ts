import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { hoverText, MONEY, openFixture, positionOf } from './helpers';

describe('prompt hovers', () => {
  it('a long prompt literal shows its token count and a price', async () => {
    const { document } = await openFixture('app.py');
    const position = positionOf(document, 'You are a meticulous support analyst', 10);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
    const text = hoverText(hovers ?? []);
    assert.match(text, /\d[\d,.]*\s*tokens/i, `hover text: ${text}`);
    assert.match(text, MONEY, `hover text: ${text}`);
  });

  it('a short string shows no token hover', async () => {
    const { document } = await openFixture('app.py');
    const position = positionOf(document, '"role"', 2);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
    assert.doesNotMatch(hoverText(hovers ?? []), /tokens/i);
  });
});
