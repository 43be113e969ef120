// Where the comments are, per comment syntax of the language registry. Suppression comments count
// only inside real comments, so each lexer steps over the format's strings: a string that happens
// to contain `// deepseek-cost-ignore` or `# …` is never a comment. Lexers read text only (no
// parse), and only run on files that contain a suppression marker at all.
import type { CommentSyntax } from '../languages';
import { languageForFence } from '../languages';
import { findFences } from '../scan/markdown';
import { promptFileLayout } from '../scan/prompt-file';
import { lexDotenv } from '../scan/dotenv';

export interface Comment {
  /** The whole comment, delimiters included. */
  start: number;
  end: number;
  /** The line comment marker (`//`, `#`) or `block` for a delimited comment. */
  form: 'line' | 'block';
}

/** Comments between `from` and `to` of `src` (a Markdown fence or front matter is a slice of the file). */
export type CommentLexer = (src: string, from: number, to: number) => Comment[];

function lineEnd(src: string, i: number, to: number): number {
  const n = src.indexOf('\n', i);
  return n < 0 || n > to ? to : n;
}

/** Skips a quoted string starting at `i` (the quote); returns the offset after it. */
function skipQuoted(src: string, i: number, to: number, quote: string, { escapes = true, multiline = true } = {}): number {
  let j = i + quote.length;
  while (j < to) {
    const c = src[j];
    if (escapes && c === '\\') {
      j += 2;
      continue;
    }
    if (!multiline && c === '\n') return j;
    if (src.startsWith(quote, j)) return j + quote.length;
    j++;
  }
  return to;
}

/** `//` and `/* *\/`, over JS/TS, Go, Java, Rust and JSONC strings, template literals, raw strings and char literals. */
const cLike: CommentLexer = (src, from, to) => {
  const out: Comment[] = [];
  let i = from;
  while (i < to) {
    const c = src[i];
    if (c === '/' && src[i + 1] === '/') {
      const e = lineEnd(src, i, to);
      out.push({ start: i, end: e, form: 'line' });
      i = e;
    } else if (c === '/' && src[i + 1] === '*') {
      const close = src.indexOf('*/', i + 2);
      const e = close < 0 || close + 2 > to ? to : close + 2;
      out.push({ start: i, end: e, form: 'block' });
      i = e;
    } else if (c === '"') {
      i = src.startsWith('"""', i) ? skipQuoted(src, i, to, '"""') : skipQuoted(src, i, to, '"');
    } else if (c === '`') {
      i = skipQuoted(src, i, to, '`');
    } else if (c === "'") {
      // A char literal ('a', '\n', '\u{1F600}'), a Rust lifetime ('a) or a JS string on one line.
      const ch = /^'(?:\\[^'\n]{1,10}|[^\\'\n])'/.exec(src.slice(i, i + 14));
      if (ch) i += ch[0].length;
      else if (/^'[A-Za-z_]/.test(src.slice(i, i + 2)) && (/[<&]/.test(src[i - 1] ?? '') || !src.slice(i + 1, lineEnd(src, i, to)).includes("'"))) i++;
      else i = skipQuoted(src, i, to, "'", { multiline: false });
    } else if (c === 'r' && /^r#+"/.test(src.slice(i, i + 8)) && !/\w/.test(src[i - 1] ?? '')) {
      // Rust raw string r#"…"#: no escapes, ends at a quote followed by as many hashes.
      const hashes = /^r(#+)"/.exec(src.slice(i, i + 8))![1];
      const close = src.indexOf(`"${hashes}`, i + 2 + hashes.length);
      i = close < 0 || close > to ? to : close + 1 + hashes.length;
    } else {
      i++;
    }
  }
  return out;
};

/** Python: `#` comments over '…', "…", '''…''' and """…""" strings. */
const hash: CommentLexer = (src, from, to) => {
  const out: Comment[] = [];
  let i = from;
  while (i < to) {
    const c = src[i];
    if (c === '#') {
      const e = lineEnd(src, i, to);
      out.push({ start: i, end: e, form: 'line' });
      i = e;
    } else if (c === '"' || c === "'") {
      const triple = c.repeat(3);
      i = src.startsWith(triple, i) ? skipQuoted(src, i, to, triple) : skipQuoted(src, i, to, c, { multiline: false });
    } else {
      i++;
    }
  }
  return out;
};

/** TOML: `#` comments over basic and literal strings, single- and multi-line. */
const toml: CommentLexer = (src, from, to) => {
  const out: Comment[] = [];
  let i = from;
  while (i < to) {
    const c = src[i];
    if (c === '#') {
      const e = lineEnd(src, i, to);
      out.push({ start: i, end: e, form: 'line' });
      i = e;
    } else if (c === '"' || c === "'") {
      const triple = c.repeat(3);
      const escapes = c === '"';
      i = src.startsWith(triple, i) ? skipQuoted(src, i, to, triple, { escapes }) : skipQuoted(src, i, to, c, { escapes, multiline: false });
    } else {
      i++;
    }
  }
  return out;
};

/** A YAML single-quoted scalar, where `''` is a quote. */
function skipYamlSingle(src: string, i: number, to: number): number {
  let j = i + 1;
  while (j < to) {
    if (src[j] === "'") {
      if (src[j + 1] === "'") j += 2;
      else return j + 1;
    } else j++;
  }
  return to;
}

/**
 * YAML: `#` starts a comment at the start of a line or after whitespace, outside quoted scalars and
 * block scalars (`run: |` content is text, whatever it contains).
 */
const yaml: CommentLexer = (src, from, to) => {
  const out: Comment[] = [];
  let i = from;
  /** Indentation of the line that opened a block scalar; its more-indented lines are content. */
  let blockIndent = -1;
  while (i < to) {
    const eol = lineEnd(src, i, to);
    const line = src.slice(i, eol);
    const indent = line.length - line.trimStart().length;
    if (blockIndent >= 0) {
      if (line.trim() === '' || indent > blockIndent) {
        i = eol + 1;
        continue;
      }
      blockIndent = -1;
    }
    let j = i + indent;
    let end = eol;
    // Whether a scalar may start here: at the start of a line, after `- `, `: `, `? `, `[`, `{`, `,`.
    let scalarStart = true;
    let opensBlock = false;
    while (j < end) {
      const c = src[j];
      if (c === '#' && (j === i || /\s/.test(src[j - 1]))) {
        out.push({ start: j, end, form: 'line' });
        break;
      }
      if ((c === '"' || c === "'") && scalarStart) {
        j = c === '"' ? skipQuoted(src, j, to, '"') : skipYamlSingle(src, j, to);
        // A quoted scalar may run over several lines: go on from where it closed.
        if (j > end) end = lineEnd(src, j, to);
        scalarStart = false;
        continue;
      }
      if ((c === '|' || c === '>') && scalarStart && /^[|>][-+0-9]*[ \t]*(#.*)?\r?$/.test(src.slice(j, end))) opensBlock = true;
      if (c === '[' || c === '{' || c === ',') scalarStart = true;
      else if ((c === ':' || c === '-' || c === '?') && (j + 1 >= end || /\s/.test(src[j + 1]))) scalarStart = true;
      else if (!/\s/.test(c)) scalarStart = false;
      j++;
    }
    if (opensBlock) blockIndent = indent;
    i = end + 1;
  }
  return out;
};

/** `.env`: `#` at the start of a line or after whitespace, outside quoted (possibly multi-line) values. */
const dotenv: CommentLexer = (src, from, to) => {
  const text = src.slice(from, to);
  const quoted = lexDotenv(text).filter((e) => /^["'`]/.test(text[e.literal.start] ?? '')).map((e) => e.literal);
  const out: Comment[] = [];
  let q = 0;
  for (let i = 0; i < text.length; i++) {
    while (q < quoted.length && quoted[q].end <= i) q++;
    if (q < quoted.length && i >= quoted[q].start && i < quoted[q].end) {
      i = quoted[q].end - 1;
      continue;
    }
    if (text[i] === '#' && (i === 0 || /\s/.test(text[i - 1]))) {
      const e = lineEnd(text, i, text.length);
      out.push({ start: from + i, end: from + e, form: 'line' });
      i = e;
    }
  }
  return out;
};

/** `.properties`: a line whose first non-blank character is `#` or `!`, unless it continues the line before. */
const properties: CommentLexer = (src, from, to) => {
  const out: Comment[] = [];
  let continued = false;
  for (let i = from; i < to; ) {
    const eol = lineEnd(src, i, to);
    const raw = src.slice(i, eol).replace(/\r$/, '');
    const body = raw.trimStart();
    const isComment: boolean = !continued && (body.startsWith('#') || body.startsWith('!'));
    if (isComment) out.push({ start: i + raw.length - body.length, end: i + raw.length, form: 'line' });
    const slashes = /\\*$/.exec(raw)![0].length;
    // A comment or blank line ends a logical line; any other line continues it with an odd number of backslashes.
    continued = !isComment && body !== '' && slashes % 2 === 1;
    i = eol + 1;
  }
  return out;
};

/** HTML comments in Markdown prose (not in inline code), and each fenced block's own comments. */
const markdown: CommentLexer = (src, from, to) => {
  const text = src.slice(from, to);
  const out: Comment[] = [];
  const fences = findFences(text);
  let prose = 0;
  const proseComments = (a: number, b: number) => {
    const re = /`+[^`\n]*`+|<!--[\s\S]*?(?:-->|$)/g;
    const part = text.slice(a, b);
    for (let m = re.exec(part); m; m = re.exec(part)) if (m[0].startsWith('<!--')) out.push({ start: from + a + m.index, end: from + a + m.index + m[0].length, form: 'block' });
  };
  for (const f of fences) {
    // The opening fence line belongs to prose only up to where the block starts.
    const openLine = text.lastIndexOf('\n', f.start - 2) + 1;
    proseComments(prose, openLine);
    const lexer = commentLexerFor(languageForFence(f.info)?.comments ?? 'none')!;
    out.push(...lexer(src, from + f.start, from + f.end));
    prose = lineEnd(text, f.end, text.length);
  }
  proseComments(prose, text.length);
  return out;
};

/** Prompt files: YAML comments in the front matter (the body is the prompt itself). */
const frontMatter: CommentLexer = (src, from, to) => {
  const layout = promptFileLayout(src.slice(from, to));
  return yaml(src, from + layout.frontStart, from + layout.frontEnd);
};

const none: CommentLexer = () => [];

const lexers: Record<CommentSyntax, CommentLexer> = {
  c: cLike,
  hash,
  yaml,
  toml,
  dotenv,
  properties,
  markdown,
  'front-matter': frontMatter,
  none,
};

export function commentLexerFor(syntax: CommentSyntax): CommentLexer | undefined {
  return lexers[syntax];
}

/** How a line comment is written in a syntax, for the "ignore on this line" fix; undefined when there is none. */
export function lineCommentPrefix(syntax: CommentSyntax): string | undefined {
  switch (syntax) {
    case 'c':
      return '//';
    case 'hash':
    case 'yaml':
    case 'toml':
    case 'dotenv':
    case 'properties':
    case 'front-matter':
      return '#';
    default:
      return undefined;
  }
}

/** The syntax in force at an offset: inside a Markdown fence, the fence's language. */
export function syntaxAt(src: string, syntax: CommentSyntax, offset: number): CommentSyntax {
  if (syntax !== 'markdown') return syntax;
  const f = findFences(src).find((x) => offset >= x.start && offset <= x.end);
  return f ? (languageForFence(f.info)?.comments ?? 'none') : 'markdown';
}
