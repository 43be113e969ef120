// Top-level statement starts in Python: a line at column 0 that begins code, after a logical line
// that ended (no open bracket, no backslash continuation, not inside a string) and was not a
// decorator; `else`/`elif`/`except`/`finally` continue the statement above them.
import { AT, BACKSLASH, lineEnd, NL, skipQuoted, type StatementStarts, wordAt } from './lexing';

const CONTINUING = new Set(['else', 'elif', 'except', 'finally']);
const HASH = 35;
const QUOTE = 34;
const APOSTROPHE = 39;

/** Whether a line starting with this character can open a new statement. */
function opensStatement(c: number): boolean {
  // Not whitespace, a comment, a closing bracket or a stray backslash.
  return c > 32 && c !== HASH && c !== 41 && c !== 93 && c !== 125 && c !== BACKSLASH;
}

export const pythonStatementStarts: StatementStarts = (text, from, fromRow, onStart) => {
  const n = text.length;
  let row = fromRow;
  let depth = 0;
  let continued = false;
  /** Whether the current logical line has code yet, and whether it began with `@`. */
  let hasCode = false;
  let decorator = false;
  /** Whether the last logical line with code was a decorator (its statement goes on below). */
  let afterDecorator = false;
  let i = from;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === NL) {
      row++;
      i++;
      if (depth > 0 || continued) {
        continued = false;
        continue;
      }
      if (hasCode) {
        afterDecorator = decorator;
        hasCode = false;
      }
      if (i < n && !afterDecorator && opensStatement(text.charCodeAt(i)) && !CONTINUING.has(wordAt(text, i))) {
        if (!onStart(i, row)) return;
      }
      continue;
    }
    if (c <= 32) {
      i++;
      continue;
    }
    if (c === HASH) {
      i = lineEnd(text, i);
      continue;
    }
    if (!hasCode && depth === 0) {
      hasCode = true;
      decorator = c === AT;
    }
    if (c === BACKSLASH) {
      // A backslash before the line end joins the next line to this one.
      const next = text.charCodeAt(i + 1);
      if (next === NL || (next === 13 && text.charCodeAt(i + 2) === NL)) continued = true;
      i += next === 13 ? 2 : 1;
      continue;
    }
    if (c === QUOTE || c === APOSTROPHE) {
      // Its prefix letters (`r`, `b`, `f`) were read as code; an unterminated one-line string ends at
      // the line end, as Python's tokenizer says.
      const scanned = skipQuoted(text, i, c, text.charCodeAt(i + 1) === c && text.charCodeAt(i + 2) === c);
      row += scanned.rows;
      i = scanned.end;
      continue;
    }
    if (c === 40 || c === 91 || c === 123) depth++;
    else if ((c === 41 || c === 93 || c === 125) && depth > 0) depth--;
    i++;
  }
};
