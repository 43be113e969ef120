// A real LSP client for tests: spawns dist/server.js over stdio (or attaches to any connection, see
// inProcess.ts) and speaks JSON-RPC to it with the protocol library VS Code's own client uses.
// Answers workspace/configuration from the test's settings.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
// The options the extension starts the server with (tests and the benchmark run through tsx).
import { SERVER_EXEC_ARGV } from '../../src/shared/protocol.ts';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  InitializeRequest,
  InitializedNotification,
  DidOpenTextDocumentNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidChangeConfigurationNotification,
  DocumentDiagnosticRequest,
  CodeActionRequest,
  CodeLensRequest,
  HoverRequest,
  ConfigurationRequest,
  ShowMessageNotification,
  ShowMessageRequest,
  LogMessageNotification,
  DiagnosticRefreshRequest,
  DidChangeWatchedFilesNotification,
  RegistrationRequest,
  ShutdownRequest,
  ExitNotification,
} from 'vscode-languageserver-protocol/node';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const serverPath = path.join(root, 'dist', 'server.js');

/** The capabilities VS Code's client announces for what this server uses. */
export const vscodeLikeCapabilities = {
  workspace: { configuration: true, diagnostics: { refreshSupport: true }, didChangeWatchedFiles: { dynamicRegistration: true }, workspaceFolders: true },
  textDocument: {
    synchronization: { dynamicRegistration: false },
    diagnostic: { dynamicRegistration: false },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } }, isPreferredSupport: true, dataSupport: true },
    hover: { contentFormat: ['markdown', 'plaintext'] },
  },
};

/** dist/server.js over stdio, as another editor would start it. */
export async function startServer(options = {}) {
  const child = spawn(process.execPath, [...SERVER_EXEC_ARGV, serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const client = await attachClient(connection, { processId: process.pid, ...options });
  return Object.assign(client, {
    pid: child.pid,
    child,
    get stderr() {
      return stderr;
    },
    async stop() {
      try {
        await Promise.race([connection.sendRequest(ShutdownRequest.type), new Promise((r) => setTimeout(r, 2000))]);
        await connection.sendNotification(ExitNotification.type);
      } catch {
        // the process may already be gone
      }
      const exited = child.exitCode !== null ? Promise.resolve() : once(child, 'exit');
      const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
      await exited;
      clearTimeout(timer);
      connection.dispose();
    },
  });
}

/**
 * Speaks LSP over a connection: initializes, answers workspace/configuration from the test's
 * settings (or never, with answerConfiguration: false), and records messages and log lines.
 */
export async function attachClient(connection, { now, settings = {}, capabilities = vscodeLikeCapabilities, initializationOptions = {}, answerConfiguration = true, processId = null, workspaceFolders } = {}) {
  const messages = [];
  const logs = [];
  const configurationRequests = [];
  let currentSettings = settings;
  connection.onRequest(ConfigurationRequest.type, (params) => {
    configurationRequests.push(params);
    if (!answerConfiguration) return new Promise(() => {});
    return params.items.map((item) => (item.section === 'deepseekCost' ? currentSettings : null));
  });
  const registrations = [];
  let refreshes = 0;
  if (capabilities.workspace?.diagnostics?.refreshSupport) {
    connection.onRequest(DiagnosticRefreshRequest.type, () => {
      refreshes++;
      return null;
    });
  }
  connection.onRequest(RegistrationRequest.type, (params) => {
    registrations.push(...params.registrations);
    return null;
  });
  connection.onNotification(ShowMessageNotification.type, (m) => messages.push(m));
  connection.onRequest(ShowMessageRequest.type, (m) => {
    messages.push(m);
    return null;
  });
  connection.onNotification(LogMessageNotification.type, (m) => logs.push(m.message));
  connection.listen();
  const init = await connection.sendRequest(InitializeRequest.type, {
    processId,
    rootUri: null,
    workspaceFolders: (workspaceFolders ?? [path.join(root, 'test', 'fixtures', 'lsp-virtual')]).map((dir) => ({ uri: pathToFileURL(dir).href, name: path.basename(dir) })),
    capabilities,
    initializationOptions: { ...(now ? { now } : {}), ...initializationOptions },
  });
  await connection.sendNotification(InitializedNotification.type, {});

  const versions = new Map();
  const client = {
    init,
    connection,
    messages,
    logs,
    configurationRequests,
    registrations,
    get refreshes() {
      return refreshes;
    },
    uri(name) {
      return pathToFileURL(path.join(root, 'test', 'fixtures', 'lsp-virtual', name)).href;
    },
    async open(name, languageId, text) {
      const uri = client.uri(name);
      versions.set(uri, 1);
      await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
      return uri;
    },
    /** Opens a document under its real file URI (for files inside a workspace folder). */
    async openFile(file, languageId, text) {
      const uri = pathToFileURL(file).href;
      versions.set(uri, 1);
      await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
      return uri;
    },
    /** What an editor sends for a watched file the server registered (type 1 created, 2 changed, 3 deleted). */
    async watchedFilesChanged(changes) {
      await connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: changes.map(({ file, type }) => ({ uri: pathToFileURL(file).href, type })) });
    },
    async close(uri) {
      versions.delete(uri);
      await connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    },
    async change(uri, contentChanges) {
      const version = (versions.get(uri) ?? 1) + 1;
      versions.set(uri, version);
      await connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges });
      return version;
    },
    async setSettings(next) {
      currentSettings = next;
      await connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    },
    diagnostics(uri, previousResultId, token) {
      return connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri }, previousResultId }, token);
    },
    codeActions(uri, range, diagnostics, only) {
      return connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context: { diagnostics, only } });
    },
    hover(uri, position) {
      return connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
    },
    codeLenses(uri) {
      return connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } });
    },
  };
  return client;
}

/** Applies LSP TextEdits (non-overlapping) to a text. */
export function applyEdits(text, edits) {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const offset = (p) => lineStarts[p.line] + p.character;
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}
