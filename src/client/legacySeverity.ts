// "Choose how legacy model names are shown": hints are not listed in the Problems panel, so a user
// who wants legacy names there picks Information (or anything else) here, written to their user
// settings' `deepseekCost.severity.legacy`, the other statuses left as they are.
import * as vscode from 'vscode';
import { SETTINGS_SECTION } from '../shared/protocol';

type Choice = 'hint' | 'information' | 'warning' | 'off';

export async function chooseLegacySeverity(): Promise<boolean> {
  const config = vscode.workspace.getConfiguration(SETTINGS_SECTION);
  const current = config.get<Record<string, string>>('severity')?.legacy ?? 'hint';
  const items: (vscode.QuickPickItem & { value: Choice })[] = [
    { value: 'hint', label: vscode.l10n.t('Hint'), description: vscode.l10n.t('Faint dots in the editor, not listed in Problems (the default)') },
    { value: 'information', label: vscode.l10n.t('Information'), description: vscode.l10n.t('Blue squiggle, listed in Problems') },
    { value: 'warning', label: vscode.l10n.t('Warning'), description: vscode.l10n.t('Yellow squiggle, counted as a warning') },
    { value: 'off', label: vscode.l10n.t('Off'), description: vscode.l10n.t('Legacy names are not marked') },
  ];
  for (const i of items) if (i.value === current) i.detail = vscode.l10n.t('Current setting');
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('How should legacy DeepSeek model names be shown?'),
    placeHolder: vscode.l10n.t('A legacy name still works, under a newer name (deepseek-v4-flash is now deepseek-flash).'),
  });
  if (!picked) return false;
  const global = config.inspect<Record<string, string>>('severity')?.globalValue ?? {};
  await config.update('severity', { ...global, legacy: picked.value }, vscode.ConfigurationTarget.Global);
  return true;
}
