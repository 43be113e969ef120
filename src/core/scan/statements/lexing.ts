// Where top-level statements start, found by a lexical scan (strings, comments, brackets), without a
// parse, and the pieces of scanning every language's lexer here shares. A large file is parsed a statement at a time from these (see ../forest.ts), so a lookup or
// an edit costs the statements it touches, not the whole file.

/**
 * Calls `onStart(offset, row)` for each top-level statement that starts after `from`, in order.
 * `from` must itself be a statement start (or 0) on row `fromRow`; the scan stops when `onStart`
 * returns false. An offset reported is always at the start of a line.
 *
 * A lexer may report fewer starts than there are statements (that only makes the pieces larger),
 * never a start inside a statement: a piece that does not parse on its own turns the forest back
 * into one tree, so a wrong start costs time, not findings.
 */
export type StatementStarts = (text: string, from: number, fromRow: number, onStart: (offset: number, row: number) => boolean) => void;

export const NL = 10;
export const CR = 13;
export const SPACE = 32;
export const TAB = 9;
export const BACKSLASH = 92;
export const AT = 64;

export function isIdentChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 36 || c > 127;
}

/** The word at `i` (letters, digits, `_`, `$`), for keyword checks at a line start. */
export function wordAt(text: string, i: number): string {
  let j = i;
  while (j < text.length && isIdentChar(text.charCodeAt(j))) j++;
  return text.slice(i, j);
}

/** Where the line holding `i` ends: its newline, or the end of the text (a line comment runs to it). */
export function lineEnd(text: string, i: number): number {
  const end = text.indexOf('\n', i);
  return end < 0 ? text.length : end;
}

/** Just past the first `close` at or after `from`, or the end of the text (an unclosed comment or raw string). */
export function pastClosing(text: string, from: number, close: string): number {
  const end = text.indexOf(close, from);
  return end < 0 ? text.length : end + close.length;
}

/** Newlines in [from, to): the rows a token that spans lines moves the scan down. */
export function rowsIn(text: string, from: number, to: number): number {
  let rows = 0;
  for (let k = text.indexOf('\n', from); k >= 0 && k < to; k = text.indexOf('\n', k + 1)) rows++;
  return rows;
}

/**
 * Past a quoted string whose opening quote is at `i` (a triple-quoted one when `triple`, its three
 * quotes at `i`). A one-line string that is not closed stops at the line end, without taking the
 * newline; an escaped line end (CRLF included) goes on to the next line. `rows` counts the newlines
 * passed.
 */
export function skipQuoted(text: string, i: number, quote: number, triple = false): { end: number; rows: number } {
  const n = text.length;
  let j = i + (triple ? 3 : 1);
  let rows = 0;
  while (j < n) {
    const c = text.charCodeAt(j);
    if (c === BACKSLASH) {
      const crlf = text.charCodeAt(j + 1) === CR && text.charCodeAt(j + 2) === NL;
      if (crlf || text.charCodeAt(j + 1) === NL) rows++;
      j += crlf ? 3 : 2;
      continue;
    }
    if (c === NL) {
      if (!triple) return { end: j, rows };
      rows++;
    } else if (c === quote && (!triple || (text.charCodeAt(j + 1) === quote && text.charCodeAt(j + 2) === quote))) {
      return { end: j + (triple ? 3 : 1), rows };
    }
    j++;
  }
  return { end: n, rows };
}
