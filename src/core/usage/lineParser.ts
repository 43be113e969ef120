// Reads one log line of any supported format, detected per line without configuration. One parser
// per file: Anthropic SSE needs the message_start seen earlier in the same file.
import { AnthropicStreamState, anthropicBodyResult, claudeCodeResult } from './formats/anthropic';
import { type Around, IGNORED, type ParseEnv, statusOf, str, wrapperTime } from './formats/common';
import { heliconeResult, isHeliconeRow } from './formats/helicone';
import { isLiteLLMPayload, liteLLMResult } from './formats/litellm';
import { isNewApiTableRow, isNewApiTextLine, newApiTableResult, newApiTextResult } from './formats/newapi';
import { errorBodyResult, looksLikeOpenAIResponse, openAIResponseResult } from './formats/openai';
import { MAX_LINE_CONTAINERS, exceedsContainerBudget } from './jsonBudget';
import { isObject } from './tokens';
import type { LineResult, UsageRecord } from './types';

export type { ParseEnv } from './formats/common';

/** Keys under which logging proxies and scripts put the response body. */
const WRAPPER_KEYS = ['response', 'body', 'resp_body', 'response_body', 'responseBody', 'data', 'payload', 'output'];
const MAX_DEPTH = 4;
const TEXT_LOG_LINE = /^(?:\[?(?:TRACE|DEBUG|INFO|NOTICE|WARN|WARNING|ERROR|ERR|FATAL|CRITICAL)\]?[:\s]|\d{4}[-/]\d{2}[-/]\d{2}[T ]\d{2}:\d{2})/;
const MARKERS = ['usage', 'error', 'prompt_tokens'].map((m) => Buffer.from(m));
const DATA = Buffer.from('data:');
const OVER_BUDGET: LineResult = { kind: 'unparsable', reason: `more than ${MAX_LINE_CONTAINERS.toLocaleString('en-US')} JSON objects and arrays in one line` };

export class LineParser {
  private anthropic = new AnthropicStreamState();

  constructor(private readonly env: ParseEnv) {}

  /** Forget per-file state (the file was truncated or replaced). */
  reset(): void {
    this.anthropic = new AnthropicStreamState();
  }

  /**
   * The tailer's entry point. JSON and SSE lines that contain none of the words any usage or error
   * line must contain are skipped without decoding: request bodies with megabytes of prompt are
   * the bulk of many logs and never carry usage.
   */
  parseBytes(line: Buffer, fallbackTime: number): LineResult {
    let s = 0;
    while (s < line.length && (line[s] === 0x20 || line[s] === 0x09)) s++;
    const jsonOrData = line[s] === 0x7b || DATA.equals(line.subarray(s, s + DATA.length));
    if (jsonOrData && !MARKERS.some((m) => line.includes(m, s))) return IGNORED;
    // Before decoding: every later JSON.parse of this line, or of a body embedded in it, stays in budget.
    if (exceedsContainerBudget(line)) return OVER_BUDGET;
    return this.parse(line.toString('utf8'), fallbackTime);
  }

  /** `fallbackTime`: used when the line carries no time at all (the file's modification time). */
  parse(rawLine: string, fallbackTime: number): LineResult {
    const line = rawLine.trim();
    const around: Around = { env: this.env, fallbackTime };
    if (line === '') return IGNORED;
    const c = line.charCodeAt(0);
    if (c === 0x7b /* { */) return this.json(line, around);
    if (line.startsWith('data:')) return this.sseData(line.slice(5).trim(), around);
    if (c === 0x3a /* : */ || line.startsWith('event:') || line.startsWith('id:') || line.startsWith('retry:')) return IGNORED;
    if (c === 0x5b /* [ */ && isNewApiTextLine(line)) return newApiTextResult(line, around);
    // Plain log chatter of the same servers (uvicorn's `INFO:  ...`, timestamped text) is not garbage.
    if (TEXT_LOG_LINE.test(line)) return IGNORED;
    return { kind: 'unparsable', reason: 'not a recognized log line' };
  }

  private json(text: string, around: Around): LineResult {
    let o: unknown;
    try {
      o = JSON.parse(text);
    } catch {
      return { kind: 'unparsable', reason: 'invalid JSON' };
    }
    return isObject(o) ? this.object(o, around, 0) : { kind: 'unparsable', reason: 'JSON line is not an object' };
  }

  private sseData(payload: string, around: Around): LineResult {
    if (payload === '' || payload === '[DONE]') return IGNORED;
    let o: unknown;
    try {
      o = JSON.parse(payload);
    } catch {
      return { kind: 'unparsable', reason: 'invalid JSON in SSE data' };
    }
    if (!isObject(o)) return IGNORED;
    if (typeof o.type === 'string' && !('choices' in o)) return this.anthropic.event(o, around);
    return this.object(o, around, 0);
  }

  private object(o: Record<string, unknown>, around: Around, depth: number): LineResult {
    if (isPino(o)) return this.ccr(o, around);
    if (o.type === 'assistant' && isObject(o.message)) return claudeCodeResult(o, around);
    if (isLiteLLMPayload(o)) return liteLLMResult(o, around);
    if (isHeliconeRow(o)) return heliconeResult(o, around);
    if (isNewApiTableRow(o)) return newApiTableResult(o, around);
    if (looksLikeOpenAIResponse(o)) return openAIResponseResult(o, around);
    if (o.type === 'message' && isObject(o.usage)) return anthropicBodyResult(o, around);
    if (o.type === 'message_start' || o.type === 'message_delta') return this.anthropic.event(o, around);
    const error = errorBodyResult(o, around);
    if (error) return error;
    if (depth >= MAX_DEPTH) return IGNORED;
    const inner: Around = { ...around, at: wrapperTime(o, this.env.logTimezone) ?? around.at, status: statusOf(o) ?? around.status };
    for (const key of WRAPPER_KEYS) {
      const v = o[key];
      const r = isObject(v) ? this.object(v, inner, depth + 1) : typeof v === 'string' ? this.embedded(v, inner, depth + 1) : undefined;
      if (r && r.kind !== 'ignored') return r;
    }
    // LiteLLM's JSON logger: {"message": "RAW RESPONSE:\n{...}"}.
    const message = str(o.message);
    if (message?.startsWith('RAW RESPONSE:')) return this.embedded(message.slice('RAW RESPONSE:'.length), inner, depth + 1);
    return IGNORED;
  }

  /** A body stored as a string: JSON, or a whole SSE capture (nginx's resp_body). */
  private embedded(text: string, around: Around, depth: number): LineResult {
    const t = text.trim();
    if (t.startsWith('{')) {
      try {
        const o = JSON.parse(t);
        return isObject(o) ? this.object(o, around, depth) : IGNORED;
      } catch {
        return IGNORED;
      }
    }
    if (!t.startsWith('data:') && !t.startsWith('event:') && !t.startsWith(':')) return IGNORED;
    // Self-contained capture: the last usage wins, as with the chunks of a stream.
    const sub = new LineParser(this.env);
    let best: LineResult = IGNORED;
    for (const l of t.split('\n')) {
      const r = sub.parse(l, around.fallbackTime);
      if (r.kind === 'ignored' || r.kind === 'unparsable') continue;
      if (r.kind === 'usage' || best.kind !== 'usage') best = r;
    }
    if (best.kind === 'usage' && around.at !== undefined) stampTime(best.record, around.at);
    return best;
  }

  /**
   * claude-code-router logs each provider response twice: the `"tppe":"Original Response"` object
   * and the JSON string `data` of `"type":"recieved data"` (both sic). Records carry the provider's
   * response id, so the two dedupe in the ledger; reqId restarts at req-1 and is never a key.
   */
  private ccr(o: Record<string, unknown>, around: Around): LineResult {
    const at = typeof o.time === 'number' ? o.time : undefined;
    const inner: Around = { ...around, at, format: 'ccr-pino' };
    if (o.tppe === 'Original Response' && isObject(o.response)) return this.object(o.response, inner, 1);
    if (o.type === 'recieved data' && typeof o.data === 'string') {
      const data = o.data.trim();
      if (data.startsWith('{')) return this.embedded(data, inner, 1);
      // An Anthropic-format provider streams events; they belong to this file's stream state.
      let best: LineResult = IGNORED;
      for (const l of data.split('\n')) {
        const r = this.parse(l, around.fallbackTime);
        if (r.kind === 'usage' || r.kind === 'error') best = r;
      }
      if (best.kind === 'usage' || best.kind === 'error') best.record.format = 'ccr-pino';
      if (best.kind === 'usage' && at !== undefined) stampTime(best.record, at);
      return best;
    }
    return IGNORED;
  }
}

function stampTime(record: UsageRecord, at: number): void {
  record.completedAt = at;
  record.timeSource = 'log';
}

function isPino(o: Record<string, unknown>): boolean {
  return typeof o.level === 'number' && typeof o.time === 'number' && ('reqId' in o || 'pid' in o);
}
