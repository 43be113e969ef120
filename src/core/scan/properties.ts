// Java `.properties` files (Spring's application.properties and friends), read as the format's
// specification reads them: `key=value`, `key: value` and `key value`; `#` and `!` comment lines;
// a line ending in an odd number of backslashes continues on the next one, whose leading
// whitespace is dropped; `\t`, `\n`, `\uXXXX` and `\x` → `x` escapes in keys and values.
import { normalizeKey } from './dialect';
import type { EnvEntry } from './dotenv';
import type { StringLiteral } from './types';

/** One physical line of a logical line: where it starts and ends (line break excluded). */
interface Segment {
  start: number;
  end: number;
}

const WS = (c: string | undefined) => c === ' ' || c === '\t' || c === '\f';

function endsWithContinuation(src: string, start: number, end: number): boolean {
  let n = 0;
  for (let i = end - 1; i >= start && src[i] === '\\'; i--) n++;
  return n % 2 === 1;
}

/** Splits the text into logical lines: each a list of segments with the continuation backslash removed. */
function logicalLines(src: string): Segment[][] {
  const out: Segment[][] = [];
  let i = 0;
  let current: Segment[] | undefined;
  while (i <= src.length) {
    let end = src.indexOf('\n', i);
    if (end < 0) end = src.length;
    const next = end + 1;
    let lineEnd = end > i && src[end - 1] === '\r' ? end - 1 : end;
    let start = i;
    if (current) {
      while (start < lineEnd && WS(src[start])) start++;
    } else {
      let s = start;
      while (s < lineEnd && WS(src[s])) s++;
      // Comment and blank lines never continue, whatever they end with.
      if (s === lineEnd || src[s] === '#' || src[s] === '!') {
        i = next;
        if (end >= src.length) break;
        continue;
      }
    }
    const continues = endsWithContinuation(src, start, lineEnd);
    if (continues) lineEnd--;
    (current ??= []).push({ start, end: lineEnd });
    if (!continues || end >= src.length) {
      out.push(current);
      current = undefined;
    }
    if (end >= src.length) break;
    i = next;
  }
  return out;
}

/** A stream of the logical line's characters with their source offsets. */
function* chars(src: string, segments: Segment[]): Generator<{ c: string; at: number }> {
  for (const s of segments) for (let i = s.start; i < s.end; i++) yield { c: src[i], at: i };
}

const ESCAPES: Record<string, string> = { t: '\t', n: '\n', r: '\r', f: '\f' };

export function lexProperties(src: string): EnvEntry[] {
  const entries: EnvEntry[] = [];
  for (const segments of logicalLines(src)) {
    const it = [...chars(src, segments)];
    let i = 0;
    while (i < it.length && WS(it[i].c)) i++;
    const keyStart = it[i]?.at ?? segments[0].start;
    let key = '';
    // The key ends at the first unescaped `=`, `:` or whitespace.
    for (; i < it.length; i++) {
      const c = it[i].c;
      if (c === '\\' && i + 1 < it.length) {
        i++;
        key += decodeEscape(it, i, (n) => (i += n));
        continue;
      }
      if (c === '=' || c === ':' || WS(c)) break;
      key += c;
    }
    while (i < it.length && WS(it[i].c)) i++;
    if (i < it.length && (it[i].c === '=' || it[i].c === ':')) i++;
    while (i < it.length && WS(it[i].c)) i++;
    const valueFrom = i;
    let value = '';
    // Which source characters the decoded value came from, to narrow the range to the written ID.
    const sources: number[] = [];
    let escaped = false;
    for (; i < it.length; i++) {
      const c = it[i].c;
      if (c === '\\' && i + 1 < it.length) {
        escaped = true;
        i++;
        const piece = decodeEscape(it, i, (n) => (i += n));
        value += piece;
        continue;
      }
      value += c;
      sources.push(it[i].at);
    }
    // Trailing whitespace is part of a value by the specification, but never of a model ID.
    const trimmed = value.replace(/[ \t\f]+$/, '');
    const last = segments[segments.length - 1];
    const start = it[valueFrom]?.at ?? last.end;
    const end = trimmed.length && sources.length ? sources[Math.min(sources.length, trimmed.length) - 1] + 1 : start;
    // A value written on one physical line without escapes has its exact text range; one spread
    // over continuation lines or escaped keeps a range whose raw text differs, so it is never rewritten.
    const literal: StringLiteral = {
      start,
      end: Math.max(end, start),
      contentStart: start,
      contentEnd: Math.max(end, start),
      value: trimmed,
      placeholders: 0,
      startsWithPlaceholder: false,
      key: normalizeKey(key),
    };
    if (!escaped && trimmed.length && sources.length >= trimmed.length) {
      const first = sources[0];
      const lastSource = sources[trimmed.length - 1];
      if (lastSource - first + 1 === trimmed.length) {
        literal.contentStart = first;
        literal.contentEnd = lastSource + 1;
      }
    }
    if (key.length) entries.push({ key, keyStart, literal });
  }
  return entries;
}

/** Decodes the escape whose character is at `it[i]`; `advance` skips extra characters (`\uXXXX`). */
function decodeEscape(it: { c: string }[], i: number, advance: (n: number) => void): string {
  const c = it[i].c;
  if (c === 'u') {
    const hex = it.slice(i + 1, i + 5).map((x) => x.c).join('');
    if (/^[0-9a-fA-F]{4}$/.test(hex)) {
      advance(4);
      return String.fromCharCode(parseInt(hex, 16));
    }
    return 'u';
  }
  return ESCAPES[c] ?? c;
}
