// The tracker's commands: the click menu, reset, log sources, report and budget. Each reads the
// tracker's current state through SpendCommandContext, so none of them re-reads logs itself.
import * as vscode from 'vscode';
import { SPEND_SETTINGS_SECTION, type SpendSettings } from '../../shared/spendSettings';
import { formatAmount, formatCount } from '../../spend/amount';
import type { BudgetKind } from '../../spend/budget';
import { parseBudgetInput } from '../../spend/budgetInput';
import { SPEND_COMMANDS, type SpendCommandId } from '../../spend/commandIds';
import type { SnapshotMessage } from '../../spend/workerProtocol';
import { spendMenuShown } from './menuEvents';

export interface SpendCommandContext {
  latest(): SnapshotMessage | undefined;
  /** The current snapshot, or the first one the worker sends after it. */
  nextSnapshot(): Promise<SnapshotMessage>;
  settings(): SpendSettings;
  displayZone(): string;
  resetSession(): Promise<void>;
  showDashboard(): void;
  showReport(): Promise<void>;
}

export type SpendCommandHandlers = Record<SpendCommandId, (...args: unknown[]) => Promise<void>>;

/** Handlers by command id; index.ts registers them at activation and calls them once loaded. */
export function spendCommandHandlers(ctx: SpendCommandContext, addUsageLog: () => Promise<void>): SpendCommandHandlers {
  return {
    [SPEND_COMMANDS.showMenu]: () => showMenu(ctx),
    [SPEND_COMMANDS.showDashboard]: async () => ctx.showDashboard(),
    [SPEND_COMMANDS.resetSession]: () => confirmReset(ctx),
    [SPEND_COMMANDS.openLogSources]: () => openLogSources(ctx),
    [SPEND_COMMANDS.showReport]: () => showReport(ctx),
    [SPEND_COMMANDS.setBudget]: (kind?: unknown) => setBudget(ctx, kind === 'session' || kind === 'daily' ? kind : undefined),
    [SPEND_COMMANDS.addUsageLog]: () => addUsageLog(),
  };
}

async function showMenu(ctx: SpendCommandContext): Promise<void> {
  const items: (vscode.QuickPickItem & { command: string })[] = [
    // The first item is what Enter picks: opening the dashboard, which changes nothing.
    { label: `$(graph-line) ${vscode.l10n.t('Open spend dashboard')}`, detail: vscode.l10n.t('Spend per day and model, cache savings, peak hours and the month ahead'), command: SPEND_COMMANDS.showDashboard },
    { label: `$(go-to-file) ${vscode.l10n.t('Open log sources')}`, detail: vscode.l10n.t('Open a usage log or the setting that lists them'), command: SPEND_COMMANDS.openLogSources },
    { label: `$(output) ${vscode.l10n.t('Show spend report')}`, detail: vscode.l10n.t('Spend per day and model as plain text'), command: SPEND_COMMANDS.showReport },
    { label: `$(dashboard) ${vscode.l10n.t('Set budget')}`, detail: vscode.l10n.t('Warn at 80% and 100% of a session or daily budget'), command: SPEND_COMMANDS.setBudget },
    { label: `$(add) ${vscode.l10n.t('Add usage log')}`, detail: vscode.l10n.t('Read another proxy or client log'), command: SPEND_COMMANDS.addUsageLog },
    { label: `$(debug-restart) ${vscode.l10n.t('Reset session…')}`, detail: vscode.l10n.t('Count spend from now on (asks first)'), command: SPEND_COMMANDS.resetSession },
  ];
  const s = ctx.latest()?.snapshot;
  const title = s
    ? vscode.l10n.t('DeepSeek spend: {0} this session, {1} today', formatAmount(s.session.cost, s.currency), formatAmount(s.today.cost, s.currency))
    : vscode.l10n.t('DeepSeek spend');
  const quickPick = vscode.window.createQuickPick<(typeof items)[number]>();
  quickPick.items = items;
  quickPick.title = title;
  quickPick.placeholder = vscode.l10n.t('Choose an action');
  const pick = await new Promise<(typeof items)[number] | undefined>((resolve) => {
    quickPick.onDidAccept(() => {
      resolve(quickPick.selectedItems[0]);
      quickPick.hide();
    });
    quickPick.onDidHide(() => resolve(undefined));
    quickPick.show();
    spendMenuShown.fire(items.map((i) => i.label));
  });
  quickPick.dispose();
  if (pick) await vscode.commands.executeCommand(pick.command);
}

async function openLogSources(ctx: SpendCommandContext): Promise<void> {
  type Item = vscode.QuickPickItem & { path?: string; command?: [string, ...unknown[]] };
  const items: Item[] = [];
  for (const source of ctx.latest()?.snapshot.sources ?? []) {
    items.push({ label: source.pattern, kind: vscode.QuickPickItemKind.Separator });
    if (source.files.length === 0) items.push({ label: `$(circle-slash) ${vscode.l10n.t('no file matches yet')}`, description: source.message });
    for (const f of source.files) {
      const state = fileStateWord(f.state);
      const description = f.skippedLines ? vscode.l10n.t('{0}, {1} lines skipped', state, formatCount(f.skippedLines)) : state;
      const reasons = Object.entries(f.skipped ?? {}).map(([reason, n]) => `${formatCount(n)} ${reason}`).join('; ');
      const detail = [f.message, reasons && vscode.l10n.t('skipped: {0}', reasons)].filter(Boolean).join(' · ') || undefined;
      items.push({ label: `$(file) ${f.path}`, description, detail, path: f.state === 'missing' ? undefined : f.path });
    }
  }
  items.push({ label: '', kind: vscode.QuickPickItemKind.Separator });
  items.push({ label: `$(settings-gear) ${vscode.l10n.t('Edit the usage log setting')}`, command: ['workbench.action.openSettings', `@id:${SPEND_SETTINGS_SECTION}.usageLogs`] });
  items.push({ label: `$(add) ${vscode.l10n.t('Add usage log…')}`, command: [SPEND_COMMANDS.addUsageLog] });
  const pick = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('DeepSeek usage log sources'), placeHolder: vscode.l10n.t('Open a log file, or edit the list') });
  if (pick?.path) await vscode.commands.executeCommand('vscode.open', vscode.Uri.file(pick.path), { preview: true });
  else if (pick?.command) await vscode.commands.executeCommand(...pick.command);
}

async function showReport(ctx: SpendCommandContext): Promise<void> {
  if (!ctx.latest()) {
    if (ctx.settings().usageLogs.length === 0) {
      // Not awaited beyond the choice: a notification left open must not hold the command.
      const choice = await vscode.window.showInformationMessage(vscode.l10n.t('No usage log is configured yet.'), vscode.l10n.t('Add Usage Log'));
      if (choice) await vscode.commands.executeCommand(SPEND_COMMANDS.addUsageLog);
      return;
    }
    // The logs are still being read: show the report as soon as the first totals arrive,
    // rather than asking the user to try again; they can cancel the wait.
    const ready = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Reading the usage logs for the spend report…'), cancellable: true },
      (_progress, token) =>
        new Promise<boolean>((resolve) => {
          const cancelled = token.onCancellationRequested(() => resolve(false));
          void ctx.nextSnapshot().then(() => {
            cancelled.dispose();
            resolve(true);
          });
        }),
    );
    if (!ready) return;
  }
  await ctx.showReport();
}

/** Reset asks first, naming the amount it clears; Cancel (or Escape) keeps the session. */
async function confirmReset(ctx: SpendCommandContext): Promise<void> {
  const s = ctx.latest()?.snapshot;
  const amount = s ? formatAmount(s.session.cost, s.currency) : undefined;
  const reset = vscode.l10n.t('Reset');
  const choice = await vscode.window.showWarningMessage(
    amount ? vscode.l10n.t('Reset the session total of {0}?', amount) : vscode.l10n.t('Reset the spend session?'),
    { modal: true, detail: vscode.l10n.t('The session then counts spend from now on, in every window. The spend history and the logs are kept.') },
    reset,
  );
  if (choice === reset) await ctx.resetSession();
}

async function setBudget(ctx: SpendCommandContext, kind?: BudgetKind): Promise<void> {
  const settings = ctx.settings();
  const cur = settings.currency;
  const show = (v: number | null) => (v === null ? vscode.l10n.t('not set') : formatAmount(v, cur));
  if (kind !== 'session' && kind !== 'daily') {
    const pick = await vscode.window.showQuickPick(
      [
        { label: vscode.l10n.t('Session budget'), description: show(settings.budgetSession), budgetKind: 'session' as const },
        { label: vscode.l10n.t('Daily budget'), description: show(settings.budgetDaily), budgetKind: 'daily' as const },
      ],
      { title: vscode.l10n.t('Set a DeepSeek spend budget'), placeHolder: vscode.l10n.t('Budgets are in {0}; the status item turns yellow at 80% and red at 100%', cur) },
    );
    if (!pick) return;
    kind = pick.budgetKind;
  }
  const current = kind === 'session' ? settings.budgetSession : settings.budgetDaily;
  const text = await vscode.window.showInputBox({
    title: kind === 'session' ? vscode.l10n.t('Session budget in {0}', cur) : vscode.l10n.t('Daily budget in {0}', cur),
    prompt: vscode.l10n.t('Leave empty to remove the budget'),
    value: current === null ? '' : String(current),
    placeHolder: cur === 'USD' ? '5.00' : '35',
    validateInput: (t) => {
      const parsed = parseBudgetInput(t, cur);
      return parsed.kind === 'invalid' ? parsed.message : undefined;
    },
  });
  if (text === undefined) return;
  const parsed = parseBudgetInput(text, cur);
  if (parsed.kind === 'invalid') return;
  await vscode.workspace
    .getConfiguration(SPEND_SETTINGS_SECTION)
    .update(`budget.${kind}`, parsed.kind === 'clear' ? undefined : parsed.value, vscode.ConfigurationTarget.Global);
}

/** A log file's state (core/usage's FileState) as a word in the log sources list. */
function fileStateWord(state: string): string {
  switch (state) {
    case 'reading':
      return vscode.l10n.t('reading');
    case 'missing':
      return vscode.l10n.t('missing');
    case 'unreadable':
      return vscode.l10n.t('unreadable');
    default:
      return state;
  }
}
