// Starts the language server over IPC. Crashes and connection errors go through the library's own
// error handler (restart a few times, then stop); we only keep its decisions quiet and put our words
// on the final message, which says how to restart the server by hand.
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  CloseAction,
  type CloseHandlerResult,
  type ErrorHandler,
  type ErrorHandlerResult,
  LanguageClient,
  type LanguageClientOptions,
  RevealOutputChannelOn,
  type ServerOptions,
  TransportKind,
} from 'vscode-languageclient/node';
import { hostsOf } from '../core/markdown';
import {
  COMMANDS,
  type InitializationOptions,
  LANGUAGE_CLIENT_ID,
  LANGUAGE_CLIENT_NAME,
  SERVER_DEBUG_PORT,
  SERVER_EXEC_ARGV,
  SETTINGS_PROBLEM_NOTIFICATION,
  SETTINGS_SECTION,
  type SettingsProblemParams,
  USER_SOURCE_HOSTS_KEY,
} from '../shared/protocol';
import { servedDocuments } from './documentSelector';

const MAX_RESTARTS = 4;

export interface LanguageClientHooks {
  /** A hover from the server was shown (the walkthrough's "hover a prompt" step). */
  hoverShown(): void;
  /** A settings problem the server found, to log and show with actions. */
  settingsProblem(message: string): void;
}

export function createLanguageClient(context: vscode.ExtensionContext, log: vscode.LogOutputChannel, hooks: LanguageClientHooks): LanguageClient {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_EXEC_ARGV] } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_EXEC_ARGV, '--nolazy', `--inspect=${SERVER_DEBUG_PORT}`] } },
  };
  let defaults: ErrorHandler | undefined;
  const clientOptions: LanguageClientOptions = {
    documentSelector: servedDocuments(),
    synchronize: { configurationSection: SETTINGS_SECTION },
    outputChannel: log,
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    diagnosticPullOptions: { onChange: true, onSave: false },
    initializationOptions: { locale: vscode.env.language, vscodeClient: true } satisfies InitializationOptions,
    middleware: {
      provideHover: async (document, position, token, next) => {
        const hover = await next(document, position, token);
        if (hover) hooks.hoverShown();
        return hover;
      },
      workspace: {
        configuration: async (params, token, next) => {
          const answers = await next(params, token);
          if (!Array.isArray(answers)) return answers;
          return answers.map((answer, i) => (params.items[i]?.section === SETTINGS_SECTION ? withUserSourceHosts(answer) : answer));
        },
      },
    },
    initializationFailedHandler: (error) => {
      log.error(`DeepSeek Cost Lens server failed to initialize: ${String(error)}`);
      void vscode.window.showErrorMessage('DeepSeek Cost Lens: the language server could not start. See the output channel for details.');
      return false;
    },
    errorHandler: {
      error: async (error, message, count): Promise<ErrorHandlerResult> => {
        log.error(`server connection error: ${String(error)}`);
        const decision = await defaults!.error(error, message, count);
        return { ...decision, handled: true };
      },
      closed: async (): Promise<CloseHandlerResult> => {
        const decision = await defaults!.closed();
        if (decision.action === CloseAction.Restart) {
          log.warn('server stopped unexpectedly; restarting');
          return { ...decision, handled: true };
        }
        return {
          action: CloseAction.DoNotRestart,
          message: `DeepSeek Cost Lens: the language server stopped ${MAX_RESTARTS + 1} times in 3 minutes and will not restart. Run "DeepSeek Cost Lens: Restart Server" (${COMMANDS.restartServer}) after checking the output channel.`,
        };
      },
    },
  };
  const client = new LanguageClient(LANGUAGE_CLIENT_ID, LANGUAGE_CLIENT_NAME, serverOptions, clientOptions);
  defaults = client.createDefaultErrorHandler(MAX_RESTARTS);
  client.onNotification(SETTINGS_PROBLEM_NOTIFICATION, (p: SettingsProblemParams) => {
    if (typeof p?.message === 'string') hooks.settingsProblem(p.message);
  });
  return client;
}

/**
 * Hovers link a catalog source only to hosts the shipped catalog names or the user typed in their
 * own settings. The server cannot tell user from workspace values, so the client says which hosts
 * are the user's, always overwriting whatever a workspace put under that name.
 */
function withUserSourceHosts(answer: unknown): unknown {
  const overrides = vscode.workspace.getConfiguration(SETTINGS_SECTION).inspect<{ sources?: Record<string, { url: string }> }>('catalogOverrides');
  const hosts = overrides?.globalValue && typeof overrides.globalValue === 'object' ? hostsOf(overrides.globalValue.sources) : [];
  const base = answer && typeof answer === 'object' ? answer : {};
  return { ...base, [USER_SOURCE_HOSTS_KEY]: hosts };
}
