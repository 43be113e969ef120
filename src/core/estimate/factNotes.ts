// What a count or a price rests on, and where the facts end: which tokenizer made a token count
// (and whether it is the one the serving model version uses), which version serves an ID, sources
// that disagree, a year without a holiday calendar, an old catalog. Pure, shared by both hovers
// and `deepseek-cost estimate`; every line is Markdown with catalog and setting text escaped.
import type { Catalog } from '../../catalog/schema';
import * as l10n from '@vscode/l10n';
import { markdownText } from '../markdown';
import { prose } from '../catalogProse';
import { catalogStaleness, conflictsAt, holidayAssumptionText, holidayYearNotCoveredFor, modelVersionAt, splitRouterPrefix } from '../../catalog/resolve';

/**
 * Text from a catalog override, a setting or a file, kept text: core/markdown's escaping (which
 * also stops bare `https://` and `www.` autolinks from forming).
 */
export const escapeMarkdownText = markdownText;

/** Which tokenizer made a count, and whether DeepSeek may bill a different one. */
export interface TokenizerBasis {
  /** 'bundled': the shipped DeepSeek-V4 tables; 'user': a tokenizer.json from deepseekCost.tokenizers. */
  kind: 'bundled' | 'user';
  /** Name of the tokenizer that made the count ("DeepSeek-V4"), or the settings key of the user's file. */
  countedWith: string;
  /** The model version serving the ID at the time, when the catalog knows it. */
  servedBy?: string;
  /** Name of the tokenizer that version uses, when the catalog knows it. */
  servedTokenizer?: string;
  /** The count was made with another tokenizer than the serving version's: DeepSeek may bill a different count. */
  mayDiffer: boolean;
  /** A configured file that is not (yet) in use: 'loading', or why it cannot be used. */
  userFileProblem?: string;
}

/** The bundled tokenizer's catalog key. */
const BUNDLED_KEY = 'deepseek-v4';

export interface UserFileState {
  key: string;
  state: 'loading' | 'ready' | 'failed';
  message?: string;
}

/** The basis of a count for `model` at `at`, made with the bundled tokenizer unless `user` is ready. */
export function tokenizerBasis(catalog: Catalog, model: string, at: Date, user?: UserFileState): TokenizerBasis {
  const version = modelVersionAt(catalog, model, at);
  const served = version?.tokenizer ? catalog.tokenizers[version.tokenizer] : undefined;
  if (user?.state === 'ready') return { kind: 'user', countedWith: user.key, servedBy: version?.version, servedTokenizer: served?.name, mayDiffer: false };
  const bundledName = catalog.tokenizers[BUNDLED_KEY]?.name ?? 'DeepSeek-V4';
  return {
    kind: 'bundled',
    countedWith: bundledName,
    servedBy: version?.version,
    servedTokenizer: served?.name,
    mayDiffer: version?.tokenizer !== undefined && version.tokenizer !== BUNDLED_KEY,
    userFileProblem: user === undefined ? undefined : user.state === 'loading' ? 'loading' : (user.message ?? l10n.t('unknown error')),
  };
}

/** One line saying which tokenizer made the count. */
export function tokenizerLine(b: TokenizerBasis, model: string): string {
  const id = escapeMarkdownText(splitRouterPrefix(model).id);
  if (b.kind === 'user') return l10n.t('Tokens counted with your tokenizer.json for {0} (`deepseekCost.tokenizers`).', escapeMarkdownText(b.countedWith));
  const counted = escapeMarkdownText(b.countedWith);
  let line: string;
  if (b.mayDiffer) {
    // Short: it sits in a hover the editor caps in height.
    line = l10n.t("Tokens counted with {tokenizer}'s tokenizer (bundled); {version} serves {id} with {served}'s, so the bill may differ (`deepseekCost.tokenizers`).", {
      tokenizer: counted,
      id,
      version: escapeMarkdownText(b.servedBy ?? ''),
      served: escapeMarkdownText(b.servedTokenizer ?? l10n.t('its own')),
    });
  } else if (b.servedBy) {
    line = l10n.t("Tokens counted with {0}'s tokenizer (bundled), the one {1} uses: exact.", counted, escapeMarkdownText(b.servedBy));
  } else {
    line = l10n.t("Tokens counted with {0}'s tokenizer (bundled).", counted);
  }
  if (b.userFileProblem === 'loading') line = l10n.t('{0} Your tokenizer file for this model is still loading; the bundled tokenizer counted.', line);
  else if (b.userFileProblem) line = l10n.t('{0} Your tokenizer file for this model cannot be used: {1}; the bundled tokenizer counted.', line, escapeMarkdownText(b.userFileProblem));
  return line;
}

/** "Served by DeepSeek-V4.1-Flash-1017 since 2026-10-17 (source, date)", for the model-ID hover. */
export function modelVersionLine(catalog: Catalog, model: string, at: Date, provider?: string): string | undefined {
  const v = modelVersionAt(catalog, model, at, provider);
  if (!v) return undefined;
  const src = catalog.sources[v.source];
  const when = v.from.slice(0, 10);
  const tok = v.tokenizer ? catalog.tokenizers[v.tokenizer] : undefined;
  // A line of ' · '-separated facts, each a whole phrase of its own.
  const parts = [l10n.t('Served by **{0}** since {1}', escapeMarkdownText(v.version), when)];
  if (tok) parts.push(tok.bundled ? l10n.t('tokenizer: {0} (bundled)', escapeMarkdownText(tok.name)) : l10n.t('tokenizer: {0} (not bundled)', escapeMarkdownText(tok.name)));
  if (src) parts.push(src.reported ? l10n.t('source dated {0} (reported)', src.date) : l10n.t('source dated {0}', src.date));
  const line = parts.join(' · ');
  const note = prose(v, 'note');
  return note ? l10n.t('{0}. {1}', line, escapeMarkdownText(note)) : line;
}

/** A limit of the facts behind a price, as counted by `spend` and shown in hovers and the tooltip. */
export interface Assumption {
  kind: 'holiday-calendar-missing';
  year: number;
  message: string;
}

/** Assumptions behind pricing `model` at `at` (a year the holiday calendar does not cover). */
export function pricingAssumptions(catalog: Catalog, model: string, at: Date): Assumption[] {
  const year = holidayYearNotCoveredFor(catalog, model, at);
  return year === undefined ? [] : [{ kind: 'holiday-calendar-missing', year, message: holidayAssumptionText(year) }];
}

/** Where the facts behind a price end, as data (the CLI prints it as JSON). */
export interface FactLimits {
  /** Recorded disagreements that bear on this model and time, with the rule the product applies. */
  conflicts: Array<{ id: string; summary: string; rule: string }>;
  assumptions: Assumption[];
  /** "prices as of …; check for an update" when the catalog is older than 60 days. */
  staleness?: string;
}

export function factLimits(catalog: Catalog, model: string | undefined, at: Date): FactLimits {
  const stale = catalogStaleness(catalog, at);
  return {
    conflicts: conflictsAt(catalog, model, at).map((c) => ({ id: c.id, summary: prose(c, 'summary') ?? c.summary, rule: prose(c, 'rule') ?? c.rule })),
    assumptions: model === undefined ? [] : pricingAssumptions(catalog, model, at),
    ...(stale ? { staleness: stale } : {}),
  };
}

/**
 * The quiet lines under a price: sources that disagree (with the rule applied), a missing holiday
 * calendar, an old catalog. Each is one Markdown paragraph.
 */
export function factLimitLines(limits: FactLimits): string[] {
  const lines: string[] = [];
  for (const c of limits.conflicts) lines.push(l10n.t('Sources disagree: {0}. {1}', escapeMarkdownText(c.summary), escapeMarkdownText(c.rule)));
  for (const a of limits.assumptions) lines.push(l10n.t('Assumption: {0}.', escapeMarkdownText(a.message)));
  if (limits.staleness) lines.push(`_${escapeMarkdownText(limits.staleness)}_`);
  return lines;
}
