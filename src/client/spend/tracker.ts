// The session-spend tracker: settings → worker (tailer + ledger, off the main thread) → snapshots →
// status item, tooltip and budget alerts. Loaded by index.ts just after activation.
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { machineTimeZone } from '../../core/usage/time';
import { SPEND_HISTORY_FILE } from '../../core/usage/store/fileName';
import { SPEND_SETTINGS_SECTION } from '../../shared/spendSettings';
import { addUsageLog } from './addUsageLog';
import { type BudgetKind, stepBudgetAlert } from '../../spend/budget';
import { spendCommandHandlers, type SpendCommandHandlers } from './commands';
import { formatAmount } from '../../spend/amount';
import { SPEND_COMMANDS } from '../../spend/commandIds';
import { localDateKey, nextLocalMidnight } from '../../spend/localTime';
import { SessionStore } from './sessionStore';
import { ProblemReporter, type ResolvedSpendSettings, readSpendSettings } from './settingsReader';
import { SpendStatusItem } from './statusItem';
import { SpendDashboard } from './dashboardPanel';
import { SpendReportDocument } from './reportDocument';
import { statusView } from '../../spend/statusView';
import { buildSpendTooltip } from '../../spend/tooltip';
import { SpendWorkerHost } from './workerHost';
import type { SnapshotMessage, WorkerConfig } from '../../spend/workerProtocol';
import type { TrackedSpend } from '../../agentTools/context';

/** How often this window looks for a session reset made in another window (an in-memory read). */
const SESSION_POLL_MS = 2000;
/** Timers drift across sleep; the midnight check never waits longer than this. */
const MAX_MIDNIGHT_WAIT_MS = 5 * 60_000;

export class SpendTracker implements vscode.Disposable {
  readonly commands: SpendCommandHandlers;
  private readonly dashboard: SpendDashboard;
  private readonly report: SpendReportDocument;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly item = new SpendStatusItem();
  private readonly store: SessionStore;
  private readonly problems: ProblemReporter;
  private readonly worker: SpendWorkerHost;
  private readonly zone = machineTimeZone();
  private resolved: ResolvedSpendSettings;
  private sessionStart: number;
  private latest: SnapshotMessage | undefined;
  private workerError: string | undefined;
  private configKey = '';
  private midnightTimer: NodeJS.Timeout | undefined;
  private readonly storePath: string | undefined;
  /** Callers waiting for the first snapshot after a (re)configuration: Show Report pressed while the logs are read. */
  private snapshotWaiters: ((m: SnapshotMessage) => void)[] = [];

  constructor(
    context: vscode.ExtensionContext,
    private readonly log: vscode.LogOutputChannel,
    /** Called when a usage log is really being read (the walkthrough's "add a usage log" step). */
    private readonly onReading: () => void = () => {},
  ) {
    this.store = new SessionStore(context.globalState);
    this.problems = new ProblemReporter(log);
    this.worker = new SpendWorkerHost(context.asAbsolutePath(path.join('dist', 'spendWorker.js')), log, {
      snapshot: (m) => this.onSnapshot(m),
      failure: (message) => {
        this.workerError = message;
        this.render();
      },
      notice: (message) => void vscode.window.showWarningMessage(message),
    });
    this.storePath = historyPath(context);
    this.dashboard = new SpendDashboard(context.extensionUri, {
      latest: () => this.latest,
      displayZone: () => this.zone,
      budgetDaily: () => this.resolved.settings.budgetDaily,
    });
    this.report = new SpendReportDocument(() => this.latest, () => this.zone);
    this.resolved = readSpendSettings();
    this.problems.report(this.resolved.problems);
    this.sessionStart = this.store.current(Date.now(), this.resolved.settings.resetAtMidnight, this.zone);

    this.commands = spendCommandHandlers(
      {
        latest: () => this.latest,
        nextSnapshot: () => this.nextSnapshot(),
        settings: () => this.resolved.settings,
        displayZone: () => this.zone,
        resetSession: () => this.resetSession(),
        showDashboard: () => this.dashboard.show(),
        showReport: () => this.report.show(),
      },
      addUsageLog,
    );
    this.disposables.push(
      this.item,
      this.dashboard,
      this.report,
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(SPEND_SETTINGS_SECTION)) this.reloadSettings();
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.reloadSettings()),
    );
    const poll = setInterval(() => this.checkSession(), SESSION_POLL_MS);
    this.disposables.push({ dispose: () => clearInterval(poll) });
    this.scheduleMidnight();
    this.applyConfig();
    this.render();
  }

  /** What the status bar shows now, for the agent tools' spend answer. */
  tracked(): TrackedSpend {
    const { sources, problems } = this.resolved;
    return { snapshot: this.latest?.snapshot, initialReadDone: this.latest?.initialReadDone ?? false, configured: sources.some((s) => s.paths.length > 0), problems };
  }

  dispose(): void {
    clearTimeout(this.midnightTimer);
    this.worker.dispose();
    for (const d of this.disposables) d.dispose();
  }

  private reloadSettings(): void {
    this.resolved = readSpendSettings();
    this.problems.report(this.resolved.problems);
    this.checkSession();
    this.applyConfig();
    // A new or lowered budget may already be crossed: say so now, not at the next request.
    if (this.latest?.initialReadDone) this.checkBudgets(this.latest);
    this.render();
  }

  /** Restarts reading only when something the worker uses changed; budgets only re-render. */
  private applyConfig(): void {
    const { settings, sources, catalogOverrides } = this.resolved;
    const config: WorkerConfig = {
      sources: sources.filter((s) => s.paths.length > 0).map((s) => ({ pattern: s.pattern, paths: s.paths })),
      sessionStart: this.sessionStart,
      currency: settings.currency,
      logTimezone: settings.logTimezone,
      displayTimezone: this.zone,
      catalogOverrides,
      storePath: this.storePath,
    };
    const key = JSON.stringify({ ...config, sessionStart: 0 });
    if (key === this.configKey) return;
    this.configKey = key;
    this.latest = undefined;
    this.log.info(`spend: following ${config.sources.length} usage log source(s) in ${config.currency}`);
    this.worker.configure(config);
  }

  private async resetSession(): Promise<void> {
    this.sessionStart = await this.store.reset(Date.now());
    this.log.info(`spend: session reset at ${new Date(this.sessionStart).toISOString()}`);
    this.worker.setSessionStart(this.sessionStart);
    vscode.window.setStatusBarMessage(vscode.l10n.t('DeepSeek spend: new session started'), 3000);
  }

  /** Picks up a reset from another window, or a midnight reset, and tells the worker. */
  private checkSession(): void {
    const start = this.store.current(Date.now(), this.resolved.settings.resetAtMidnight, this.zone);
    if (start === this.sessionStart) return;
    this.sessionStart = start;
    this.worker.setSessionStart(start);
  }

  private scheduleMidnight(): void {
    const now = Date.now();
    const wait = Math.min(Math.max(nextLocalMidnight(now, this.zone) - now + 1000, 1000), MAX_MIDNIGHT_WAIT_MS);
    this.midnightTimer = setTimeout(() => {
      this.checkSession();
      this.scheduleMidnight();
    }, wait);
  }

  private nextSnapshot(): Promise<SnapshotMessage> {
    if (this.latest) return Promise.resolve(this.latest);
    return new Promise((resolve) => this.snapshotWaiters.push(resolve));
  }

  private onSnapshot(m: SnapshotMessage): void {
    this.latest = m;
    const waiters = this.snapshotWaiters;
    this.snapshotWaiters = [];
    for (const resolve of waiters) resolve(m);
    this.workerError = undefined;
    this.dashboard.update();
    this.report.refresh();
    if (m.snapshot.sources.some((s) => s.files.some((f) => f.state === 'reading'))) this.onReading();
    if (m.initialReadDone) this.checkBudgets(m);
    this.render();
  }

  private checkBudgets(m: SnapshotMessage): void {
    const { settings } = this.resolved;
    // Budgets are amounts in the chosen currency; a snapshot still in the other one says nothing.
    if (m.snapshot.currency !== settings.currency) return;
    // The day the snapshot's "today" belongs to, not the day it arrived: around midnight they differ.
    const budgets: [BudgetKind, number | null, number, string][] = [
      ['session', settings.budgetSession, m.snapshot.session.cost, String(m.snapshot.sessionStart)],
      ['daily', settings.budgetDaily, m.snapshot.today.cost, localDateKey(m.takenAt, this.zone)],
    ];
    for (const [kind, budget, spent, period] of budgets) {
      const prev = this.store.budgetAlert(kind);
      const step = stepBudgetAlert(prev, { period, budget, currency: settings.currency, spent });
      if (JSON.stringify(prev) !== JSON.stringify(step.state)) void this.store.setBudgetAlert(kind, step.state);
      if (step.notify && budget !== null) this.notifyBudget(kind, step.notify, spent, budget);
    }
  }

  private notifyBudget(kind: BudgetKind, level: 'warning' | 'exceeded', spent: number, budget: number): void {
    const cur = this.resolved.settings.currency;
    const amounts = { spent: formatAmount(spent, cur), budget: formatAmount(budget, cur) };
    const text =
      kind === 'session'
        ? level === 'exceeded'
          ? vscode.l10n.t('DeepSeek spend this session is {spent}, over your session budget of {budget}.', amounts)
          : vscode.l10n.t('DeepSeek spend this session is {spent}, 80% or more of your session budget of {budget}.', amounts)
        : level === 'exceeded'
          ? vscode.l10n.t('DeepSeek spend today is {spent}, over your daily budget of {budget}.', amounts)
          : vscode.l10n.t('DeepSeek spend today is {spent}, 80% or more of your daily budget of {budget}.', amounts);
    this.log.info(`spend: ${text}`);
    const showReport = vscode.l10n.t('Show Report');
    const changeBudget = vscode.l10n.t('Change Budget');
    const shown = level === 'exceeded' ? vscode.window.showErrorMessage(text, showReport, changeBudget) : vscode.window.showWarningMessage(text, showReport, changeBudget);
    void shown.then((choice) => {
      if (choice === showReport) void vscode.commands.executeCommand(SPEND_COMMANDS.showReport);
      if (choice === changeBudget) void vscode.commands.executeCommand(SPEND_COMMANDS.setBudget, kind);
    });
  }

  private render(): void {
    const { settings, sources, problems } = this.resolved;
    const input = {
      snapshot: this.latest?.snapshot,
      configured: sources.some((s) => s.paths.length > 0),
      currency: settings.currency,
      budgets: { session: settings.budgetSession, daily: settings.budgetDaily },
      workerError: this.workerError,
    };
    const tooltip = buildSpendTooltip({ ...input, unpriced: this.latest?.unpriced, now: Date.now(), zone: this.zone, problems });
    this.item.update(statusView(input), tooltip);
  }
}

/** The spend history lives in the extension's global storage, shared by every window of this profile. */
function historyPath(context: vscode.ExtensionContext): string | undefined {
  try {
    mkdirSync(context.globalStorageUri.fsPath, { recursive: true });
    return path.join(context.globalStorageUri.fsPath, SPEND_HISTORY_FILE);
  } catch {
    // No writable global storage (a read-only profile): every start reads the logs in full, as before.
    return undefined;
  }
}
