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

/** Read when the picker opens, so the labels are in the display language. */
const knownLogs = (): KnownLog[] => [
  {
    label: vscode.l10n.t('Claude Code transcripts'),
    pattern: '~/.claude/projects/**/*.jsonl',
    folder: ['.claude', 'projects'],
    detail: vscode.l10n.t("Claude Code pointed at DeepSeek's Anthropic endpoint writes usage for every request here"),
  },
  {
    label: vscode.l10n.t('claude-code-router logs'),
    pattern: '~/.claude-code-router/logs/ccr-*.log',
    folder: ['.claude-code-router', 'logs'],
    detail: vscode.l10n.t('rotated pino logs of claude-code-router v1/v2'),
  },
  {
    label: vscode.l10n.t('claude-code-router v3 usage database'),
    pattern: '~/.claude-code-router/app-data/usage.sqlite',
    folder: ['.claude-code-router', 'app-data'],
    detail: vscode.l10n.t('claude-code-router v3 keeps usage only here; read from a private copy, never locked'),
  },
  {
    label: vscode.l10n.t('DeepSeek Harness sessions'),
    pattern: '~/.dsh/sessions/**/session*.jsonl*',
    folder: ['.dsh', 'sessions'],
    detail: vscode.l10n.t('dsh session journals, zstd-compressed or plain; each step counted once'),
  },
];

type Choice = vscode.QuickPickItem & { run: () => Promise<string[] | undefined> };

export async function addUsageLog(): Promise<void> {
  const config = vscode.workspace.getConfiguration(SPEND_SETTINGS_SECTION);
  const existing = config.inspect<unknown>('usageLogs')?.globalValue;
  const current = Array.isArray(existing) ? existing.filter((e): e is string => typeof e === 'string') : [];
  const home = os.homedir();

  const choices: Choice[] = [];
  for (const known of knownLogs()) {
    if (!fs.existsSync(path.join(home, ...known.folder))) continue;
    const added = current.includes(known.pattern);
    choices.push({
      label: `$(history) ${known.label}`,
      description: added ? vscode.l10n.t('{0} (already added)', known.pattern) : known.pattern,
      detail: known.detail,
      run: async () => [known.pattern],
    });
  }
  choices.push({ label: `$(file) ${vscode.l10n.t('Choose log files…')}`, detail: vscode.l10n.t('JSONL bodies, SSE captures or proxy logs'), run: pickFiles });
  choices.push({
    label: `$(filter) ${vscode.l10n.t('Enter a path or glob pattern…')}`,
    detail: vscode.l10n.t('e.g. {0} or {1}', '~/proxy/logs/*.jsonl', '${workspaceFolder}/logs/deepseek-*.log'),
    run: () => typePattern(home),
  });

  const choice = await vscode.window.showQuickPick(choices, {
    title: vscode.l10n.t('Add a DeepSeek usage log'),
    placeHolder: vscode.l10n.t('Which log records your DeepSeek requests?'),
    matchOnDescription: true,
  });
  const picked = await choice?.run();
  if (!picked?.length) return;
  const next = [...current, ...picked.filter((p) => !current.includes(p))];
  if (next.length === current.length) {
    void vscode.window.showInformationMessage(vscode.l10n.t('That usage log is already being read.'));
    return;
  }
  // Machine-scoped: only the user (global) level is honoured, never a workspace's settings.
  await config.update('usageLogs', next, vscode.ConfigurationTarget.Global);
  void vscode.window.showInformationMessage(vscode.l10n.t('DeepSeek Cost Lens now reads {0}. Session spend shows in the status bar.', picked.join(', ')));
}

async function pickFiles(): Promise<string[] | undefined> {
  const uris = await vscode.window.showOpenDialog({
    canSelectFiles: true,
    canSelectFolders: false,
    canSelectMany: true,
    openLabel: vscode.l10n.t('Read usage from these logs'),
    title: vscode.l10n.t('Choose DeepSeek usage logs'),
    filters: { [vscode.l10n.t('Logs')]: ['jsonl', 'log', 'json', 'ndjson', 'sse', 'txt', 'zstd', 'zst', 'sqlite'], [vscode.l10n.t('All files')]: ['*'] },
  });
  return uris?.filter((u) => u.scheme === 'file').map((u) => u.fsPath);
}

async function typePattern(home: string): Promise<string[] | undefined> {
  const folders = (vscode.workspace.workspaceFolders ?? []).map((f) => ({ name: f.name, fsPath: f.uri.fsPath }));
  const value = await vscode.window.showInputBox({
    title: vscode.l10n.t('Usage log path or glob pattern'),
    prompt: vscode.l10n.t('An absolute path; {0} and glob wildcards (*, **) are allowed', '~, ${userHome}, ${workspaceFolder}'),
    placeHolder: '~/proxy/logs/*.jsonl',
    validateInput: (text) => (text.trim() ? expandUsageLogPattern(text, { home, workspaceFolders: folders }).problem : vscode.l10n.t('Enter a path or pattern')),
  });
  return value?.trim() ? [value.trim()] : undefined;
}
