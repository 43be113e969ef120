// `deepseekCost.addUsageLog`: offers the logs DeepSeek users most often already have (Claude Code
// transcripts, claude-code-router logs and database, DeepSeek Harness sessions) when they exist, a file picker, or a typed glob pattern, and
// appends the choice to the user-level (machine-scoped) `deepseekCost.usageLogs`.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { SPEND_SETTINGS_SECTION } from '../../shared/spendSettings';
import { expandUsageLogPattern } from '../../spend/logPaths';

interface KnownLog {
  label: string;
  pattern: string;
  /** Folder whose existence says the tool is installed here. */
  folder: string[];
  detail: string;
}

const KNOWN_LOGS: KnownLog[] = [
  {
    label: 'Claude Code transcripts',
    pattern: '~/.claude/projects/**/*.jsonl',
    folder: ['.claude', 'projects'],
    detail: 'Claude Code pointed at DeepSeek\'s Anthropic endpoint writes usage for every request here',
  },
  {
    label: 'claude-code-router logs',
    pattern: '~/.claude-code-router/logs/ccr-*.log',
    folder: ['.claude-code-router', 'logs'],
    detail: 'rotated pino logs of claude-code-router v1/v2',
  },
  {
    label: 'claude-code-router v3 usage database',
    pattern: '~/.claude-code-router/app-data/usage.sqlite',
    folder: ['.claude-code-router', 'app-data'],
    detail: 'claude-code-router v3 keeps usage only here; read from a private copy, never locked',
  },
  {
    label: 'DeepSeek Harness sessions',
    pattern: '~/.dsh/sessions/**/session*.jsonl*',
    folder: ['.dsh', 'sessions'],
    detail: 'dsh session journals, zstd-compressed or plain; each step counted once',
  },
];

type Choice = vscode.QuickPickItem & { run: () => Promise<string[] | undefined> };

export async function addUsageLog(): Promise<void> {
  const config = vscode.workspace.getConfiguration(SPEND_SETTINGS_SECTION);
  const existing = config.inspect<unknown>('usageLogs')?.globalValue;
  const current = Array.isArray(existing) ? existing.filter((e): e is string => typeof e === 'string') : [];
  const home = os.homedir();

  const choices: Choice[] = [];
  for (const known of KNOWN_LOGS) {
    if (!fs.existsSync(path.join(home, ...known.folder))) continue;
    const added = current.includes(known.pattern);
    choices.push({
      label: `$(history) ${known.label}`,
      description: known.pattern + (added ? ' (already added)' : ''),
      detail: known.detail,
      run: async () => [known.pattern],
    });
  }
  choices.push({ label: '$(file) Choose log files…', detail: 'JSONL bodies, SSE captures or proxy logs', run: pickFiles });
  choices.push({ label: '$(filter) Enter a path or glob pattern…', detail: 'e.g. ~/proxy/logs/*.jsonl or ${workspaceFolder}/logs/deepseek-*.log', run: () => typePattern(home) });

  const choice = await vscode.window.showQuickPick(choices, { title: 'Add a DeepSeek usage log', placeHolder: 'Which log records your DeepSeek requests?', matchOnDescription: true });
  const picked = await choice?.run();
  if (!picked?.length) return;
  const next = [...current, ...picked.filter((p) => !current.includes(p))];
  if (next.length === current.length) {
    void vscode.window.showInformationMessage('That usage log is already being read.');
    return;
  }
  // Machine-scoped: only the user (global) level is honoured, never a workspace's settings.
  await config.update('usageLogs', next, vscode.ConfigurationTarget.Global);
  void vscode.window.showInformationMessage(`DeepSeek Cost Lens now reads ${picked.join(', ')}. Session spend shows in the status bar.`);
}

async function pickFiles(): Promise<string[] | undefined> {
  const uris = await vscode.window.showOpenDialog({
    canSelectFiles: true,
    canSelectFolders: false,
    canSelectMany: true,
    openLabel: 'Read usage from these logs',
    title: 'Choose DeepSeek usage logs',
    filters: { 'Logs': ['jsonl', 'log', 'json', 'ndjson', 'sse', 'txt', 'zstd', 'zst', 'sqlite'], 'All files': ['*'] },
  });
  return uris?.filter((u) => u.scheme === 'file').map((u) => u.fsPath);
}

async function typePattern(home: string): Promise<string[] | undefined> {
  const folders = (vscode.workspace.workspaceFolders ?? []).map((f) => ({ name: f.name, fsPath: f.uri.fsPath }));
  const value = await vscode.window.showInputBox({
    title: 'Usage log path or glob pattern',
    prompt: 'An absolute path; ~, ${userHome}, ${workspaceFolder} and glob wildcards (*, **) are allowed',
    placeHolder: '~/proxy/logs/*.jsonl',
    validateInput: (text) => (text.trim() ? expandUsageLogPattern(text, { home, workspaceFolders: folders }).problem : 'Enter a path or pattern'),
  });
  return value?.trim() ? [value.trim()] : undefined;
}
