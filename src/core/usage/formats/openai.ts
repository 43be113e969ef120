// DeepSeek's OpenAI-format responses: whole bodies and streamed chunks share one shape; a chunk
// without usage (`usage: null`) says nothing, the chunk that carries it (near the end) says all.
import { openAIUsageTokens, isObject } from '../tokens';
import type { LineResult, LogFormat } from '../types';
import { type Around, IGNORED, errorMessageOf, errorResult, servedBy, str, syntheticKey, usageResult } from './common';
import { epochMsOf } from '../time';

export function looksLikeOpenAIResponse(o: Record<string, unknown>): boolean {
  const object = typeof o.object === 'string' ? o.object : '';
  return object.startsWith('chat.completion') || object === 'text_completion' || (Array.isArray(o.choices) && 'usage' in o);
}

export function openAIResponseResult(o: Record<string, unknown>, around: Around): LineResult {
  const format: LogFormat = String(o.object ?? '').endsWith('.chunk') ? 'openai-sse' : 'openai-body';
  if (o.usage === null || o.usage === undefined) return IGNORED;
  const tokens = openAIUsageTokens(o.usage);
  if (!tokens) return { kind: 'unparsable', reason: 'usage object without token counts' };
  const u = o.usage as Record<string, unknown>;
  const served = servedBy(around.env, {
    written: o.model, api: 'openai', ids: [o.id], url: around.url, deepseekUsageFields: 'prompt_cache_hit_tokens' in u || 'prompt_cache_miss_tokens' in u,
  });
  // `created` is when the request started (streamed chunks repeat it): a lower bound of the
  // completion time, used only when no wrapper or log line gives the time it was written.
  const at = around.at ?? epochMsOf(o.created, around.env.logTimezone);
  const id = str(o.id);
  return usageResult(id ? `id:${id}` : syntheticKey('openai', at, served.model, tokens), format, served, tokens, at, around);
}

/** `{"error": {...}}`, DeepSeek's error body for 400/401/402/422/429/500/503. */
export function errorBodyResult(o: Record<string, unknown>, around: Around): LineResult | undefined {
  if (!('error' in o) || o.error === null || 'usage' in o) return undefined;
  const message = errorMessageOf(o);
  if (message === undefined) return undefined;
  const e = isObject(o.error) ? o.error : {};
  const status = around.status ?? statusFromCode(e.code) ?? statusFromMessage(message);
  return errorResult('openai-body', message, { ...around, status });
}

function statusFromCode(v: unknown): number | undefined {
  const n = typeof v === 'string' ? Number(v) : v;
  return typeof n === 'number' && Number.isInteger(n) && n >= 400 && n < 600 ? n : undefined;
}

/** DeepSeek's documented error messages, for error bodies logged without their HTTP status. */
function statusFromMessage(message: string): number | undefined {
  const m = message.toLowerCase();
  if (m.includes('insufficient balance')) return 402;
  if (m.includes('rate limit')) return 429;
  if (m.includes('authentication')) return 401;
  if (m.includes('server overloaded')) return 503;
  return undefined;
}
