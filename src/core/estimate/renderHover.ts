// Markdown for the two hovers: a prompt's cost and a model ID's lifecycle and prices. Pure, so the
// LSP tests and the unit tests see exactly what users see. Model names come from source code and
// settings, and the catalog's text may come from an override: all of it goes through the helpers
// in core/markdown.
import * as l10n from '@vscode/l10n';
import { thinkingOffAdvice } from '../scan/thinkingText';
import { prose } from '../catalogProse';
import type { Catalog, Currency, CatalogSource, LifecycleEvent, LifecycleStatus } from '../../catalog/schema';
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
  argument: (model: string) => l10n.t('Model {model} from `model` in this call.', { model }),
  constant: (model: string) => l10n.t('Model {model} from the constant this call names.', { model }),
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
    : fill('hoverLeadUnpriced', { tokens: formatCount(e.tokens), model, reason: markdownText(e.currencies[0]?.unpricedReason ?? l10n.t('no price')) });
  const why =
    e.modelSource === 'default'
      ? context.constantName
        ? fill('hoverNoCallConstant', { name: markdownCode(context.constantName), model })
        : fill('hoverNoCall', { model })
      : modelSourceWords[e.modelSource](model);
  blocks.push([lead, why, ...(e.modelStatusNote ? [`⚠️ ${markdownText(e.modelStatusNote)}`] : [])].join('  \n'));
  if (priced) {
    const c = priced;
    blocks.push(
      [
        fill('hoverTableHead', { currency: c.currency, output: e.outputBound !== null ? formatCount(e.outputBound) : '?' }),
        '|---|---:|---:|---:|',
        `| ${l10n.t('this prompt')} | ${formatMoney(c.inputMiss! * 1000, c.currency)} | ${formatMoney(c.inputHit! * 1000, c.currency)} | ${c.boundOutput !== undefined ? formatMoney(c.boundOutput * 1000, c.currency) : '—'} |`,
      ].join('\n'),
    );
  }
  const footer: string[] = [];
  if (priced) footer.push(fill('hoverTableUnit', { currency: priced.currency }));
  if (priced) footer.push(priceWhenLine({ hasPeakHours: !!priced.hasPeakHours, peak: !!priced.peak, holiday: !!priced.holiday, nextChange: priced.nextChange }));
  const output = outputLine({ outputBound: e.outputBound, outputBoundSource: e.outputBoundSource, thinking: e.thinkingByDefault });
  if (output) footer.push(output);
  for (const c of e.currencies.filter((x) => !x.priced && x !== e.currencies[0])) footer.push(l10n.t('{0}: not priced — {1}.', c.currency, markdownText(c.unpricedReason ?? l10n.t('no price'))));
  blocks.push([footer.join(' '), ...promptNotes(e)].filter(Boolean).join('  \n'));
  return blocks.join('\n\n');
}

/** The quiet lines under a prompt's price: placeholders, tokenizer, prefix-cache warning, where the facts end. */
export function promptNotes(e: Pick<PromptEstimate, 'placeholders' | 'tokenizer' | 'model' | 'prefixCacheWarning' | 'limits'>): string[] {
  const notes: string[] = [];
  const tokenizer = tokenizerLine(e.tokenizer, e.model);
  notes.push(
    e.placeholders === 0 ? tokenizer : e.placeholders === 1 ? l10n.t('{0} One placeholder is not counted.', tokenizer) : l10n.t('{0} {1} placeholders are not counted.', tokenizer, formatCount(e.placeholders)),
  );
  if (e.prefixCacheWarning) {
    notes.push(`⚠️ ${l10n.t('This prompt starts with a placeholder. DeepSeek caches prompts by prefix, so changing text at the start (timestamps, user ids) makes every call a cache miss: put the fixed text first.')}`);
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
      l10n.t('{0} on **{1}**', markdownCode(status.id), name),
      '',
      l10n.t("This call goes to {0}, not DeepSeek's API: DeepSeek's dates and prices do not apply, and the name may mean something else there. Unpriced unless you add {0}'s prices in `deepseekCost.catalogOverrides`.", name),
    ].join('\n');
  }
  // Editors cap a hover's height and show the diagnostic's message in the same box: related
  // sentences share a paragraph, and the lifecycle message is left to the diagnostic that says it.
  const head: string[] = [];
  // The display name often is the ID (with a gloss): then the ID is not written twice.
  // A non-current ID is named by itself: what it once was is history, and the line must not wrap
  // in a box the diagnostic shares.
  const title =
    status.kind !== 'unreleased' && status.event.status !== 'current'
      ? `**${markdownText(status.id)}**`
      : status.model.displayName.startsWith(status.id)
        ? `**${markdownText(status.model.displayName)}**`
        : `**${markdownText(status.model.displayName)}** ${markdownCode(status.id)}`;
  if (status.kind === 'unreleased') {
    head.push(l10n.t('{0} — not served yet at this time: available from {1}.', title, utc(status.releasedAt.toISOString())));
  } else {
    const next = status.next ? ` ${l10n.t('Becomes {0} on {1}.', statusWord(status.next.status), utc(status.next.from))}` : '';
    const message = prose(status.event, 'message');
    const said = status.event.status === 'current' && message ? ` ${markdownText(message)}` : '';
    // The diagnostic in the same box gives the day; the hover gives the exact instant.
    const since = utc(status.since.toISOString());
    // A non-current ID's diagnostic shares the box and cites nothing (its code links to the README):
    // its dated source rides on the status line, so the prices stay in view.
    const source = status.event.status === 'current' ? undefined : catalog.sources[status.event.source];
    const statusLine = source
      ? l10n.t('{0} — **{1}** since {2} ({3}).', title, statusWord(status.event.status), since, sourceRef(source, linkHosts))
      : l10n.t('{0} — **{1}** since {2}.', title, statusWord(status.event.status), since);
    head.push(`${statusLine}${said}${next}`);
    const replacements = status.event.replacements ?? [];
    const target = replacements.length ? currentTarget(catalog, status.id, at, provider ?? DEEPSEEK_PROVIDER) : undefined;
    const ids = [...new Set([...(target ? [target] : []), ...replacements.map((r) => r.id)])];
    if (ids.length) head.push(l10n.t('Use instead: {0}.', ids.map((id) => markdownCode(id)).join(', ')));
    // The diagnostic and the status line above say what and when: the advice on keeping thinking
    // off, in this file's language, is said here, once.
    const note = thinkingNote(status.event, target, grammar);
    if (note) head.push(note);
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
      const factor = p.period.peakMultiplier && p.period.peakMultiplier !== 1 ? ` ${l10n.t('Peak rates are ×{0}.', p.period.peakMultiplier)}` : '';
      // The price period's date only where the ID has no diagnostic (whose link is the lifecycle source).
      const from = utc(p.period.from);
      const dated = src ? markdownText(src.date) : '';
      const periodLine = src
        ? p.period.reported
          ? l10n.t('Price period from {0}, source dated {1} (reported).', from, dated)
          : l10n.t('Price period from {0}, source dated {1}.', from, dated)
        : p.period.reported
          ? l10n.t('Price period from {0} (reported).', from)
          : l10n.t('Price period from {0}.', from);
      const period = status.kind === 'known' && status.event.status !== 'current' ? '' : ` ${periodLine}`;
      when = `${peak}${factor}${period}`;
    }
  }
  const thinking = status.model.thinkingDefault === undefined ? '' : status.model.thinkingDefault ? ` ${l10n.t('Thinks by default: reasoning is billed as output.')}` : ` ${l10n.t('Non-thinking.')}`;
  // When the price changes goes with the status, above the table: one paragraph fewer in a capped box.
  if (when || thinking) head.push((when + thinking).trim());
  lines.push(head.join('  \n'));
  if (rows.length > 0) lines.push('', [l10n.t('| per 1M tokens, now | cache miss | cache hit | output |'), '|---|---:|---:|---:|', ...rows].join('\n'));
  let tail = '';
  // A current ID's lifecycle source, last (a non-current one's is on its status line).
  if (status.kind !== 'unreleased' && status.event.status === 'current') {
    const source = catalog.sources[status.event.source];
    if (source) {
      const named = isShownUrl(source.url, linkHosts) ? markdownLink(source.title, source.url) : markdownText(source.title);
      tail += ` _${l10n.t('Source: {0}, {1}', named, markdownText(source.date))}_`;
    }
  }
  if (tail.trim()) lines.push('', tail.trim());
  for (const line of factLimitLines(factLimits(catalog, written, at))) lines.push('', line);
  return lines.join('\n');
}

/** "source, 2026-04-24" linked to the page (its title on hover), or named where its host may not be shown. */
function sourceRef(source: CatalogSource, linkHosts: ReadonlySet<string>): string {
  if (!isShownUrl(source.url, linkHosts)) return l10n.t('source: {0}, {1}', markdownText(source.title), markdownText(source.date));
  // A link title shows the page's name on hover without taking a line of the capped box.
  return markdownLink(l10n.t('source, {0}', source.date), source.url, source.title);
}

/**
 * The first replacement's note. Where it thinks by default and the retired ID did not, and this
 * file's language has a known way to turn thinking off, that way is said instead of the
 * catalog's generic request-body form: one sentence, not two saying the same thing.
 */
function thinkingNote(event: LifecycleEvent, target: string | undefined, grammar: string | undefined): string | undefined {
  const first = event.replacements?.[0];
  if (!first) return undefined;
  const advice = first.thinking === 'disable' ? thinkingOffAdvice(grammar) : undefined;
  // Named as the fix writes it: the replacement followed to today's model.
  if (advice) return markdownText(l10n.t('{0} thinks by default. {1}.', target ?? first.id, advice));
  const note = prose(first, 'note');
  return note ? markdownText(note) : undefined;
}

/** A lifecycle status as a word in the hover. */
function statusWord(status: LifecycleStatus): string {
  switch (status) {
    case 'current':
      return l10n.t('current');
    case 'legacy':
      return l10n.t('legacy');
    case 'deprecated':
      return l10n.t('deprecated');
    default:
      return l10n.t('retired');
  }
}
