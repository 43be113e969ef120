// Activation: cheap. The language server starts only when a document it serves is open; the
// spend tracker runs in a worker thread. Nothing here touches the network or reads API keys.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { createLanguageClient, type LanguageClientHooks } from './languageClient';
import { servedDocuments } from './documentSelector';
import { activateSpendTracker, spendMenuShown } from './spend';
import { registerAgentTools } from './agentTools';
import { type CallBreakdown, COMMANDS, FIX_ALL_KIND, FIX_APPLIED_COMMAND } from '../shared/protocol';
import { Walkthrough } from './walkthrough';
import { SettingsProblems } from './settingsProblems';
import type { SelectionTokens } from './selection';
import { chooseLegacySeverity } from './legacySeverity';
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

  const walkthrough = new Walkthrough(context);
  const problems = new SettingsProblems(log, context.extension.id);
  context.subscriptions.push(walkthrough, problems);
  const hooks = { hoverShown: () => walkthrough.mark('hoverShown'), settingsProblem: (m: string) => problems.report(m) };

  const selector = servedDocuments();
  const startIfServed = (doc: vscode.TextDocument) => {
    if (!client && !starting && vscode.languages.match(selector, doc) > 0) {
      starting = startClient(context, log, hooks).finally(() => (starting = undefined));
    }
  };
  context.subscriptions.push(vscode.workspace.onDidOpenTextDocument(startIfServed));
  vscode.workspace.textDocuments.forEach(startIfServed);

  context.subscriptions.push(
    vscode.commands.registerCommand(COMMANDS.restartServer, async () => {
      if (client) await client.restart();
      else await startClient(context, log, hooks);
    }),
    vscode.commands.registerCommand(COMMANDS.showOutput, () => log.show()),
    vscode.commands.registerCommand(COMMANDS.showCallBreakdown, async (breakdown?: CallBreakdown) => {
      // The labels come from the server already made plain (no icon syntax, no line breaks).
      if (!breakdown || !Array.isArray(breakdown.items)) return;
      await vscode.window.showQuickPick(breakdown.items, { title: breakdown.title, matchOnDescription: true, matchOnDetail: true });
    }),
    vscode.commands.registerCommand(COMMANDS.fixAllModelIds, () => fixAll()),
    // Run by the editor after one of the server's fixes has been applied: a real fix, not a click.
    vscode.commands.registerCommand(FIX_APPLIED_COMMAND, () => walkthrough.mark('fixApplied')),
    vscode.commands.registerCommand(COMMANDS.chooseLegacySeverity, async () => {
      if (await chooseLegacySeverity()) walkthrough.mark('severityChosen');
    }),
  );

  const spend = activateSpendTracker(context, log, () => walkthrough.mark('logReading'));
  context.subscriptions.push(spend, ...registerAgentTools(context, log, spend.tracked));
  // The selection count loads on the next turn, as the spend tracker does; its command waits for it.
  const selection = new Promise<SelectionTokens>((resolve) =>
    setImmediate(() =>
      void import('./selection').then(({ activateSelectionTokens }) => {
        const s = activateSelectionTokens(context, log);
        context.subscriptions.push(s);
        resolve(s);
      }),
    ),
  );
  context.subscriptions.push(vscode.commands.registerCommand(COMMANDS.countSelectionTokens, async () => (await selection).countCommand()));
  // After the first window has settled; never in the extension's own test runs.
  if (context.extensionMode !== vscode.ExtensionMode.Test) setTimeout(() => void walkthrough.openOnce().catch((e) => log.warn(`could not open the walkthrough: ${String(e)}`)), 0);
  const activatedInMs = performance.now() - began;
  log.info(`activated in ${activatedInMs.toFixed(1)} ms`);
  return { activatedInMs, onDidShowSpendMenu: spendMenuShown.event };
}

/** Fix All: says why when there is nothing to do, and is never a silent no-op. */
async function fixAll(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a file that uses DeepSeek model IDs first: Fix All works on the file in the active editor.'));
    return;
  }
  const { document } = editor;
  const before = document.version;
  await vscode.commands.executeCommand('editor.action.sourceAction', { kind: FIX_ALL_KIND, apply: 'first' });
  // The fix itself reports to the walkthrough (its command runs after its edit); here only the "nothing to fix" case.
  if (document.version === before) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No DeepSeek model IDs to fix in {0}.', vscode.workspace.asRelativePath(document.uri)));
  }
}

async function startClient(context: vscode.ExtensionContext, log: vscode.LogOutputChannel, hooks: LanguageClientHooks): Promise<void> {
  client = createLanguageClient(context, log, hooks);
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
