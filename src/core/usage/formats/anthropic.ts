// Anthropic-format usage: DeepSeek's /anthropic endpoint (bodies and SSE) and Claude Code's
// transcripts. Streaming counts are cumulative (message_delta repeats the running total), so the
// latest value replaces, never adds; the ledger keeps the largest usage per message id. A Claude
// model name is DeepSeek's only with evidence (see attribution.ts): Claude Code also talks to Anthropic.
import { anthropicUsageTokens, isObject, type TokenSplit } from '../tokens';
import type { LineResult } from '../types';
import { type Around, IGNORED, errorResult, servedBy, str, syntheticKey, usageResult } from './common';
import { epochMsOf } from '../time';

export function anthropicBodyResult(o: Record<string, unknown>, around: Around): LineResult {
  const tokens = anthropicUsageTokens(o.usage);
  if (!tokens) return IGNORED;
  const id = str(o.id);
  if (!id) return { kind: 'unparsable', reason: 'Anthropic message without an id' };
  return usageResult(`id:${id}`, 'anthropic-body', servedBy(around.env, { written: o.model, api: 'anthropic', ids: [id], url: around.url, at: around.at ?? around.fallbackTime }), tokens, around.at, around);
}

/** Claude Code writes one line per streamed step of a message, all with the same message.id. */
export function claudeCodeResult(o: Record<string, unknown>, around: Around): LineResult {
  const message = o.message;
  if (!isObject(message)) return IGNORED;
  const at = epochMsOf(o.timestamp, around.env.logTimezone) ?? around.at;
  if (o.isApiErrorMessage === true) return errorResult('claude-code', textOf(message.content) ?? 'API error', { ...around, at });
  if (message.model === '<synthetic>') return IGNORED;
  const tokens = anthropicUsageTokens(message.usage);
  if (!tokens) return IGNORED;
  const key = str(message.id) ? `id:${message.id}` : str(o.requestId) ? `cc-req:${o.requestId}` : undefined;
  if (!key) return { kind: 'unparsable', reason: 'Claude Code usage without message.id or requestId' };
  const served = servedBy(around.env, { written: message.model, api: 'anthropic', ids: [message.id, o.requestId], at: at ?? around.fallbackTime });
  return usageResult(key, 'claude-code', served, tokens, at, around);
}

function textOf(content: unknown): string | undefined {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) for (const c of content) if (isObject(c) && typeof c.text === 'string') return c.text;
  return undefined;
}

/** Event types of an Anthropic-format stream (`data:` payloads or one event per line). */
export function isAnthropicStreamEvent(o: Record<string, unknown>): boolean {
  return o.type === 'message_start' || o.type === 'message_delta' || o.type === 'message_stop' || o.type === 'ping' || (typeof o.type === 'string' && o.type.startsWith('content_block_')) || (o.type === 'error' && isObject(o.error));
}

/**
 * One SSE stream's state: message_start names the message and carries the input counts;
 * message_delta has no id and carries cumulative counts. Lives per file, reset on truncation.
 * A capture that starts mid-stream (its message_start cut off) still ends with a message_delta
 * that carries every count; it is counted with no id, so a second copy of it cannot be recognised.
 */
export class AnthropicStreamState {
  private id: string | undefined;
  private written: unknown;
  private usage: Record<string, unknown> = {};

  event(o: Record<string, unknown>, around: Around): LineResult {
    if (o.type === 'message_start' && isObject(o.message)) {
      this.id = str(o.message.id);
      this.written = o.message.model;
      this.usage = isObject(o.message.usage) ? { ...o.message.usage } : {};
      return this.current(around);
    }
    if (o.type === 'message_delta') {
      if (!this.id) return this.tail(o, around);
      if (isObject(o.usage)) for (const [k, v] of Object.entries(o.usage)) if (typeof v === 'number' || (k === 'server_tool_use' && isObject(v))) this.usage[k] = v;
      return this.current(around);
    }
    if (o.type === 'message_stop') {
      // The stream is over: a later message_delta without its own message_start is another tail.
      this.id = undefined;
      return IGNORED;
    }
    if (o.type === 'error') return errorResult('anthropic-sse', isObject(o.error) ? str(o.error.message) ?? 'error' : 'error', around);
    return IGNORED;
  }

  private current(around: Around): LineResult {
    const tokens: TokenSplit | undefined = anthropicUsageTokens(this.usage);
    if (!tokens || !this.id) return IGNORED;
    const served = servedBy(around.env, { written: this.written, api: 'anthropic', ids: [this.id], url: around.url, at: around.at ?? around.fallbackTime });
    return usageResult(`id:${this.id}`, 'anthropic-sse', served, tokens, around.at, around);
  }

  private tail(o: Record<string, unknown>, around: Around): LineResult {
    const u = isObject(o.usage) ? o.usage : undefined;
    if (!u || (typeof u.input_tokens !== 'number' && typeof u.cache_read_input_tokens !== 'number')) {
      return { kind: 'unparsable', reason: 'message_delta without a message_start before it, and without input counts' };
    }
    const tokens = anthropicUsageTokens(u);
    if (!tokens) return IGNORED;
    // No model either: what served it is only known from the source (its URL) or the user's settings.
    const served = servedBy(around.env, { written: undefined, api: 'anthropic', url: around.url });
    const r = usageResult(syntheticKey('anthropic-tail', around.at, served.model, tokens), 'anthropic-sse', served, tokens, around.at, around);
    if (r.kind === 'usage') r.record.noId = true;
    return r;
  }
}
