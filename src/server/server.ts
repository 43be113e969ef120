// The DeepSeek Cost Lens language server. Started by the extension over IPC, or with --stdio by
// tests and other editors. It never touches the network and never reads anything but the
// documents the client sends it.
import {
  CodeActionKind,
  createConnection,
  DidChangeWatchedFilesNotification,
  type InitializeResult,
  ProposedFeatures,
  TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import { DocumentStore } from './documentStore';
import { ServerSettings } from './serverSettings';
import { ModelIdDiagnostics } from './diagnostics';
import { codeActions, FIX_ALL_KIND } from './codeActions';
import { hover } from './hover';
import { WorkspaceIgnores } from './workspaceIgnores';
import { IGNORE_FILE_NAME } from '../core/lint/ignoreFile';

const connection = createConnection(ProposedFeatures.all);
const store = new DocumentStore();
const settings = new ServerSettings(connection);

/** Tests and demos may pin the clock (initializationOptions.now, ISO); users get real time. */
let pinnedNow: Date | undefined;
const now = () => pinnedNow ?? new Date();

const ignores = new WorkspaceIgnores((m) => connection.console.warn(m));
const diagnostics = new ModelIdDiagnostics(store, settings, now, (m) => connection.console.log(m), ignores);
let watchIgnoreFiles = false;
let followFolders = false;

connection.onInitialize((params): InitializeResult => {
  const init = (params.initializationOptions ?? {}) as { now?: string };
  if (init.now && !Number.isNaN(Date.parse(init.now))) pinnedNow = new Date(init.now);
  if (params.capabilities.workspace?.configuration) settings.enablePull();
  ignores.setFolders(params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []));
  diagnostics.setWorkspaceFolders((params.workspaceFolders ?? []).map((f) => f.uri));
  watchIgnoreFiles = !!params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
  followFolders = !!params.capabilities.workspace?.workspaceFolders;
  return {
    capabilities: {
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      diagnosticProvider: { interFileDependencies: false, workspaceDiagnostics: false },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
      hoverProvider: true,
    },
    serverInfo: { name: 'deepseek-cost-lens', version: '0.1.0' },
  };
});

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
  connection.console.log(`DeepSeek Cost Lens server ready${pinnedNow ? ` (clock pinned to ${pinnedNow.toISOString()})` : ''}`);
});

connection.onDidOpenTextDocument((p) => store.open(p));
connection.onDidChangeTextDocument((p) => store.change(p));
connection.onDidCloseTextDocument((p) => {
  store.close(p.textDocument.uri);
  diagnostics.forget(p.textDocument.uri);
  settings.forget(p.textDocument.uri);
});

function refreshAll(): void {
  diagnostics.invalidate();
  connection.languages.diagnostics.refresh();
}

connection.onDidChangeConfiguration(() => {
  settings.clear();
  refreshAll();
});

connection.onDidChangeWatchedFiles((p) => {
  let ours = false;
  for (const change of p.changes) ours = ignores.changed(change.uri) || ours;
  if (ours) refreshAll();
});

connection.languages.diagnostics.on((params, token) => guard('diagnostics', () => diagnostics.pull(params.textDocument.uri, params.previousResultId, token), { kind: 'full' as const, items: [] }));
connection.onCodeAction((params, token) => guard('code actions', () => codeActions(params, store, diagnostics, token), []));
connection.onHover((params, token) => guard('hover', () => hover(params, store, settings, now, token), null));

/** One failing request must never take the server (and so the editor's features) down. */
async function guard<T>(what: string, run: () => Promise<T>, fallback: T): Promise<T> {
  try {
    return await run();
  } catch (err) {
    connection.console.error(`${what} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    return fallback;
  }
}

process.on('uncaughtException', (err) => connection.console.error(`uncaught: ${err.stack ?? err.message}`));
process.on('unhandledRejection', (err) => connection.console.error(`unhandled rejection: ${String(err)}`));

connection.listen();
