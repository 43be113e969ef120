// Activation: cheap. The language server starts only when a document it serves is open; the
// spend tracker runs in a worker thread. Nothing here touches the network or reads API keys.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { createLanguageClient } from './languageClient';
import { servedDocuments } from './documentSelector';
import { activateSpendTracker, spendMenuShown } from './spend';
import { registerAgentTools } from './agentTools';
import { type CallBreakdown, COMMANDS, FIX_ALL_KIND } from '../shared/protocol';
import { normalizeLocale, useLocaleBundle } from '../core/locale';

let client: LanguageClient | undefined;
let starting: Promise<void> | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<{ activatedInMs: number; onDidShowSpendMenu: vscode.Event<readonly string[]> }> {
  const began = performance.now();
  // Core's sentences (hover text shared with the server, amounts, the report) follow VS Code's
  // display language too: the client's bundle holds them all.
  useLocaleBundle(normalizeLocale(vscode.env.language), vscode.l10n.bundle);
  const log = vscode.window.createOutputChannel('DeepSeek Cost Lens', { log: true });
  context.subscriptions.push(log);

  const selector = servedDocuments();
  const startIfServed = (doc: vscode.TextDocument) => {
    if (!client && !starting && vscode.languages.match(selector, doc) > 0) {
      starting = startClient(context, log).finally(() => (starting = undefined));
    }
  };
  context.subscriptions.push(vscode.workspace.onDidOpenTextDocument(startIfServed));
  vscode.workspace.textDocuments.forEach(startIfServed);

  context.subscriptions.push(
    vscode.commands.registerCommand(COMMANDS.restartServer, async () => {
      if (client) await client.restart();
      else await startClient(context, log);
    }),
    vscode.commands.registerCommand(COMMANDS.showOutput, () => log.show()),
    vscode.commands.registerCommand(COMMANDS.showCallBreakdown, async (breakdown?: CallBreakdown) => {
      // The labels come from the server already made plain (no icon syntax, no line breaks).
      if (!breakdown || !Array.isArray(breakdown.items)) return;
      await vscode.window.showQuickPick(breakdown.items, { title: breakdown.title, matchOnDescription: true, matchOnDetail: true });
    }),
    vscode.commands.registerCommand(COMMANDS.fixAllModelIds, async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) return;
      await vscode.commands.executeCommand('editor.action.sourceAction', { kind: FIX_ALL_KIND, apply: 'first' });
    }),
  );

  const spend = activateSpendTracker(context, log);
  context.subscriptions.push(spend, ...registerAgentTools(context, log, spend.tracked));
  const activatedInMs = performance.now() - began;
  log.info(`activated in ${activatedInMs.toFixed(1)} ms`);
  return { activatedInMs, onDidShowSpendMenu: spendMenuShown.event };
}

async function startClient(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): Promise<void> {
  client = createLanguageClient(context, log);
  try {
    await client.start();
  } catch (err) {
    log.error(`could not start the language server: ${String(err)}`);
    client = undefined;
  }
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
