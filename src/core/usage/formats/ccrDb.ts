// claude-code-router v3 keeps usage only in SQLite: `usage_events` in
// `~/.claude-code-router/app-data/usage.sqlite` (`%APPDATA%\claude-code-router\usage.sqlite` on
// Windows), one row per proxied request, written when the response has been captured (so
// `created_at` is at or after completion). `input_tokens` there already excludes the cache reads
// and writes (the router normalizes before storing). The SQLite reader hands each row on as one
// JSON object under `ccr_usage_event`, so the row goes through the same readers and ledger as a log line.
import { epochMsOf } from '../time';
import { count, isObject, type TokenSplit } from '../tokens';
import type { LineResult } from '../types';
import { type Around, IGNORED, errorResult, servedBy, str, usageResult } from './common';

export const CCR_ROW_KEY = 'ccr_usage_event';

export function isCcrDbRow(o: Record<string, unknown>): boolean {
  return isObject(o[CCR_ROW_KEY]);
}

export function ccrDbRowResult(o: Record<string, unknown>, around: Around): LineResult {
  const row = o[CCR_ROW_KEY] as Record<string, unknown>;
  const at = epochMsOf(row.created_at, 'UTC');
  const key = `ccr-db:${String(row.id)}:${String(row.created_at ?? '')}`;
  const status = count(row.status_code);
  if (status !== undefined && status >= 400) return errorResult('ccr-v3-db', `HTTP ${status}`, { ...around, at, status }, { dedupeKey: key });
  const input = count(row.input_tokens);
  const output = count(row.output_tokens);
  const read = count(row.cache_read_tokens);
  const write = count(row.cache_write_tokens);
  if (!input && !output && !read && !write) return IGNORED;
  const tokens: TokenSplit = { cacheHitTokens: read ?? 0, cacheMissTokens: (input ?? 0) + (write ?? 0), outputTokens: output ?? 0, reasoningTokens: 0, hasCacheSplit: read !== undefined };
  // The path tells the wire format: Claude names on /v1/messages may be DeepSeek's mapping of them.
  const api = typeof row.path === 'string' && row.path.includes('/messages') ? 'anthropic' : 'openai';
  // request_id is the router's own id, not the provider's: it says nothing about who served the request.
  const served = servedBy(around.env, { written: str(row.model) ?? str(row.logical_model), api, label: row.provider });
  return usageResult(key, 'ccr-v3-db', served, tokens, at, around);
}
