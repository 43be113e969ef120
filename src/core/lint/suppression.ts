// Suppression comments, as eslint and cspell users know them, applied to findings so the language
// server and `deepseek-cost lint` agree:
//   deepseek-cost-ignore-next-line [ids…] [-- reason]   the next line
//   deepseek-cost-ignore [ids…] [-- reason]             the comment's own line
//   deepseek-cost-ignore-file [ids…] [-- reason]        the whole file
// Without ids every finding there is ignored; with ids (`deepseek-chat`, or as written,
// `deepseek/deepseek-chat`) only those. Markers count only inside real comments of the document's
// language (inside a Markdown fence, the fence's language).
import type { CommentSyntax } from '../languages';
import { type Comment, commentLexerFor, lineCommentPrefix, syntaxAt } from './comments';
import { lastAtOrBefore as lineOf } from '../lastAtOrBefore';

export const IGNORE_MARKER = 'deepseek-cost-ignore';

export interface Directive {
  kind: 'file' | 'line' | 'next-line';
  /** 0-based line the directive applies to (unused for `file`). */
  line: number;
  /** Empty: every finding. */
  ids: string[];
  comment: Comment;
}

/** What suppression needs of a finding: where it starts and which ID it is. */
export interface Suppressible {
  start: number;
  written: string;
  modelId: string;
}

const MARKER = /deepseek-cost-ignore(?:-(next-line|file))?(?![\w-])/g;

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

export function directives(text: string, syntax: CommentSyntax): Directive[] {
  if (!text.includes(IGNORE_MARKER)) return [];
  const lexer = commentLexerFor(syntax);
  if (!lexer) return [];
  let starts: number[] | undefined;
  const out: Directive[] = [];
  for (const comment of lexer(text, 0, text.length)) {
    const body = text.slice(comment.start, comment.end);
    if (!body.includes(IGNORE_MARKER)) continue;
    for (const m of body.matchAll(MARKER)) {
      starts ??= lineStarts(text);
      // The ids run to a `--` reason, the comment's closing delimiter or the next marker.
      let rest = body.slice(m.index! + m[0].length);
      rest = rest.split(/--(?:\s|>|$)|\*\/|deepseek-cost-ignore/)[0];
      // Every model ID names DeepSeek: other words after the marker are prose.
      const ids = rest.split(/[\s,]+/).filter((w) => /^[\w./:-]+$/.test(w) && /deepseek/i.test(w));
      const kind = m[1] === 'file' ? 'file' : m[1] === 'next-line' ? 'next-line' : 'line';
      const line = kind === 'next-line' ? lineOf(starts, comment.end) + 1 : lineOf(starts, comment.start + m.index!);
      out.push({ kind, line, ids, comment });
    }
  }
  return out;
}

function covers(d: Directive, f: Suppressible): boolean {
  return d.ids.length === 0 || d.ids.includes(f.modelId) || d.ids.includes(f.written);
}

/** The findings no suppression comment covers, in their order. */
export function applySuppressions<T extends Suppressible>(findings: readonly T[], text: string, syntax: CommentSyntax): T[] {
  if (findings.length === 0 || !text.includes(IGNORE_MARKER)) return [...findings];
  const all = directives(text, syntax);
  if (all.length === 0) return [...findings];
  const starts = lineStarts(text);
  return findings.filter((f) => {
    const line = lineOf(starts, f.start);
    return !all.some((d) => (d.kind === 'file' || d.line === line) && covers(d, f));
  });
}

export interface OffsetEdit {
  start: number;
  end: number;
  newText: string;
}

/**
 * The edit behind "Ignore <id> on this line": a `deepseek-cost-ignore-next-line <id>` comment above
 * the finding's line in the language's line-comment syntax (the fence's, inside Markdown), or the id
 * added to such a comment already there. Undefined when the language has no line comments or the
 * comment would not take effect there (the line starts inside a multi-line string, say): the
 * edit is checked by applying it and reading the comments again.
 */
export function ignoreOnLineEdit(text: string, syntax: CommentSyntax, finding: Suppressible): OffsetEdit | undefined {
  const prefix = lineCommentPrefix(syntaxAt(text, syntax, finding.start));
  if (!prefix) return undefined;
  const id = finding.modelId;
  const lineStart = text.lastIndexOf('\n', finding.start - 1) + 1;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const indent = /^[ \t]*/.exec(text.slice(lineStart))![0];
  const candidates: OffsetEdit[] = [];
  if (lineStart > 0) {
    const prevStart = text.lastIndexOf('\n', lineStart - 2) + 1;
    const prev = text.slice(prevStart, lineStart - 1).replace(/\r$/, '');
    const escaped = prefix.replace(/[/]/g, '\\/');
    const m = new RegExp(`^[ \\t]*${escaped}\\s*deepseek-cost-ignore-next-line\\b(.*)$`).exec(prev);
    if (m && m[1].trim() !== '' && !m[1].includes('--')) candidates.push({ start: prevStart + prev.length, end: prevStart + prev.length, newText: ` ${id}` });
  }
  candidates.push({ start: lineStart, end: lineStart, newText: `${indent}${prefix} ${IGNORE_MARKER}-next-line ${id}${eol}` });
  for (const c of candidates) {
    const next = text.slice(0, c.start) + c.newText + text.slice(c.end);
    const moved = { ...finding, start: finding.start + (c.start <= finding.start ? c.newText.length - (c.end - c.start) : 0) };
    if (applySuppressions([moved], next, syntax).length === 0) return c;
  }
  return undefined;
}
