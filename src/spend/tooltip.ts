// The status item's Markdown tooltip, built as plain text so every wording is unit-tested. Command
// links are only to this extension's own commands (the host trusts exactly those), so every text
// from a log, a path or a setting goes through core/markdown and can never form a link of its own.
import * as l10n from '@vscode/l10n';
import { markdownCode, markdownText } from '../core/markdown';
import type { LogSourceState, SpendSnapshot, SpendTotals } from '../core/usage/types';
import { type Currency, formatAmount, formatCount, formatPercent } from './amount';
import { type BudgetLevel, budgetLevel } from './budget';
import { SPEND_COMMANDS } from './commandIds';
import { formatLocalTime } from './localTime';
import { type UnpricedReason, describeUnpricedReason } from '../core/unpricedWording';

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
    out.push(l10n.t('**DeepSeek spend**'), '');
    out.push(l10n.t('No usage log is configured, so there is no spend to show. {0}', link(l10n.t('Add a usage log…'), SPEND_COMMANDS.addUsageLog)));
    pushProblems(out, input.problems);
    return out.join('\n');
  }
  if (input.workerError) {
    out.push(l10n.t('**DeepSeek spend**'), '', `$(error) ${l10n.t('The log reader stopped: {0}', escapeMarkdown(input.workerError))}`);
  }
  if (!snapshot) {
    if (!input.workerError) out.push(l10n.t('**DeepSeek spend**'), '', l10n.t('Reading the usage logs…'));
    pushProblems(out, input.problems);
    return out.join('\n');
  }
  if (!input.workerError) out.push(l10n.t('**DeepSeek spend** · session since {0}', formatLocalTime(snapshot.sessionStart, now, zone)));
  if (snapshot.currency !== currency) out.push('', l10n.t('Totals are still in {0}; switching to {1}…', snapshot.currency, currency));
  const shown = snapshot.currency;
  const amount = (n: number) => formatAmount(n, shown);

  out.push('', l10n.t('| | Session | Today |'), '|---|---:|---:|');
  const row = (label: string, f: (t: SpendTotals) => string) => out.push(`| ${label} | ${f(snapshot.session)} | ${f(snapshot.today)} |`);
  row(l10n.t('Cost'), (t) => amount(t.cost));
  row(l10n.t('Requests'), (t) => formatCount(t.requests));
  row(l10n.t('Cache hit rate'), (t) => formatPercent(t.cacheHitTokens, t.cacheHitTokens + t.cacheMissTokens));
  row(l10n.t('Saved by caching'), (t) => amount(t.savedByCache));
  row(l10n.t('Reasoning share of output'), (t) => formatPercent(t.reasoningTokens, t.outputTokens));
  if (snapshot.session.toolCalls > 0 || snapshot.today.toolCalls > 0) {
    row(l10n.t('Tool calls (search, fetch)'), (t) => `${formatCount(t.toolCalls)} · ${t.toolCalls > 0 && t.toolUnpriced === t.toolCalls ? l10n.t('unpriced') : amount(t.toolCost)}`);
  }

  const models = [...new Set([...Object.keys(snapshot.session.byModel), ...Object.keys(snapshot.today.byModel)])].sort(
    (a, b) => (snapshot.session.byModel[b]?.cost ?? 0) - (snapshot.session.byModel[a]?.cost ?? 0) || a.localeCompare(b),
  );
  if (models.length > 0) {
    out.push('', l10n.t('| Model | Session | Today |'), '|---|---:|---:|');
    const cell = (t: SpendTotals | undefined) => (t ? l10n.t('{0} · {1} req', amount(t.cost), formatCount(t.requests)) : '–');
    for (const m of models) out.push(`| ${cellCode(m)} | ${cell(snapshot.session.byModel[m])} | ${cell(snapshot.today.byModel[m])} |`);
  }

  // Right under the totals: how much of each budget is used matters at 5% as much as at 80%.
  pushBudgets(out, snapshot, input.budgets, money, currency === shown);
  pushCaveats(out, snapshot, input.unpriced, shown);
  pushFactLimits(out, snapshot);

  if (snapshot.lastRequest) {
    const r = snapshot.lastRequest;
    const cost = r.cost === undefined ? l10n.t('unpriced') : amount(r.cost);
    out.push('', l10n.t('Last request: {0} · {1} · {2}', formatLocalTime(r.at, now, zone), code(r.model), cost));
  }
  if (snapshot.errors > 0) {
    out.push('', snapshot.errors === 1 ? l10n.t('1 API error response (no usage, not billed).') : l10n.t('{0} API error responses (no usage, not billed).', formatCount(snapshot.errors)));
  }

  out.push('', l10n.t('**Log sources**'), '');
  if (snapshot.sources.length === 0) out.push(`- ${l10n.t('none')}`);
  for (const s of snapshot.sources) out.push(`- ${describeSource(s)}`);

  pushProblems(out, input.problems);
  out.push(
    '',
    [
      link(l10n.t('Dashboard'), SPEND_COMMANDS.showDashboard),
      link(l10n.t('Spend report'), SPEND_COMMANDS.showReport),
      link(l10n.t('Set budget'), SPEND_COMMANDS.setBudget),
      link(l10n.t('Log sources'), SPEND_COMMANDS.openLogSources),
      link(l10n.t('Reset session'), SPEND_COMMANDS.resetSession),
    ].join(' · '),
  );
  return out.join('\n');
}

function pushCaveats(out: string[], snapshot: SpendSnapshot, reasons: TooltipInput['unpriced'], currency: Currency): void {
  const lines: string[] = [];
  const { session, today } = snapshot;
  if (session.unpriced > 0 || today.unpriced > 0) {
    const list = reasons ? mergeReasons(reasons.session, reasons.today) : [];
    const why = list.map((r) => l10n.t('{0}: {1}', code(r.model), describeUnpricedReason(r, currency))).join(l10n.t('; '));
    const counts = { session: formatCount(session.unpriced), today: formatCount(today.unpriced), why };
    const sentence =
      session.unpriced === 1
        ? why
          ? l10n.t('Unpriced (not in the totals): 1 request this session, {today} today ({why}).', counts)
          : l10n.t('Unpriced (not in the totals): 1 request this session, {today} today.', counts)
        : why
          ? l10n.t('Unpriced (not in the totals): {session} requests this session, {today} today ({why}).', counts)
          : l10n.t('Unpriced (not in the totals): {session} requests this session, {today} today.', counts);
    lines.push(`$(warning) ${sentence}`);
  }
  if (session.noSplit > 0 || today.noSplit > 0) {
    const counts = { session: formatCount(session.noSplit), today: formatCount(today.noSplit) };
    lines.push(
      `$(info) ${
        session.noSplit === 1
          ? l10n.t('No cache split in the log: 1 request this session, {today} today, priced as all cache-miss, so those costs are an upper bound.', counts)
          : l10n.t('No cache split in the log: {session} requests this session, {today} today, priced as all cache-miss, so those costs are an upper bound.', counts)
      }`,
    );
  }
  const excluded = snapshot.excluded;
  if (excluded && (excluded.session.requests > 0 || excluded.today.requests > 0)) {
    const reasons = [...new Set([...Object.keys(excluded.session.byReason), ...Object.keys(excluded.today.byReason)])]
      .map((r) => (r === 'not-deepseek' ? l10n.t('not DeepSeek (Claude names with no sign DeepSeek served them)') : l10n.t("served by another provider: DeepSeek's prices don't apply")));
    const providers = [...new Set([...Object.keys(excluded.session.byProvider), ...Object.keys(excluded.today.byProvider)])].map((p) => code(p)).join(l10n.t(', '));
    const counts = { session: formatCount(excluded.session.requests), today: formatCount(excluded.today.requests), reasons: reasons.join(l10n.t('; ')), providers };
    lines.push(
      `$(info) ${
        excluded.session.requests === 1
          ? l10n.t("Left out (not DeepSeek's spend): 1 request this session, {today} today: {reasons} ({providers}).", counts)
          : l10n.t("Left out (not DeepSeek's spend): {session} requests this session, {today} today: {reasons} ({providers}).", counts)
      }`,
    );
  }
  if (snapshot.withoutId) {
    lines.push(
      `$(info) ${
        snapshot.withoutId === 1
          ? l10n.t('1 request logged without an id: counted, but a second copy cannot be recognised.')
          : l10n.t('{0} requests logged without an id: counted, but a second copy cannot be recognised.', formatCount(snapshot.withoutId))
      }`,
    );
  }
  if (lines.length) out.push('', ...lines.flatMap((l, i) => (i ? ['', l] : [l])));
}

/** Where the facts behind the totals end: one quiet line each, never a notification. */
function pushFactLimits(out: string[], snapshot: SpendSnapshot): void {
  for (const a of snapshot.assumptions ?? []) {
    const assumed = escapeMarkdown(a.message);
    out.push('', `$(info) ${a.requests === 1 ? l10n.t('1 request priced assuming: {0}.', assumed) : l10n.t('{0} requests priced assuming: {1}.', formatCount(a.requests), assumed)}`);
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
  const line = (kind: 'session' | 'daily', spent: number, budget: number | null) => {
    if (budget === null) return;
    const level = budgetLevel(spent, budget);
    const left = budget - spent;
    const args = { spent: money(spent), budget: money(budget), share: formatPercent(spent, budget), left: money(Math.abs(left)) };
    // Whole sentences per case, so a translation can order them its own way.
    const text =
      kind === 'session'
        ? budget <= 0
          ? l10n.t('Session budget: {spent} of {budget}', args)
          : left >= 0
            ? l10n.t('Session budget: {spent} of {budget} ({share} used, {left} left)', args)
            : l10n.t('Session budget: {spent} of {budget} ({share} used, {left} over)', args)
        : budget <= 0
          ? l10n.t('Daily budget: {spent} of {budget}', args)
          : left >= 0
            ? l10n.t('Daily budget: {spent} of {budget} ({share} used, {left} left)', args)
            : l10n.t('Daily budget: {spent} of {budget} ({share} used, {left} over)', args);
    lines.push(`${LEVEL_ICON[level]}${text}`);
  };
  line('session', snapshot.session.cost, budgets.session);
  line('daily', snapshot.today.cost, budgets.daily);
  if (lines.length) out.push('', lines.join('  \n'));
}

const LEVEL_ICON: Record<BudgetLevel, string> = { ok: '', warning: '$(warning) ', exceeded: '$(error) ' };

export function describeSource(s: LogSourceState): string {
  const name = code(s.pattern);
  if (s.state === 'error') return `${name}: $(error) ${escapeMarkdown(s.message ?? l10n.t('cannot be read'))}`;
  if (s.state === 'no-match' || s.files.length === 0) {
    return s.message ? l10n.t('{0}: no file matches yet ({1})', name, escapeMarkdown(s.message)) : l10n.t('{0}: no file matches yet', name);
  }
  const count = (state: string) => s.files.filter((f) => f.state === state).length;
  const parts: string[] = [];
  const reading = count('reading');
  const missing = count('missing');
  const unreadable = s.files.filter((f) => f.state === 'unreadable');
  // Each part is a phrase of its own in a comma-separated list of states.
  const single = s.files.length === 1;
  if (reading) parts.push(single ? l10n.t('reading') : reading === 1 ? l10n.t('reading 1 file') : l10n.t('reading {0} files', formatCount(reading)));
  if (missing) parts.push(single ? l10n.t('missing') : l10n.t('{0} missing', formatCount(missing)));
  if (unreadable.length) {
    const why = unreadable[0].message ? escapeMarkdown(unreadable[0].message) : undefined;
    const n = formatCount(unreadable.length);
    const text = single ? (why ? l10n.t('unreadable: {0}', why) : l10n.t('unreadable')) : why ? l10n.t('{0} unreadable: {1}', n, why) : l10n.t('{0} unreadable', n);
    parts.push(`$(error) ${text}`);
  }
  const skipped = s.files.reduce((n, f) => n + f.skippedLines, 0);
  if (skipped) parts.push(skipped === 1 ? l10n.t('1 line skipped') : l10n.t('{0} lines skipped', formatCount(skipped)));
  return l10n.t('{0}: {1}', name, parts.join(l10n.t(', ')));
}

function pushProblems(out: string[], problems: readonly string[]): void {
  if (!problems.length) return;
  out.push('', l10n.t('**Settings**'), '');
  for (const p of problems) out.push(`- $(warning) ${escapeMarkdown(p)}`);
}
