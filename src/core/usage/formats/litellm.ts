// LiteLLM: the StandardLoggingPayload a custom callback writes (and the SpendLogs rows, same
// usage object). Its response_cost is LiteLLM's own estimate and cache_hit is LiteLLM's response
// cache, not DeepSeek's prompt cache: both are ignored, the cost is recomputed from the tokens.
import { epochMsOf } from '../time';
import { isObject, openAIUsageTokens } from '../tokens';
import type { LineResult } from '../types';
import { type Around, IGNORED, errorResult, servedBy, str, syntheticKey, usageResult } from './common';

export function isLiteLLMPayload(o: Record<string, unknown>): boolean {
  return isObject(o.metadata) && 'usage_object' in o.metadata;
}

export function liteLLMResult(o: Record<string, unknown>, around: Around): LineResult {
  const metadata = o.metadata as Record<string, unknown>;
  const at = epochMsOf(o.endTime, around.env.logTimezone) ?? epochMsOf(o.startTime, around.env.logTimezone);
  const id = str(o.id) ?? str(o.request_id);
  if (metadata.usage_object === null || metadata.usage_object === undefined) {
    const info = isObject(o.error_information) ? o.error_information : isObject(metadata.error_information) ? metadata.error_information : undefined;
    if (o.status === 'failure' || info || o.error_str) {
      const code = info ? Number(info.error_code) : NaN;
      return errorResult('litellm-payload', str(o.error_str) ?? str(info?.error_class) ?? 'error', { ...around, at, status: Number.isInteger(code) ? code : undefined }, { dedupeKey: id ? `id:${id}` : undefined });
    }
    return IGNORED;
  }
  const tokens = openAIUsageTokens(metadata.usage_object);
  if (!tokens) return { kind: 'unparsable', reason: 'LiteLLM usage_object without token counts' };
  const written = str(o.model) ?? (isObject(o.model_map_information) ? o.model_map_information.model_map_key : undefined);
  const hidden = isObject(o.hidden_params) ? o.hidden_params : {};
  // LiteLLM names the upstream: api_base in its hidden params, custom_llm_provider as its label.
  const served = servedBy(around.env, { written, api: 'openai', ids: [o.id], url: hidden.api_base ?? o.api_base, label: o.custom_llm_provider ?? hidden.custom_llm_provider });
  return usageResult(id ? `id:${id}` : syntheticKey('litellm', at, served.model, tokens), 'litellm-payload', served, tokens, at, around);
}
