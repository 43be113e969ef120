// Markdown for the two hovers: a prompt's cost and a model ID's lifecycle and prices. Pure, so the
// LSP tests and the unit tests see exactly what users see. Model names come from source code and
// settings, and the catalog's text may come from an override: all of it goes through the helpers
// in core/markdown.
import { thinkingOffAdvice } from '../scan/thinkingText';
import type { Catalog, Currency } from '../../catalog/schema';
import { modelStatusAt, priceAt } from '../../catalog/resolve';
import { DEEPSEEK_PROVIDER } from '../../catalog/providers';
import { currentTarget } from '../lint/fixes';
import { formatCount, formatMoney, formatRate, formatUtc } from '../money';
import { isShownUrl, markdownCode, markdownLink, markdownText } from '../markdown';
import type { PromptEstimate } from './promptEstimate';
import { factLimitLines, factLimits, modelVersionLine, tokenizerLine } from './factNotes';
import { fill } from './callWords';
import { outputLine, priceWhenLine } from './renderCall';

const utc = formatUtc;

const modelSourceWords = {
  argument: 'Model {model} from `model` in this call.',
  constant: 'Model {model} from the constant this call names.',
} as const;

/**
 * The hover of a prompt no recognised chat call in the file sends (the call-aware hover is
 * renderPromptInCalls): price first, one compact table, then why it is priced for this model.
 */
export function renderPromptHover(e: PromptEstimate, context: { constantName?: string } = {}): string {
  // Related sentences share a paragraph: editors cap a hover's height (see renderPromptInCalls).
  const blocks: string[] = [];
  const model = markdownCode(e.model);
  const priced = e.currencies.find((c) => c.priced);
  const lead = priced
    ? fill('hoverLead', { perCall: formatMoney(priced.inputMiss!, priced.currency), perThousand: formatMoney(priced.inputMiss! * 1000, priced.currency), tokens: formatCount(e.tokens), model })
    : fill('hoverLeadUnpriced', { tokens: formatCount(e.tokens), model, reason: markdownText(e.currencies[0]?.unpricedReason ?? 'no price') });
  const why =
    e.modelSource === 'default'
      ? context.constantName
        ? fill('hoverNoCallConstant', { name: markdownCode(context.constantName), model })
        : fill('hoverNoCall', { model })
      : modelSourceWords[e.modelSource].replace('{model}', model);
  blocks.push([lead, why, ...(e.modelStatusNote ? [`⚠️ ${markdownText(e.modelStatusNote)}`] : [])].join('  \n'));
  if (priced) {
    const c = priced;
    blocks.push(
      [
        fill('hoverTableHead', { currency: c.currency, output: e.outputBound !== null ? formatCount(e.outputBound) : '?' }),
        '|---|---:|---:|---:|',
        `| this prompt | ${formatMoney(c.inputMiss! * 1000, c.currency)} | ${formatMoney(c.inputHit! * 1000, c.currency)} | ${c.boundOutput !== undefined ? formatMoney(c.boundOutput * 1000, c.currency) : '—'} |`,
      ].join('\n'),
    );
  }
  const footer: string[] = [];
  if (priced) footer.push(fill('hoverTableUnit', { currency: priced.currency }));
  if (priced) footer.push(priceWhenLine({ hasPeakHours: !!priced.hasPeakHours, peak: !!priced.peak, holiday: !!priced.holiday, nextChange: priced.nextChange }));
  const output = outputLine({ outputBound: e.outputBound, outputBoundSource: e.outputBoundSource, thinking: e.thinkingByDefault });
  if (output) footer.push(output);
  for (const c of e.currencies.filter((x) => !x.priced && x !== e.currencies[0])) footer.push(`${c.currency}: not priced — ${markdownText(c.unpricedReason ?? 'no price')}.`);
  blocks.push([footer.join(' '), ...promptNotes(e)].filter(Boolean).join('  \n'));
  return blocks.join('\n\n');
}

/** The quiet lines under a prompt's price: placeholders, tokenizer, prefix-cache warning, where the facts end. */
export function promptNotes(e: Pick<PromptEstimate, 'placeholders' | 'tokenizer' | 'model' | 'prefixCacheWarning' | 'limits'>): string[] {
  const notes: string[] = [];
  const tokenizer = tokenizerLine(e.tokenizer, e.model);
  notes.push(e.placeholders > 0 ? `${tokenizer} ${e.placeholders === 1 ? 'One placeholder is not counted.' : `${e.placeholders} placeholders are not counted.`}` : tokenizer);
  if (e.prefixCacheWarning) {
    notes.push('⚠️ This prompt starts with a placeholder. DeepSeek caches prompts by prefix, so changing text at the start (timestamps, user ids) makes every call a cache miss: put the fixed text first.');
  }
  notes.push(...factLimitLines(e.limits));
  return notes;
}

/**
 * `linkHosts`: the hosts a source URL may link to (the shipped catalog's, and those the user typed
 * in user settings); any other source is named without a link. `provider`: where the call goes.
 */
export function renderModelHover(
  catalog: Catalog,
  written: string,
  at: Date,
  currencies: Currency[],
  linkHosts: ReadonlySet<string>,
  provider?: string,
  /** The file's grammar, so the advice on keeping thinking off shows this language's form. */
  grammar?: string,
): string | undefined {
  const status = modelStatusAt(catalog, written, at, provider);
  if (status.kind === 'unknown') return undefined;
  if (status.kind === 'other-provider') {
    const name = markdownText(status.providerName);
    return [
      `${markdownCode(status.id)} on **${name}**`,
      '',
      `This call goes to ${name}, not DeepSeek's API: DeepSeek's dates and prices do not apply, and the name may mean something else there. Unpriced unless you add ${name}'s prices in \`deepseekCost.catalogOverrides\`.`,
    ].join('\n');
  }
  // Editors cap a hover's height and show the diagnostic's message in the same box: related
  // sentences share a paragraph, and the lifecycle message is left to the diagnostic that says it.
  const head: string[] = [];
  // The display name often is the ID (with a gloss): then the ID is not written twice.
  const title = status.model.displayName.startsWith(status.id) ? `**${markdownText(status.model.displayName)}**` : `**${markdownText(status.model.displayName)}** ${markdownCode(status.id)}`;
  if (status.kind === 'unreleased') {
    head.push(`${title} — not served yet at this time: available from ${utc(status.releasedAt.toISOString())}.`);
  } else {
    const next = status.next ? ` Becomes ${status.next.status} on ${utc(status.next.from)}.` : '';
    const said = status.event.status === 'current' && status.event.message ? ` ${markdownText(status.event.message)}` : '';
    // A diagnostic in the same box gives the exact instant; the date is enough here.
    const since = status.event.status === 'current' ? utc(status.since.toISOString()) : status.since.toISOString().slice(0, 10);
    head.push(`${title} — **${status.event.status}** since ${since}.${said}${next}`);
    const replacements = status.event.replacements ?? [];
    const target = replacements.length ? currentTarget(catalog, status.id, at, provider ?? DEEPSEEK_PROVIDER) : undefined;
    const ids = [...new Set([...(target ? [target] : []), ...replacements.map((r) => r.id)])];
    if (ids.length) head.push(`Use instead: ${ids.map((id) => markdownCode(id)).join(', ')}.`);
    // The diagnostic and the status line above say what and when (the catalog's full sentence is the
    // diagnostic's related information): the advice on keeping thinking off, in this file's
    // language, is said here, once.
    const first = status.event.replacements?.[0];
    if (first?.note) {
      const advice = first.thinking === 'disable' ? thinkingOffAdvice(grammar) : undefined;
      head.push(markdownText(advice ? `${first.note} ${advice}.` : first.note));
    }
    // A retired ID is served by nothing: which version once served it is history.
    const version = status.event.status === 'retired' ? undefined : modelVersionLine(catalog, written, at, provider);
    if (version) head.push(version);
  }
  const lines: string[] = [];
  const rows: string[] = [];
  let when = '';
  // The user's currency, or the next one with a price: one row keeps the hover within its box.
  for (const currency of currencies) {
    if (rows.length > 0 && when) break;
    const p = priceAt(catalog, written, at, currency, provider);
    if (p.kind === 'unpriced') {
      rows.push(`| ${currency} | — | — | — |`);
      continue;
    }
    rows.push(`| ${currency} | ${formatRate(p.rates.cacheMiss, currency)} | ${formatRate(p.rates.cacheHit, currency)} | ${formatRate(p.rates.output, currency)} |`);
    if (!when) {
      const src = catalog.sources[p.period.source];
      const peak = priceWhenLine({ hasPeakHours: p.hasPeakHours, peak: p.peak, holiday: p.holiday, nextChange: p.nextChange?.toISOString() });
      const factor = p.period.peakMultiplier && p.period.peakMultiplier !== 1 ? ` Peak rates are ×${p.period.peakMultiplier}.` : '';
      // The price period's date only where the ID has no diagnostic (whose link is the lifecycle source).
      const period = status.kind === 'known' && status.event.status !== 'current' ? '' : ` Price period from ${utc(p.period.from)}${src ? `, source dated ${markdownText(src.date)}` : ''}${p.period.reported ? ' (reported)' : ''}.`;
      when = `${peak}${factor}${period}`;
    }
  }
  const thinking = status.model.thinkingDefault === undefined ? '' : status.model.thinkingDefault ? ' Thinks by default: reasoning is billed as output.' : ' Non-thinking.';
  // When the price changes goes with the status, above the table: one paragraph fewer in a capped box.
  if (when || thinking) head.push((when + thinking).trim());
  lines.push(head.join('  \n'));
  if (rows.length > 0) lines.push('', ['| per 1M tokens, now | cache miss | cache hit | output |', '|---|---:|---:|---:|', ...rows].join('\n'));
  let tail = '';
  // A non-current ID gets a diagnostic in the same box, whose code links to this source.
  if (status.kind !== 'unreleased' && status.event.status === 'current') {
    const source = catalog.sources[status.event.source];
    if (source) {
      const named = isShownUrl(source.url, linkHosts) ? markdownLink(source.title, source.url) : markdownText(source.title);
      tail += ` _Source: ${named}, ${markdownText(source.date)}_`;
    }
  }
  if (tail.trim()) lines.push('', tail.trim());
  for (const line of factLimitLines(factLimits(catalog, written, at))) lines.push('', line);
  return lines.join('\n');
}
