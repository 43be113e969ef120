// Top-level declaration starts in Go: a line at column 0 that begins with a word, outside every
// bracket, string, raw string, rune and comment. Go's top level holds only declarations (`func`,
// `type`, `var`, `const`, `import`, `package`), each starting a line, so no word at column 0 there
// continues the line above.
import { BACKSLASH, lineEnd, NL, pastClosing, rowsIn, type StatementStarts } from './lexing';

const SLASH = 47;
const STAR = 42;
const QUOTE = 34;
const APOSTROPHE = 39;
const BACKTICK = 96;

function opensDeclaration(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
}

export const goStatementStarts: StatementStarts = (text, from, fromRow, onStart) => {
  const n = text.length;
  let row = fromRow;
  let depth = 0;
  let i = from;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === NL) {
      row++;
      i++;
      if (depth === 0 && i < n && opensDeclaration(text.charCodeAt(i)) && !onStart(i, row)) return;
      continue;
    }
    if (c === SLASH && text.charCodeAt(i + 1) === SLASH) {
      i = lineEnd(text, i);
    } else if ((c === SLASH && text.charCodeAt(i + 1) === STAR) || c === BACKTICK) {
      // A block comment, or a raw string (to the next backtick): across lines.
      const stop = c === BACKTICK ? pastClosing(text, i + 1, '`') : pastClosing(text, i + 2, '*/');
      row += rowsIn(text, i, stop);
      i = stop;
    } else if (c === QUOTE || c === APOSTROPHE) {
      // Interpreted strings and runes end on their line.
      let j = i + 1;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (d === BACKSLASH && text.charCodeAt(j + 1) !== NL) j += 2;
        else if (d === c) {
          j++;
          break;
        } else if (d === NL) break;
        else j++;
      }
      i = j;
    } else {
      if (c === 40 || c === 91 || c === 123) depth++;
      else if ((c === 41 || c === 93 || c === 125) && depth > 0) depth--;
      i++;
    }
  }
};
