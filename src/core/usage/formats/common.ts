// Shared pieces of the format readers: what every reader needs to turn a parsed object into a record.
import { anthropicModelMapAt, type Catalog } from '../../../catalog';
import { type Served, type ServingEvidence, attribute, idEvidence } from '../attribution';
import { epochMsOf } from '../time';
import { isObject, type TokenSplit } from '../tokens';
import type { ErrorRecord, LineResult, LogFormat, UsageRecord } from '../types';

export interface ParseEnv {
  catalog: Catalog;
  /** IANA zone of logs that write local wall-clock times without a zone (new-api, LiteLLM's JSON logger). */
  logTimezone: string;
  /** `ANTHROPIC_BASE_URL` from the user's Claude Code settings: evidence that Claude names went to DeepSeek. */
  anthropicBaseUrl?: string;
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
  /** The upstream URL or host a wrapper names: evidence of who served the body. */
  url?: string;
}

export const IGNORED: LineResult = { kind: 'ignored' };

export function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.length > 0 ? v : undefined;
}

const served = new WeakMap<ParseEnv, Map<string, Served>>();

/**
 * Who served a request and under which model, remembered per environment for the common case of
 * evidence that is only a name (transcripts repeat a few names; the mapping compiles patterns).
 */
export function servedBy(env: ParseEnv, e: ServingEvidence): Served {
  // Ids differ on every line; what they say (which provider's shape they have) is the cache key.
  const idProvider = e.ids?.length ? idEvidence(env.catalog, e.ids)?.id ?? '' : '';
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  // The Anthropic endpoint's mapping is dated: the mapping in force is part of what a name means.
  const map = e.api === 'anthropic' ? anthropicModelMapAt(env.catalog, new Date(e.at ?? Date.now())).from : '';
  const key = `${e.api}\0${text(e.written)}\0${idProvider}\0${text(e.url)}\0${text(e.label)}\0${e.deepseekUsageFields ? 1 : 0}\0${map}`;
  let m = served.get(env);
  if (!m) served.set(env, (m = new Map()));
  let s = m.get(key);
  if (!s) {
    s = attribute(env, { ...e, ids: undefined, idProvider });
    if (m.size < 10_000) m.set(key, s);
  }
  return s;
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

const URL_KEYS = ['upstream', 'upstream_url', 'upstream_addr', 'api_base', 'base_url', 'baseURL', 'url', 'host'];

/** The upstream URL or host a wrapper object names, if any. */
export function wrapperUrl(o: Record<string, unknown>): string | undefined {
  for (const k of URL_KEYS) {
    const v = o[k];
    if (typeof v === 'string' && v.length > 0 && v.length < 2048) return v;
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

export function usageResult(dedupeKey: string, format: LogFormat, served: Served, tokens: TokenSplit, at: number | undefined, around: Around): LineResult {
  const record: UsageRecord = {
    dedupeKey,
    format: around.format ?? format,
    completedAt: at ?? around.fallbackTime,
    model: served.model,
    provider: served.provider,
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
  // Deliberately without the provider: two logs of one request must still meet.
  return `${prefix}:${at ?? ''}:${model}:${t.cacheHitTokens}:${t.cacheMissTokens}:${t.outputTokens}`;
}
