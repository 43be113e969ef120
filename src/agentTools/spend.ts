// spend: session and today totals, from the editor's tracker or from logs read now with the same
// tailer, parsers and ledger, rendered as plain text.
import type { Catalog, Currency } from '../catalog/schema';
import { formatMoney } from '../core/money';
import { resolve } from 'node:path';
import { UsageFollower } from '../core/usage/usageFollower';
import { expandHome } from '../core/usage/paths';
import { readClaudeBaseUrl } from '../core/usage/claudeSettings';
import { DayKeyer } from '../core/usage/time';
import type { SpendSnapshot, SpendTotals } from '../core/usage/types';
import type { AgentToolInput } from './definitions';
import type { AgentToolContext, AgentToolResult, TrackedSpend } from './context';
import { capLines, plural, utcMinute } from './text';

export async function spendForAgent(input: AgentToolInput<'spend'>, ctx: AgentToolContext): Promise<AgentToolResult> {
  const now = ctx.now().getTime();
  const patterns = input.logs ?? (ctx.defaultSpend.kind === 'logs' ? ctx.defaultSpend.patterns : undefined);
  if (patterns === undefined && ctx.defaultSpend.kind === 'tracker') {
    if (input.since !== undefined || input.currency !== undefined) {
      return { text: '"since" and "currency" go with "logs"; without logs the answer is the status bar\'s own session, in the deepseekCost.currency setting.', isError: true };
    }
    return renderTracked(await ctx.defaultSpend.current(), ctx.catalog, ctx.zone, now);
  }
  if (!patterns || patterns.length === 0) {
    return { text: 'No usage logs to read: give "logs" (files or globs), or start the MCP server with --usage-log.', isError: true };
  }
  const since = input.since !== undefined ? Date.parse(input.since) : new DayKeyer(ctx.zone).boundsOf(now).start;
  const snapshot = await readLogs(patterns, ctx.catalog, (input.currency ?? 'USD') as Currency, since, ctx.zone, ctx.root, now);
  const unreadable = snapshot.sources.every((s) => s.files.every((f) => f.state !== 'reading'));
  return { text: renderSpend(snapshot, ctx.catalog, ctx.zone, now, true), isError: unreadable };
}

async function readLogs(patterns: string[], catalog: Catalog, currency: Currency, sessionStart: number, zone: string, root: string, now: number): Promise<SpendSnapshot> {
  // Claude names count as DeepSeek's only with evidence; the user's Claude Code settings are some.
  const anthropicBaseUrl = await readClaudeBaseUrl();
  const tracker = new UsageFollower({ patterns: patterns.map((p) => resolve(root, expandHome(p))), catalog, currency, timeZone: zone, sessionStart, anthropicBaseUrl });
  try {
    await tracker.tailer.check();
    return tracker.snapshot(now);
  } finally {
    tracker.stop();
  }
}

function renderTracked(t: TrackedSpend, catalog: Catalog, zone: string, now: number): AgentToolResult {
  if (!t.configured) {
    return { text: 'No usage log is configured (deepseekCost.usageLogs), so the spend tracker has nothing to total. Give "logs" to read some now.', isError: false };
  }
  if (!t.snapshot) return { text: 'The spend tracker is still reading the usage logs; ask again in a moment.', isError: false };
  let text = renderSpend(t.snapshot, catalog, zone, now, t.initialReadDone);
  for (const p of t.problems) text += `\nSettings problem: ${p}`;
  return { text, isError: false };
}

function totalsLine(label: string, t: SpendTotals, currency: Currency): string {
  const hits = t.cacheHitTokens + t.cacheMissTokens;
  const rate = hits > 0 ? `, cache hit rate ${((t.cacheHitTokens / hits) * 100).toFixed(1)}%` : '';
  const unpriced = t.unpriced ? `; ${plural(t.unpriced, 'request', 'requests')} unpriced, not in the total` : '';
  const noSplit = t.noSplit ? `; ${plural(t.noSplit, 'request', 'requests')} without a cache split priced as all misses (an upper bound)` : '';
  return `${label}: ${formatMoney(t.cost, currency)} over ${plural(t.requests, 'request', 'requests')}${rate}${unpriced}${noSplit}.`;
}

export function renderSpend(s: SpendSnapshot, catalog: Catalog, zone: string, now: number, complete: boolean): string {
  const lines = [
    `DeepSeek spend in ${s.currency} as of ${utcMinute(now)}; each request priced from its tokens at its completion time with the catalog of ${catalog.catalogDate}.`,
  ];
  if (!complete) lines.push('The logs are still being read from their start: these totals are still climbing.');
  lines.push(totalsLine(`Session (since ${utcMinute(s.sessionStart)})`, s.session, s.currency));
  lines.push(totalsLine(`Today (${new DayKeyer(zone).keyOf(now)}, ${zone})`, s.today, s.currency));
  const models = Object.entries(s.session.byModel).sort((a, b) => b[1].cost - a[1].cost || a[0].localeCompare(b[0]));
  if (models.length > 0) {
    const rows = models.map(([m, t]) => `  ${JSON.stringify(m)}: ${formatMoney(t.cost, s.currency)}, ${plural(t.requests, 'request', 'requests')}, ${t.cacheHitTokens + t.cacheMissTokens} input tokens (${t.cacheHitTokens} cache hit), ${t.outputTokens} output (${t.reasoningTokens} reasoning)${t.unpriced ? `, ${t.unpriced} unpriced` : ''}`);
    lines.push('Session by model:', ...capLines(rows, 20, 'models'));
  }
  if (s.lastRequest) lines.push(`Last request: ${utcMinute(s.lastRequest.at)}, ${JSON.stringify(s.lastRequest.model)}, ${s.lastRequest.cost === undefined ? 'unpriced' : formatMoney(s.lastRequest.cost, s.currency)}.`);
  const left = s.excluded?.session;
  if (left && left.requests > 0) {
    const why = Object.entries(left.byReason).map(([r, n]) => `${n} ${r === 'not-deepseek' ? 'not DeepSeek (Claude names with no sign DeepSeek served them)' : "served by another provider (DeepSeek's prices don't apply)"}`);
    lines.push(`Left out of the totals, not DeepSeek's spend: ${plural(left.requests, 'request', 'requests')}: ${why.join('; ')}; served by ${Object.keys(left.byProvider).join(', ')}.`);
  }
  if (s.errors) lines.push(`${plural(s.errors, 'API error response', 'API error responses')} (no usage, not billed).`);
  for (const src of s.sources) {
    if (src.files.length === 0) lines.push(`Log ${src.pattern}: ${src.message ?? 'no file matches'}.`);
    for (const f of src.files) {
      const skipped = f.skippedLines ? `, ${plural(f.skippedLines, 'line', 'lines')} skipped` : '';
      const none = f.state === 'reading' && (f.lines ?? 0) > 0 && f.usageLines === 0 ? ', no line with DeepSeek usage (unsupported format?)' : '';
      lines.push(`Log ${f.path}: ${f.state === 'reading' ? 'read' : f.state}${f.message ? ` (${f.message})` : ''}${skipped}${none}.`);
    }
  }
  return lines.join('\n');
}
