// deepseek-cost spend: totals DeepSeek spend from proxy and client logs with the same readers,
// ledger and catalog as the editor's status bar.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { UsageFollower, expandHome, isValidTimeZone, machineTimeZone, readClaudeBaseUrl, type SpendTotals } from '../core/usage';
import { storedFollower } from '../core/usage/store/storedFollower';
import { OBJECT_FORMATS, TEXT_FORMATS } from '../core/usage/formats/registry';
import { UsageError, parseTime } from './io';
import { catalogForOption } from './overrides';
import { renderTable } from '../core/textTable';
import { formatMoney } from '../core/money';
import type { Currency } from '../catalog/schema';

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

interface ModelReport {
  requests: number;
  unpriced: number;
  cacheHitTokens: number;
  cacheMissTokens: number;
  outputTokens: number;
  reasoningTokens: number;
  /** Sum over priced requests, tool calls included; null when none of them had a price. */
  cost: number | null;
  /** Billed built-in searches and fetches, and what they cost (inside `cost`); null when none had a price in this currency. */
  toolCalls: number;
  toolCost: number | null;
  toolUnpriced: number;
}

type SpendIO = { stdout: (s: string) => void; stderr: (s: string) => void; cwd: string };

export async function runSpend(argv: string[], io: SpendIO): Promise<number> {
  try {
    return await spend(argv, io);
  } catch (err) {
    if (err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`deepseek-cost spend: ${(err as Error).message}\n`);
      return 2;
    }
    throw err;
  }
}

async function spend(argv: string[], io: SpendIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      since: { type: 'string' },
      until: { type: 'string' },
      tz: { type: 'string' },
      'log-tz': { type: 'string' },
      currency: { type: 'string', default: 'USD' },
      format: { type: 'string', default: 'text' },
      catalog: { type: 'string' },
      'claude-settings': { type: 'string' },
      store: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout(HELP + '\n');
    return 0;
  }
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
        io.stderr(`deepseek-cost spend: ${f.path}: ${plural(f.lines ?? 0, 'line')}, none with usage (unsupported format?)\n`);
      }
    }
    if (source.state === 'no-match' && source.files.length === 0) {
      problems++;
      io.stderr(`deepseek-cost spend: ${positionals[i]}: ${source.message ?? 'no file matches'}\n`);
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

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
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
  return v === null ? 'unpriced' : formatMoney(v, currency as Currency);
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
  const n = (x: number) => x.toLocaleString('en-US');
  let out = '';
  const models = Object.entries(r.byModel);
  if (models.length > 0) {
    out += table([
      ['model', 'requests', 'cache hit', 'cache miss', 'output', 'reasoning', 'cost'],
      ...models.map(([m, t]) => [m, n(t.requests), n(t.cacheHitTokens), n(t.cacheMissTokens), n(t.outputTokens), n(t.reasoningTokens), money(t.cost, r.currency) + (t.unpriced && t.cost !== null ? ` (+${t.unpriced} unpriced)` : '')]),
    ]);
    out += '\n';
  }
  const days = Object.entries(r.byDay);
  if (days.length > 1) {
    out += table([[`day (${zone})`, 'requests', 'cost'], ...days.map(([d, t]) => [d, n(t.requests), money(t.unpriced === t.requests ? null : t.total, r.currency)])]);
    out += '\n';
  }
  out += `total ${money(r.total, r.currency)} over ${plural(r.requests, 'request')}`;
  if (r.cacheHitRate !== null) out += `, cache hit rate ${(r.cacheHitRate * 100).toFixed(1)}%`;
  out += '\n';
  if (r.unpriced) out += `${plural(r.unpriced, 'request')} unpriced (unknown model, before the first price, or no ${r.currency} price): not in the total\n`;
  if (r.noSplit) out += `${plural(r.noSplit, 'request')} logged without a cache split: priced as all cache-miss, an upper bound\n`;
  if (r.withoutId) out += `${plural(r.withoutId, 'request')} logged without an id (Anthropic stream tails): counted, but a second copy cannot be recognised\n`;
  for (const [reason, count] of Object.entries(r.excluded.byReason)) out += `${plural(count, 'request')} left out: ${EXCLUSION_WORDS[reason] ?? reason}\n`;
  if (r.excluded.requests) out += `  served by: ${Object.entries(r.excluded.byProvider).map(([p, c]) => `${p} ${n(c)}`).join(', ')}\n`;
  if (r.errors) out += `${plural(r.errors, 'API error')} (no usage, not billed)\n`;
  if (r.skippedLines) {
    const reasons = Object.entries(r.skippedReasons).sort((a, b) => b[1] - a[1]).map(([reason, k]) => `${n(k)} ${reason}`);
    out += `${plural(r.skippedLines, 'line')} could not be read and ${r.skippedLines === 1 ? 'was' : 'were'} skipped${reasons.length ? ` (${reasons.join('; ')})` : ''}\n`;
  }
  if (r.toolCalls) {
    out += `${plural(r.toolCalls, 'built-in tool call')} (web search, page fetch): ${money(r.toolCost, r.currency)}${r.toolUnpriced && r.toolCost !== null ? ` (+${n(r.toolUnpriced)} unpriced)` : ''}${r.toolCost !== null ? ', in the total' : ` (no ${r.currency} price published)`}\n`;
  }
  for (const a of r.assumptions) out += `${plural(a.requests, 'request')} priced assuming: ${a.message}\n`;
  if (r.catalogStaleness) out += `${r.catalogStaleness}\n`;
  return out;
}

const EXCLUSION_WORDS: Record<string, string> = {
  'not-deepseek': 'not DeepSeek (Claude model names with no sign that DeepSeek served them)',
  'other-provider': "DeepSeek models served by another provider: DeepSeek's prices don't apply (add that provider's prices to the catalog to count them)",
};
