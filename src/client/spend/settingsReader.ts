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
  for (const s of sources) if (s.problem) problems.push(`${SPEND_SETTINGS_SECTION}.usageLogs: ${s.problem}; that entry is not read`);
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
    const message = fresh.length === 1 ? fresh[0] : `${fresh[0]} (and ${fresh.length - 1} more problem${fresh.length > 2 ? 's' : ''}; see the output channel)`;
    void vscode.window.showWarningMessage(`DeepSeek Cost Lens: ${message}`, 'Open Settings', 'Show Output').then((choice) => {
      if (choice === 'Open Settings') void vscode.commands.executeCommand('workbench.action.openSettings', '@ext:deepseek-cost-lens.deepseek-cost-lens deepseekCost');
      if (choice === 'Show Output') this.log.show(true);
    });
  }
}
