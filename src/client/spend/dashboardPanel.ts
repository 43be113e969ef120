// The spend dashboard: one webview panel, fed by the tracker's snapshots (live), with its figures
// from the pure src/spend/dashboardData.ts. The page runs only our bundled script (a nonce), loads
// nothing remote, and talks to the host by messages (src/spend/dashboardProtocol.ts).
import { randomBytes } from 'node:crypto';
import { homedir } from 'node:os';
import * as vscode from 'vscode';
import { type DashboardData, type RangeChoice, dashboardCsv, dashboardData, isDayKey } from '../../spend/dashboardData';
import type { DashboardStrings, HostToPage, PageToHost } from '../../spend/dashboardProtocol';
import { localDateKey } from '../../spend/localTime';
import type { SnapshotMessage } from '../../spend/workerProtocol';

export const DASHBOARD_VIEW_TYPE = 'deepseekCost.spendDashboard';

export interface DashboardSource {
  latest(): SnapshotMessage | undefined;
  displayZone(): string;
  budgetDaily(): number | null;
}

/** At most this often the page is redrawn while requests stream in. */
const UPDATE_MS = 1000;

export class SpendDashboard implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private range: RangeChoice = { kind: 'last', days: 30 };
  private ready = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly source: DashboardSource,
  ) {}

  show(): void {
    if (this.panel) {
      this.panel.reveal();
      return;
    }
    const dist = vscode.Uri.joinPath(this.extensionUri, 'dist');
    const panel = vscode.window.createWebviewPanel(DASHBOARD_VIEW_TYPE, vscode.l10n.t('DeepSeek Spend'), vscode.ViewColumn.Active, {
      enableScripts: true,
      localResourceRoots: [dist],
      retainContextWhenHidden: false,
    });
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'icon.png');
    this.panel = panel;
    this.ready = false;
    panel.webview.html = pageHtml(panel.webview, dist);
    panel.webview.onDidReceiveMessage((m: PageToHost) => this.onMessage(m));
    panel.onDidDispose(() => {
      this.panel = undefined;
      clearTimeout(this.timer);
      this.timer = undefined;
    });
  }

  /** A new snapshot arrived: redraw soon (coalesced). */
  update(): void {
    if (!this.panel || !this.ready || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.post();
    }, UPDATE_MS);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.panel?.dispose();
  }

  private onMessage(m: PageToHost): void {
    if (m.type === 'ready' || m.type === 'range') {
      if (m.range && validRange(m.range)) this.range = m.range;
      this.ready = true;
      this.post();
    } else if (m.type === 'export') {
      void this.export(m.format);
    }
  }

  private data(): DashboardData | undefined {
    const latest = this.source.latest();
    if (!latest) return undefined;
    const today = localDateKey(latest.takenAt, this.source.displayZone());
    return dashboardData({ byDay: latest.snapshot.byDay, currency: latest.snapshot.currency, today, range: this.range, budgetDaily: this.source.budgetDaily() });
  }

  private post(): void {
    const data = this.data();
    if (!this.panel || !data) return;
    const message: HostToPage = { type: 'data', data, strings: pageStrings() };
    void this.panel.webview.postMessage(message);
  }

  private async export(format: 'csv' | 'json'): Promise<void> {
    const data = this.data();
    if (!data) return;
    const name = `deepseek-spend-${data.from}-to-${data.to}.${format}`;
    const target = await vscode.window.showSaveDialog({
      title: vscode.l10n.t('Export the spend table'),
      defaultUri: vscode.Uri.joinPath(vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.file(homedir()), name),
      filters: format === 'csv' ? { CSV: ['csv'] } : { JSON: ['json'] },
    });
    if (!target) return;
    const text = format === 'csv' ? dashboardCsv(data) : JSON.stringify({ currency: data.currency, from: data.from, to: data.to, summary: data.summary, month: data.month, rows: data.rows }, null, 2) + '\n';
    await vscode.workspace.fs.writeFile(target, Buffer.from(text, 'utf8'));
    vscode.window.setStatusBarMessage(vscode.l10n.t('Spend table saved to {0}', target.fsPath), 4000);
  }
}

function validRange(r: RangeChoice): boolean {
  if (r.kind === 'last') return r.days === 7 || r.days === 30 || r.days === 90;
  return r.kind === 'custom' && isDayKey(r.from) && isDayKey(r.to);
}

function pageStrings(): DashboardStrings {
  return {
    rangeText: vscode.l10n.t('From {0} to {1}, in local days.'),
    total: vscode.l10n.t('Spend'),
    requests: vscode.l10n.t('{0} requests'),
    cacheHitRate: vscode.l10n.t('Cache hit rate'),
    savedByCache: vscode.l10n.t('Caching saved {0}'),
    peakShare: vscode.l10n.t('Spent at peak-hour prices'),
    peakSaving: vscode.l10n.t('Moving it off-peak would have saved {0}'),
    reasoningShare: vscode.l10n.t('Reasoning share of output'),
    monthToDate: vscode.l10n.t('Month to date ({0})'),
    projectionNoBudget: vscode.l10n.t('At this rate the month ends at {0}.'),
    projectionUnder: vscode.l10n.t('At this rate the month ends at {0}, within the budget of {1}.'),
    projectionOver: vscode.l10n.t('At this rate the month ends at {0}, over the budget of {1}.'),
    chartLabel: vscode.l10n.t('Spend per day by model from {0} to {1}: {2}.'),
    chartEmpty: vscode.l10n.t('No spend from {0} to {1}.'),
    sortBy: vscode.l10n.t('Sort by {0}'),
    unpriced: vscode.l10n.t('unpriced'),
    colDay: vscode.l10n.t('Day'),
    colModel: vscode.l10n.t('Model'),
    colRequests: vscode.l10n.t('Requests'),
    colCost: vscode.l10n.t('Cost'),
    colCacheHit: vscode.l10n.t('Cache hit'),
    colInput: vscode.l10n.t('Input tokens'),
    colOutput: vscode.l10n.t('Output tokens'),
    colReasoning: vscode.l10n.t('Reasoning tokens'),
    colSaved: vscode.l10n.t('Saved by cache'),
    colPeak: vscode.l10n.t('Peak-hour cost'),
  };
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function pageHtml(webview: vscode.Webview, dist: vscode.Uri): string {
  const nonce = randomBytes(16).toString('base64');
  const script = webview.asWebviewUri(vscode.Uri.joinPath(dist, 'dashboard.js'));
  const style = webview.asWebviewUri(vscode.Uri.joinPath(dist, 'dashboard.css'));
  const csp = [`default-src 'none'`, `style-src ${webview.cspSource}`, `img-src ${webview.cspSource}`, `font-src ${webview.cspSource}`, `script-src 'nonce-${nonce}'`].join('; ');
  return `<!DOCTYPE html>
<html lang="${escapeHtml(vscode.env.language)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style}">
<title>${escapeHtml(vscode.l10n.t('DeepSeek Spend'))}</title>
</head>
<body>
<h1>${escapeHtml(vscode.l10n.t('DeepSeek Spend'))}</h1>
<p id="range-text" aria-live="polite"></p>
<div class="controls" role="group" aria-label="${escapeHtml(vscode.l10n.t('Range'))}">
  <button type="button" data-days="7" aria-pressed="false">${escapeHtml(vscode.l10n.t('7 days'))}</button>
  <button type="button" data-days="30" aria-pressed="true">${escapeHtml(vscode.l10n.t('30 days'))}</button>
  <button type="button" data-days="90" aria-pressed="false">${escapeHtml(vscode.l10n.t('90 days'))}</button>
  <form id="custom-form" class="controls">
    <label for="custom-from">${escapeHtml(vscode.l10n.t('From'))}</label><input id="custom-from" type="date" required>
    <label for="custom-to">${escapeHtml(vscode.l10n.t('To'))}</label><input id="custom-to" type="date" required>
    <button type="submit">${escapeHtml(vscode.l10n.t('Show range'))}</button>
  </form>
</div>
<dl id="summary"></dl>
<h2 id="chart-title">${escapeHtml(vscode.l10n.t('Spend per day by model'))}</h2>
<div class="chart-box"><canvas id="chart" role="img" aria-describedby="table-title"></canvas></div>
<h2 id="table-title">${escapeHtml(vscode.l10n.t('By day and model'))}</h2>
<div class="controls">
  <button type="button" id="export-csv">${escapeHtml(vscode.l10n.t('Export CSV'))}</button>
  <button type="button" id="export-json">${escapeHtml(vscode.l10n.t('Export JSON'))}</button>
</div>
<div class="table-box" tabindex="0" role="region" aria-labelledby="table-title">
<table aria-labelledby="table-title">
  <thead><tr id="table-head"></tr></thead>
  <tbody id="table-body"></tbody>
</table>
</div>
<p id="table-empty" hidden>${escapeHtml(vscode.l10n.t('No requests in this range.'))}</p>
<script nonce="${nonce}" src="${script}"></script>
</body>
</html>`;
}
