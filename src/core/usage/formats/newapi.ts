// new-api / one-api: text log lines `[INFO] 2026/07/15 - 18:00:00 | <request id> | ...` in the
// server's local time (no zone), and new-api's logs table exported as JSON rows. new-api splits
// the cache in `other.cache_tokens`; on Claude channels (`other.claude`) prompt_tokens already
// excludes cache reads. one-api has no cache split at all.
import { zonedTimeToUtc, epochMsOf } from '../time';
import { count, isObject, type TokenSplit } from '../tokens';
import type { LineResult } from '../types';
import { type Around, IGNORED, anthropicModel, errorResult, openAIModel, str, usageResult } from './common';

// The request id column is absent on start-up lines (`| common/init.go:71 [init] ...`).
const LINE = /^\[([A-Z]+)\] (\d{4})\/(\d{2})\/(\d{2}) - (\d{2}):(\d{2}):(\d{2}) \| (?:(\S+) \| )?(.*)$/;

export function isNewApiTextLine(line: string): boolean {
  return line.startsWith('[') && LINE.test(line);
}

/** `line` is known to match isNewApiTextLine. */
export function newApiTextResult(line: string, around: Around): LineResult {
  const m = LINE.exec(line);
  if (!m) return IGNORED;
  const [, level, y, mo, d, h, mi, s, requestId = '', rest] = m;
  const at = zonedTimeToUtc(around.env.logTimezone, +y, +mo, +d, +h, +mi, +s);
  const consume = rest.indexOf('record consume log:');
  if (consume >= 0) {
    const p = rest.indexOf('params={', consume);
    if (p < 0) return { kind: 'unparsable', reason: 'new-api consume log without params' };
    let params: unknown;
    try {
      params = JSON.parse(rest.slice(p + 'params='.length).trimEnd());
    } catch {
      return { kind: 'unparsable', reason: 'new-api consume log with invalid params JSON' };
    }
    if (!isObject(params)) return { kind: 'unparsable', reason: 'new-api params is not an object' };
    return consumeResult(`newapi:${requestId}`, params, params.model_name, at, around);
  }
  if (rest.includes('[recordLogHelper] record log:') || rest.includes('record log: &{')) return oneApiRecordResult(rest, requestId, around);
  if (rest.startsWith('record error log:')) {
    return errorResult('newapi', /content=(.*)$/.exec(rest)?.[1]?.trim() ?? 'error', { ...around, at }, { dedupeKey: `newapi:${requestId}` });
  }
  if (level.startsWith('ERR')) {
    const status = /status code:? (\d{3})/.exec(rest);
    if (status) return errorResult('newapi', rest.trim(), { ...around, at, status: Number(status[1]) }, { dedupeKey: `newapi:${requestId}` });
  }
  return IGNORED;
}

function consumeResult(key: string, params: Record<string, unknown>, modelName: unknown, at: number | undefined, around: Around): LineResult {
  let other: unknown = params.other;
  if (typeof other === 'string') {
    try {
      other = other ? JSON.parse(other) : {};
    } catch {
      other = {};
    }
  }
  const o = isObject(other) ? other : {};
  const prompt = count(params.prompt_tokens) ?? 0;
  const cache = count(o.cache_tokens);
  const claude = o.claude === true;
  const tokens: TokenSplit = {
    cacheHitTokens: cache ?? 0,
    cacheMissTokens: claude ? prompt : Math.max(0, prompt - (cache ?? 0)),
    outputTokens: count(params.completion_tokens) ?? 0,
    reasoningTokens: 0,
    hasCacheSplit: cache !== undefined,
  };
  // The upstream name is what DeepSeek was asked for; Claude channels send Claude names, which DeepSeek maps.
  const name = str(o.upstream_model_name) ?? modelName;
  const model = claude ? anthropicModel(around.env.catalog, name, at ?? around.fallbackTime) : openAIModel(name);
  return usageResult(key, 'newapi', model, tokens, at, around);
}

/** One-api's Go struct dump: `record log: &{Id:1021 ... Type:2 ... ModelName:x PromptTokens:n CompletionTokens:n ...}`. */
function oneApiRecordResult(rest: string, requestId: string, around: Around): LineResult {
  const field = (name: string) => new RegExp(`[{ ]${name}:(\\S*)`).exec(rest)?.[1];
  if (field('Type') !== '2') return IGNORED;
  const prompt = count(field('PromptTokens'));
  const completion = count(field('CompletionTokens'));
  if (prompt === undefined && completion === undefined) return { kind: 'unparsable', reason: 'one-api record log without token counts' };
  const at = epochMsOf(Number(field('CreatedAt')), around.env.logTimezone);
  const tokens: TokenSplit = { cacheHitTokens: 0, cacheMissTokens: prompt ?? 0, outputTokens: completion ?? 0, reasoningTokens: 0, hasCacheSplit: false };
  return usageResult(`oneapi:${field('RequestId') ?? requestId}`, 'oneapi', openAIModel(field('ModelName')), tokens, at, around);
}

/** A row of new-api's `logs` table (type 2 consume, 5 error). */
export function isNewApiTableRow(o: Record<string, unknown>): boolean {
  return 'model_name' in o && 'quota' in o && 'created_at' in o && 'prompt_tokens' in o && 'type' in o;
}

export function newApiTableResult(o: Record<string, unknown>, around: Around): LineResult {
  const at = epochMsOf(o.created_at, around.env.logTimezone);
  if (o.type === 2) return consumeResult(`newapi-db:${o.id}`, o, o.model_name, at, around);
  if (o.type === 5) {
    let status: number | undefined;
    try {
      const other = typeof o.other === 'string' ? JSON.parse(o.other) : o.other;
      status = isObject(other) ? count(other.status_code) : undefined;
    } catch {
      status = undefined;
    }
    return errorResult('newapi', str(o.content) ?? 'error', { ...around, at, status }, { dedupeKey: `newapi-db:${o.id}` });
  }
  return IGNORED;
}
