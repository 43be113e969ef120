// The plain-text spend report (per local day and model), shown as a read-only virtual document, laid out
// in fixed-width columns so it pastes cleanly into an issue, a chat or a spreadsheet.
import type { SpendSnapshot, SpendTotals } from '../core/usage/types';
import { formatAmount, formatCount, formatPercent } from './amount';
import { localParts } from './localTime';
import { renderTable } from '../core/textTable';
import { addTotals, emptyTotals } from './totals';
import { type UnpricedReason, describeUnpricedReason } from '../core/unpricedWording';
import * as l10n from '@vscode/l10n';

export interface ReportInput {
  snapshot: SpendSnapshot;
  /** Unpriced requests over the whole report, per model, with the reason. */
  unpriced?: UnpricedReason[];
  now: number;
  zone: string;
}

const headers = () => [
  l10n.t('Day'),
  l10n.t('Model'),
  l10n.t('Requests'),
  l10n.t('Cache hit'),
  l10n.t('Input tok'),
  l10n.t('Output tok'),
  l10n.t('Reasoning'),
  l10n.t('Unpriced'),
  l10n.t('No split'),
  l10n.t('Cost'),
];

export function buildSpendReport({ snapshot, unpriced, now, zone }: ReportInput): string {
  const cur = snapshot.currency;
  const money = (n: number) => formatAmount(n, cur);
  const generated = localParts(now, zone);
  const since = localParts(snapshot.sessionStart, zone);
  const lines: string[] = [
    l10n.t('DeepSeek spend report ({0}), {1} {2} {3}', cur, generated.date, generated.time.slice(0, 5), zone),
    l10n.t("Days are local days in {0}. Costs are priced from the logged tokens with the DeepSeek Cost Lens catalog at each request's completion time.", zone),
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
    if (Object.keys(models).length > 1) rows.push(reportRow(day, l10n.t('(day total)'), dayTotal, money));
    addTotals(grand, dayTotal);
  }
  if (rows.length === 0) {
    lines.push(l10n.t('No DeepSeek requests with usage were found in the configured logs.'));
  } else {
    rows.push(reportRow(l10n.t('Total'), '', grand, money));
    lines.push(...table(fitting([headers(), ...rows], grand)));
  }

  const session = { since: `${since.date} ${since.time.slice(0, 5)}`, cost: money(snapshot.session.cost), requests: formatCount(snapshot.session.requests) };
  lines.push(
    '',
    snapshot.session.requests === 1 ? l10n.t('Session since {since}: {cost} over 1 request.', session) : l10n.t('Session since {since}: {cost} over {requests} requests.', session),
  );
  if (grand.unpriced > 0) {
    lines.push(grand.unpriced === 1 ? l10n.t('1 request is unpriced and not included in the costs:') : l10n.t('{0} requests are unpriced and not included in the costs:', formatCount(grand.unpriced)));
    for (const r of unpriced ?? []) lines.push(`  ${l10n.t('{0}: {1} ({2})', r.model, formatCount(r.requests), describeUnpricedReason(r, cur))}`);
  }
  if (grand.noSplit > 0) {
    lines.push(
      grand.noSplit === 1
        ? l10n.t('1 request had no cache split in the log and was priced as all cache-miss: its cost is an upper bound.')
        : l10n.t('{0} requests had no cache split in the log and were priced as all cache-miss: their costs are an upper bound.', formatCount(grand.noSplit)),
    );
  }
  if (snapshot.errors > 0) {
    lines.push(
      snapshot.errors === 1 ? l10n.t('1 API error response carried no usage and is not billed.') : l10n.t('{0} API error responses carried no usage and are not billed.', formatCount(snapshot.errors)),
    );
  }
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
    t.requests > 0 && t.unpriced === t.requests ? l10n.t('unpriced') : money(t.cost),
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
