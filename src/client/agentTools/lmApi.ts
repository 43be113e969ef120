// The parts of VS Code's language model tool and MCP APIs this extension uses. The engine is
// ^1.91, older than both APIs (tools: 1.95; MCP server definition providers: 1.101), so they are
// looked up at run time and every caller checks they exist.
import * as vscode from 'vscode';

export interface ToolInvocationOptions {
  input: unknown;
}

export interface PreparedToolInvocation {
  invocationMessage?: string | vscode.MarkdownString;
  confirmationMessages?: { title: string; message: string | vscode.MarkdownString };
}

export interface LanguageModelTool {
  invoke(options: ToolInvocationOptions, token: vscode.CancellationToken): Promise<unknown>;
  prepareInvocation?(options: ToolInvocationOptions, token: vscode.CancellationToken): PreparedToolInvocation | undefined;
}

export interface McpServerDefinitionProvider {
  onDidChangeMcpServerDefinitions?: vscode.Event<void>;
  provideMcpServerDefinitions(token: vscode.CancellationToken): unknown[];
}

interface LmNamespace {
  registerTool?: (name: string, tool: LanguageModelTool) => vscode.Disposable;
  registerMcpServerDefinitionProvider?: (id: string, provider: McpServerDefinitionProvider) => vscode.Disposable;
}

interface NewerVscode {
  lm?: LmNamespace;
  LanguageModelToolResult?: new (content: unknown[]) => unknown;
  LanguageModelTextPart?: new (value: string) => unknown;
  McpStdioServerDefinition?: new (label: string, command: string, args?: string[], env?: Record<string, string | number | null>, version?: string) => { cwd?: vscode.Uri };
}

export function newerApi(): NewerVscode {
  return vscode as unknown as NewerVscode;
}

