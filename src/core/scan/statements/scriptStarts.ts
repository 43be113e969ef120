// Top-level statement starts in JavaScript and TypeScript (TSX and JSX included): a line at column 0
// that begins with a word, outside every bracket, string, template and comment, after a line whose
// last token cannot continue onto the next (an operator, a comma, a keyword such as `extends`), and
// not after a decorator. Regular expressions are told from division by the token before the `/`.
import { AT, BACKSLASH, isIdentChar, lineEnd, NL, pastClosing, rowsIn, skipQuoted, type StatementStarts, wordAt } from './lexing';

/** Words that continue the statement above when they begin a line. */
const CONTINUING_LINE = new Set(['else', 'catch', 'finally', 'while', 'extends', 'implements', 'as', 'satisfies', 'instanceof', 'in', 'of', 'from', 'keyof', 'typeof']);
/** Words after which a line break does not end the statement. */
const CONTINUING_WORD = new Set([
  'export', 'default', 'extends', 'implements', 'new', 'typeof', 'await', 'yield', 'in', 'of', 'instanceof', 'as', 'satisfies', 'from', 'import',
  'type', 'interface', 'class', 'function', 'const', 'let', 'var', 'async', 'declare', 'abstract', 'enum', 'namespace', 'module', 'keyof', 'readonly',
  'else', 'do', 'case', 'return', 'throw', 'delete', 'void', 'get', 'set', 'static', 'public', 'private', 'protected',
]);
/** After these a `/` starts a regular expression; after a value it divides. */
const REGEX_AFTER_WORD = new Set(['return', 'typeof', 'instanceof', 'in', 'of', 'new', 'delete', 'void', 'throw', 'case', 'do', 'else', 'yield', 'await']);
/** Characters after which a line break does not end the statement (`=`, `+`, `,`, `.`, `?`, `:`, `<`, `>`, ...). */
const CONTINUING_CHARS = new Set('=+-*/%&|^!~<>?:,.([{'.split('').map((ch) => ch.charCodeAt(0)));
const REGEX_AFTER_CHAR = new Set('(,=:[!&|?{};+-*%<>~^'.split('').map((ch) => ch.charCodeAt(0)));

const SLASH = 47;
const STAR = 42;
const QUOTE = 34;
const APOSTROPHE = 39;
const BACKTICK = 96;
const DOLLAR = 36;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
/** Stands for "the last token was a value" (a string, a number, a regular expression, a closing bracket). */
const VALUE = 41;

/** A line beginning with this character can open a statement: a letter, `_`, `$`, `@` or `#`. */
function opensStatement(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 36 || c === AT || c > 127;
}

export const scriptStatementStarts: StatementStarts = (text, from, fromRow, onStart) => {
  const n = text.length;
  let row = fromRow;
  let depth = 0;
  /** Bracket depths at which a template literal's `${` was opened: its `}` goes back into the template. */
  const templates: number[] = [];
  let prevChar = 0;
  let prevWord = '';
  let hasCode = false;
  let decorator = false;
  let afterDecorator = false;
  let i = from;

  /** Scans template text from `j` to its closing backtick or to a `${`; returns where code resumes. */
  const template = (j: number): number => {
    while (j < n) {
      const c = text.charCodeAt(j);
      if (c === BACKSLASH) {
        if (text.charCodeAt(j + 1) === NL) row++;
        j += 2;
      } else if (c === BACKTICK) return j + 1;
      else if (c === DOLLAR && text.charCodeAt(j + 1) === OPEN_BRACE) {
        templates.push(depth);
        depth++;
        return j + 2;
      } else {
        if (c === NL) row++;
        j++;
      }
    }
    return n;
  };

  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === NL) {
      row++;
      i++;
      if (depth > 0 || templates.length > 0) continue;
      if (hasCode) {
        afterDecorator = decorator;
        hasCode = false;
      }
      if (i < n && !afterDecorator && opensStatement(text.charCodeAt(i)) && !CONTINUING_CHARS.has(prevChar) && !CONTINUING_WORD.has(prevWord)) {
        if (!CONTINUING_LINE.has(wordAt(text, i)) && !onStart(i, row)) return;
      }
      continue;
    }
    if (c <= 32) {
      i++;
      continue;
    }
    if (c === SLASH) {
      const next = text.charCodeAt(i + 1);
      if (next === SLASH) {
        i = lineEnd(text, i);
        continue;
      }
      if (next === STAR) {
        const stop = pastClosing(text, i + 2, '*/');
        row += rowsIn(text, i, stop);
        i = stop;
        continue;
      }
    }
    if (!hasCode && depth === 0) {
      hasCode = true;
      decorator = c === AT;
    }
    if (isIdentChar(c)) {
      let j = i + 1;
      while (j < n && isIdentChar(text.charCodeAt(j))) j++;
      prevWord = text.slice(i, j);
      prevChar = c;
      i = j;
      continue;
    }
    if (c === SLASH && (prevChar === 0 || REGEX_AFTER_CHAR.has(prevChar) || (isIdentChar(prevChar) && REGEX_AFTER_WORD.has(prevWord)))) {
      i = skipRegex(text, i);
    } else if (c === QUOTE || c === APOSTROPHE) {
      const scanned = skipQuoted(text, i, c);
      row += scanned.rows;
      i = scanned.end;
    } else if (c === BACKTICK) {
      i = template(i + 1);
    } else {
      if (c === 40 || c === 91 || c === OPEN_BRACE) depth++;
      else if (c === 41 || c === 93 || c === CLOSE_BRACE) {
        if (depth > 0) depth--;
        if (c === CLOSE_BRACE && templates.length > 0 && templates[templates.length - 1] === depth) {
          templates.pop();
          i = template(i + 1);
          prevChar = VALUE;
          prevWord = '';
          continue;
        }
      }
      prevChar = c === 41 || c === 93 || c === CLOSE_BRACE ? VALUE : c;
      prevWord = '';
      i++;
      continue;
    }
    prevChar = VALUE;
    prevWord = '';
  }
};

/** Past a regular expression literal and its flags; one without an end stops at the line end. */
function skipRegex(text: string, i: number): number {
  const n = text.length;
  let j = i + 1;
  let inClass = false;
  while (j < n) {
    const c = text.charCodeAt(j);
    if (c === BACKSLASH && text.charCodeAt(j + 1) !== NL) j += 2;
    else if (c === NL || c === BACKSLASH) return j + (c === BACKSLASH ? 1 : 0);
    else if (c === 91 || c === 93) {
      // A `/` inside a character class does not end the expression.
      inClass = c === 91;
      j++;
    } else if (c === SLASH && !inClass) {
      j++;
      while (j < n && isIdentChar(text.charCodeAt(j))) j++;
      return j;
    } else j++;
  }
  return n;
}
