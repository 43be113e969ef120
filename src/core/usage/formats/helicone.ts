// Helicone's request export: one row per request with DeepSeek's response id, so a row and the raw
// body of the same request dedupe. prompt_tokens includes the cache reads, as in DeepSeek's usage.
import { epochMsOf } from '../time';
import { count, type TokenSplit } from '../tokens';
import type { LineResult } from '../types';
import { type Around, IGNORED, errorResult, servedBy, str, usageResult } from './common';

export function isHeliconeRow(o: Record<string, unknown>): boolean {
  return 'response_id' in o && 'prompt_cache_read_tokens' in o && 'response_status' in o;
}

export function heliconeResult(o: Record<string, unknown>, around: Around): LineResult {
  const at = epochMsOf(o.response_created_at, around.env.logTimezone) ?? epochMsOf(o.request_created_at, around.env.logTimezone);
  const status = count(o.response_status);
  if (status !== undefined && status >= 400) return errorResult('helicone', `HTTP ${status}`, { ...around, at, status }, { dedupeKey: str(o.request_id) && `helicone:${o.request_id}` });
  const prompt = count(o.prompt_tokens);
  const completion = count(o.completion_tokens);
  if (prompt === undefined && completion === undefined) return IGNORED;
  const read = count(o.prompt_cache_read_tokens);
  const tokens: TokenSplit = {
    cacheHitTokens: read ?? 0,
    cacheMissTokens: Math.max(0, (prompt ?? 0) - (read ?? 0)),
    outputTokens: completion ?? 0,
    reasoningTokens: 0,
    hasCacheSplit: read !== undefined,
  };
  const id = str(o.response_id) ?? str(o.request_id);
  if (!id) return { kind: 'unparsable', reason: 'Helicone row without an id' };
  const served = servedBy(around.env, { written: o.response_model ?? o.model, api: 'openai', ids: [o.response_id], url: o.target_url ?? o.provider_url });
  return usageResult(str(o.response_id) ? `id:${id}` : `helicone:${id}`, 'helicone', served, tokens, at, around);
}
