// Where top-level statements start, found by a lexical scan (strings, comments, brackets), without a
// parse. A large file is parsed a statement at a time from these (see ../forest.ts), so a lookup or
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
