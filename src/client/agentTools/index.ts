// Registers the agent tools (VS Code's language model tools) and offers `deepseek-cost mcp` as an
// MCP server, where this VS Code has those APIs. Registration is cheap: the tool modules (settings,
// catalog, scanner, tokenizer) are first evaluated when a tool is invoked.
import * as vscode from 'vscode';
import { AGENT_TOOL_NAMES, type AgentToolKey } from '../../agentTools/names';
import type { TrackedSpend } from '../../agentTools/context';
import { confirmation } from '../../agentTools/confirmation';
import { newerApi } from './lmApi';

export function registerAgentTools(context: vscode.ExtensionContext, log: vscode.LogOutputChannel, tracked: () => Promise<TrackedSpend | undefined>): vscode.Disposable[] {
  const api = newerApi();
  const disposables: vscode.Disposable[] = [];
  if (typeof api.lm?.registerTool !== 'function' || !api.LanguageModelToolResult || !api.LanguageModelTextPart) {
    log.info('agent tools: this VS Code has no language model tool API (1.95 or later); the tools are not offered');
  } else {
    const handlers = () => import('./handlers');
    for (const key of Object.keys(AGENT_TOOL_NAMES) as AgentToolKey[]) {
      try {
        disposables.push(
          api.lm.registerTool(AGENT_TOOL_NAMES[key], {
            invoke: async (options, token) => (await handlers()).invokeTool(key, options.input, tracked, token),
            // Synchronous and light: it only words the confirmation. The input comes from a model,
            // so it is shown as text, never as Markdown.
            prepareInvocation: (options) => {
              const c = confirmation(key, options.input);
              return {
                invocationMessage: new vscode.MarkdownString().appendText(c.invocationMessage),
                confirmationMessages: c.confirmationMessages && { title: c.confirmationMessages.title, message: new vscode.MarkdownString().appendText(c.confirmationMessages.message) },
              };
            },
          }),
        );
      } catch (err) {
        log.error(`agent tools: could not register ${AGENT_TOOL_NAMES[key]}: ${String(err)}`);
      }
    }
  }
  disposables.push(...offerMcpServer(context, log));
  return disposables;
}

function offerMcpServer(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): vscode.Disposable[] {
  const api = newerApi();
  const Definition = api.McpStdioServerDefinition;
  if (typeof api.lm?.registerMcpServerDefinitionProvider !== 'function' || !Definition) {
    log.info('agent tools: this VS Code cannot take MCP server definitions from extensions (1.101 or later); run `deepseek-cost mcp` from your agent\'s own MCP settings instead');
    return [];
  }
  const cli = context.asAbsolutePath('dist/cli.js');
  const version = String((context.extension?.packageJSON as { version?: string } | undefined)?.version ?? '');
  try {
    return [
      api.lm.registerMcpServerDefinitionProvider('deepseekCost.mcp', {
        provideMcpServerDefinitions: () => {
          // The extension host's own runtime runs the bundled CLI: Node in a server, Electron as Node on desktop.
          const server = new Definition('DeepSeek Cost Lens', process.execPath, [cli, 'mcp'], { ELECTRON_RUN_AS_NODE: '1' }, version);
          const folder = vscode.workspace.workspaceFolders?.[0];
          if (folder?.uri.scheme === 'file') server.cwd = folder.uri;
          return [server];
        },
      }),
    ];
  } catch (err) {
    // A VS Code that has the function only as a proposal throws here.
    log.info(`agent tools: MCP server definitions are not available in this VS Code (${err instanceof Error ? err.message : String(err)})`);
    return [];
  }
}
