import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { EXTENSION_ID } from './helpers';

describe('activation', () => {
  it('the extension is active and reports its activation time', async () => {
    const extension = vscode.extensions.getExtension<{ activatedInMs?: number }>(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} not found`);
    const exports = await extension.activate();
    assert.ok(extension.isActive);
    assert.strictEqual(typeof exports?.activatedInMs, 'number');
  });
});
