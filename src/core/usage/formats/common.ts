// Shared pieces of the format readers: what every reader needs to turn a parsed object into a record.
import { anthropicModelMapAt, modelForAnthropicName, splitRouterPrefix, type Catalog } from '../../../catalog';
import { epochMsOf } from '../time';
import { isObject, type TokenSplit } from '../tokens';
import type { ErrorRecord, LineResult, LogFormat, UsageRecord } from '../types';

export interface ParseEnv {
  catalog: Catalog;
  /** IANA zone of logs that write local wall-clock times without a zone (new-api, LiteLLM's JSON logger). */
  logTimezone: string;
}

/** What a reader knows about the line around the object it reads (a wrapper's time and status). */
export interface Around {
  env: ParseEnv;
  /** Time the wrapper or log line gives, preferred over a body's `created` (which is the request start). */
  at?: number;
  status?: number;
  /** The caller's stand-in when nothing carries a time (the file's modification time). */
  fallbackTime: number;
  /** Format to report instead of the body's own (a ccr or LiteLLM line wrapping a body). */
  format?: LogFormat;
}

export const IGNORED: LineResult = { kind: 'ignored' };

export function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.length > 0 ? v : undefined;
}

/** A DeepSeek model id as written in an OpenAI-format log ('deepseek/' prefix dropped). */
export function openAIModel(v: unknown): string {
  const s = str(v);
  return s ? splitRouterPrefix(s).id : 'unknown';
}

const anthropicNames = new WeakMap<Catalog, Map<string, string>>();

/**
 * The DeepSeek model that served a request sent with an Anthropic (Claude) model name at `at`
 * (the mapping is dated; default now). A name DeepSeek rejects stays as written, so it is unpriced.
 */
export function anthropicModel(catalog: Catalog, v: unknown, at?: number): string {
  const s = str(v);
  if (!s) return 'unknown';
  const when = new Date(at ?? Date.now());
  // Remembered per catalog and mapping: the mapping compiles its patterns on every call, and transcripts repeat a few names.
  let names = anthropicNames.get(catalog);
  if (!names) anthropicNames.set(catalog, (names = new Map()));
  const key = `${anthropicModelMapAt(catalog, when).from}|${s}`;
  let model = names.get(key);
  if (model === undefined) {
    model = modelForAnthropicName(catalog, s, when);
    if (names.size < 10_000) names.set(key, model);
  }
  return model;
}

const TIME_KEYS = ['endTime', 'timestamp', 'time', 'ts', '@timestamp', 'created_at', 'response_created_at', 'msec', 'logged_at'];

/** The time a wrapper object carries, if any. */
export function wrapperTime(o: Record<string, unknown>, zone: string): number | undefined {
  for (const k of TIME_KEYS) {
    if (k in o) {
      const t = epochMsOf(o[k], zone);
      if (t !== undefined) return t;
    }
  }
  return undefined;
}

export function statusOf(o: Record<string, unknown>): number | undefined {
  for (const k of ['status', 'status_code', 'statusCode', 'response_status']) {
    const v = o[k];
    const n = typeof v === 'string' ? Number(v) : v;
    if (typeof n === 'number' && Number.isInteger(n) && n >= 100 && n < 600) return n;
  }
  return undefined;
}

export function usageResult(dedupeKey: string, format: LogFormat, model: string, tokens: TokenSplit, at: number | undefined, around: Around): LineResult {
  const record: UsageRecord = {
    dedupeKey,
    format: around.format ?? format,
    completedAt: at ?? around.fallbackTime,
    model,
    cacheHitTokens: tokens.cacheHitTokens,
    cacheMissTokens: tokens.cacheMissTokens,
    outputTokens: tokens.outputTokens,
    reasoningTokens: tokens.reasoningTokens,
    hasCacheSplit: tokens.hasCacheSplit,
    timeSource: at === undefined ? 'file-time' : 'log',
  };
  if (tokens.searchCalls) record.searchCalls = tokens.searchCalls;
  if (tokens.fetchCalls) record.fetchCalls = tokens.fetchCalls;
  return { kind: 'usage', record };
}

export function errorResult(format: LogFormat, message: string, around: Around, extra: Partial<ErrorRecord> = {}): LineResult {
  return { kind: 'error', record: { format: around.format ?? format, message, at: around.at, status: around.status, ...extra } };
}

/** The message of an OpenAI/Anthropic error body (`{"error": {...}}` or `{"type":"error",...}`). */
export function errorMessageOf(o: Record<string, unknown>): string | undefined {
  const e = o.error;
  if (typeof e === 'string') return e;
  if (isObject(e)) return str(e.message) ?? str(e.type) ?? 'error';
  return undefined;
}

/** A stand-in identity for bodies without an id, so that re-reading the same line still dedupes. */
export function syntheticKey(prefix: string, at: number | undefined, model: string, t: TokenSplit): string {
  return `${prefix}:${at ?? ''}:${model}:${t.cacheHitTokens}:${t.cacheMissTokens}:${t.outputTokens}`;
}
