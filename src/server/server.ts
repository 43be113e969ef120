// The DeepSeek Cost Lens language server's features, on whatever connection it is given: the bundle
// entry (main.ts) passes the stdio or IPC connection, feature tests pass an in-memory one. It never
// touches the network and never reads anything but the documents the client sends it.
import {
  CodeActionKind,
  CodeLensRefreshRequest,
  type ClientCapabilities,
  type Connection,
  DidChangeWatchedFilesNotification,
  type InitializeResult,
  ResponseError,
  type ServerCapabilities,
  TextDocumentSyncKind,
} from 'vscode-languageserver';
import { FIX_ALL_KIND, PRODUCT_VERSION, readInitializationOptions, SERVER_NAME } from '../shared/protocol';
import { DocumentStore } from './documentStore';
import { ServerSettings } from './serverSettings';
import { ModelIdDiagnostics } from './diagnostics';
import { codeActions } from './codeActions';
import { hover } from './hover';
import { codeLenses } from './codeLens';
import { WorkspaceIgnores } from './workspaceIgnores';
import { IGNORE_FILE_NAME } from '../core/lint/ignoreFile';
import { normalizeLocale, useLocale } from '../core/locale';

export interface StartServerOptions {
  /** Wait for a `workspace/configuration` answer at most this long (ms); initializationOptions may say otherwise. */
  configurationTimeoutMs?: number;
}

/** Registers every feature on the connection and starts listening. */
export function startServer(connection: Connection, options: StartServerOptions = {}): void {
  const store = new DocumentStore();
  const log = (m: string) => connection.console.log(m);
  const settings = new ServerSettings(connection, options.configurationTimeoutMs);

  /** Tests and demos may pin the clock (initializationOptions.now, ISO); users get real time. */
  let pinnedNow: Date | undefined;
  const now = () => pinnedNow ?? new Date();
  let canRefresh = false;
  let canRefreshLenses = false;

  const ignores = new WorkspaceIgnores((m) => connection.console.warn(m));
  const diagnostics = new ModelIdDiagnostics(store, settings, now, log, ignores);
  let watchIgnoreFiles = false;
  let followFolders = false;
  let fixAppliedCommand = false;

  connection.onInitialize((params): InitializeResult => {
    const init = readInitializationOptions(params.initializationOptions);
    if (init.now) pinnedNow = new Date(init.now);
    const localeProblem = useLocale(normalizeLocale(init.locale));
    if (localeProblem) connection.console.warn(localeProblem);
    if (init.configurationTimeoutMs !== undefined && options.configurationTimeoutMs === undefined) settings.setTimeout(init.configurationTimeoutMs);
    if (params.capabilities.workspace?.configuration) settings.enablePull();
    if (init.vscodeClient) {
      settings.reportToClient();
      fixAppliedCommand = true;
    }
    ignores.setFolders(params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []));
    diagnostics.setWorkspaceFolders((params.workspaceFolders ?? []).map((f) => f.uri));
    canRefresh = params.capabilities.workspace?.diagnostics?.refreshSupport === true;
    canRefreshLenses = params.capabilities.workspace?.codeLens?.refreshSupport === true;
    watchIgnoreFiles = !!params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    followFolders = !!params.capabilities.workspace?.workspaceFolders;
    return { capabilities: capabilitiesFor(params.capabilities), serverInfo: { name: SERVER_NAME, version: PRODUCT_VERSION } };
  });

  function refreshAll(): void {
    diagnostics.invalidate();
    // A client that cannot be asked to re-pull gets fresh results on its next pull anyway.
    if (canRefresh) connection.languages.diagnostics.refresh().catch((err: unknown) => connection.console.warn(`diagnostics refresh failed: ${String(err)}`));
  }

  connection.onInitialized(() => {
    // Re-read a folder's ignore file when it changes (clients without dynamic registration send the
    // same notification when configured to watch it).
    if (watchIgnoreFiles) {
      connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: `**/${IGNORE_FILE_NAME}` }] }).catch((err: unknown) => connection.console.warn(`could not watch ${IGNORE_FILE_NAME}: ${String(err)}`));
    }
    if (followFolders) {
      connection.workspace.onDidChangeWorkspaceFolders(async () => {
        const folders = (await connection.workspace.getWorkspaceFolders())?.map((f) => f.uri) ?? [];
        ignores.setFolders(folders);
        diagnostics.setWorkspaceFolders(folders);
        refreshAll();
      });
    }
    connection.console.log(`DeepSeek Cost Lens server ${PRODUCT_VERSION} ready${pinnedNow ? ` (clock pinned to ${pinnedNow.toISOString()})` : ''}`);
  });

  connection.onDidOpenTextDocument((p) => store.open(p));
  connection.onDidChangeTextDocument((p) => store.change(p));
  connection.onDidCloseTextDocument((p) => {
    store.close(p.textDocument.uri);
    diagnostics.forget(p.textDocument.uri);
    settings.forget(p.textDocument.uri);
  });

  connection.onDidChangeConfiguration(() => {
    settings.clear();
    refreshAll();
    // Currency, default model, the lens switch: lenses already shown must be asked for again.
    if (canRefreshLenses) connection.sendRequest(CodeLensRefreshRequest.type).catch((err: unknown) => connection.console.warn(`code lens refresh failed: ${String(err)}`));
  });

  connection.onDidChangeWatchedFiles((p) => {
    let ours = false;
    for (const change of p.changes) ours = ignores.changed(change.uri) || ours;
    if (ours) refreshAll();
  });

  /** One failing request must never take the server (and so the editor's features) down. */
  async function guard<T>(what: string, run: () => Promise<T>, fallback: T): Promise<T> {
    try {
      return await run();
    } catch (err) {
      // A cancellation is the answer the client asked for, not a failure.
      if (err instanceof ResponseError) throw err;
      connection.console.error(`${what} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      return fallback;
    }
  }

  connection.languages.diagnostics.on((params, token) =>
    guard('diagnostics', () => diagnostics.pull(params.textDocument.uri, params.previousResultId, token), { kind: 'full' as const, items: [] }),
  );
  connection.onCodeAction((params, token) => guard('code actions', () => codeActions(params, store, diagnostics, token, fixAppliedCommand), []));
  connection.onHover((params, token) => guard('hover', () => hover(params, store, settings, now, token), null));
  connection.onCodeLens((params, token) => guard('code lenses', () => codeLenses(params, store, settings, now, token), []));

  connection.listen();
}

/**
 * What to advertise to this client. Code actions are returned as CodeAction literals with edits,
 * which a client may only receive when it says it supports them; such a client gets none.
 */
export function capabilitiesFor(client: ClientCapabilities): ServerCapabilities {
  const literals = client.textDocument?.codeAction?.codeActionLiteralSupport !== undefined;
  return {
    workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
    diagnosticProvider: { interFileDependencies: false, workspaceDiagnostics: false },
    codeActionProvider: literals ? { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false } : undefined,
    hoverProvider: true,
    codeLensProvider: { resolveProvider: false },
  };
}
