// Starts the language server over IPC with error handling that never nags: crashes restart it a few
// times quietly, then one message says what happened and how to restart it by hand.
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  CloseAction,
  type CloseHandlerResult,
  ErrorAction,
  type ErrorHandlerResult,
  LanguageClient,
  type LanguageClientOptions,
  RevealOutputChannelOn,
  type ServerOptions,
  TransportKind,
} from 'vscode-languageclient/node';
import { servedDocuments } from './documentSelector';

const MAX_RESTARTS = 4;
const RESTART_WINDOW_MS = 3 * 60_000;

export function createLanguageClient(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): LanguageClient {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const restarts: number[] = [];
  const clientOptions: LanguageClientOptions = {
    documentSelector: servedDocuments(),
    synchronize: { configurationSection: 'deepseekCost' },
    outputChannel: log,
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    diagnosticPullOptions: { onChange: true, onSave: false },
    initializationFailedHandler: (error) => {
      log.error(`DeepSeek Cost Lens server failed to initialize: ${String(error)}`);
      void vscode.window.showErrorMessage('DeepSeek Cost Lens: the language server could not start. See the output channel for details.');
      return false;
    },
    errorHandler: {
      error: (error, _message, count): ErrorHandlerResult => {
        log.error(`server connection error: ${String(error)}`);
        return { action: (count ?? 0) <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown, handled: true };
      },
      closed: (): CloseHandlerResult => {
        const now = Date.now();
        restarts.push(now);
        while (restarts.length && restarts[0] < now - RESTART_WINDOW_MS) restarts.shift();
        if (restarts.length <= MAX_RESTARTS) {
          log.warn('server stopped unexpectedly; restarting');
          return { action: CloseAction.Restart, handled: true };
        }
        return {
          action: CloseAction.DoNotRestart,
          message: `DeepSeek Cost Lens: the language server stopped ${MAX_RESTARTS + 1} times in 3 minutes and will not restart. Run "DeepSeek Cost Lens: Restart Server" after checking the output channel.`,
        };
      },
    },
  };
  return new LanguageClient('deepseekCost', 'DeepSeek Cost Lens', serverOptions, clientOptions);
}
