// The token split every format reduces to. The reading rules follow DeepSeek's usage docs: the
// cache split may be missing (older logs), and reasoning tokens are already inside the output.

import type { TokenCounts } from '../../catalog/resolve';

/**
 * The one list of token fields: records, stored requests, packed batches, totals and the CLI's
 * report all extend it, so a new kind of token is added here once.
 */
export interface TokenSplit extends TokenCounts {
  /** Part of outputTokens; never added again. */
  reasoningTokens: number;
  /** False when the log had no cache split, so every prompt token was counted as a miss (an upper bound). */
  hasCacheSplit: boolean;
  /** Billed searches and fetches the model made as built-in tools (`usage.server_tool_use`), when the log shows them. */
  searchCalls?: number;
  fetchCalls?: number;
}

type Obj = Record<string, unknown>;

export function isObject(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * A count as the log wrote it (strings from text logs are accepted): undefined when absent, NaN
 * when present but not a finite, non-negative number. NaN travels into the record, where the
 * ledger rejects the line with a reason instead of reading the field as missing.
 */
export function count(v: unknown): number | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
  return typeof n === 'number' && Number.isFinite(n) && n >= 0 ? n : NaN;
}

/**
 * OpenAI-format usage: hit = prompt_cache_hit_tokens ?? prompt_tokens_details.cached_tokens ?? 0;
 * miss = prompt_cache_miss_tokens ?? prompt_tokens − hit. With no hit field at all every prompt
 * token is a miss, which is an upper bound, so the split is flagged as unknown.
 */
export function openAIUsageTokens(u: unknown): TokenSplit | undefined {
  if (!isObject(u)) return undefined;
  const prompt = count(u.prompt_tokens);
  const completion = count(u.completion_tokens);
  const hitField = count(u.prompt_cache_hit_tokens) ?? (isObject(u.prompt_tokens_details) ? count(u.prompt_tokens_details.cached_tokens) : undefined);
  const missField = count(u.prompt_cache_miss_tokens);
  if (prompt === undefined && completion === undefined && hitField === undefined && missField === undefined) return undefined;
  const hit = hitField ?? 0;
  const miss = missField ?? Math.max(0, (prompt ?? 0) - hit);
  const reasoning = isObject(u.completion_tokens_details) ? count(u.completion_tokens_details.reasoning_tokens) ?? 0 : 0;
  return {
    cacheHitTokens: hit,
    cacheMissTokens: miss,
    outputTokens: completion ?? 0,
    reasoningTokens: reasoning,
    hasCacheSplit: hitField !== undefined || missField !== undefined,
    ...serverToolCalls(u),
  };
}

/**
 * Billed built-in tool calls: `usage.server_tool_use.{web_search_requests, web_fetch_requests}`, the
 * shape Anthropic's Messages API defines and SDKs read on DeepSeek's responses too (omitted when zero).
 */
export function serverToolCalls(u: Obj): { searchCalls?: number; fetchCalls?: number } {
  const t = u.server_tool_use;
  if (!isObject(t)) return {};
  const search = count(t.web_search_requests);
  const fetch = count(t.web_fetch_requests);
  return { ...(search ? { searchCalls: search } : {}), ...(fetch ? { fetchCalls: fetch } : {}) };
}

/**
 * Anthropic-format usage (DeepSeek's /anthropic endpoint, Claude Code): cache reads are the hits;
 * cache creation has no price of its own at DeepSeek, so it is billed as miss like plain input.
 */
export function anthropicUsageTokens(u: unknown): TokenSplit | undefined {
  if (!isObject(u)) return undefined;
  const input = count(u.input_tokens);
  const output = count(u.output_tokens);
  const read = count(u.cache_read_input_tokens);
  const created = count(u.cache_creation_input_tokens);
  if (input === undefined && output === undefined && read === undefined) return undefined;
  return {
    cacheHitTokens: read ?? 0,
    cacheMissTokens: (input ?? 0) + (created ?? 0),
    outputTokens: output ?? 0,
    reasoningTokens: 0,
    hasCacheSplit: read !== undefined,
    ...serverToolCalls(u),
  };
}

/** How "complete" a usage is: streamed and repeated lines of one request only ever grow. */
export function usageSize(t: TokenCounts): number {
  return t.cacheHitTokens + t.cacheMissTokens + t.outputTokens;
}
