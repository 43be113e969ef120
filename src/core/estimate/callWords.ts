// Every sentence the call lens, its breakdown and the call-aware hovers show, each one whole with
// named placeholders (and one form per plural), so a translation can reorder and inflect freely.
// Values are filled in by `fill`; Markdown-bound values must be escaped by the caller first. Each
// sentence is its own l10n.t call with a literal, so the bundle extraction finds every one.
import * as l10n from '@vscode/l10n';

type Values = Record<string, string | number>;

export const callWords = {
  lensTitle: (v: Values) => l10n.t('{model} · {input} input tokens · up to {output} output tokens · at most {perCall} per call · {perThousand} per 1,000 calls', v),
  lensTitleRuntimeOne: (v: Values) => l10n.t('{model} · {input} input tokens + 1 part known at run time · up to {output} output tokens · at most {perCall} per call · {perThousand} per 1,000 calls', v),
  lensTitleRuntimeOther: (v: Values) => l10n.t('{model} · {input} input tokens + {parts} parts known at run time · up to {output} output tokens · at most {perCall} per call · {perThousand} per 1,000 calls', v),
  lensTitleUnpriced: (v: Values) => l10n.t('{model} · {input} input tokens · up to {output} output tokens · not priced: {reason}', v),
  breakdownTitle: (v: Values) => l10n.t('What one call to {model} costs (line {line})', v),
  breakdownMessage: (v: Values) => l10n.t('{role}: {tokens} tokens', v),
  breakdownMessageRuntimeOne: (v: Values) => l10n.t('{role}: {tokens} tokens + 1 part known at run time', v),
  breakdownMessageRuntimeOther: (v: Values) => l10n.t('{role}: {tokens} tokens + {parts} parts known at run time', v),
  breakdownViaConstants: (v: Values) => l10n.t('through {constants}', v),
  breakdownTemplate: (v: Values) => l10n.t('chat template: {tokens} tokens (begin-of-sentence, role markers, thinking token)', v),
  breakdownRuntimeMessagesOne: (v: Values) => l10n.t('1 message list or message known only at run time', v),
  breakdownRuntimeMessagesOther: (v: Values) => l10n.t('{count} message lists or messages known only at run time', v),
  breakdownInput: (v: Values) => l10n.t('input, {tokens} tokens: {miss} at cache miss, {hit} at cache hit', v),
  breakdownOutputMaxTokens: (v: Values) => l10n.t('output, up to {tokens} tokens (max_tokens): {cost}', v),
  breakdownOutputModelMaximum: (v: Values) => l10n.t('output, up to {tokens} tokens (no max_tokens: the model maximum; reasoning is billed as output): {cost}', v),
  breakdownImported: (v: Values) => l10n.t('{names} comes from another module: its text is counted where it is defined, not here', v),

  hoverLead: (v: Values) => l10n.t('**{perCall} per call** · {perThousand} per 1,000 calls (**{tokens} tokens**, cache miss, {model})', v),
  hoverLeadUnpriced: (v: Values) => l10n.t('**{tokens} tokens** on {model} — not priced: {reason}', v),
  hoverCallLine: (v: Values) => l10n.t('The whole call (line {line}, {callTokens} input tokens with its other messages and the chat template): at most {perCall} per call.', v),
  hoverUsedByOne: (v: Values) => l10n.t('Sent by 1 call in this file: {models}.', v),
  hoverUsedByOther: (v: Values) => l10n.t('Used by {count} calls in this file: {models}.', v),
  hoverCallsTableHead: (v: Values) => l10n.t('| {currency} per 1,000 calls | cache miss | cache hit | output (up to, tokens) |', v),
  hoverCallsTableRow: (v: Values) => l10n.t('line {line}, {model}', v),
  hoverTableHead: (v: Values) => l10n.t('| {currency} per 1,000 calls | cache miss | cache hit | output, up to {output} tokens |', v),
  hoverTableUnit: (v: Values) => l10n.t('Table in {currency} per 1,000 calls.', v),
  hoverOutputMaxTokens: (v: Values) => l10n.t('Output is bounded by this call\'s max_tokens ({tokens}).', v),
  hoverOutputModelMaximumThinking: (v: Values) => l10n.t('Reasoning is billed as output; with no max_tokens the worst case is the model\'s maximum output, {tokens} tokens.', v),
  hoverOutputModelMaximum: (v: Values) => l10n.t('No max_tokens: the worst case is the model\'s maximum output, {tokens} tokens.', v),
  hoverNoCallConstant: (v: Values) => l10n.t('No call in this file sends {name}: priced for `deepseekCost.defaultModel` ({model}). A call in another file that imports it is priced there.', v),
  hoverNoCall: (v: Values) => l10n.t('No chat call found around this text: priced for `deepseekCost.defaultModel` ({model}).', v),
  hoverPeakNow: (v: Values) => l10n.t('Peak price now; off-peak from {when}.', v),
  hoverPeakNowNoChange: (v: Values) => l10n.t('Peak price now.', v),
  hoverOffPeakNow: (v: Values) => l10n.t('Off-peak price now; peak from {when}.', v),
  hoverOffPeakNowNoChange: (v: Values) => l10n.t('Off-peak price now.', v),
  hoverHolidayNow: (v: Values) => l10n.t('Off-peak price now (public holiday); peak from {when}.', v),
  hoverOneRate: (v: Values) => l10n.t('One price all day.', v),
} as const;

export type CallWord = keyof typeof callWords;

/** The sentence in the display language with each `{name}` filled in. */
export function fill(word: CallWord, values: Values): string {
  return callWords[word](values);
}

/** Picks the singular or plural sentence by count. */
export function byCount(one: CallWord, other: CallWord, count: number): CallWord {
  return count === 1 ? one : other;
}
