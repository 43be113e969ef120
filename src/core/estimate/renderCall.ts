// What users read about a call: the CodeLens title, the per-message breakdown behind it, and the
// prompt hover when the prompt is sent by calls in the file. Pure; text from the file (model
// names, message previews, constant names) is escaped for where it is shown: Markdown in hovers,
// plain labels (where `$(name)` would draw an icon) in the lens and the quick pick.
import type { Currency } from '../../catalog/schema';
import { formatCount, formatMoney, formatUtc } from '../money';
import { markdownCode } from '../markdown';
import type { CallCurrencyCost, CallEstimate } from './callEstimate';
import { type CallWord, fill, plural } from './callWords';

/** A label shown as plain text by the editor, which still draws `$(icon)`: make that literal. */
export function plainLabel(text: string): string {
  return text.replace(/\$\(/g, '$\u200b(').replace(/[\r\n\t]+/g, ' ');
}

const utc = formatUtc;

/** The first currency (the user's) with a price, if any. */
export function firstPriced(e: CallEstimate): CallCurrencyCost | undefined {
  for (const c of e.currencies) if (e.costs[c]) return e.costs[c];
  return undefined;
}

/** At most what one call costs: its input at cache miss and its output up to the bound. */
function worstCase(c: CallCurrencyCost): number {
  return c.miss + (c.maxOutput ?? 0);
}

const unpricedWhy = (e: CallEstimate) =>
  !e.deepseek ? 'another provider serves this call' : !e.modelKnown ? 'this model is not in the catalog' : 'no published price in these currencies';

export function lensTitle(e: CallEstimate): string {
  const c = firstPriced(e);
  const values = {
    model: plainLabel(e.model),
    input: formatCount(e.inputTokens + e.templateTokens),
    output: e.outputBound !== null ? formatCount(e.outputBound) : '?',
    parts: e.unknownParts,
  };
  if (!c) return fill('lensTitleUnpriced', { ...values, reason: unpricedWhy(e) });
  const word: CallWord = e.unknownParts === 0 ? 'lensTitle' : plural('lensTitleRuntimeOne', 'lensTitleRuntimeOther', e.unknownParts);
  return fill(word, { ...values, perCall: formatMoney(worstCase(c), c.currency), perThousand: formatMoney(worstCase(c) * 1000, c.currency) });
}

export interface BreakdownItem {
  label: string;
  description?: string;
  detail?: string;
}

/** The per-message breakdown a click on the lens shows. */
export function breakdownItems(e: CallEstimate): BreakdownItem[] {
  const items: BreakdownItem[] = [];
  for (const m of e.messages) {
    const word = m.unknownParts === 0 ? 'breakdownMessage' : plural('breakdownMessageRuntimeOne', 'breakdownMessageRuntimeOther', m.unknownParts);
    items.push({
      label: fill(word, { role: m.role, tokens: formatCount(m.tokens), parts: m.unknownParts }),
      description: m.constants.length ? plainLabel(fill('breakdownViaConstants', { constants: m.constants.join(', ') })) : undefined,
      detail: m.preview ? plainLabel(m.preview) : undefined,
    });
  }
  const runtimeMessages = e.unknownParts - e.messages.reduce((n, m) => n + m.unknownParts, 0);
  if (runtimeMessages > 0) items.push({ label: fill(plural('breakdownRuntimeMessagesOne', 'breakdownRuntimeMessagesOther', runtimeMessages), { count: runtimeMessages }) });
  items.push({ label: fill('breakdownTemplate', { tokens: formatCount(e.templateTokens) }) });
  for (const currency of e.currencies) {
    const c = e.costs[currency];
    if (!c) continue;
    items.push({ label: fill('breakdownInput', { tokens: formatCount(e.inputTokens + e.templateTokens), miss: formatMoney(c.miss, currency), hit: formatMoney(c.hit, currency) }) });
    if (c.maxOutput !== undefined && e.outputBound !== null) {
      const word = e.outputBoundSource === 'max-tokens' ? 'breakdownOutputMaxTokens' : 'breakdownOutputModelMaximum';
      items.push({ label: fill(word, { tokens: formatCount(e.outputBound), cost: formatMoney(c.maxOutput, currency) }) });
    }
  }
  if (e.importedNames.length) items.push({ label: plainLabel(fill('breakdownImported', { names: e.importedNames.join(', ') })) });
  return items;
}

export function breakdownTitle(e: CallEstimate, line: number): string {
  return plainLabel(fill('breakdownTitle', { model: e.model, line }));
}

/** "Peak price now; off-peak from …", once per hover. */
export function priceWhenLine(c: { hasPeakHours: boolean; peak: boolean; holiday: boolean; nextChange?: string }): string {
  if (!c.hasPeakHours) return fill('hoverOneRate', {});
  const when = c.nextChange ? utc(c.nextChange) : undefined;
  if (c.peak) return when ? fill('hoverPeakNow', { when }) : fill('hoverPeakNowNoChange', {});
  if (c.holiday && when) return fill('hoverHolidayNow', { when });
  return when ? fill('hoverOffPeakNow', { when }) : fill('hoverOffPeakNowNoChange', {});
}

/** The output sentence of a hover: the bound and, for thinking models, that reasoning is output. */
export function outputLine(e: Pick<CallEstimate, 'outputBound' | 'outputBoundSource' | 'thinking'>): string | undefined {
  if (e.outputBound === null) return undefined;
  if (e.outputBoundSource === 'max-tokens') return fill('hoverOutputMaxTokens', { tokens: formatCount(e.outputBound) });
  return fill(e.thinking ? 'hoverOutputModelMaximumThinking' : 'hoverOutputModelMaximum', { tokens: formatCount(e.outputBound) });
}

export interface PromptCallsView {
  /** Tokens of the hovered prompt's own text. */
  tokens: number;
  calls: Array<{ estimate: CallEstimate; line: number }>;
  /** Lines that follow the price (tokenizer, warnings, where the facts end), already Markdown. */
  notes: string[];
}

function perMillion(tokens: number, rate: number): number {
  return (tokens * rate) / 1e6;
}

/**
 * The prompt hover when calls in the file send the prompt: price first, one compact table, each
 * sentence once. Editors cap a hover's height (VS Code: a quarter of the editor, at least 250 px),
 * so related sentences share a paragraph instead of each taking one with its margins.
 */
export function renderPromptInCalls(v: PromptCallsView): string {
  const blocks: string[] = [];
  const first = v.calls[0].estimate;
  const c = firstPriced(first);
  const model = markdownCode(first.model);
  const lead = c
    ? fill('hoverLead', { perCall: formatMoney(perMillion(v.tokens, c.rates.cacheMiss), c.currency), perThousand: formatMoney(perMillion(v.tokens, c.rates.cacheMiss) * 1000, c.currency), tokens: formatCount(v.tokens), model })
    : fill('hoverLeadUnpriced', { tokens: formatCount(v.tokens), model, reason: unpricedWhy(first) });
  const models = groupModels(v.calls.map((x) => x.estimate.model));
  const sentBy = fill(v.calls.length === 1 ? 'hoverUsedByOne' : 'hoverUsedByOther', { count: v.calls.length, models });
  const currency: Currency | undefined = c?.currency;
  let whole = '';
  if (currency && v.calls.length === 1) {
    const k = first.costs[currency]!;
    const most = k.miss + (k.maxOutput ?? 0);
    whole = ' ' + fill('hoverCallLine', { callTokens: formatCount(first.inputTokens + first.templateTokens), line: v.calls[0].line, perCall: formatMoney(most, currency), perThousand: formatMoney(most * 1000, currency) });
  }
  blocks.push(`${lead}  \n${sentBy}${whole}`);
  if (currency) {
    const rows: string[] = [];
    if (v.calls.length === 1) {
      const k = first.costs[currency]!;
      rows.push(fill('hoverTableHead', { currency, output: first.outputBound !== null ? formatCount(first.outputBound) : '?' }), '|---|---:|---:|---:|');
      rows.push(`| this prompt | ${formatMoney(perMillion(v.tokens, k.rates.cacheMiss) * 1000, currency)} | ${formatMoney(perMillion(v.tokens, k.rates.cacheHit) * 1000, currency)} | ${k.maxOutput !== undefined ? formatMoney(k.maxOutput * 1000, currency) : '—'} |`);
    } else {
      rows.push(fill('hoverCallsTableHead', { currency }), '|---|---:|---:|---:|');
      for (const { estimate: e, line } of v.calls) {
        const k = e.costs[currency];
        const cells = k
          ? [formatMoney(perMillion(v.tokens, k.rates.cacheMiss) * 1000, currency), formatMoney(perMillion(v.tokens, k.rates.cacheHit) * 1000, currency), k.maxOutput !== undefined ? `${formatMoney(k.maxOutput * 1000, currency)} (${formatCount(e.outputBound ?? 0)})` : '—']
          : ['—', '—', '—'];
        rows.push(`| ${fill('hoverCallsTableRow', { line, model: markdownCode(e.model, { inTable: true }) })} | ${cells.join(' | ')} |`);
      }
    }
    blocks.push(rows.join('\n'));
  }
  // The unit, when the price changes, and the output bound: one paragraph.
  const footer: string[] = [];
  // The multi-call table names its unit in its header.
  if (currency && v.calls.length === 1) footer.push(fill('hoverTableUnit', { currency }));
  if (c) footer.push(priceWhenLine(c));
  const output = v.calls.length === 1 ? outputLine(first) : manyOutputsLine(v.calls.map((x) => x.estimate));
  if (output) footer.push(output);
  blocks.push([footer.join(' '), ...v.notes].filter(Boolean).join('  \n'));
  return blocks.join('\n\n');
}

/** With several calls, the output sentence only when some call has no max_tokens (the table shows each bound). */
function manyOutputsLine(estimates: CallEstimate[]): string | undefined {
  const unbounded = estimates.find((e) => e.outputBoundSource === 'model-maximum');
  return unbounded ? outputLine(unbounded) : undefined;
}

/** "deepseek-v4-flash ×2, deepseek-v4-pro", escaped for Markdown. */
function groupModels(models: string[]): string {
  const counts = new Map<string, number>();
  for (const m of models) counts.set(m, (counts.get(m) ?? 0) + 1);
  return [...counts].map(([m, n]) => (n > 1 ? `${markdownCode(m)} ×${n}` : markdownCode(m))).join(', ');
}

