// DeepSeek's Responses API (`/responses`, used by the Vercel AI SDK and gateways): whole bodies
// (`"object": "response"`) and the stream's `response.completed` event, which carries the finished
// response. `usage.input_tokens` includes `input_tokens_details.cached_tokens`; `output_tokens`
// includes the reasoning. `completed_at` is the completion time; `created_at` (the start) is the
// fallback bound when a body was logged unfinished.
import { epochMsOf } from '../time';
import { count, isObject, type TokenSplit } from '../tokens';
import type { LineResult } from '../types';
import { type Around, IGNORED, errorResult, servedBy, str, syntheticKey, usageResult } from './common';

const FINAL_EVENTS = new Set(['response.completed', 'response.incomplete', 'response.failed']);

export function isResponsesBody(o: Record<string, unknown>): boolean {
  return o.object === 'response' && 'usage' in o;
}

export function isResponsesEvent(o: Record<string, unknown>): boolean {
  return typeof o.type === 'string' && o.type.startsWith('response.') && !('choices' in o);
}

export function responsesEventResult(o: Record<string, unknown>, around: Around): LineResult {
  if (!FINAL_EVENTS.has(o.type as string) || !isObject(o.response)) return IGNORED;
  return responsesBodyResult(o.response, around, 'responses-sse');
}

export function responsesBodyResult(o: Record<string, unknown>, around: Around, format: 'responses-body' | 'responses-sse' = 'responses-body'): LineResult {
  const at = epochMsOf(o.completed_at, around.env.logTimezone) ?? around.at ?? epochMsOf(o.created_at, around.env.logTimezone);
  const tokens = responsesUsageTokens(o.usage);
  if (!tokens) {
    if (o.status === 'failed' && isObject(o.error)) return errorResult(format, str(o.error.message) ?? str(o.error.code) ?? 'error', { ...around, at }, { dedupeKey: str(o.id) && `id:${o.id}` });
    return IGNORED;
  }
  const served = servedBy(around.env, { written: o.model, api: 'openai', ids: [o.id], url: around.url });
  const id = str(o.id);
  return usageResult(id ? `id:${id}` : syntheticKey('responses', at, served.model, tokens), format, served, tokens, at, around);
}

function responsesUsageTokens(u: unknown): TokenSplit | undefined {
  if (!isObject(u)) return undefined;
  const input = count(u.input_tokens);
  const output = count(u.output_tokens);
  if (input === undefined && output === undefined) return undefined;
  const cached = isObject(u.input_tokens_details) ? count(u.input_tokens_details.cached_tokens) : undefined;
  const reasoning = isObject(u.output_tokens_details) ? count(u.output_tokens_details.reasoning_tokens) : undefined;
  const hit = Math.min(cached ?? 0, input ?? 0);
  return {
    cacheHitTokens: hit,
    cacheMissTokens: Math.max(0, (input ?? 0) - hit),
    outputTokens: output ?? 0,
    reasoningTokens: Math.min(reasoning ?? 0, output ?? 0),
    hasCacheSplit: cached !== undefined,
  };
}
