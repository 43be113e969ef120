// The chat template against what DeepSeek really billed: recorded responses of the Vercel AI SDK's
// DeepSeek provider (read in place from the shared real-logs folder; origins in its README) whose
// prompts are known from that SDK's example scripts. usage.prompt_tokens must equal the rendered
// conversation's token count exactly.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { renderConversation, templateTokens, type TemplateMessage } from '../../../src/core/estimate/chatTemplate';
import { countTokens } from '../../../src/core/tokenizer';

const REAL = join(__dirname, '..', '..', '..', '..', 'shared', 'examples', 'real-logs');

/** Every usage-carrying record (a body, or the last chunk of a stream) in a real-logs file. */
function usages(name: string): Array<{ model: string; promptTokens: number; text: string }> {
  const out: Array<{ model: string; promptTokens: number; text: string }> = [];
  const texts = new Map<string, string>();
  for (const line of readFileSync(join(REAL, name), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const r = JSON.parse(line);
    const choice = r.choices?.[0];
    const piece = choice?.message?.content ?? choice?.delta?.content ?? '';
    texts.set(r.id, (texts.get(r.id) ?? '') + (piece ?? ''));
    if (r.usage) out.push({ model: r.model, promptTokens: r.usage.prompt_tokens, text: texts.get(r.id) ?? '' });
  }
  return out;
}

function tokensOf(messages: TemplateMessage[], thinking: boolean, reasoningEffortMax = false): number {
  const texts = messages.reduce((n, m) => n + countTokens(m.text), 0);
  return texts + templateTokens(messages, { thinking, reasoningEffortMax }, countTokens);
}

// Prompts from vercel/ai examples/ai-functions/src/{generate,stream}-text/deepseek/chat.ts and reasoner.ts
// (and reasoning-effort.ts), the scripts the recorded fixtures were made with.
const HOLIDAY: TemplateMessage[] = [{ role: 'user', text: 'Invent a new holiday and describe its traditions.' }];
const STRAWBERRY: TemplateMessage[] = [{ role: 'user', text: 'How many "r"s are in the word "strawberry"?' }];

test('deepseek-chat (non-thinking), holiday prompt: 13 tokens billed, body and stream', () => {
  const recs = [...usages('vercel-ai-2025-bodies.jsonl'), ...usages('vercel-ai-2025-chunks.jsonl')].filter((r) => r.model === 'deepseek-chat');
  assert.equal(recs.length, 2);
  for (const r of recs) assert.equal(tokensOf(HOLIDAY, false), r.promptTokens);
});

test('deepseek-reasoner (thinking), strawberry prompt: 18 tokens billed, body and stream', () => {
  const recs = [...usages('vercel-ai-2025-bodies.jsonl'), ...usages('vercel-ai-2025-chunks.jsonl')].filter(
    (r) => r.model === 'deepseek-reasoner' && /strawberry/.test(r.text),
  );
  assert.equal(recs.length, 2);
  for (const r of recs) assert.equal(tokensOf(STRAWBERRY, true), r.promptTokens);
});

test('deepseek-v4-flash, strawberry prompt with reasoning effort max: 97 tokens billed, body and stream', () => {
  const recs = [...usages('vercel-ai-v4-bodies.jsonl'), ...usages('vercel-ai-v4-chunks.jsonl')].filter((r) => /strawberry/.test(r.text));
  assert.equal(recs.length, 2);
  for (const r of recs) assert.equal(tokensOf(STRAWBERRY, true, true), r.promptTokens);
  // Without the max-effort instruction the count is 79 short: the fixed instruction is what is billed.
  assert.equal(tokensOf(STRAWBERRY, true), 18);
});

test('the rendering: one begin-of-sentence, bare system text, the thinking token after the last user turn only', () => {
  const rendered = renderConversation(
    [
      { role: 'system', text: 'S' },
      { role: 'user', text: 'U1' },
      { role: 'assistant', text: 'A1' },
      { role: 'user', text: 'U2' },
    ],
    { thinking: true },
  );
  assert.equal(rendered, '<｜begin▁of▁sentence｜>S<｜User｜>U1<｜Assistant｜></think>A1<｜end▁of▁sentence｜><｜User｜>U2<｜Assistant｜><think>');
  assert.equal(renderConversation([{ role: 'user', text: 'x' }], { thinking: false }), '<｜begin▁of▁sentence｜><｜User｜>x<｜Assistant｜></think>');
  // Four special tokens around a lone user message, whatever its text.
  assert.equal(templateTokens([{ role: 'user', text: 'hello there' }], { thinking: true }, countTokens), 4);
  assert.equal(templateTokens([{ role: 'system', text: 'be brief' }, { role: 'user', text: 'hi' }], { thinking: false }, countTokens), 4);
});
