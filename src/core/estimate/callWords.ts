// Every sentence the call lens, its breakdown and the call-aware hovers show, each one whole with
// named placeholders (and one form per plural), so a translation can reorder and inflect freely.
// Values are filled in by `fill`; Markdown-bound values must be escaped by the caller first.

export const callWords = {
  lensTitle: '{model} · {input} input tokens · up to {output} output tokens · at most {perCall} per call · {perThousand} per 1,000 calls',
  lensTitleRuntimeOne: '{model} · {input} input tokens + 1 part known at run time · up to {output} output tokens · at most {perCall} per call · {perThousand} per 1,000 calls',
  lensTitleRuntimeOther: '{model} · {input} input tokens + {parts} parts known at run time · up to {output} output tokens · at most {perCall} per call · {perThousand} per 1,000 calls',
  lensTitleUnpriced: '{model} · {input} input tokens · up to {output} output tokens · not priced: {reason}',
  breakdownTitle: 'What one call to {model} costs (line {line})',
  breakdownMessage: '{role}: {tokens} tokens',
  breakdownMessageRuntimeOne: '{role}: {tokens} tokens + 1 part known at run time',
  breakdownMessageRuntimeOther: '{role}: {tokens} tokens + {parts} parts known at run time',
  breakdownViaConstants: 'through {constants}',
  breakdownTemplate: 'chat template: {tokens} tokens (begin-of-sentence, role markers, thinking token)',
  breakdownRuntimeMessagesOne: '1 message list or message known only at run time',
  breakdownRuntimeMessagesOther: '{count} message lists or messages known only at run time',
  breakdownInput: 'input, {tokens} tokens: {miss} at cache miss, {hit} at cache hit',
  breakdownOutputMaxTokens: 'output, up to {tokens} tokens (max_tokens): {cost}',
  breakdownOutputModelMaximum: 'output, up to {tokens} tokens (no max_tokens: the model maximum; reasoning is billed as output): {cost}',
  breakdownImported: '{names} comes from another module: its text is counted where it is defined, not here',

  hoverLead: '**{perCall} per call** · {perThousand} per 1,000 calls (**{tokens} tokens**, cache miss, {model})',
  hoverLeadUnpriced: '**{tokens} tokens** on {model} — not priced: {reason}',
  hoverCallLine: 'The whole call (line {line}, {callTokens} input tokens with its other messages and the chat template): at most {perCall} per call.',
  hoverUsedByOne: 'Sent by 1 call in this file: {models}.',
  hoverUsedByOther: 'Used by {count} calls in this file: {models}.',
  hoverCallsTableHead: '| {currency} per 1,000 calls | cache miss | cache hit | output (up to, tokens) |',
  hoverCallsTableRow: 'line {line}, {model}',
  hoverTableHead: '| {currency} per 1,000 calls | cache miss | cache hit | output, up to {output} tokens |',
  hoverTableUnit: 'Table in {currency} per 1,000 calls.',
  hoverOutputMaxTokens: 'Output is bounded by this call\'s max_tokens ({tokens}).',
  hoverOutputModelMaximumThinking: 'Reasoning is billed as output; with no max_tokens the worst case is the model\'s maximum output, {tokens} tokens.',
  hoverOutputModelMaximum: 'No max_tokens: the worst case is the model\'s maximum output, {tokens} tokens.',
  hoverNoCallConstant: 'No call in this file sends {name}: priced for `deepseekCost.defaultModel` ({model}). A call in another file that imports it is priced there.',
  hoverNoCall: 'No chat call found around this text: priced for `deepseekCost.defaultModel` ({model}).',
  hoverPeakNow: 'Peak price now; off-peak from {when}.',
  hoverPeakNowNoChange: 'Peak price now.',
  hoverOffPeakNow: 'Off-peak price now; peak from {when}.',
  hoverOffPeakNowNoChange: 'Off-peak price now.',
  hoverHolidayNow: 'Off-peak price now (public holiday); peak from {when}.',
  hoverOneRate: 'One price all day.',
} as const;

export type CallWord = keyof typeof callWords;

/** The sentence with each `{name}` replaced; a name without a value stays visible rather than vanish. */
export function fill(word: CallWord, values: Record<string, string | number>): string {
  return callWords[word].replace(/\{(\w+)\}/g, (m, name: string) => (name in values ? String(values[name]) : m));
}

/** Picks the singular or plural sentence by count. */
export function plural(one: CallWord, other: CallWord, count: number): CallWord {
  return count === 1 ? one : other;
}
