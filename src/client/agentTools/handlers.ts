// Runs an agent tool for VS Code: the user's settings and catalog overrides for the file or
// workspace in question, the workspace folders, and the status bar's spend tracker.
import * as vscode from 'vscode';
import { catalogWithOverrides } from '../../catalog/load';
import type { AgentToolContext, TrackedSpend } from '../../agentTools/context';
import type { AgentToolKey } from '../../agentTools/names';
import { runAgentTool } from '../../agentTools/run';
import { machineTimeZone } from '../../core/usage/time';
import { lintSettingsSchema, parseLintSettings } from '../../shared/settings';
import { newerApi } from './lmApi';

export async function invokeTool(key: AgentToolKey, input: unknown, tracked: () => Promise<TrackedSpend | undefined>, token: vscode.CancellationToken): Promise<unknown> {
  const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file');
  const root = folders[0]?.uri.fsPath ?? process.cwd();
  const scope = scopeFor(input, root);
  const raw = vscode.workspace.getConfiguration('deepseekCost', scope);
  const { settings } = parseLintSettings(Object.fromEntries(Object.keys(lintSettingsSchema.shape).map((k) => [k, raw.get(k)])));
  const { catalog } = catalogWithOverrides(settings.catalogOverrides);
  // Unsaved editor text wins over the disk, as it does for the diagnostics and the hover.
  const dirty = new Map(vscode.workspace.textDocuments.filter((d) => d.isDirty && d.uri.scheme === 'file').map((d) => [d.uri.fsPath, d]));
  const ctx: AgentToolContext = {
    catalog,
    settings,
    root,
    workspaceRoots: folders.map((f) => f.uri.fsPath),
    zone: machineTimeZone(),
    now: () => new Date(),
    unsaved: (file) => {
      const d = dirty.get(file);
      return d && { text: d.getText(), languageId: d.languageId };
    },
    defaultSpend: {
      kind: 'tracker',
      current: async () => (await tracked()) ?? { initialReadDone: false, configured: false, problems: ['the spend tracker could not start; see the DeepSeek Cost Lens output channel'] },
    },
  };
  const result = await runAgentTool(key, input, ctx);
  if (token.isCancellationRequested) throw new vscode.CancellationError();
  // VS Code passes a thrown error's message to the model as the tool's failure.
  if (result.isError) throw new Error(result.text);
  const api = newerApi();
  return new api.LanguageModelToolResult!([new api.LanguageModelTextPart!(result.text)]);
}

/** Settings are resource-scoped: a tool about one file follows that file's folder settings. */
function scopeFor(input: unknown, root: string): vscode.Uri | undefined {
  const i = (input && typeof input === 'object' ? input : {}) as Record<string, unknown>;
  const file = typeof i.path === 'string' ? i.path : typeof i.file === 'string' ? i.file : undefined;
  if (!file) return vscode.workspace.workspaceFolders?.[0]?.uri;
  return vscode.Uri.file(file.startsWith('/') || /^[A-Za-z]:[\\/]/.test(file) ? file : `${root}/${file}`);
}
