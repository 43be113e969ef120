// Types for lspClient.mjs, for the TypeScript tests that share it.
import type { ClientCapabilities, ProtocolConnection } from 'vscode-languageserver-protocol/node';
import type { CancellationToken, Diagnostic, DocumentDiagnosticReport, Hover, Position, Range, CodeAction, CodeLens, InitializeResult, TextEdit, ShowMessageParams } from 'vscode-languageserver-protocol';

export const serverPath: string;
export const vscodeLikeCapabilities: ClientCapabilities;

export interface ClientOptions {
  now?: string;
  settings?: unknown;
  capabilities?: ClientCapabilities;
  initializationOptions?: Record<string, unknown>;
  /** false: the client never answers workspace/configuration. */
  answerConfiguration?: boolean;
  processId?: number | null;
}

export interface LspTestClient {
  init: InitializeResult;
  connection: ProtocolConnection;
  messages: ShowMessageParams[];
  logs: string[];
  configurationRequests: unknown[];
  uri(name: string): string;
  open(name: string, languageId: string, text: string): Promise<string>;
  close(uri: string): Promise<void>;
  change(uri: string, contentChanges: unknown[]): Promise<number>;
  setSettings(next: unknown): Promise<void>;
  diagnostics(uri: string, previousResultId?: string, token?: CancellationToken): Promise<DocumentDiagnosticReport & { items?: Diagnostic[] }>;
  codeActions(uri: string, range: Range, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[] | null>;
  hover(uri: string, position: Position): Promise<Hover | null>;
  codeLenses(uri: string): Promise<CodeLens[] | null>;
}

export function attachClient(connection: ProtocolConnection, options?: ClientOptions): Promise<LspTestClient>;
export function startServer(options?: ClientOptions): Promise<LspTestClient & { pid: number; stderr: string; stop(): Promise<void> }>;
export function applyEdits(text: string, edits: TextEdit[]): string;
