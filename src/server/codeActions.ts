// Quick fixes for model-ID diagnostics, read straight from diagnostic.data, plus one source action
// that applies every preferred fix in the file (also usable as editor.codeActionsOnSave).
import {
  type CancellationToken,
  type CodeAction,
  CodeActionKind,
  type CodeActionParams,
  type Diagnostic,
  type Position,
  type Range,
  type TextEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DIAGNOSTIC_SOURCE, type ModelIdDiagnosticData, type ModelIdDiagnostics } from './diagnostics';
import type { DocumentStore } from './documentStore';
import { languageFor } from '../core/languages';
import { ignoreOnLineEdit } from '../core/lint/suppression';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.deepseekCost`;
export const FIX_ALL_TITLE = 'Fix all DeepSeek model IDs in this file';

function dataOf(d: Diagnostic): ModelIdDiagnosticData | undefined {
  const data = d.data as ModelIdDiagnosticData | undefined;
  return d.source === DIAGNOSTIC_SOURCE && data?.kind === 'deepseek-model-id' ? data : undefined;
}

/** A fix is only offered while the text under the diagnostic is still the ID it was computed for. */
function stillValid(document: TextDocument, d: Diagnostic, data: ModelIdDiagnosticData): boolean {
  return document.getText(d.range) === data.written;
}

function intersects(a: Range, b: Range): boolean {
  const before = (p: Position, q: Position) => p.line < q.line || (p.line === q.line && p.character < q.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}

/** "Ignore <id> on this line": a suppression comment in the document's (or the fence's) comment syntax. */
function ignoreAction(document: TextDocument, d: Diagnostic, data: ModelIdDiagnosticData): CodeAction | undefined {
  const comments = languageFor(document.languageId, document.uri)?.comments ?? 'none';
  const modelId = data.modelId ?? data.written;
  const edit = ignoreOnLineEdit(document.getText(), comments, { start: document.offsetAt(d.range.start), written: data.written, modelId });
  if (!edit) return undefined;
  return {
    title: `Ignore ${modelId} on this line`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [d],
    isPreferred: false,
    edit: { changes: { [document.uri]: [{ range: { start: document.positionAt(edit.start), end: document.positionAt(edit.end) }, newText: edit.newText }] } },
  };
}

export async function codeActions(
  params: CodeActionParams,
  store: DocumentStore,
  diagnostics: ModelIdDiagnostics,
  token: CancellationToken,
): Promise<CodeAction[]> {
  const document = store.get(params.textDocument.uri);
  if (!document) return [];
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
  const actions: CodeAction[] = [];

  if (wants(CodeActionKind.QuickFix)) {
    let ours = params.context.diagnostics.filter((d) => dataOf(d));
    if (ours.length === 0 && params.context.diagnostics.some((d) => d.source === DIAGNOSTIC_SOURCE)) {
      // A client that drops diagnostic.data still gets its fixes, from this version's cached results.
      const report = await diagnostics.pull(document.uri, undefined, token);
      ours = ('items' in report ? report.items : []).filter((d) => dataOf(d) && intersects(d.range, params.range));
    }
    for (const d of ours) {
      const data = dataOf(d);
      if (!data || !stillValid(document, d, data)) continue;
      for (const r of data.replacements) {
        actions.push({
          title: r.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [d],
          isPreferred: r.preferred,
          edit: { changes: { [document.uri]: [{ range: d.range, newText: r.text }] } },
        });
      }
      const ignore = ignoreAction(document, d, data);
      if (ignore) actions.push(ignore);
    }
  }

  if (wants(FIX_ALL_KIND)) {
    const report = await diagnostics.pull(document.uri, undefined, token);
    if (token.isCancellationRequested) return [];
    const items = 'items' in report ? report.items : [];
    const edits: TextEdit[] = [];
    const fixed: Diagnostic[] = [];
    for (const d of items) {
      const data = dataOf(d);
      const preferred = data?.replacements.find((r) => r.preferred);
      if (!data || !preferred || !stillValid(document, d, data)) continue;
      edits.push({ range: d.range, newText: preferred.text });
      fixed.push(d);
    }
    if (edits.length > 0) {
      actions.push({ title: FIX_ALL_TITLE, kind: FIX_ALL_KIND, diagnostics: fixed, edit: { changes: { [document.uri]: edits } } });
    }
  }
  return actions;
}
