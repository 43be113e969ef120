// "Count DeepSeek tokens of the selection": a status-bar entry while text is selected in any editor
// (exact count with the real tokenizer, and its cost as input to the default model at the price in
// force, in the user's currency) and a command that says the same in a message. Counting runs in
// the token worker; selection changes are debounced, so dragging a selection sends one request.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { describeSelectionCost, type SelectionCost } from '../../core/estimate/selectionCost';
import { COMMANDS, SETTINGS_SECTION } from '../../shared/protocol';
import { selectionStatusBarEnabled } from '../../shared/selectionSettings';
import { TokenCounter } from './tokenCounter';

export const SELECTION_STATUS_ITEM_ID = 'deepseekCost.selectionTokens';
const DEBOUNCE_MS = 250;

interface Settings {
  enabled: boolean;
  model: string;
  currency: 'USD' | 'CNY';
  catalogOverrides: unknown;
}

function readSettings(): Settings {
  const c = vscode.workspace.getConfiguration(SETTINGS_SECTION);
  const currency = c.get<string>('currency') === 'CNY' ? 'CNY' : 'USD';
  const model = c.get<string>('defaultModel');
  return {
    enabled: selectionStatusBarEnabled(c.get('selectionTokens.statusBar')),
    model: typeof model === 'string' && model.trim() ? model.trim() : 'deepseek-v4-flash',
    currency,
    // A plain copy: the worker receives it by structured clone.
    catalogOverrides: JSON.parse(JSON.stringify(c.get('catalogOverrides') ?? {})),
  };
}

/** The selected text of an editor (all selections joined, as they would be pasted), or '' when nothing is selected. */
function selectedText(editor: vscode.TextEditor | undefined): string {
  if (!editor) return '';
  const parts = editor.selections.filter((s) => !s.isEmpty).map((s) => editor.document.getText(s));
  return parts.join(editor.document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n');
}

export interface SelectionTokens extends vscode.Disposable {
  countCommand(): Promise<void>;
}

/** Loaded just after activation (see extension.ts), like the spend tracker: its settings schema is zod. */
export function activateSelectionTokens(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): SelectionTokens {
  const counter = new TokenCounter(context.asAbsolutePath(path.join('dist', 'tokenWorker.js')), log);
  const item = vscode.window.createStatusBarItem(SELECTION_STATUS_ITEM_ID, vscode.StatusBarAlignment.Right, 99);
  item.name = vscode.l10n.t('DeepSeek tokens of the selection');
  item.command = COMMANDS.countSelectionTokens;
  let settings = readSettings();
  let timer: NodeJS.Timeout | undefined;

  const count = (text: string) => counter.count({ text, model: settings.model, currency: settings.currency, catalogOverrides: settings.catalogOverrides });

  const update = () => {
    clearTimeout(timer);
    const editor = vscode.window.activeTextEditor;
    const hasSelection = !!editor && editor.selections.some((s) => !s.isEmpty);
    if (!settings.enabled || !hasSelection) {
      counter.supersede();
      item.hide();
      return;
    }
    timer = setTimeout(() => {
      const text = selectedText(vscode.window.activeTextEditor);
      if (!text) return item.hide();
      counter.supersede();
      count(text).then(
        (result) => {
          if (!result) return;
          show(item, result);
        },
        (error) => log.warn(`selection tokens: ${error instanceof Error ? error.message : String(error)}`),
      );
    }, DEBOUNCE_MS);
  };

  const countCommand = async () => {
    const text = selectedText(vscode.window.activeTextEditor);
    if (!text) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Select some text in an editor first: DeepSeek Cost Lens counts the tokens of the selection.'));
      return;
    }
    try {
      const result = await count(text);
      if (!result) return;
      const { count: tokens, cost } = describeSelectionCost(result);
      void vscode.window.showInformationMessage(vscode.l10n.t('The selection is {0} for DeepSeek: {1} as input to {2} at today\'s cache-miss price.', tokens, cost, result.model));
    } catch (error) {
      void vscode.window.showErrorMessage(vscode.l10n.t('DeepSeek Cost Lens could not count the selection: {0}', error instanceof Error ? error.message : String(error)));
    }
  };

  const subscriptions = [
    item,
    vscode.window.onDidChangeTextEditorSelection(update),
    vscode.window.onDidChangeActiveTextEditor(update),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration(SETTINGS_SECTION)) return;
      settings = readSettings();
      update();
    }),
  ];
  update();
  return {
    countCommand,
    dispose() {
      clearTimeout(timer);
      counter.dispose();
      for (const s of subscriptions) s.dispose();
    },
  };
}

function show(item: vscode.StatusBarItem, result: SelectionCost): void {
  const { count, cost } = describeSelectionCost(result);
  item.text = `$(symbol-numeric) ${count} · ${cost}`;
  item.tooltip = vscode.l10n.t('{0} with the DeepSeek tokenizer: {1} as input to {2} at today\'s cache-miss price.', count, cost, result.model);
  item.show();
}
