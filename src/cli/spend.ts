// deepseek-cost spend: totals DeepSeek spend from proxy and client logs with the same readers,
// ledger and catalog as the editor's status bar.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { UsageFollower, expandHome, isValidTimeZone, machineTimeZone, readClaudeBaseUrl, type SpendTotals } from '../core/usage';
import { storedFollower } from '../core/usage/store/storedFollower';
import { OBJECT_FORMATS, TEXT_FORMATS } from '../core/usage/formats/registry';
import { UsageError, parseTime } from './io';
import { catalogForOption } from './overrides';
import { type Parsed, subcommand } from './subcommand';
import { renderTable } from '../core/textTable';
import * as l10n from '@vscode/l10n';
import { formatCount, formatMoney } from '../core/money';
import type { Currency } from '../catalog/schema';
import type { TokenCounts } from '../catalog/resolve';

const HELP = `usage: deepseek-cost spend LOG... [options]

Totals DeepSeek spend from logs, each format detected per line:
${OBJECT_FORMATS.map((f) => `  - ${f.describes}`).join('\n')}
${TEXT_FORMATS.map((f) => `  - ${f.describes}`).join('\n')}
  - pretty-printed JSON files (one body, or an array of bodies)
LOG may be a glob such as "~/.claude/projects/**/*.jsonl" (quote it).

options:
  --since ISO          count requests completed at or after this time
  --until ISO          count requests completed before this time
  --tz ZONE            IANA zone for the per-day report (default: this machine's)
  --log-tz ZONE        zone of logs that write local times without one, e.g. new-api (default: this machine's)
  --currency USD|CNY   default USD; a price not published in this currency stays unpriced
  --format text|json   default text
  --catalog FILE       catalog overrides (same shape as the deepseekCost.catalogOverrides setting)
  --store FILE         keep the priced requests and how far each log was read in this SQLite file
                       (the editor's spend history works the same way): later runs read only what
                       the logs gained since. Default: no store, every log read in full.
  --claude-settings FILE|none
                       Claude Code settings whose env ANTHROPIC_BASE_URL says where Claude names
                       went (default: ~/.claude/settings.json; only that value is read)

Requests are priced from their tokens at their completion time; a log's own cost figure is ignored.
Only DeepSeek's spend is totalled: Claude names with no evidence that DeepSeek served them, and
DeepSeek models served by other hosts (Azure, OpenRouter, …), are counted apart and left out.
Exit status: 0 when every LOG was read, 1 when a LOG was missing or unreadable (the others are
still totalled and printed), 2 on bad usage.`;

interface ModelReport extends Pick<SpendTotals, keyof TokenCounts | 'reasoningTokens'> {
  requests: number;
  unpriced: number;
  /** Sum over priced requests, tool calls included; null when none of them had a price. */
  cost: number | null;
  /** Billed built-in searches and fetches, and what they cost (inside `cost`); null when none had a price in this currency. */
  toolCalls: number;
  toolCost: number | null;
  toolUnpriced: number;
}

type SpendIO = { stdout: (s: string) => void; stderr: (s: string) => void; cwd: string };

const OPTIONS = {
  since: { type: 'string' },
  until: { type: 'string' },
  tz: { type: 'string' },
  'log-tz': { type: 'string' },
  currency: { type: 'string', default: 'USD' },
  format: { type: 'string', default: 'text' },
  catalog: { type: 'string' },
  'claude-settings': { type: 'string' },
  store: { type: 'string' },
} as const;

export const runSpend = subcommand<typeof OPTIONS, SpendIO>({ name: 'spend', usage: HELP, options: OPTIONS, run: spend });

async function spend({ values, positionals }: Parsed<typeof OPTIONS>, io: SpendIO): Promise<number> {
  if (positionals.length === 0) throw new UsageError('give at least one LOG file or glob (see --help)');
  const currency = values.currency!.toUpperCase();
  if (currency !== 'USD' && currency !== 'CNY') throw new UsageError(`--currency takes USD or CNY, not "${values.currency}"`);
  if (values.format !== 'text' && values.format !== 'json') throw new UsageError(`--format takes text or json, not "${values.format}"`);
  const timeZone = values.tz ?? machineTimeZone();
  const logTimezone = values['log-tz'] ?? machineTimeZone();
  for (const [flag, zone] of [['--tz', timeZone], ['--log-tz', logTimezone]] as const) {
    if (!isValidTimeZone(zone)) throw new UsageError(`${flag} takes an IANA time zone such as Asia/Shanghai or UTC, not "${zone}"`);
  }
  const since = values.since !== undefined ? parseTime(values.since, '--since').getTime() : undefined;
  const until = values.until !== undefined ? parseTime(values.until, '--until').getTime() : undefined;
  if (since !== undefined && until !== undefined && until <= since) throw new UsageError('--until must be later than --since');

  // A bad override file is bad usage here as in lint and estimate: pricing with a catalog the user
  // did not ask for would be silently wrong.
  const catalog = await catalogForOption(values.catalog, io);

  const patterns = positionals.map((p) => resolve(io.cwd, expandHome(p)));
  const settings = values['claude-settings'];
  const anthropicBaseUrl = settings === 'none' ? undefined : await readClaudeBaseUrl(settings === undefined ? undefined : resolve(io.cwd, expandHome(settings)));
  const options = { patterns, catalog, currency: currency as 'USD' | 'CNY', timeZone, logTimezone, sessionStart: since ?? 0, since, until, anthropicBaseUrl };
  let tracker: UsageFollower;
  let closeStore = () => {};
  if (values.store !== undefined) {
    const stored = storedFollower(resolve(io.cwd, expandHome(values.store)), { ...options, catalogOverrides: values.catalog ? readFileSync(resolve(io.cwd, values.catalog), 'utf8') : undefined }, catalog);
    tracker = stored.follower;
    if (stored.notice) io.stderr(`deepseek-cost spend: ${stored.notice}\n`);
    if (stored.unavailable) io.stderr(`deepseek-cost spend: the store is not used this time (${stored.unavailable}); every log is read in full\n`);
    closeStore = () => stored.writer?.store.close();
  } else {
    tracker = new UsageFollower(options);
  }
  let snapshot;
  try {
    snapshot = await tracker.refresh();
  } finally {
    closeStore();
  }

  let problems = 0;
  let skippedLines = 0;
  const skippedReasons: Record<string, number> = {};
  for (const [i, source] of snapshot.sources.entries()) {
    for (const f of source.files) {
      skippedLines += f.skippedLines;
      for (const [reason, n] of Object.entries(f.skipped ?? {})) skippedReasons[reason] = (skippedReasons[reason] ?? 0) + n;
      if (f.state === 'missing' || f.state === 'unreadable') {
        problems++;
        io.stderr(`deepseek-cost spend: ${f.path}: ${f.message ?? f.state}\n`);
      } else if ((f.lines ?? 0) > 0 && f.usageLines === 0) {
        const lines = f.lines ?? 0;
        io.stderr(
          `deepseek-cost spend: ${lines === 1 ? l10n.t('{0}: 1 line, none with usage (unsupported format?)', f.path) : l10n.t('{0}: {1} lines, none with usage (unsupported format?)', f.path, formatCount(lines))}\n`,
        );
      }
    }
    if (source.state === 'no-match' && source.files.length === 0) {
      problems++;
      io.stderr(`deepseek-cost spend: ${positionals[i]}: ${source.message ?? l10n.t('no file matches')}\n`);
    }
  }

  const totals = tracker.ledger.totals();
  const byDay = tracker.ledger.byDayTotals();
  const report = {
    currency,
    total: totals.cost,
    requests: totals.requests,
    unpriced: totals.unpriced,
    noSplit: totals.noSplit,
    errors: snapshot.errors,
    skippedLines,
    skippedReasons,
    cacheHitRate: totals.cacheHitTokens + totals.cacheMissTokens > 0 ? totals.cacheHitTokens / (totals.cacheHitTokens + totals.cacheMissTokens) : null,
    withoutId: tracker.ledger.withoutId,
    excluded: tracker.ledger.excluded(),
    byProvider: tracker.ledger.byProvider(),
    byModel: modelReports(totals.byModel),
    byDay: Object.fromEntries(
      Object.entries(byDay).map(([day, models]) => {
        const list = Object.values(models);
        const tools = { toolCalls: sum(list, 'toolCalls'), toolCost: toolCostOf(sum(list, 'toolCalls'), sum(list, 'toolUnpriced'), sum(list, 'toolCost')) };
        return [day, { total: sum(list, 'cost'), requests: sum(list, 'requests'), unpriced: sum(list, 'unpriced'), ...tools, byModel: modelReports(models) }];
      }),
    ),
    toolCalls: totals.toolCalls,
    toolCost: toolCostOf(totals.toolCalls, totals.toolUnpriced, totals.toolCost),
    toolUnpriced: totals.toolUnpriced,
    /** Where the facts end: requests priced on an assumption, with counts. */
    assumptions: tracker.ledger.assumptions().map(({ kind, year, message, requests }) => ({ kind, year, message, requests })),
    catalogDate: catalog.catalogDate,
    ...(snapshot.catalogStaleness ? { catalogStaleness: snapshot.catalogStaleness } : {}),
  };
  if (values.format === 'json') io.stdout(JSON.stringify(report, null, 2) + '\n');
  else io.stdout(textReport(report, timeZone));
  return problems > 0 ? 1 : 0;
}

/** Null when every tool call lacked a price in this currency: unknown, never $0 and never converted. */
function toolCostOf(calls: number, unpriced: number, cost: number): number | null {
  return calls > 0 && unpriced === calls ? null : cost;
}

function sum(list: SpendTotals[], key: keyof SpendTotals): number {
  return list.reduce((s, t) => s + t[key], 0);
}

function modelReports(byModel: Record<string, SpendTotals>): Record<string, ModelReport> {
  const out: Record<string, ModelReport> = {};
  for (const [model, t] of Object.entries(byModel)) {
    out[model] = {
      requests: t.requests, unpriced: t.unpriced, cacheHitTokens: t.cacheHitTokens, cacheMissTokens: t.cacheMissTokens,
      outputTokens: t.outputTokens, reasoningTokens: t.reasoningTokens, cost: t.unpriced === t.requests && t.toolCost === 0 ? null : t.cost,
      toolCalls: t.toolCalls, toolCost: toolCostOf(t.toolCalls, t.toolUnpriced, t.toolCost), toolUnpriced: t.toolUnpriced,
    };
  }
  return out;
}

function money(v: number | null, currency: string): string {
  return v === null ? l10n.t('unpriced') : formatMoney(v, currency as Currency);
}

function table(rows: string[][]): string {
  return renderTable(rows, { rightAligned: (c) => c > 0 }).join('\n') + '\n';
}

function textReport(r: {
  currency: string; total: number; requests: number; unpriced: number; noSplit: number; errors: number; skippedLines: number; skippedReasons: Record<string, number>; cacheHitRate: number | null;
  toolCalls: number; toolCost: number | null; toolUnpriced: number; assumptions: Array<{ message: string; requests: number }>; catalogStaleness?: string;
  withoutId: number; excluded: { requests: number; byReason: Record<string, number>; byProvider: Record<string, number> };
  byModel: Record<string, ModelReport>; byDay: Record<string, { total: number; requests: number; unpriced: number }>;
}, zone: string): string {
  const n = formatCount;
  // One whole sentence per line and per count (one / many): a translation may reorder everything.
  const count = (k: number, one: () => string, many: () => string) => (k === 1 ? one() : many());
  let out = '';
  const models = Object.entries(r.byModel);
  if (models.length > 0) {
    out += table([
      [l10n.t('model'), l10n.t('requests'), l10n.t('cache hit'), l10n.t('cache miss'), l10n.t('output'), l10n.t('reasoning'), l10n.t('cost')],
      ...models.map(([m, t]) => [
        m,
        n(t.requests),
        n(t.cacheHitTokens),
        n(t.cacheMissTokens),
        n(t.outputTokens),
        n(t.reasoningTokens),
        t.unpriced && t.cost !== null ? l10n.t('{0} (+{1} unpriced)', money(t.cost, r.currency), n(t.unpriced)) : money(t.cost, r.currency),
      ]),
    ]);
    out += '\n';
  }
  const days = Object.entries(r.byDay);
  if (days.length > 1) {
    out += table([[l10n.t('day ({0})', zone), l10n.t('requests'), l10n.t('cost')], ...days.map(([d, t]) => [d, n(t.requests), money(t.unpriced === t.requests ? null : t.total, r.currency)])]);
    out += '\n';
  }
  const total = { total: money(r.total, r.currency), requests: n(r.requests), rate: r.cacheHitRate === null ? '' : `${(r.cacheHitRate * 100).toFixed(1)}%` };
  out +=
    r.cacheHitRate === null
      ? count(r.requests, () => l10n.t('total {total} over 1 request', total), () => l10n.t('total {total} over {requests} requests', total))
      : count(r.requests, () => l10n.t('total {total} over 1 request, cache hit rate {rate}', total), () => l10n.t('total {total} over {requests} requests, cache hit rate {rate}', total));
  out += '\n';
  if (r.unpriced) {
    out += count(
      r.unpriced,
      () => l10n.t('1 request unpriced ({0}): not in the total', UNPRICED_WHY()),
      () => l10n.t('{0} requests unpriced ({1}): not in the total', n(r.unpriced), UNPRICED_WHY()),
    );
    out += '\n';
  }
  if (r.noSplit) {
    out += count(
      r.noSplit,
      () => l10n.t('1 request logged without a cache split: priced as all cache-miss, an upper bound'),
      () => l10n.t('{0} requests logged without a cache split: priced as all cache-miss, an upper bound', n(r.noSplit)),
    );
    out += '\n';
  }
  if (r.withoutId) {
    out += count(
      r.withoutId,
      () => l10n.t('1 request logged without an id (Anthropic stream tails): counted, but a second copy cannot be recognised'),
      () => l10n.t('{0} requests logged without an id (Anthropic stream tails): counted, but a second copy cannot be recognised', n(r.withoutId)),
    );
    out += '\n';
  }
  for (const [reason, k] of Object.entries(r.excluded.byReason)) {
    out += count(k, () => l10n.t('1 request left out: {0}', exclusionWords(reason)), () => l10n.t('{0} requests left out: {1}', n(k), exclusionWords(reason)));
    out += '\n';
  }
  if (r.excluded.requests) out += `  ${l10n.t('served by: {0}', Object.entries(r.excluded.byProvider).map(([p, c]) => `${p} ${n(c)}`).join(l10n.t(', ')))}\n`;
  if (r.errors) out += `${count(r.errors, () => l10n.t('1 API error (no usage, not billed)'), () => l10n.t('{0} API errors (no usage, not billed)', n(r.errors)))}\n`;
  if (r.skippedLines) {
    const reasons = Object.entries(r.skippedReasons).sort((a, b) => b[1] - a[1]).map(([reason, k]) => `${n(k)} ${reason}`).join(l10n.t('; '));
    out += reasons
      ? count(r.skippedLines, () => l10n.t('1 line could not be read and was skipped ({0})', reasons), () => l10n.t('{0} lines could not be read and were skipped ({1})', n(r.skippedLines), reasons))
      : count(r.skippedLines, () => l10n.t('1 line could not be read and was skipped'), () => l10n.t('{0} lines could not be read and were skipped', n(r.skippedLines)));
    out += '\n';
  }
  if (r.toolCalls) {
    const tools = { calls: n(r.toolCalls), cost: money(r.toolCost, r.currency), unpriced: n(r.toolUnpriced), currency: r.currency };
    let line: string;
    if (r.toolCost === null) {
      line = count(r.toolCalls, () => l10n.t('1 built-in tool call (web search, page fetch): {cost} (no {currency} price published)', tools), () => l10n.t('{calls} built-in tool calls (web search, page fetch): {cost} (no {currency} price published)', tools));
    } else if (r.toolUnpriced) {
      line = count(r.toolCalls, () => l10n.t('1 built-in tool call (web search, page fetch): {cost} (+{unpriced} unpriced), in the total', tools), () => l10n.t('{calls} built-in tool calls (web search, page fetch): {cost} (+{unpriced} unpriced), in the total', tools));
    } else {
      line = count(r.toolCalls, () => l10n.t('1 built-in tool call (web search, page fetch): {cost}, in the total', tools), () => l10n.t('{calls} built-in tool calls (web search, page fetch): {cost}, in the total', tools));
    }
    out += `${line}\n`;
  }
  for (const a of r.assumptions) out += `${count(a.requests, () => l10n.t('1 request priced assuming: {0}', a.message), () => l10n.t('{0} requests priced assuming: {1}', n(a.requests), a.message))}\n`;
  if (r.catalogStaleness) out += `${r.catalogStaleness}\n`;
  return out;
}

/** Why requests may lack a price, as the JSON report's per-model data cannot say in one line. */
const UNPRICED_WHY = () => l10n.t('unknown model, before the first price, or no price in this currency');

function exclusionWords(reason: string): string {
  if (reason === 'not-deepseek') return l10n.t('not DeepSeek (Claude model names with no sign that DeepSeek served them)');
  if (reason === 'other-provider') return l10n.t("DeepSeek models served by another provider: DeepSeek's prices don't apply (add that provider's prices to the catalog to count them)");
  return reason;
}
