// Reads and validates the tracker's settings, reporting each distinct problem once: in the output
// channel, and as one visible warning, so a typo is noticed without a notification per keystroke.
import * as os from 'node:os';
import * as vscode from 'vscode';
import { SPEND_SETTINGS_SECTION, type SpendSettings, parseSpendSettings } from '../../shared/spendSettings';
import { type ExpandedLogSource, expandUsageLogPattern } from '../../spend/logPaths';

export interface ResolvedSpendSettings {
  settings: SpendSettings;
  sources: ExpandedLogSource[];
  /** The language server's catalog overrides, so spend is priced with the same catalog as hovers. */
  catalogOverrides: unknown;
  problems: string[];
}

export function readSpendSettings(): ResolvedSpendSettings {
  const config = vscode.workspace.getConfiguration(SPEND_SETTINGS_SECTION);
  const { settings, problems } = parseSpendSettings((key) => config.get(key));
  const workspaceFolders = (vscode.workspace.workspaceFolders ?? []).map((f) => ({ name: f.name, fsPath: f.uri.fsPath }));
  const sources = settings.usageLogs.map((pattern) => expandUsageLogPattern(pattern, { home: os.homedir(), workspaceFolders }));
  for (const s of sources) if (s.problem) problems.push(vscode.l10n.t('{0}: {1}; that entry is not read', `${SPEND_SETTINGS_SECTION}.usageLogs`, s.problem));
  return { settings, sources, catalogOverrides: plainJson(config.get('catalogOverrides')), problems };
}

/** Configuration values are read-only proxies that a worker message cannot carry; copy them as data. */
function plainJson(value: unknown): unknown {
  return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
}

export class ProblemReporter {
  private readonly shown = new Set<string>();

  constructor(private readonly log: vscode.LogOutputChannel) {}

  report(problems: readonly string[]): void {
    const fresh = problems.filter((p) => !this.shown.has(p));
    for (const p of fresh) {
      this.shown.add(p);
      this.log.warn(`spend: ${p}`);
    }
    if (fresh.length === 0) return;
    const message =
      fresh.length === 1
        ? vscode.l10n.t('DeepSeek Cost Lens: {0}', fresh[0])
        : fresh.length === 2
          ? vscode.l10n.t('DeepSeek Cost Lens: {0} (and 1 more problem; see the output channel)', fresh[0])
          : vscode.l10n.t('DeepSeek Cost Lens: {0} (and {1} more problems; see the output channel)', fresh[0], fresh.length - 1);
    const openSettings = vscode.l10n.t('Open Settings');
    const showOutput = vscode.l10n.t('Show Output');
    void vscode.window.showWarningMessage(message, openSettings, showOutput).then((choice) => {
      if (choice === openSettings) void vscode.commands.executeCommand('workbench.action.openSettings', '@ext:deepseek-cost-lens.deepseek-cost-lens deepseekCost');
      if (choice === showOutput) this.log.show(true);
    });
  }
}
