// estimatePrompt: a text's (or a file's prompts') exact tokens and cost, from the same
// estimatePrompt() as the hover and `deepseek-cost estimate`.
import { estimateLine, estimatePaths } from '../cli/estimate';
import type { Currency } from '../catalog/schema';
import { currencyOrder, estimatePrompt, type CurrencyEstimate, type PromptEstimate } from '../core/estimate/promptEstimate';
import { formatCount, formatMoney } from '../core/money';
import { countTokens } from '../core/tokenizer';
import type { AgentToolInput } from './definitions';
import type { AgentToolContext, AgentToolResult } from './context';
import { capLines, utcMinute } from './text';

const MAX_PROMPTS_SHOWN = 100;

export async function estimateForAgent(input: AgentToolInput<'estimatePrompt'>, ctx: AgentToolContext, at: Date): Promise<AgentToolResult> {
  const given = (input.text !== undefined ? 1 : 0) + (input.file !== undefined ? 1 : 0);
  if (given !== 1) return { text: 'Give exactly one of "text" (a prompt to price) or "file" (a source file whose prompts to price).', isError: true };
  const currencies = currencyOrder((input.currency ?? ctx.settings.currency) as Currency);
  const defaultModel = input.model ?? ctx.settings.defaultModel;

  if (input.text !== undefined) {
    if (input.line !== undefined) return { text: '"line" goes with "file", not with "text".', isError: true };
    const prompt = { text: input.text, placeholders: 0, startsWithPlaceholder: false, isSystemOrFirstMessage: false, maxTokens: input.maxTokens };
    const estimate = estimatePrompt(prompt, countTokens(input.text), ctx.catalog, at, defaultModel, currencies);
    return { text: renderEstimate(estimate, input.model ? 'the "model" input' : 'the default model'), isError: false };
  }

  if (input.maxTokens !== undefined) return { text: '"maxTokens" goes with "text"; in a file, each call\'s own max_tokens is used.', isError: true };
  const notes: string[] = [];
  const io = { cwd: ctx.root, unsaved: ctx.unsaved, stdout: () => {}, stderr: (s: string) => notes.push(s.replace(/^deepseek-cost: /, '').trimEnd()) };
  const { rows } = await estimatePaths([input.file!], io, {
    catalog: ctx.catalog, at, currencies, defaultModel, promptMinLength: ctx.settings.promptMinLength, maxFileSizeKB: ctx.settings.maxFileSizeKB,
  });
  const chosen = input.line === undefined ? rows : rows.filter((r) => r.line <= input.line! && input.line! <= r.endLine);
  const lines = capLines(chosen.map(estimateLine), MAX_PROMPTS_SHOWN, 'prompts');
  const where = input.line === undefined ? input.file : `${input.file} line ${input.line}`;
  lines.push(`${chosen.length} prompt${chosen.length === 1 ? '' : 's'} in ${where}, priced at ${utcMinute(at)}${sourceNote(chosen.flatMap((r) => r.currencies))}.`);
  if (chosen.length === 0 && rows.length > 0) lines.push(`The file has ${rows.length} prompt literal(s), on lines ${[...new Set(rows.map((r) => r.line))].join(', ')}.`);
  for (const n of notes) lines.push(`Note: ${n}`);
  return { text: lines.join('\n'), isError: notes.length > 0 && rows.length === 0 };
}

function sourceNote(currencies: CurrencyEstimate[]): string {
  const dated = currencies.find((c) => c.priced && c.sourceDate);
  return dated ? ` (price source dated ${dated.sourceDate}${dated.reported ? ', reported' : ''})` : '';
}

/** A single prompt's estimate: the hover's figures as plain text. */
export function renderEstimate(e: PromptEstimate, modelFrom: string): string {
  const lines = [`${formatCount(e.tokens)} tokens (DeepSeek-V4 tokenizer, exact), ${formatCount(e.characters)} characters → ${e.model} (from ${modelFrom}), at ${utcMinute(e.at)}.`];
  if (!e.modelKnown) lines.push(`${e.model} is not in the catalog, so it is not priced.`);
  if (e.modelStatusNote) lines.push(`Warning: ${e.modelStatusNote}`);
  for (const c of e.currencies) {
    if (!c.priced) {
      if (e.modelKnown) lines.push(`${c.currency}: not priced (${c.unpricedReason}).`);
      continue;
    }
    const m = (v: number) => formatMoney(v, c.currency);
    const out = c.maxOutput !== undefined ? `; up to ${formatCount(e.maxTokens!)} output tokens ${m(c.maxOutput)} per call (${m(c.maxOutput * 1000)} per 1,000)` : '';
    const when = !c.hasPeakHours ? 'one price all day' : `${c.peak ? 'peak' : c.holiday ? 'off-peak (public holiday)' : 'off-peak'} price now${c.nextChange ? `, ${c.peak ? 'off-peak' : 'peak'} from ${utcMinute(c.nextChange)}` : ''}`;
    lines.push(
      `${c.currency}: input at cache miss ${m(c.inputMiss!)} per call (${m(c.inputMiss! * 1000)} per 1,000), at cache hit ${m(c.inputHit!)} per call (${m(c.inputHit! * 1000)} per 1,000)${out}. ` +
        `${when[0].toUpperCase()}${when.slice(1)}; price source dated ${c.sourceDate}${c.reported ? ' (reported)' : ''}.`,
    );
  }
  if (e.thinkingByDefault) lines.push('This model thinks by default: reasoning tokens are billed as output.');
  return lines.join('\n');
}
