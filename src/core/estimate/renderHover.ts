// Markdown for the two hovers: a prompt's cost and a model ID's lifecycle and prices. Pure, so the
// LSP tests and the unit tests see exactly what users see. Model names come from source code and
// settings, and the catalog's text may come from an override: all of it goes through the helpers
// in core/markdown.
import type { Catalog, Currency, LifecycleStatus } from '../../catalog/schema';
import * as l10n from '@vscode/l10n';
import { prose } from '../catalogProse';
import { modelStatusAt, priceAt } from '../../catalog/resolve';
import { formatCount, formatMoney, formatRate, formatUtc } from '../money';
import { isShownUrl, markdownCode, markdownLink, markdownText } from '../markdown';
import type { CurrencyEstimate, PromptEstimate } from './promptEstimate';
import { factLimitLines, factLimits, modelVersionLine, tokenizerLine } from './factNotes';

const utc = formatUtc;

function priceWhen(c: CurrencyEstimate): string {
  if (!c.hasPeakHours) return l10n.t('One price all day');
  if (!c.nextChange) return c.peak ? l10n.t('**Peak** price now') : c.holiday ? l10n.t('Off-peak now (public holiday)') : l10n.t('Off-peak now');
  const at = utc(c.nextChange);
  if (c.peak) return l10n.t('**Peak** price now; off-peak from {0}', at);
  return c.holiday ? l10n.t('Off-peak now (public holiday); peak from {0}', at) : l10n.t('Off-peak now; peak from {0}', at);
}

function modelLine(e: PromptEstimate): string {
  const model = markdownCode(e.model);
  if (!e.modelKnown) {
    if (e.modelSource === 'argument') return l10n.t('Model {0} (from `model` in this call) — not in the catalog, so not priced', model);
    if (e.modelSource === 'constant') return l10n.t('Model {0} (from the constant this call names) — not in the catalog, so not priced', model);
    return l10n.t('Model {0} (from `deepseekCost.defaultModel`: no model found in this call) — not in the catalog, so not priced', model);
  }
  if (e.modelSource === 'argument') return l10n.t('Model {0} (from `model` in this call)', model);
  if (e.modelSource === 'constant') return l10n.t('Model {0} (from the constant this call names)', model);
  return l10n.t('Model {0} (from `deepseekCost.defaultModel`: no model found in this call)', model);
}

export function renderPromptHover(e: PromptEstimate): string {
  const lines: string[] = [];
  const counts = { tokens: formatCount(e.tokens), characters: formatCount(e.characters), placeholders: formatCount(e.placeholders) };
  lines.push(
    e.placeholders === 0
      ? l10n.t('**DeepSeek prompt** · **{tokens} tokens** · {characters} characters', counts)
      : e.placeholders === 1
        ? l10n.t('**DeepSeek prompt** · **{tokens} tokens** · {characters} characters · 1 placeholder not counted', counts)
        : l10n.t('**DeepSeek prompt** · **{tokens} tokens** · {characters} characters · {placeholders} placeholders not counted', counts),
  );
  lines.push('', tokenizerLine(e.tokenizer, e.model));
  lines.push('');
  lines.push(modelLine(e));
  if (e.modelStatusNote) lines.push(`\n⚠️ ${markdownText(e.modelStatusNote)}`);
  const priced = e.currencies.filter((c) => c.priced);
  if (priced.length > 0) {
    lines.push('');
    lines.push(l10n.t('| input | per call | per 1,000 calls |'));
    lines.push('|---|---:|---:|');
    for (const c of priced) {
      lines.push(`| ${l10n.t('cache miss ({0})', c.currency)} | ${formatMoney(c.inputMiss!, c.currency)} | ${formatMoney(c.inputMiss! * 1000, c.currency)} |`);
      lines.push(`| ${l10n.t('cache hit ({0})', c.currency)} | ${formatMoney(c.inputHit!, c.currency)} | ${formatMoney(c.inputHit! * 1000, c.currency)} |`);
    }
    for (const c of priced) {
      if (c.maxOutput !== undefined) {
        lines.push(`| ${l10n.t('max output, {0} tokens ({1})', formatCount(e.maxTokens!), c.currency)} | ${formatMoney(c.maxOutput, c.currency)} | ${formatMoney(c.maxOutput * 1000, c.currency)} |`);
      }
    }
    lines.push('');
    const first = priced[0];
    const rowDate = markdownText(first.sourceDate ?? l10n.t('unknown date'));
    lines.push(
      first.reported
        ? l10n.t("{0} · catalog row of {1} (reported, not read on DeepSeek's page)", priceWhen(first), rowDate)
        : l10n.t('{0} · catalog row of {1}', priceWhen(first), rowDate),
    );
  }
  for (const c of e.currencies.filter((x) => !x.priced)) lines.push(`\n${l10n.t('{0}: not priced — {1}.', c.currency, markdownText(c.unpricedReason ?? l10n.t('no price')))}`);
  if (e.thinkingByDefault) lines.push(`\n${l10n.t('This model thinks by default: reasoning tokens are billed as output.')}`);
  if (e.prefixCacheWarning) {
    lines.push(
      `\n⚠️ ${l10n.t('This prompt starts with a placeholder. DeepSeek caches prompts by prefix, so changing text at the start (timestamps, user ids) makes every call a cache miss: put the fixed text first.')}`,
    );
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
  const lines: string[] = [`**${markdownText(status.model.displayName)}** ${markdownCode(status.id)}`];
  if (status.kind === 'unreleased') {
    lines.push('', l10n.t('Not served yet at this time: available from {0}.', utc(status.releasedAt.toISOString())));
  } else {
    const since = utc(status.since.toISOString());
    lines.push(
      '',
      status.next
        ? l10n.t('Status: **{0}** since {1} · {2} from {3}', statusWord(status.event.status), since, statusWord(status.next.status), utc(status.next.from))
        : l10n.t('Status: **{0}** since {1}', statusWord(status.event.status), since),
    );
    const message = prose(status.event, 'message');
    if (message) lines.push('', markdownText(message));
    const source = catalog.sources[status.event.source];
    if (source) {
      const named = isShownUrl(source.url, linkHosts) ? markdownLink(source.title, source.url) : markdownText(source.title);
      lines.push('', l10n.t('Source: {0}, {1}', named, markdownText(source.date)));
    }
    const version = modelVersionLine(catalog, written, at, provider);
    if (version) lines.push('', version);
  }
  if (status.model.thinkingDefault !== undefined) lines.push('', status.model.thinkingDefault ? l10n.t('Thinks by default (reasoning billed as output).') : l10n.t('Non-thinking.'));
  const rows: string[] = [];
  let when = '';
  for (const currency of currencies) {
    const p = priceAt(catalog, written, at, currency, provider);
    if (p.kind === 'unpriced') {
      rows.push(`| ${currency} | — | — | — | ${p.reason === 'currency-unknown' ? l10n.t('no published price') : l10n.t('not priced')} |`);
      continue;
    }
    const mark = (peak: boolean) => {
      const now = p.peak === peak || !p.hasPeakHours;
      if (!p.hasPeakHours) return now ? l10n.t('all day ← now') : l10n.t('all day');
      if (peak) return now ? l10n.t('peak ← now') : l10n.t('peak');
      return now ? l10n.t('off-peak ← now') : l10n.t('off-peak');
    };
    rows.push(`| ${currency} | ${formatRate(p.offPeakRates.cacheHit, currency)} | ${formatRate(p.offPeakRates.cacheMiss, currency)} | ${formatRate(p.offPeakRates.output, currency)} | ${mark(false)} |`);
    if (p.peakRates) rows.push(`| ${currency} | ${formatRate(p.peakRates.cacheHit, currency)} | ${formatRate(p.peakRates.cacheMiss, currency)} | ${formatRate(p.peakRates.output, currency)} | ${mark(true)} |`);
    if (!when) {
      const src = catalog.sources[p.period.source];
      const period = { from: utc(p.period.from), date: src ? markdownText(src.date) : '' };
      when = src
        ? p.period.reported
          ? l10n.t('Prices per 1M tokens, period from {from}, source dated {date} (reported).', period)
          : l10n.t('Prices per 1M tokens, period from {from}, source dated {date}.', period)
        : p.period.reported
          ? l10n.t('Prices per 1M tokens, period from {from} (reported).', period)
          : l10n.t('Prices per 1M tokens, period from {from}.', period);
      if (p.nextChange) when = l10n.t('{0} Rate changes at {1}.', when, utc(p.nextChange.toISOString()));
    }
  }
  if (rows.length > 0) {
    lines.push('', l10n.t('| | cache hit | cache miss | output | |'), '|---|---:|---:|---:|---|', ...rows);
    if (when) lines.push('', when);
  }
  for (const line of factLimitLines(factLimits(catalog, written, at))) lines.push('', line);
  return lines.join('\n');
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
