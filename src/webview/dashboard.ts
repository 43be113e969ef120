/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The spend dashboard's page script (bundled by esbuild into dist/dashboard.js; no remote content).
// The extension host sends DashboardData (src/spend/dashboardData.ts); this draws the stacked bars
// with Chart.js and the sortable table that is the chart's accessible form, and asks the host for
// another range or an export. Colours come from the theme's CSS variables and follow theme changes.
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import type { DashboardData, DashboardRow, RangeChoice } from '../spend/dashboardData';
import type { DashboardStrings, HostToPage, PageToHost } from '../spend/dashboardProtocol';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);

declare function acquireVsCodeApi(): { postMessage(m: PageToHost): void; getState(): unknown; setState(s: unknown): void };
const vscode = acquireVsCodeApi();

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
let data: DashboardData | undefined;
let strings: DashboardStrings | undefined;
let chart: Chart<'bar'> | undefined;
let sort: { key: keyof DashboardRow; descending: boolean } = { key: 'day', descending: true };

/** Theme colours for up to eight models, then repeated; VS Code defines these in every theme. */
const PALETTE = ['--vscode-charts-blue', '--vscode-charts-orange', '--vscode-charts-green', '--vscode-charts-purple', '--vscode-charts-red', '--vscode-charts-yellow', '--vscode-terminal-ansiCyan', '--vscode-terminal-ansiMagenta'];

function cssVar(name: string, fallback: string): string {
  return getComputedStyle(document.body).getPropertyValue(name).trim() || fallback;
}

function money(n: number): string {
  if (!data) return '';
  const symbol = data.currency === 'USD' ? '$' : '¥';
  if (n === 0) return `${symbol}0.00`;
  return Math.abs(n) < 0.1 ? `${symbol}${n.toPrecision(2)}` : `${symbol}${n.toFixed(2)}`;
}

function percent(share: number | null): string {
  return share === null ? '–' : `${(share * 100).toFixed(share < 0.1 ? 1 : 0)}%`;
}

function fill(template: string, ...args: string[]): string {
  return template.replace(/\{(\d+)\}/g, (_, i: string) => args[Number(i)] ?? '');
}

function render(): void {
  if (!data || !strings) return;
  const s = strings;
  const d = data;
  $('range-text').textContent = fill(s.rangeText, d.from, d.to);
  const cards: [string, string, string?][] = [
    [s.total, money(d.summary.cost), fill(s.requests, String(d.summary.requests))],
    [s.cacheHitRate, percent(d.summary.cacheHitRate), fill(s.savedByCache, money(d.summary.savedByCache))],
    [s.peakShare, percent(d.summary.peakShare), fill(s.peakSaving, money(d.summary.peakSavingOffPeak))],
    [s.reasoningShare, percent(d.summary.reasoningShare)],
    [fill(s.monthToDate, d.month.month), money(d.month.toDate), d.month.budget === null ? fill(s.projectionNoBudget, money(d.month.projected)) : fill(d.month.overBudget ? s.projectionOver : s.projectionUnder, money(d.month.projected), money(d.month.budget))],
  ];
  const list = $('summary');
  list.replaceChildren(
    ...cards.map(([label, value, note]) => {
      const item = document.createElement('div');
      item.className = 'card';
      const dt = document.createElement('dt');
      dt.textContent = label;
      const dd = document.createElement('dd');
      dd.textContent = value;
      item.append(dt, dd);
      if (note) {
        const small = document.createElement('dd');
        small.className = 'note';
        small.textContent = note;
        item.append(small);
      }
      return item;
    }),
  );
  drawChart();
  drawTable();
}

function drawChart(): void {
  if (!data || !strings) return;
  const canvas = $<HTMLCanvasElement>('chart');
  const fg = cssVar('--vscode-foreground', '#333');
  const grid = cssVar('--vscode-editorWidget-border', 'rgba(128,128,128,0.3)');
  const datasets = data.series.map((s, i) => ({ label: s.model, data: s.costs, backgroundColor: cssVar(PALETTE[i % PALETTE.length], '#888'), borderWidth: 0 }));
  chart?.destroy();
  chart = new Chart(canvas, {
    type: 'bar',
    data: { labels: data.days, datasets },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      scales: {
        x: { stacked: true, ticks: { color: fg }, grid: { color: grid } },
        y: { stacked: true, ticks: { color: fg, callback: (v) => money(Number(v)) }, grid: { color: grid } },
      },
      plugins: {
        legend: { labels: { color: fg } },
        tooltip: { callbacks: { label: (c) => `${c.dataset.label}: ${money(Number(c.raw))}` } },
      },
    },
  });
  // The chart's accessible name is read back from what it drew: per model, the sum of its bars.
  const drawn = chart.data.datasets.map((ds) => ({ model: String(ds.label), total: (ds.data as number[]).reduce((a, b) => a + b, 0) }));
  canvas.dataset.totals = JSON.stringify(Object.fromEntries(drawn.map((x) => [x.model, Math.round(x.total * 1e10) / 1e10])));
  canvas.setAttribute(
    'aria-label',
    drawn.length === 0 ? fill(strings.chartEmpty, data.from, data.to) : fill(strings.chartLabel, data.from, data.to, drawn.map((x) => `${x.model} ${money(x.total)}`).join(', ')),
  );
}

const COLUMNS: { key: keyof DashboardRow; label: (s: DashboardStrings) => string; numeric?: boolean; show: (r: DashboardRow) => string }[] = [
  { key: 'day', label: (s) => s.colDay, show: (r) => r.day },
  { key: 'model', label: (s) => s.colModel, show: (r) => r.model },
  { key: 'requests', label: (s) => s.colRequests, numeric: true, show: (r) => r.requests.toLocaleString() },
  { key: 'cost', label: (s) => s.colCost, numeric: true, show: (r) => (r.requests > 0 && r.unpriced === r.requests ? (strings?.unpriced ?? '') : money(r.cost)) },
  { key: 'cacheHitRate', label: (s) => s.colCacheHit, numeric: true, show: (r) => percent(r.cacheHitRate) },
  { key: 'inputTokens', label: (s) => s.colInput, numeric: true, show: (r) => r.inputTokens.toLocaleString() },
  { key: 'outputTokens', label: (s) => s.colOutput, numeric: true, show: (r) => r.outputTokens.toLocaleString() },
  { key: 'reasoningTokens', label: (s) => s.colReasoning, numeric: true, show: (r) => r.reasoningTokens.toLocaleString() },
  { key: 'savedByCache', label: (s) => s.colSaved, numeric: true, show: (r) => money(r.savedByCache) },
  { key: 'peakCost', label: (s) => s.colPeak, numeric: true, show: (r) => money(r.peakCost) },
];

function drawTable(): void {
  if (!data || !strings) return;
  const s = strings;
  const head = $('table-head');
  head.replaceChildren(
    ...COLUMNS.map((c) => {
      const th = document.createElement('th');
      th.scope = 'col';
      if (c.numeric) th.className = 'num';
      th.setAttribute('aria-sort', sort.key === c.key ? (sort.descending ? 'descending' : 'ascending') : 'none');
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = c.label(s);
      button.title = fill(s.sortBy, c.label(s));
      button.addEventListener('click', () => {
        sort = { key: c.key, descending: sort.key === c.key ? !sort.descending : c.numeric === true };
        drawTable();
        (document.querySelector(`#table-head th:nth-child(${COLUMNS.indexOf(c) + 1}) button`) as HTMLButtonElement | null)?.focus();
      });
      th.append(button);
      return th;
    }),
  );
  const rows = [...data.rows].sort((a, b) => {
    const x = a[sort.key];
    const y = b[sort.key];
    const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x ?? '').localeCompare(String(y ?? ''));
    return (sort.descending ? -order : order) || a.day.localeCompare(b.day) || a.model.localeCompare(b.model);
  });
  const body = $('table-body');
  body.replaceChildren(
    ...rows.map((r) => {
      const tr = document.createElement('tr');
      tr.dataset.model = r.model;
      tr.dataset.cost = String(r.cost);
      for (const c of COLUMNS) {
        const td = document.createElement(c.key === 'day' ? 'th' : 'td');
        if (c.key === 'day') (td as HTMLTableCellElement).scope = 'row';
        if (c.numeric) td.className = 'num';
        td.textContent = c.show(r);
        tr.append(td);
      }
      return tr;
    }),
  );
  $('table-empty').hidden = rows.length > 0;
}

function ask(range: RangeChoice): void {
  vscode.setState({ range });
  vscode.postMessage({ type: 'range', range });
}

for (const b of document.querySelectorAll<HTMLButtonElement>('[data-days]')) {
  b.addEventListener('click', () => {
    for (const other of document.querySelectorAll<HTMLButtonElement>('[data-days]')) other.setAttribute('aria-pressed', String(other === b));
    ask({ kind: 'last', days: Number(b.dataset.days) as 7 | 30 | 90 });
  });
}
$('custom-form').addEventListener('submit', (e) => {
  e.preventDefault();
  const from = $<HTMLInputElement>('custom-from').value;
  const to = $<HTMLInputElement>('custom-to').value;
  if (!from || !to) return;
  for (const other of document.querySelectorAll<HTMLButtonElement>('[data-days]')) other.setAttribute('aria-pressed', 'false');
  ask({ kind: 'custom', from, to });
});
$('export-csv').addEventListener('click', () => vscode.postMessage({ type: 'export', format: 'csv' }));
$('export-json').addEventListener('click', () => vscode.postMessage({ type: 'export', format: 'json' }));

window.addEventListener('message', (e: MessageEvent<HostToPage>) => {
  const m = e.data;
  if (m.type === 'data') {
    data = m.data;
    strings = m.strings;
    render();
  }
});
// A theme switch changes the body's class: redraw with the new colours.
new MutationObserver(() => drawChart()).observe(document.body, { attributes: true, attributeFilter: ['class'] });
const saved = vscode.getState() as { range?: RangeChoice } | undefined;
vscode.postMessage({ type: 'ready', range: saved?.range });
