// Anthropic-format usage: DeepSeek's /anthropic endpoint (bodies and SSE) and Claude Code's
// transcripts. Streaming counts are cumulative (message_delta repeats the running total), so the
// latest value replaces, never adds; the ledger keeps the largest usage per message id.
import { anthropicUsageTokens, isObject, type TokenSplit } from '../tokens';
import type { LineResult } from '../types';
import { type Around, IGNORED, anthropicModel, errorResult, str, usageResult } from './common';
import { epochMsOf } from '../time';

export function anthropicBodyResult(o: Record<string, unknown>, around: Around): LineResult {
  const tokens = anthropicUsageTokens(o.usage);
  if (!tokens) return IGNORED;
  const id = str(o.id);
  const model = anthropicModel(around.env.catalog, o.model, around.at ?? around.fallbackTime);
  if (!id) return { kind: 'unparsable', reason: 'Anthropic message without an id' };
  return usageResult(`id:${id}`, 'anthropic-body', model, tokens, around.at, around);
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
  return usageResult(key, 'claude-code', anthropicModel(around.env.catalog, message.model, at ?? around.fallbackTime), tokens, at, around);
}

function textOf(content: unknown): string | undefined {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) for (const c of content) if (isObject(c) && typeof c.text === 'string') return c.text;
  return undefined;
}

/**
 * One SSE stream's state: message_start names the message and carries the input counts;
 * message_delta has no id and carries cumulative counts. Lives per file, reset on truncation.
 */
export class AnthropicStreamState {
  private id: string | undefined;
  private model = 'unknown';
  private usage: Record<string, unknown> = {};

  event(o: Record<string, unknown>, around: Around): LineResult {
    if (o.type === 'message_start' && isObject(o.message)) {
      this.id = str(o.message.id);
      this.model = anthropicModel(around.env.catalog, o.message.model, around.at ?? around.fallbackTime);
      this.usage = isObject(o.message.usage) ? { ...o.message.usage } : {};
      return this.current(around);
    }
    if (o.type === 'message_delta') {
      if (!this.id) return { kind: 'unparsable', reason: 'message_delta without a message_start before it' };
      if (isObject(o.usage)) for (const [k, v] of Object.entries(o.usage)) if (typeof v === 'number' || (k === 'server_tool_use' && isObject(v))) this.usage[k] = v;
      return this.current(around);
    }
    if (o.type === 'error') return errorResult('anthropic-sse', isObject(o.error) ? str(o.error.message) ?? 'error' : 'error', around);
    return IGNORED;
  }

  private current(around: Around): LineResult {
    const tokens: TokenSplit | undefined = anthropicUsageTokens(this.usage);
    if (!tokens || !this.id) return IGNORED;
    return usageResult(`id:${this.id}`, 'anthropic-sse', this.model, tokens, around.at, around);
  }
}
