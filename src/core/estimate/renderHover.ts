// Markdown for the two hovers: a prompt's cost and a model ID's lifecycle and prices. Pure, so the
// LSP tests and the unit tests see exactly what users see. Model names come from source code and
// settings, and the catalog's text may come from an override: all of it goes through the helpers
// in core/markdown.
import { thinkingOffAdvice } from '../scan/thinkingText';
import type { Catalog, Currency } from '../../catalog/schema';
import { modelStatusAt, priceAt } from '../../catalog/resolve';
import { formatCount, formatMoney, formatRate, formatUtc } from '../money';
import { isShownUrl, markdownCode, markdownLink, markdownText } from '../markdown';
import type { CurrencyEstimate, PromptEstimate } from './promptEstimate';
import { factLimitLines, factLimits, modelVersionLine, tokenizerLine } from './factNotes';

const utc = formatUtc;

function priceWhen(c: CurrencyEstimate): string {
  if (!c.hasPeakHours) return 'One price all day';
  const state = c.peak ? '**Peak** price now' : c.holiday ? 'Off-peak now (public holiday)' : 'Off-peak now';
  const change = c.nextChange ? `; ${c.peak ? 'off-peak' : 'peak'} from ${utc(c.nextChange)}` : '';
  return state + change;
}

const modelSourceWords = {
  argument: 'from `model` in this call',
  constant: 'from the constant this call names',
  default: 'from `deepseekCost.defaultModel`: no model found in this call',
};

export function renderPromptHover(e: PromptEstimate): string {
  const lines: string[] = [];
  const placeholderNote = e.placeholders > 0 ? ` · ${e.placeholders} placeholder${e.placeholders === 1 ? '' : 's'} not counted` : '';
  lines.push(`**DeepSeek prompt** · **${formatCount(e.tokens)} tokens** · ${formatCount(e.characters)} characters${placeholderNote}`);
  lines.push('', tokenizerLine(e.tokenizer, e.model));
  lines.push('');
  lines.push(`Model ${markdownCode(e.model)} (${modelSourceWords[e.modelSource]})${e.modelKnown ? '' : ' — not in the catalog, so not priced'}`);
  if (e.modelStatusNote) lines.push(`\n⚠️ ${markdownText(e.modelStatusNote)}`);
  const priced = e.currencies.filter((c) => c.priced);
  if (priced.length > 0) {
    lines.push('');
    lines.push('| input | per call | per 1,000 calls |');
    lines.push('|---|---:|---:|');
    for (const c of priced) {
      lines.push(`| cache miss (${c.currency}) | ${formatMoney(c.inputMiss!, c.currency)} | ${formatMoney(c.inputMiss! * 1000, c.currency)} |`);
      lines.push(`| cache hit (${c.currency}) | ${formatMoney(c.inputHit!, c.currency)} | ${formatMoney(c.inputHit! * 1000, c.currency)} |`);
    }
    for (const c of priced) {
      if (c.maxOutput !== undefined) {
        lines.push(`| max output, ${formatCount(e.maxTokens!)} tokens (${c.currency}) | ${formatMoney(c.maxOutput, c.currency)} | ${formatMoney(c.maxOutput * 1000, c.currency)} |`);
      }
    }
    lines.push('');
    const first = priced[0];
    lines.push(`${priceWhen(first)} · catalog row of ${markdownText(first.sourceDate ?? 'unknown date')}${first.reported ? ' (reported, not read on DeepSeek\'s page)' : ''}`);
  }
  for (const c of e.currencies.filter((x) => !x.priced)) lines.push(`\n${c.currency}: not priced — ${markdownText(c.unpricedReason ?? 'no price')}.`);
  if (e.thinkingByDefault) lines.push('\nThis model thinks by default: reasoning tokens are billed as output.');
  if (e.prefixCacheWarning) {
    lines.push('\n⚠️ This prompt starts with a placeholder. DeepSeek caches prompts by prefix, so changing text at the start (timestamps, user ids) makes every call a cache miss: put the fixed text first.');
  }
  for (const line of factLimitLines(e.limits)) lines.push('', line);
  return lines.join('\n');
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
  const lines: string[] = [`**${markdownText(status.model.displayName)}** ${markdownCode(status.id)}`];
  if (status.kind === 'unreleased') {
    lines.push('', `Not served yet at this time: available from ${utc(status.releasedAt.toISOString())}.`);
  } else {
    lines.push('', `Status: **${status.event.status}** since ${utc(status.since.toISOString())}${status.next ? ` · ${status.next.status} from ${utc(status.next.from)}` : ''}`);
    if (status.event.message) lines.push('', markdownText(status.event.message));
    const first = status.event.replacements?.[0];
    if (first?.note) {
      const advice = first.thinking === 'disable' ? thinkingOffAdvice(grammar) : undefined;
      lines.push('', markdownText(advice ? `${first.note} ${advice}.` : first.note));
    }
    const source = catalog.sources[status.event.source];
    if (source) {
      const named = isShownUrl(source.url, linkHosts) ? markdownLink(source.title, source.url) : markdownText(source.title);
      lines.push('', `Source: ${named}, ${markdownText(source.date)}`);
    }
    const version = modelVersionLine(catalog, written, at, provider);
    if (version) lines.push('', version);
  }
  if (status.model.thinkingDefault !== undefined) lines.push('', status.model.thinkingDefault ? 'Thinks by default (reasoning billed as output).' : 'Non-thinking.');
  const rows: string[] = [];
  let when = '';
  for (const currency of currencies) {
    const p = priceAt(catalog, written, at, currency, provider);
    if (p.kind === 'unpriced') {
      rows.push(`| ${currency} | — | — | — | ${p.reason === 'currency-unknown' ? 'no published price' : 'not priced'} |`);
      continue;
    }
    const mark = (peak: boolean) => (p.hasPeakHours ? (peak ? 'peak' : 'off-peak') : 'all day') + (p.peak === peak || !p.hasPeakHours ? ' ← now' : '');
    rows.push(`| ${currency} | ${formatRate(p.offPeakRates.cacheHit, currency)} | ${formatRate(p.offPeakRates.cacheMiss, currency)} | ${formatRate(p.offPeakRates.output, currency)} | ${mark(false)} |`);
    if (p.peakRates) rows.push(`| ${currency} | ${formatRate(p.peakRates.cacheHit, currency)} | ${formatRate(p.peakRates.cacheMiss, currency)} | ${formatRate(p.peakRates.output, currency)} | ${mark(true)} |`);
    if (!when) {
      const src = catalog.sources[p.period.source];
      when = `Prices per 1M tokens, period from ${utc(p.period.from)}${src ? `, source dated ${markdownText(src.date)}` : ''}${p.period.reported ? ' (reported)' : ''}.${p.nextChange ? ` Rate changes at ${utc(p.nextChange.toISOString())}.` : ''}`;
    }
  }
  if (rows.length > 0) {
    lines.push('', '| | cache hit | cache miss | output | |', '|---|---:|---:|---:|---|', ...rows);
    if (when) lines.push('', when);
  }
  for (const line of factLimitLines(factLimits(catalog, written, at))) lines.push('', line);
  return lines.join('\n');
}
