// The input DeepSeek bills is the conversation as the model sees it, not the bare message texts:
// DeepSeek-V4 wraps messages in role markers, a begin-of-sentence token and a thinking token.
// The token strings are data (catalog/chat-template.json, with its source); this file is the
// product's own reading of the published description of how they are put together.
import template from '../../catalog/chat-template.json';

export type ChatRole = 'system' | 'user' | 'assistant';

export interface TemplateMessage {
  role: ChatRole;
  /** The message text as far as it is known; unknown parts are simply absent. */
  text: string;
}

export interface RenderOptions {
  /** Thinking on (the V4 default) ends the prompt with the thinking start token, off with its end token. */
  thinking: boolean;
  /** `reasoning_effort: "max"` with thinking on adds a fixed instruction before the first message. */
  reasoningEffortMax?: boolean;
}

export const chatTemplateSource = template.source;
export const chatTemplateTokens = template.tokens;

/**
 * The conversation as one string, ready for the tokenizer (its special tokens are single tokens).
 * A user message is followed by the Assistant marker only when the model answers next (an
 * assistant turn, or the end); an earlier assistant turn ends with end-of-sentence.
 */
export function renderConversation(messages: readonly TemplateMessage[], options: RenderOptions): string {
  const t = template.tokens;
  let out = t.beginOfSentence;
  messages.forEach((m, i) => {
    const next = messages[i + 1];
    if (m.role === 'system') out += m.text;
    else if (m.role === 'user') {
      out += t.user + m.text;
      if (!next || next.role === 'assistant') {
        // Only the turn the model answers now thinks; earlier answers were rendered without it.
        const last = !messages.slice(i + 1).some((later) => later.role === 'user');
        out += t.assistant + (options.thinking && last ? t.thinkingStart : t.thinkingEnd);
      }
    } else {
      out += m.text + t.endOfSentence;
    }
  });
  // A conversation that does not end on a user turn is still answered by the model.
  const last = messages[messages.length - 1];
  if (last?.role !== 'user') out += t.assistant + (options.thinking ? t.thinkingStart : t.thinkingEnd);
  return out;
}

/**
 * Tokens the template adds around the messages: what DeepSeek bills beyond the message texts.
 * `count` is the tokenizer; special tokens split the text, so the messages' own counts add up.
 */
export function templateTokens(messages: readonly TemplateMessage[], options: RenderOptions, count: (text: string) => number): number {
  const whole = count(renderConversation(messages, options));
  const texts = messages.reduce((sum, m) => sum + (m.text ? count(m.text) : 0), 0);
  const effort = options.thinking && options.reasoningEffortMax ? template.reasoningEffortMax.tokens : 0;
  return Math.max(0, whole - texts) + effort;
}
