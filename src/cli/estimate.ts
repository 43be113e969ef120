// deepseek-cost estimate: every prompt literal in the given files with its tokens, model and cost,
// computed exactly as the hover computes it.
import { parseArgs } from 'node:util';
import { currencyOrder, estimatePrompt, type PromptEstimate } from '../core/estimate/promptEstimate';
import { formatCount, formatMoney } from '../core/money';
import { type CallEstimate, estimateCall, jsonCost } from '../core/estimate/callEstimate';
import { lensTitle } from '../core/estimate/renderCall';
import { countTokens } from '../core/tokenizer';
import { defaultLintSettings, lintSettingsSchema } from '../shared/settings';
import { forEachSourceFile, unscannedNote } from './sourceFiles';
import type { PathProblem } from './walk';
import type { Catalog, Currency } from '../catalog';
import { type CliIO, parseTime, UsageError } from './io';
import { catalogForOption } from './overrides';

export const ESTIMATE_USAGE = `usage: deepseek-cost estimate FILE... [--format text|json] [--at <ISO time>] [--currency USD|CNY]
                                [--default-model ID] [--min-length N] [--catalog <override.json>]

Lists each prompt literal with its position, exact DeepSeek token count, the model it is sent to and
what it costs per call (cache miss / hit, and worst-case output when the call sets max_tokens), then
each chat call with the tokens of its known messages as DeepSeek-V4 renders the conversation and what
one call costs (JSON: "calls"), exactly as the editor's CodeLens.
Exit code: 0, or 2 when a path could not be scanned (listed on stderr and in the output) or on bad
usage, 3 on an internal failure.`;

export interface EstimateRow extends PromptEstimate {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  reason: string;
}

/** One chat call as `estimate --format json` prints it: computed by the CodeLens's own function. */
export interface CallRow {
  file: string;
  line: number;
  column: number;
  provider: string;
  model: string;
  modelSource: CallEstimate['modelSource'];
  inputTokens: number;
  templateTokens: number;
  unknownParts: number;
  maxTokens: number | null;
  usd: ReturnType<typeof jsonCost>;
  cny: ReturnType<typeof jsonCost>;
}

export async function runEstimate(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'text' },
      at: { type: 'string' },
      currency: { type: 'string', default: defaultLintSettings.currency },
      'default-model': { type: 'string', default: defaultLintSettings.defaultModel },
      'min-length': { type: 'string' },
      catalog: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout(ESTIMATE_USAGE + '\n');
    return 0;
  }
  if (positionals.length === 0) throw new UsageError('give at least one FILE or directory');
  if (values.format !== 'text' && values.format !== 'json') throw new UsageError(`--format must be text or json, not "${values.format}"`);
  const currency = values.currency?.toUpperCase();
  if (currency !== 'USD' && currency !== 'CNY') throw new UsageError('--currency must be USD or CNY');
  const minLength = values['min-length'] !== undefined ? lintSettingsSchema.shape.promptMinLength.safeParse(Number(values['min-length'])) : undefined;
  if (minLength && !minLength.success) throw new UsageError('--min-length takes a positive whole number');
  const promptMinLength = minLength?.data ?? defaultLintSettings.promptMinLength;
  const at = values.at !== undefined ? parseTime(values.at, '--at') : new Date();
  const catalog = await catalogForOption(values.catalog, io);
  const currencies = currencyOrder(currency);

  const { rows, calls, listed, notScanned } = await estimatePaths(positionals, io, { catalog, at, currencies, defaultModel: values['default-model']!, promptMinLength, maxFileSizeKB: defaultLintSettings.maxFileSizeKB });
  if (values.format === 'json') {
    io.stdout(JSON.stringify({ at: at.toISOString(), prompts: rows, calls: calls.map((c) => c.row), notScanned }, null, 2) + '\n');
  } else {
    for (const r of rows) io.stdout(estimateLine(r) + '\n');
    for (const c of calls) io.stdout(`${c.row.file}:${c.row.line}:${c.row.column}: call · ${c.title}\n`);
    io.stdout(`${rows.length} prompt${rows.length === 1 ? '' : 's'} in ${listed} file${listed === 1 ? '' : 's'}${unscannedNote(notScanned)}\n`);
    // Where the facts end, once per run rather than once per prompt.
    const notes = new Set(rows.flatMap((r) => [...r.limits.assumptions.map((a) => `assumption: ${a.message}`), ...r.limits.conflicts.map((c) => `sources disagree: ${c.summary}. ${c.rule}`), ...(r.limits.staleness ? [r.limits.staleness] : [])]));
    for (const n of notes) io.stdout(`${n}\n`);
  }
  return notScanned.length ? 2 : 0;
}

export interface EstimateOptions {
  catalog: Catalog;
  at: Date;
  currencies: Currency[];
  defaultModel: string;
  promptMinLength: number;
  maxFileSizeKB: number;
}

/** Every prompt literal in files and directories with its estimate, as the hover computes it. */
export async function estimatePaths(
  inputs: string[],
  io: CliIO,
  options: EstimateOptions,
): Promise<{ rows: EstimateRow[]; calls: Array<{ row: CallRow; title: string }>; listed: number; notScanned: PathProblem[] }> {
  const rows: EstimateRow[] = [];
  const calls: Array<{ row: CallRow; title: string }> = [];
  const { listed, notScanned } = await forEachSourceFile(inputs, io, options.maxFileSizeKB, ({ rel, doc, lines }) => {
    for (const call of doc.callSites()) {
      const e = estimateCall(call, { catalog: options.catalog, at: options.at, defaultModel: options.defaultModel, currencies: options.currencies, count: (t) => countTokens(t) });
      const start = lines.position(call.anchor);
      calls.push({
        title: lensTitle(e),
        row: {
          file: rel,
          line: start.line,
          column: start.column,
          provider: e.provider,
          model: e.model,
          modelSource: e.modelSource,
          inputTokens: e.inputTokens,
          templateTokens: e.templateTokens,
          unknownParts: e.unknownParts,
          maxTokens: e.maxTokens,
          usd: jsonCost(e, 'USD'),
          cny: jsonCost(e, 'CNY'),
        },
      });
    }
    for (const prompt of doc.promptLiterals({ promptMinLength: options.promptMinLength })) {
      const estimate = estimatePrompt(prompt, countTokens(prompt.text), options.catalog, options.at, options.defaultModel, options.currencies);
      const start = lines.position(prompt.start);
      const end = lines.position(prompt.end);
      rows.push({ file: rel, line: start.line, column: start.column, endLine: end.line, endColumn: end.column, reason: prompt.reason, ...estimate });
    }
  });
  return { rows, calls, listed, notScanned };
}

/** One prompt as `estimate --format text` prints it (first currency). */
export function estimateLine(r: EstimateRow): string {
  const c = r.currencies[0];
  const cost = c.priced
    ? `${formatMoney(c.inputMiss!, c.currency)} miss / ${formatMoney(c.inputHit!, c.currency)} hit per call${c.maxOutput !== undefined ? `, up to ${formatMoney(c.maxOutput, c.currency)} output` : ''}${c.peak ? ' (peak)' : ''}`
    : `not priced (${c.unpricedReason})`;
  const ph = r.placeholders ? `, ${r.placeholders} placeholder${r.placeholders === 1 ? '' : 's'} not counted` : '';
  const tok = r.tokenizer.mayDiffer ? ` (${r.tokenizer.countedWith} tokenizer; ${r.tokenizer.servedBy} may bill a different count)` : ` (${r.tokenizer.countedWith} tokenizer)`;
  return `${r.file}:${r.line}:${r.column}: ${formatCount(r.tokens)} tokens${tok}${ph} → ${r.model}: ${cost}${r.prefixCacheWarning ? ' [starts with a placeholder: defeats the prefix cache]' : ''}`;
}
