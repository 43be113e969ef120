// Requests with known tokens for the store tests: `prefix-N` ids, one a minute from 2026-07-15 08:00 UTC.
import type { StoredBatch } from '../../../src/core/usage/store/spendStore';
import type { UsageRecord } from '../../../src/core/usage/types';

export const T0 = Date.parse('2026-07-15T08:00:00Z');

export function record(id: string, at: number, over: Partial<UsageRecord> = {}): UsageRecord {
  return {
    dedupeKey: id, format: 'openai-body', completedAt: at, model: 'deepseek-v4-flash', provider: 'deepseek',
    cacheHitTokens: 1000, cacheMissTokens: 100, outputTokens: 10, reasoningTokens: 0, hasCacheSplit: true, ...over,
  };
}

export function batchOf(prefix: string, from: number, n: number, path = '/logs/a.jsonl'): StoredBatch {
  const requests = [];
  for (let i = from; i < from + n; i++) requests.push({ path, record: record(`${prefix}-${i}`, T0 + i * 60_000) });
  return { requests, errors: [], files: [] };
}
