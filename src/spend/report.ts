// The plain-text spend report (per local day and model), shown as a read-only virtual document, laid out
// in fixed-width columns so it pastes cleanly into an issue, a chat or a spreadsheet.
import type { SpendSnapshot, SpendTotals } from '../core/usage/types';
import { formatAmount, formatCount, formatPercent } from './amount';
import { localParts } from './localTime';
import { renderTable } from '../core/textTable';
import { addTotals, emptyTotals } from './totals';
import { type UnpricedReason, describeUnpricedReason } from './unpricedWording';

export interface ReportInput {
  snapshot: SpendSnapshot;
  /** Unpriced requests over the whole report, per model, with the reason. */
  unpriced?: UnpricedReason[];
  now: number;
  zone: string;
}

const HEADERS = ['Day', 'Model', 'Requests', 'Cache hit', 'Input tok', 'Output tok', 'Reasoning', 'Unpriced', 'No split', 'Cost'];

export function buildSpendReport({ snapshot, unpriced, now, zone }: ReportInput): string {
  const cur = snapshot.currency;
  const money = (n: number) => formatAmount(n, cur);
  const generated = localParts(now, zone);
  const since = localParts(snapshot.sessionStart, zone);
  const lines: string[] = [
    `DeepSeek spend report (${cur}), ${generated.date} ${generated.time.slice(0, 5)} ${zone}`,
    `Days are local days in ${zone}. Costs are priced from the logged tokens with the DeepSeek Cost Lens catalog at each request's completion time.`,
    '',
  ];

  const rows: string[][] = [];
  const grand = emptyTotals();
  for (const day of Object.keys(snapshot.byDay).sort()) {
    const models = snapshot.byDay[day];
    const dayTotal = emptyTotals();
    for (const model of Object.keys(models).sort()) {
      rows.push(reportRow(day, model, models[model], money));
      addTotals(dayTotal, models[model]);
    }
    if (Object.keys(models).length > 1) rows.push(reportRow(day, '(day total)', dayTotal, money));
    addTotals(grand, dayTotal);
  }
  if (rows.length === 0) {
    lines.push('No DeepSeek requests with usage were found in the configured logs.');
  } else {
    rows.push(reportRow('Total', '', grand, money));
    lines.push(...table(fitting([HEADERS, ...rows], grand)));
  }

  lines.push('', `Session since ${since.date} ${since.time.slice(0, 5)}: ${money(snapshot.session.cost)} over ${formatCount(snapshot.session.requests)} ${snapshot.session.requests === 1 ? 'request' : 'requests'}.`);
  if (grand.unpriced > 0) {
    lines.push(`${formatCount(grand.unpriced)} ${grand.unpriced === 1 ? 'request is' : 'requests are'} unpriced and not included in the costs:`);
    for (const r of unpriced ?? []) lines.push(`  ${r.model}: ${formatCount(r.requests)} (${describeUnpricedReason(r, cur)})`);
  }
  if (grand.noSplit > 0) {
    lines.push(`${formatCount(grand.noSplit)} ${grand.noSplit === 1 ? 'request' : 'requests'} had no cache split in the log and were priced as all cache-miss: their costs are an upper bound.`);
  }
  if (snapshot.errors > 0) lines.push(`${formatCount(snapshot.errors)} API error ${snapshot.errors === 1 ? 'response' : 'responses'} carried no usage and are not billed.`);
  return lines.join('\n') + '\n';
}

function reportRow(day: string, model: string, t: SpendTotals, money: (n: number) => string): string[] {
  return [
    day,
    model,
    formatCount(t.requests),
    formatPercent(t.cacheHitTokens, t.cacheHitTokens + t.cacheMissTokens),
    formatCount(t.cacheHitTokens + t.cacheMissTokens),
    formatCount(t.outputTokens),
    formatCount(t.reasoningTokens),
    formatCount(t.unpriced),
    formatCount(t.noSplit),
    // A row with no priced request has no cost at all, which is not the same as costing nothing.
    t.requests > 0 && t.unpriced === t.requests ? 'unpriced' : money(t.cost),
  ];
}

/**
 * Columns that say nothing for this report (no reasoning, no unpriced request, every request with a
 * cache split) are left out, so the table fits a narrower editor; the notes below still explain them.
 */
const OPTIONAL: [number, (t: SpendTotals) => boolean][] = [
  [6, (t) => t.reasoningTokens > 0],
  [7, (t) => t.unpriced > 0],
  [8, (t) => t.noSplit > 0],
];

function fitting(rows: string[][], grand: SpendTotals): string[][] {
  const drop = new Set(OPTIONAL.filter(([, needed]) => !needed(grand)).map(([c]) => c));
  return rows.map((r) => r.filter((_, c) => !drop.has(c)));
}

function table(rows: string[][]): string[] {
  // After dropped columns only the first two (day, model) are text.
  return renderTable(rows, { rightAligned: (c) => c >= 2 });
}
