// Reads one log line of any supported format (formats/registry.ts), detected per line without
// configuration. One parser per file: Anthropic streams and DeepSeek Harness sessions need what
// came earlier in the same file, and a pretty-printed JSON document spans many lines.
import { AnthropicStreamState } from './formats/anthropic';
import { type Around, IGNORED, type ParseEnv, statusOf, str, wrapperTime, wrapperUrl } from './formats/common';
import { DshSessionState } from './formats/dsh';
import { type FileParseState, LINE_MARKERS, OBJECT_FORMATS, TEXT_FORMATS } from './formats/registry';
import { JsonDocument } from './jsonDocument';
import { MarkerSearch } from './markerSearch';
import { MAX_LINE_CONTAINERS, exceedsContainerBudget } from './jsonBudget';
import { isObject } from './tokens';
import type { LineResult, UsageRecord } from './types';

export type { ParseEnv } from './formats/common';

/** Keys under which logging proxies and scripts put the response body. */
const WRAPPER_KEYS = ['response', 'body', 'resp_body', 'response_body', 'responseBody', 'data', 'payload', 'output'];
const MAX_DEPTH = 4;
const TEXT_LOG_LINE = /^(?:\[?(?:TRACE|DEBUG|INFO|NOTICE|WARN|WARNING|ERROR|ERR|FATAL|CRITICAL)\]?[:\s]|\d{4}[-/]\d{2}[-/]\d{2}[T ]\d{2}:\d{2})/;
const DATA = Buffer.from('data:');
const MARKERS = LINE_MARKERS.map((m) => new MarkerSearch(m));
const OVER_BUDGET: LineResult = { kind: 'unparsable', reason: `more than ${MAX_LINE_CONTAINERS.toLocaleString('en-US')} JSON objects and arrays in one line` };

export class LineParser {
  private state: FileParseState = this.freshState();
  private document: JsonDocument | undefined;
  /** Results beyond the first that one line completed (the bodies of a JSON array). */
  private extra: LineResult[] = [];

  constructor(private readonly env: ParseEnv) {}

  /** Forget per-file state (the file was truncated or replaced). */
  reset(): void {
    this.state = this.freshState();
    this.document = undefined;
    this.extra = [];
  }

  /** Results the last line completed beyond the one it returned (a pretty-printed array of bodies). */
  takeExtra(): LineResult[] {
    const out = this.extra;
    this.extra = [];
    return out;
  }

  /**
   * The tailer's entry point. JSON and SSE lines that contain none of the markers any format
   * declares are skipped without decoding: request bodies with megabytes of prompt are the bulk
   * of many logs and never carry usage. Inside a pretty-printed document every line counts.
   */
  parseBytes(line: Buffer, fallbackTime: number): LineResult {
    if (!this.document) {
      let s = 0;
      while (s < line.length && (line[s] === 0x20 || line[s] === 0x09)) s++;
      // Compared in place: a view per line for these two checks cost more than the checks.
      const brace = line[s] === 0x7b;
      const jsonOrData = brace || startsWithAt(line, s, DATA);
      // A lone `{` opens a pretty-printed document: its markers come on the lines after it.
      let opener = brace;
      for (let k = s + 1; opener && k < line.length; k++) opener = line[k] === 0x20 || line[k] === 0x09 || line[k] === 0x0d;
      if (jsonOrData && !opener && !MARKERS.some((m) => m.foundIn(line, s))) return IGNORED;
    }
    // Before decoding: every later JSON.parse of this line, or of a body embedded in it, stays in budget.
    if (exceedsContainerBudget(line)) return OVER_BUDGET;
    return this.parse(line.toString('utf8'), fallbackTime);
  }

  /** `fallbackTime`: used when the line carries no time at all (the file's modification time). */
  parse(rawLine: string, fallbackTime: number): LineResult {
    const line = rawLine.trim();
    const around: Around = { env: this.env, fallbackTime };
    if (this.document) return this.continueDocument(line, around);
    if (line === '') return IGNORED;
    const c = line.charCodeAt(0);
    // A lone `{` or `[` opens a pretty-printed document (an SDK fixture, `curl -o`, a saved response).
    if (line === '{' || line === '[') {
      this.document = new JsonDocument();
      return this.continueDocument(line, around);
    }
    if (c === 0x7b /* { */) return this.json(line, around);
    if (c === 0x5b /* [ */ && line.endsWith(']') && !TEXT_FORMATS.some((f) => f.detect(line))) return this.jsonArray(line, around);
    if (line.startsWith('data:')) return this.sseData(line.slice(5).trim(), around);
    if (c === 0x3a /* : */ || line.startsWith('event:') || line.startsWith('id:') || line.startsWith('retry:')) return IGNORED;
    for (const f of TEXT_FORMATS) if (f.detect(line)) return f.read(line, around);
    // Plain log chatter of the same servers (uvicorn's `INFO:  ...`, timestamped text) is not garbage.
    if (TEXT_LOG_LINE.test(line)) return IGNORED;
    return { kind: 'unparsable', reason: 'not a recognized log line' };
  }

  private continueDocument(line: string, around: Around): LineResult {
    const doc = this.document!;
    const done = doc.add(line);
    if (done === 'more') return IGNORED;
    this.document = undefined;
    if (done === 'too-large') return { kind: 'unparsable', reason: `pretty-printed JSON document over ${JsonDocument.MAX_CHARS / 1_048_576} MiB` };
    let value: unknown;
    try {
      value = JSON.parse(doc.text());
    } catch {
      return { kind: 'unparsable', reason: 'invalid multi-line JSON document' };
    }
    return this.value(value, around);
  }

  private jsonArray(text: string, around: Around): LineResult {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return { kind: 'unparsable', reason: 'invalid JSON' };
    }
    return this.value(value, around);
  }

  /** A parsed document: one object, or an array of bodies (each read as its own line would be). */
  private value(value: unknown, around: Around): LineResult {
    if (isObject(value)) return this.object(value, around, 0);
    if (!Array.isArray(value)) return { kind: 'unparsable', reason: 'JSON document is neither an object nor an array' };
    const results = value.filter(isObject).map((o) => this.object(o, around, 0)).filter((r) => r.kind !== 'ignored');
    const first = results.find((r) => r.kind === 'usage') ?? results[0] ?? IGNORED;
    this.extra.push(...results.filter((r) => r !== first));
    return first;
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
    return this.object(o, around, 0);
  }

  private object(o: Record<string, unknown>, around: Around, depth: number): LineResult {
    for (const f of OBJECT_FORMATS) {
      if (!f.detect(o)) continue;
      const r = f.read(o, around, this.state);
      if (r.kind !== 'ignored' || !f.fallThrough) return r;
      break;
    }
    if (depth >= MAX_DEPTH) return IGNORED;
    const inner: Around = {
      ...around, at: wrapperTime(o, this.env.logTimezone) ?? around.at, status: statusOf(o) ?? around.status, url: wrapperUrl(o) ?? around.url,
    };
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

  private freshState(): FileParseState {
    return {
      anthropic: new AnthropicStreamState(),
      dsh: new DshSessionState(),
      nested: (o, around) => this.object(o, around, 1),
      line: (text, fallbackTime) => this.parse(text, fallbackTime),
    };
  }
}

function startsWithAt(bytes: Buffer, at: number, prefix: Buffer): boolean {
  if (at + prefix.length > bytes.length) return false;
  for (let k = 0; k < prefix.length; k++) if (bytes[at + k] !== prefix[k]) return false;
  return true;
}

function stampTime(record: UsageRecord, at: number): void {
  record.completedAt = at;
  record.timeSource = 'log';
}
