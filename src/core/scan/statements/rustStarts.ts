// Top-level item starts in Rust: a line at column 0 that begins with a word, outside every bracket,
// string (raw strings with their `#`s included), character literal and (nested) block comment,
// after an item that ended (its last token `;` or `}`) and not after an attribute line (`#[…]`
// belongs to the item below it). A lifetime (`'a`) is not a character literal.
import { AT, BACKSLASH, isIdentChar, lineEnd, NL, pastClosing, rowsIn, type StatementStarts } from './lexing';

const SLASH = 47;
const STAR = 42;
const QUOTE = 34;
const APOSTROPHE = 39;
const HASH = 35;
const SEMICOLON = 59;
const CLOSE_BRACE = 125;
/** At a word's start (the scan only stops at word starts): a raw string's opening. */
const RAW = /(?:[bc]?r)(#*)"/y;

function opensItem(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === HASH || c === AT;
}

export const rustStatementStarts: StatementStarts = (text, from, fromRow, onStart) => {
  const n = text.length;
  let row = fromRow;
  let depth = 0;
  let prevChar = 0;
  let hasCode = false;
  let attribute = false;
  let afterAttribute = false;
  let i = from;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === NL) {
      row++;
      i++;
      if (depth > 0) continue;
      if (hasCode) {
        afterAttribute = attribute;
        hasCode = false;
      }
      if (i < n && !afterAttribute && (prevChar === SEMICOLON || prevChar === CLOSE_BRACE) && opensItem(text.charCodeAt(i)) && !onStart(i, row)) return;
      continue;
    }
    if (c <= 32) {
      i++;
      continue;
    }
    if (c === SLASH && text.charCodeAt(i + 1) === SLASH) {
      i = lineEnd(text, i);
      continue;
    }
    if (c === SLASH && text.charCodeAt(i + 1) === STAR) {
      const stop = blockCommentEnd(text, i);
      row += rowsIn(text, i, stop);
      i = stop;
      continue;
    }
    if (!hasCode && depth === 0) {
      hasCode = true;
      attribute = c === HASH;
    }
    if (isIdentChar(c)) {
      // A raw string: `r"…"`, `r#"…"#`, with a `b` or `c` before the `r`.
      RAW.lastIndex = i;
      const m = (c === 114 || c === 98 || c === 99) && RAW.exec(text);
      if (m) {
        const stop = pastClosing(text, i + m[0].length, '"' + m[1]);
        row += rowsIn(text, i, stop);
        i = stop;
        prevChar = QUOTE;
        continue;
      }
      let j = i + 1;
      while (j < n && isIdentChar(text.charCodeAt(j))) j++;
      prevChar = c;
      i = j;
      continue;
    }
    if (c === QUOTE) {
      // Strings may span lines.
      let j = i + 1;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (d === BACKSLASH) j += 2;
        else if (d === QUOTE) break;
        else j++;
      }
      const stop = Math.min(n, j + 1);
      row += rowsIn(text, i, stop);
      i = stop;
      prevChar = QUOTE;
      continue;
    }
    if (c === APOSTROPHE) {
      i = charLiteralEnd(text, i);
      prevChar = APOSTROPHE;
      continue;
    }
    if (c === 40 || c === 91 || c === 123) depth++;
    else if ((c === 41 || c === 93 || c === CLOSE_BRACE) && depth > 0) depth--;
    prevChar = c;
    i++;
  }
};

/** Past a block comment (Rust's nest); an unclosed one runs to the end. */
function blockCommentEnd(text: string, i: number): number {
  let nesting = 0;
  let j = i;
  while (j < text.length) {
    if (text.charCodeAt(j) === SLASH && text.charCodeAt(j + 1) === STAR) {
      nesting++;
      j += 2;
    } else if (text.charCodeAt(j) === STAR && text.charCodeAt(j + 1) === SLASH) {
      nesting--;
      j += 2;
      if (nesting === 0) return j;
    } else j++;
  }
  return text.length;
}

/** Past a character literal (`'a'`, `'\n'`, `'\u{1F600}'`), or just past the quote of a lifetime or label (`'a`). */
function charLiteralEnd(text: string, i: number): number {
  if (text.charCodeAt(i + 1) === BACKSLASH) {
    const end = text.indexOf("'", i + 3);
    const line = text.indexOf('\n', i);
    return end >= 0 && (line < 0 || end < line) ? end + 1 : i + 1;
  }
  // One character, or a surrogate pair, then the closing quote.
  const width = (text.charCodeAt(i + 1) & 0xfc00) === 0xd800 ? 2 : 1;
  return text.charCodeAt(i + 1 + width) === APOSTROPHE && text.charCodeAt(i + 1) !== NL ? i + 2 + width : i + 1;
}
