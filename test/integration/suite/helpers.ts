// Shared by the integration tests: fixture files, and waits tied to VS Code events (never sleeps).
import * as assert from 'node:assert';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'deepseek-cost-lens.deepseek-cost-lens';
export const MONEY = /[$¥]\s?\d/;

export function workspaceFile(relativePath: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the integration tests need the sample workspace open');
  return vscode.Uri.joinPath(folder.uri, ...relativePath.split('/'));
}

export async function openFixture(relativePath: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(workspaceFile(relativePath));
  return vscode.window.showTextDocument(document);
}

/** Position `offset` characters into the first occurrence of `needle` in the document. */
export function positionOf(document: vscode.TextDocument, needle: string, offset = 1): vscode.Position {
  const index = document.getText().indexOf(needle);
  assert.ok(index >= 0, `${needle} not found in ${document.uri.path}`);
  return document.positionAt(index + offset);
}

/** Resolves when `event` fires with a value `accept` maps to something defined. */
export function waitForEvent<E, T>(event: vscode.Event<E>, accept: (e: E) => T | undefined, timeoutMs: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
    }, timeoutMs);
    const subscription = event((e) => {
      const value = accept(e);
      if (value !== undefined) {
        clearTimeout(timer);
        subscription.dispose();
        resolve(value);
      }
    });
  });
}

/**
 * The document's diagnostics once `accept` holds for them: checked now, then on every
 * onDidChangeDiagnostics for that document.
 */
export async function waitForDiagnostics(
  uri: vscode.Uri,
  accept: (diagnostics: vscode.Diagnostic[]) => boolean,
  timeoutMs = 30_000,
): Promise<vscode.Diagnostic[]> {
  const current = vscode.languages.getDiagnostics(uri);
  if (accept(current)) return current;
  try {
    return await waitForEvent(
      vscode.languages.onDidChangeDiagnostics,
      (e) => {
        if (!e.uris.some((u) => u.toString() === uri.toString())) return undefined;
        const diagnostics = vscode.languages.getDiagnostics(uri);
        return accept(diagnostics) ? diagnostics : undefined;
      },
      timeoutMs,
      `diagnostics on ${uri.path}`,
    );
  } catch (error) {
    const last = vscode.languages.getDiagnostics(uri).map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`);
    throw new Error(`${(error as Error).message}; last diagnostics: ${JSON.stringify(last)}`);
  }
}

/** Diagnostics of error severity whose range covers text matching `id`. */
export function retiredIdErrors(document: vscode.TextDocument, diagnostics: vscode.Diagnostic[], id: RegExp): vscode.Diagnostic[] {
  return diagnostics.filter((d) => d.severity === vscode.DiagnosticSeverity.Error && id.test(document.getText(d.range)));
}

/** The plain text of hover contents, Markdown or not. */
export function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n');
}

/** Reverts the active editor so later tests see the fixture as it is on disk. */
export async function revertActiveEditor(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.files.revert');
}
