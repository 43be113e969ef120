// Quick fixes for model-ID diagnostics, read from diagnostic.data (thinking edits completed here,
// from the same version's parse), plus "fix all": the
// preferred fix of every finding in the file (thinking edits included), offered as a source action
// (also usable as editor.codeActionsOnSave) and in the Ctrl+. menu.
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
import { DIAGNOSTIC_SOURCE, FIX_ALL_KIND, FIX_APPLIED_COMMAND } from '../shared/protocol';
import type { ModelIdDiagnosticData, ModelIdDiagnostics, ModelIdFixData } from './diagnostics';
import { completeFix, preferredEdits } from '../core/lint/fixes';
import type { DocumentStore } from './documentStore';
import { languageFor } from '../core/languages';
import { ignoreOnLineEdit } from '../core/lint/suppression';
export const FIX_ALL_TITLE = 'Fix all DeepSeek model IDs in this file';
/** The same fix-all, as a quick fix: the Ctrl+. menu lists quick fixes only. */
export const FIX_ALL_QUICKFIX_KIND = `${CodeActionKind.QuickFix}.deepseekCost.fixAll`;

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

/**
 * The diagnostic's fixes made whole: a fix that also turns thinking off gets its edit and title from
 * the call, looked up in the parse of the version the diagnostic was computed on. undefined when the
 * document moved on meanwhile (the client asks again for the new version).
 */
async function completedFixes(document: TextDocument, d: Diagnostic, data: ModelIdDiagnosticData, store: DocumentStore): Promise<ModelIdFixData[] | undefined> {
  if (!data.fixes.some((f) => f.thinkingPending)) return data.fixes;
  if (data.version !== document.version) return undefined;
  const current = await store.parsed(document.uri);
  if (!current || current.document.version !== data.version) return undefined;
  const doc = current.document;
  const start = doc.offsetAt(d.range.start);
  const plan = current.parsed.thinkingPlan(start);
  return data.fixes.map((f) => {
    if (!f.thinkingPending) return f;
    const idEdit = f.edits[0];
    const fix = completeFix({ id: f.id, preferred: f.preferred, thinking: 'disable', idEdit: { start: doc.offsetAt(idEdit.range.start), end: doc.offsetAt(idEdit.range.end), newText: idEdit.newText } }, plan);
    return { id: fix.id, title: fix.title, preferred: fix.preferred, edits: fix.edits.map((e) => ({ range: { start: doc.positionAt(e.start), end: doc.positionAt(e.end) }, newText: e.newText })) };
  });
}

export async function codeActions(
  params: CodeActionParams,
  store: DocumentStore,
  diagnostics: ModelIdDiagnostics,
  token: CancellationToken,
  /** The VS Code client runs FIX_APPLIED_COMMAND after a fix's edit: the walkthrough's proof that a fix happened. */
  withAppliedCommand = false,
): Promise<CodeAction[]> {
  const applied = withAppliedCommand ? { command: { title: 'Fix applied', command: FIX_APPLIED_COMMAND } } : {};
  const document = store.get(params.textDocument.uri);
  if (!document) return [];
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
  const actions: CodeAction[] = [];

  if (wants(CodeActionKind.QuickFix)) {
    let ours = params.context.diagnostics.filter((d) => dataOf(d));
    // Thinking edits sit away from the ID: fixes computed on an older version are never applied.
    const stale = ours.some((d) => dataOf(d)!.version !== document.version);
    if ((ours.length === 0 && params.context.diagnostics.some((d) => d.source === DIAGNOSTIC_SOURCE)) || stale) {
      // A client that drops diagnostic.data (or sends an older version's) still gets its fixes, from this version's cached results.
      const report = await diagnostics.pull(document.uri, undefined, token);
      ours = ('items' in report ? report.items : []).filter((d) => dataOf(d) && intersects(d.range, params.range));
    }
    for (const d of ours) {
      const data = dataOf(d);
      if (!data || !stillValid(document, d, data)) continue;
      const fixes = await completedFixes(document, d, data, store);
      if (token.isCancellationRequested) return [];
      for (const fix of fixes ?? []) {
        actions.push({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [d],
          isPreferred: fix.preferred,
          edit: { changes: { [document.uri]: fix.edits } },
          ...applied,
        });
      }
      const ignore = ignoreAction(document, d, data);
      if (ignore) actions.push(ignore);
    }
  }

  const wantsSource = wants(FIX_ALL_KIND);
  // In the Ctrl+. menu only where one of our diagnostics is, as eslint does.
  const wantsQuickFix = wants(CodeActionKind.QuickFix) && actions.length > 0;
  if (wantsSource || wantsQuickFix) {
    const all = await fixAll(document, diagnostics, store, token);
    if (token.isCancellationRequested) return [];
    if (all && wantsQuickFix) actions.push({ ...all, ...applied, kind: FIX_ALL_QUICKFIX_KIND });
    if (all && wantsSource) actions.push({ ...all, ...applied, kind: FIX_ALL_KIND });
  }
  return actions;
}

/** The preferred fix of every model-ID diagnostic still valid in this version; none when there is nothing to fix. */
async function fixAll(document: TextDocument, diagnostics: ModelIdDiagnostics, store: DocumentStore, token: CancellationToken): Promise<CodeAction | undefined> {
  const report = await diagnostics.pull(document.uri, undefined, token);
  const items = 'items' in report ? report.items : [];
  const perFinding = [];
  const fixed: Diagnostic[] = [];
  for (const d of items) {
    const data = dataOf(d);
    if (!data || !stillValid(document, d, data) || !data.fixes.some((f) => f.preferred)) continue;
    const fixes = await completedFixes(document, d, data, store);
    if (token.isCancellationRequested) return undefined;
    if (!fixes) continue;
    // The same selection as `lint --fix`: offsets, so the core decides which fixes collide.
    perFinding.push(fixes.map((f) => ({ ...f, edits: f.edits.map((e) => ({ start: document.offsetAt(e.range.start), end: document.offsetAt(e.range.end), newText: e.newText })) })));
    fixed.push(d);
  }
  const edits: TextEdit[] = preferredEdits(perFinding).map((e) => ({ range: { start: document.positionAt(e.start), end: document.positionAt(e.end) }, newText: e.newText }));
  if (edits.length === 0) return undefined;
  return { title: FIX_ALL_TITLE, kind: FIX_ALL_KIND, diagnostics: fixed, edit: { changes: { [document.uri]: edits } } };
}
