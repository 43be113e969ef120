// The status item's Markdown tooltip, built as plain text so every wording is unit-tested. Command
// links are only to this extension's own commands (the host trusts exactly those), so every text
// from a log, a path or a setting goes through core/markdown and can never form a link of its own.
import { markdownCode, markdownText } from '../core/markdown';
import type { LogSourceState, SpendSnapshot, SpendTotals } from '../core/usage/types';
import { type Currency, formatAmount, formatCount, formatPercent } from './amount';
import { type BudgetLevel, budgetLevel } from './budget';
import { SPEND_COMMANDS } from './commandIds';
import { formatLocalTime } from './localTime';
import { type UnpricedReason, describeUnpricedReason } from './unpricedWording';

export interface TooltipInput {
  /** Undefined until the worker's first snapshot. */
  snapshot?: SpendSnapshot;
  unpriced?: { session: UnpricedReason[]; today: UnpricedReason[] };
  /** Whether any usage log is configured at all. */
  configured: boolean;
  currency: Currency;
  budgets: { session: number | null; daily: number | null };
  now: number;
  /** Zone used for "today" and every time shown. */
  zone: string;
  /** Problems with the settings, each already a sentence. */
  problems: readonly string[];
  /** Set when the background reader stopped. */
  workerError?: string;
}

const escapeMarkdown = markdownText;
const code = (text: string) => markdownCode(text);
const cellCode = (text: string) => markdownCode(text, { inTable: true });

function link(label: string, command: string): string {
  return `[${label}](command:${command})`;
}

export function buildSpendTooltip(input: TooltipInput): string {
  const out: string[] = [];
  const { snapshot, currency, zone, now } = input;
  const money = (n: number) => formatAmount(n, currency);

  if (!input.configured) {
    out.push('**DeepSeek spend**', '');
    out.push(`No usage log is configured, so there is no spend to show. ${link('Add a usage log…', SPEND_COMMANDS.addUsageLog)}`);
    pushProblems(out, input.problems);
    return out.join('\n');
  }
  if (input.workerError) {
    out.push('**DeepSeek spend**', '', `$(error) The log reader stopped: ${escapeMarkdown(input.workerError)}`);
  }
  if (!snapshot) {
    if (!input.workerError) out.push('**DeepSeek spend**', '', 'Reading the usage logs…');
    pushProblems(out, input.problems);
    return out.join('\n');
  }
  if (!input.workerError) out.push(`**DeepSeek spend** · session since ${formatLocalTime(snapshot.sessionStart, now, zone)}`);
  if (snapshot.currency !== currency) out.push('', `Totals are still in ${snapshot.currency}; switching to ${currency}…`);
  const shown = snapshot.currency;
  const amount = (n: number) => formatAmount(n, shown);

  out.push('', '| | Session | Today |', '|---|---:|---:|');
  const row = (label: string, f: (t: SpendTotals) => string) => out.push(`| ${label} | ${f(snapshot.session)} | ${f(snapshot.today)} |`);
  row('Cost', (t) => amount(t.cost));
  row('Requests', (t) => formatCount(t.requests));
  row('Cache hit rate', (t) => formatPercent(t.cacheHitTokens, t.cacheHitTokens + t.cacheMissTokens));
  row('Saved by caching', (t) => amount(t.savedByCache));
  row('Reasoning share of output', (t) => formatPercent(t.reasoningTokens, t.outputTokens));
  if (snapshot.session.toolCalls > 0 || snapshot.today.toolCalls > 0) {
    row('Tool calls (search, fetch)', (t) => `${formatCount(t.toolCalls)} · ${t.toolCalls > 0 && t.toolUnpriced === t.toolCalls ? 'unpriced' : amount(t.toolCost)}`);
  }

  const models = [...new Set([...Object.keys(snapshot.session.byModel), ...Object.keys(snapshot.today.byModel)])].sort(
    (a, b) => (snapshot.session.byModel[b]?.cost ?? 0) - (snapshot.session.byModel[a]?.cost ?? 0) || a.localeCompare(b),
  );
  if (models.length > 0) {
    out.push('', '| Model | Session | Today |', '|---|---:|---:|');
    const cell = (t: SpendTotals | undefined) => (t ? `${amount(t.cost)} · ${formatCount(t.requests)} req` : '–');
    for (const m of models) out.push(`| ${cellCode(m)} | ${cell(snapshot.session.byModel[m])} | ${cell(snapshot.today.byModel[m])} |`);
  }

  // Right under the totals: how much of each budget is used matters at 5% as much as at 80%.
  pushBudgets(out, snapshot, input.budgets, money, currency === shown);
  pushCaveats(out, snapshot, input.unpriced, shown);
  pushFactLimits(out, snapshot);

  if (snapshot.lastRequest) {
    const r = snapshot.lastRequest;
    const cost = r.cost === undefined ? 'unpriced' : amount(r.cost);
    out.push('', `Last request: ${formatLocalTime(r.at, now, zone)} · ${code(r.model)} · ${cost}`);
  }
  if (snapshot.errors > 0) out.push('', `${formatCount(snapshot.errors)} API error ${plural(snapshot.errors, 'response', 'responses')} (no usage, not billed).`);

  out.push('', '**Log sources**', '');
  if (snapshot.sources.length === 0) out.push('- none');
  for (const s of snapshot.sources) out.push(`- ${describeSource(s)}`);

  pushProblems(out, input.problems);
  out.push(
    '',
    [
      link('Dashboard', SPEND_COMMANDS.showDashboard),
      link('Spend report', SPEND_COMMANDS.showReport),
      link('Set budget', SPEND_COMMANDS.setBudget),
      link('Log sources', SPEND_COMMANDS.openLogSources),
      link('Reset session', SPEND_COMMANDS.resetSession),
    ].join(' · '),
  );
  return out.join('\n');
}

function pushCaveats(out: string[], snapshot: SpendSnapshot, reasons: TooltipInput['unpriced'], currency: Currency): void {
  const lines: string[] = [];
  const { session, today } = snapshot;
  if (session.unpriced > 0 || today.unpriced > 0) {
    const list = reasons ? mergeReasons(reasons.session, reasons.today) : [];
    const why = list.map((r) => `${code(r.model)}: ${describeUnpricedReason(r, currency)}`).join('; ');
    lines.push(
      `$(warning) Unpriced (not in the totals): ${formatCount(session.unpriced)} ${plural(session.unpriced, 'request', 'requests')} this session, ${formatCount(today.unpriced)} today${why ? ` (${why})` : ''}.`,
    );
  }
  if (session.noSplit > 0 || today.noSplit > 0) {
    lines.push(
      `$(info) No cache split in the log: ${formatCount(session.noSplit)} ${plural(session.noSplit, 'request', 'requests')} this session, ${formatCount(today.noSplit)} today, priced as all cache-miss, so those costs are an upper bound.`,
    );
  }
  const excluded = snapshot.excluded;
  if (excluded && (excluded.session.requests > 0 || excluded.today.requests > 0)) {
    const reasons = [...new Set([...Object.keys(excluded.session.byReason), ...Object.keys(excluded.today.byReason)])]
      .map((r) => (r === 'not-deepseek' ? 'not DeepSeek (Claude names with no sign DeepSeek served them)' : "served by another provider: DeepSeek's prices don't apply"));
    const providers = [...new Set([...Object.keys(excluded.session.byProvider), ...Object.keys(excluded.today.byProvider)])].map((p) => code(p)).join(', ');
    lines.push(
      `$(info) Left out (not DeepSeek's spend): ${formatCount(excluded.session.requests)} ${plural(excluded.session.requests, 'request', 'requests')} this session, ${formatCount(excluded.today.requests)} today: ${reasons.join('; ')} (${providers}).`,
    );
  }
  if (snapshot.withoutId) {
    lines.push(`$(info) ${formatCount(snapshot.withoutId)} ${plural(snapshot.withoutId, 'request', 'requests')} logged without an id: counted, but a second copy cannot be recognised.`);
  }
  if (lines.length) out.push('', ...lines.flatMap((l, i) => (i ? ['', l] : [l])));
}

/** Where the facts behind the totals end: one quiet line each, never a notification. */
function pushFactLimits(out: string[], snapshot: SpendSnapshot): void {
  for (const a of snapshot.assumptions ?? []) {
    out.push('', `$(info) ${formatCount(a.requests)} ${plural(a.requests, 'request', 'requests')} priced assuming: ${escapeMarkdown(a.message)}.`);
  }
  if (snapshot.catalogStaleness) out.push('', `_${escapeMarkdown(snapshot.catalogStaleness)}_`);
}

function mergeReasons(a: UnpricedReason[], b: UnpricedReason[]): UnpricedReason[] {
  const seen = new Map<string, UnpricedReason>();
  for (const r of [...a, ...b]) if (!seen.has(r.model)) seen.set(r.model, r);
  return [...seen.values()];
}

function pushBudgets(out: string[], snapshot: SpendSnapshot, budgets: TooltipInput['budgets'], money: (n: number) => string, sameCurrency: boolean): void {
  if (!sameCurrency) return;
  const lines: string[] = [];
  const line = (label: string, spent: number, budget: number | null) => {
    if (budget === null) return;
    const level = budgetLevel(spent, budget);
    const left = budget - spent;
    const rest = left >= 0 ? `${money(left)} left` : `${money(-left)} over`;
    lines.push(`${LEVEL_ICON[level]}${label} budget: ${money(spent)} of ${money(budget)}${budget > 0 ? ` (${formatPercent(spent, budget)} used, ${rest})` : ''}`);
  };
  line('Session', snapshot.session.cost, budgets.session);
  line('Daily', snapshot.today.cost, budgets.daily);
  if (lines.length) out.push('', lines.join('  \n'));
}

const LEVEL_ICON: Record<BudgetLevel, string> = { ok: '', warning: '$(warning) ', exceeded: '$(error) ' };

export function describeSource(s: LogSourceState): string {
  const name = code(s.pattern);
  if (s.state === 'error') return `${name}: $(error) ${escapeMarkdown(s.message ?? 'cannot be read')}`;
  if (s.state === 'no-match' || s.files.length === 0) return `${name}: no file matches yet${s.message ? ` (${escapeMarkdown(s.message)})` : ''}`;
  const count = (state: string) => s.files.filter((f) => f.state === state).length;
  const parts: string[] = [];
  const reading = count('reading');
  const missing = count('missing');
  const unreadable = s.files.filter((f) => f.state === 'unreadable');
  if (reading) parts.push(s.files.length === 1 ? 'reading' : `reading ${reading} ${plural(reading, 'file', 'files')}`);
  if (missing) parts.push(s.files.length === 1 ? 'missing' : `${missing} missing`);
  if (unreadable.length) {
    const why = unreadable[0].message ? `: ${escapeMarkdown(unreadable[0].message)}` : '';
    parts.push(s.files.length === 1 ? `$(error) unreadable${why}` : `$(error) ${unreadable.length} unreadable${why}`);
  }
  const skipped = s.files.reduce((n, f) => n + f.skippedLines, 0);
  if (skipped) parts.push(`${formatCount(skipped)} ${plural(skipped, 'line', 'lines')} skipped`);
  return `${name}: ${parts.join(', ')}`;
}

function pushProblems(out: string[], problems: readonly string[]): void {
  if (!problems.length) return;
  out.push('', '**Settings**', '');
  for (const p of problems) out.push(`- $(warning) ${escapeMarkdown(p)}`);
}

function plural(n: number, one: string, many: string): string {
  return n === 1 ? one : many;
}
