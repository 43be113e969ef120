// Every log format the spend tracker reads, in one place: its id, the byte-level markers any line
// it reads must contain, how it is recognised and how it is read. Detection order is this list's
// order, and the tailer's byte prefilter is derived from the markers, so adding a format is one
// entry here (plus its reader file): a line whose format forgot a marker is a failing test
// (test/unit/usage/registry.test.ts), not a silently ignored line.
import { AnthropicStreamState, anthropicBodyResult, claudeCodeResult, isAnthropicStreamEvent } from './anthropic';
import { ccrDbRowResult, isCcrDbRow } from './ccrDb';
import type { Around } from './common';
import { DshSessionState, isDshEvent } from './dsh';
import { heliconeResult, isHeliconeRow } from './helicone';
import { isLiteLLMPayload, liteLLMResult } from './litellm';
import { isNewApiTableRow, isNewApiTextLine, newApiTableResult, newApiTextResult } from './newapi';
import { errorBodyResult, looksLikeOpenAIResponse, openAIResponseResult } from './openai';
import { isResponsesBody, isResponsesEvent, responsesBodyResult, responsesEventResult } from './responses';
import { isObject } from '../tokens';
import type { LineResult } from '../types';

/** Per-file state a stateful format keeps between lines (reset when the file is truncated or replaced). */
export interface FileParseState {
  anthropic: AnthropicStreamState;
  dsh: DshSessionState;
  /** Reads an object nested in another format's line (claude-code-router's wrapped bodies). */
  nested(o: Record<string, unknown>, around: Around): LineResult;
  /** Reads a text line as this file's own (an Anthropic stream inside claude-code-router's `data`). */
  line(text: string, fallbackTime: number): LineResult;
}

export interface ObjectFormat {
  id: string;
  /** What it reads, for the README and `deepseek-cost spend --help`. */
  describes: string;
  /** Substrings one of which every JSON line it reads contains; lines with none are never decoded. */
  markers: readonly string[];
  detect(o: Record<string, unknown>): boolean;
  read(o: Record<string, unknown>, around: Around, state: FileParseState): LineResult;
  /** When it reads a line as nothing, the line may still wrap a body under a wrapper key: keep looking. */
  fallThrough?: boolean;
}

export interface TextFormat {
  id: string;
  describes: string;
  detect(line: string): boolean;
  read(line: string, around: Around): LineResult;
}

/**
 * Every usage the formats read has token counts (`prompt_tokens`, `input_tokens`, `inputTokens`,
 * `cache_read_tokens`, …): `okens` matches them all, and a line without it (a request body, a
 * `usage: null` chunk) carries nothing to count. `rror` matches `error`, `Error` and
 * `isApiErrorMessage`. Short, shared markers keep the prefilter to a few scans of each long line.
 */
const TOKENS = 'okens';
const ERROR = 'rror';

export const OBJECT_FORMATS: readonly ObjectFormat[] = [
  {
    id: 'ccr-pino',
    describes: 'claude-code-router v1/v2 logs (pino JSON lines)',
    markers: [TOKENS, ERROR],
    detect: (o) => typeof o.level === 'number' && typeof o.time === 'number' && ('reqId' in o || 'pid' in o),
    read: ccrPinoResult,
  },
  {
    id: 'claude-code',
    describes: 'Claude Code transcripts',
    markers: [TOKENS, ERROR],
    detect: (o) => o.type === 'assistant' && isObject(o.message),
    read: (o, around) => claudeCodeResult(o, around),
  },
  { id: 'litellm-payload', describes: 'LiteLLM StandardLoggingPayload lines', markers: [TOKENS, ERROR], detect: isLiteLLMPayload, read: (o, a) => liteLLMResult(o, a) },
  { id: 'helicone', describes: 'Helicone request exports', markers: [TOKENS], detect: isHeliconeRow, read: (o, a) => heliconeResult(o, a) },
  { id: 'newapi-table', describes: "new-api's logs table exported as JSON rows", markers: [TOKENS], detect: isNewApiTableRow, read: (o, a) => newApiTableResult(o, a) },
  { id: 'ccr-v3-db', describes: "claude-code-router v3's usage database (rows of usage_events)", markers: [TOKENS], detect: isCcrDbRow, read: (o, a) => ccrDbRowResult(o, a) },
  {
    id: 'dsh-session',
    describes: 'DeepSeek Harness session journals (session.jsonl.zstd or session.jsonl)',
    // The header and the step ends carry no usage but are needed: the session id, and the usage of a step whose message never came.
    markers: [TOKENS, '"session"', '/end"'],
    detect: isDshEvent,
    read: (o, a, s) => s.dsh.event(o, a),
  },
  { id: 'responses-body', describes: 'Responses API bodies (/responses)', markers: [TOKENS], detect: isResponsesBody, read: (o, a) => responsesBodyResult(o, a) },
  { id: 'responses-sse', describes: 'Responses API stream events (response.completed), plain or SSE', markers: [TOKENS, ERROR], detect: isResponsesEvent, read: (o, a) => responsesEventResult(o, a) },
  { id: 'openai', describes: 'OpenAI-format bodies and stream chunks', markers: [TOKENS], detect: looksLikeOpenAIResponse, read: (o, a) => openAIResponseResult(o, a) },
  { id: 'anthropic-body', describes: 'Anthropic-format bodies', markers: [TOKENS], detect: (o) => o.type === 'message' && isObject(o.usage), read: (o, a) => anthropicBodyResult(o, a) },
  {
    id: 'anthropic-sse',
    describes: 'Anthropic-format stream events (with or without message_start)',
    markers: [TOKENS, 'message_stop', ERROR],
    detect: isAnthropicStreamEvent,
    read: (o, a, s) => s.anthropic.event(o, a),
  },
  { id: 'error-body', describes: 'API error bodies', markers: [ERROR], detect: (o) => 'error' in o && o.error !== null && !('usage' in o), read: (o, a) => errorBodyResult(o, a) ?? { kind: 'ignored' }, fallThrough: true },
];

export const TEXT_FORMATS: readonly TextFormat[] = [
  { id: 'newapi-text', describes: 'new-api / one-api text logs (params JSON, key=value or Go struct)', detect: (l) => l.startsWith('[') && isNewApiTextLine(l), read: newApiTextResult },
];

/** The prefilter: a JSON or SSE line that contains none of these cannot be read by any format. */
export const LINE_MARKERS: readonly Buffer[] = minimalMarkers(OBJECT_FORMATS.flatMap((f) => f.markers)).map((m) => Buffer.from(m));

/** A marker that contains another is implied by it: scanning a long line for it again is waste. */
function minimalMarkers(all: string[]): string[] {
  const unique = [...new Set(all)];
  return unique.filter((m) => !unique.some((other) => other !== m && m.includes(other)));
}

/**
 * claude-code-router logs each provider response twice: the `"tppe":"Original Response"` object
 * and the JSON string `data` of `"type":"recieved data"` (both sic). Records carry the provider's
 * response id, so the two dedupe in the ledger; reqId restarts at req-1 and is never a key.
 */
function ccrPinoResult(o: Record<string, unknown>, around: Around, state: FileParseState): LineResult {
  const at = typeof o.time === 'number' ? o.time : undefined;
  const inner: Around = { ...around, at, format: 'ccr-pino' };
  if (o.tppe === 'Original Response' && isObject(o.response)) return state.nested(o.response, inner);
  if (o.type === 'recieved data' && typeof o.data === 'string') {
    const data = o.data.trim();
    if (data.startsWith('{')) {
      try {
        const body: unknown = JSON.parse(data);
        return isObject(body) ? state.nested(body, inner) : { kind: 'ignored' };
      } catch {
        return { kind: 'ignored' };
      }
    }
    // An Anthropic-format provider streams events; they belong to this file's stream state.
    let best: LineResult = { kind: 'ignored' };
    for (const l of data.split('\n')) {
      const r = state.line(l, around.fallbackTime);
      if (r.kind === 'usage' || r.kind === 'error') best = r;
    }
    if (best.kind === 'usage' || best.kind === 'error') best.record.format = 'ccr-pino';
    if (best.kind === 'usage' && at !== undefined) {
      best.record.completedAt = at;
      best.record.timeSource = 'log';
    }
    return best;
  }
  return { kind: 'ignored' };
}
