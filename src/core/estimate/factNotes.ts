// What a count or a price rests on, and where the facts end: which tokenizer made a token count
// (and whether it is the one the serving model version uses), which version serves an ID, sources
// that disagree, a year without a holiday calendar, an old catalog. Pure, shared by both hovers
// and `deepseek-cost estimate`; every line is Markdown with catalog and setting text escaped.
import type { Catalog } from '../../catalog/schema';
import { markdownText } from '../markdown';
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
  /** A configured file that is not (yet) in use: "loading", or why it cannot be used. */
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
    userFileProblem: user === undefined ? undefined : user.state === 'loading' ? 'is still loading' : `cannot be used: ${user.message ?? 'unknown error'}`,
  };
}

/** One line saying which tokenizer made the count. */
export function tokenizerLine(b: TokenizerBasis, model: string): string {
  const id = escapeMarkdownText(splitRouterPrefix(model).id);
  if (b.kind === 'user') return `Tokens counted with your tokenizer.json for ${escapeMarkdownText(b.countedWith)} (\`deepseekCost.tokenizers\`).`;
  let line = `Tokens counted with ${escapeMarkdownText(b.countedWith)}'s tokenizer (bundled)`;
  if (b.mayDiffer) {
    // Short: it sits in a hover the editor caps in height.
    line += `; ${escapeMarkdownText(b.servedBy ?? '')} serves ${id} with ${escapeMarkdownText(b.servedTokenizer ?? 'its own')}'s, so the bill may differ (\`deepseekCost.tokenizers\`).`;
  } else if (b.servedBy) {
    line += `, the one ${escapeMarkdownText(b.servedBy)} uses: exact.`;
  } else {
    line += '.';
  }
  if (b.userFileProblem) line += ` Your tokenizer file for this model ${escapeMarkdownText(b.userFileProblem)}; the bundled tokenizer counted.`;
  return line;
}

/** "Served by DeepSeek-V4.1-Flash-1017 since 2026-10-17 (source, date)", for the model-ID hover. */
export function modelVersionLine(catalog: Catalog, model: string, at: Date, provider?: string): string | undefined {
  const v = modelVersionAt(catalog, model, at, provider);
  if (!v) return undefined;
  const src = catalog.sources[v.source];
  const when = v.from.slice(0, 10);
  const tok = v.tokenizer ? catalog.tokenizers[v.tokenizer] : undefined;
  return (
    `Served by **${escapeMarkdownText(v.version)}** since ${when}` +
    (tok ? ` · tokenizer: ${escapeMarkdownText(tok.name)}${tok.bundled ? ' (bundled)' : ' (not bundled)'}` : '') +
    (src ? ` · source dated ${src.date}${src.reported ? ' (reported)' : ''}` : '') +
    (v.note ? `. ${escapeMarkdownText(v.note)}` : '')
  );
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
    conflicts: conflictsAt(catalog, model, at).map((c) => ({ id: c.id, summary: c.summary, rule: c.rule })),
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
  for (const c of limits.conflicts) lines.push(`Sources disagree: ${escapeMarkdownText(c.summary)}. ${escapeMarkdownText(c.rule)}`);
  for (const a of limits.assumptions) lines.push(`Assumption: ${escapeMarkdownText(a.message)}.`);
  if (limits.staleness) lines.push(`_${escapeMarkdownText(limits.staleness)}_`);
  return lines;
}
