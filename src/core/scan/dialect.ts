// What the generic scanner needs to know about one tree-sitter grammar. Each language answers
// these questions in its own file under dialects/; the algorithms in ids.ts and prompts.ts only
// ever ask through this interface.
import type { TSNode } from './runtime';
import type { StringLiteral } from './types';
import type { StatementStarts } from './statements/lexing';

export interface KeyedPosition {
  /** Normalized key (lower case, `_`/`-` removed): `maxtokens`, `systemprompt`... */
  key: string;
  /** The call, object, dictionary, struct or builder chain that holds the entry. */
  owner: TSNode;
}

export interface ListPosition {
  list: TSNode;
  index: number;
}

export interface CallPosition {
  /** The name that says what is being built: `SystemMessage`, `Message`, `from` → its receiver. */
  callee: string;
  call: TSNode;
  args: TSNode[];
  index: number;
}

export interface Entry {
  key: string;
  value: TSNode;
}

export interface Dialect {
  /** Where top-level statements start, so a large file can be parsed a statement at a time (none: parsed whole). */
  readonly statementStarts?: StatementStarts;
  /** Node types that start a string literal (used for the full walk and for climbing). */
  readonly literalTypes: ReadonlySet<string>;
  /** Climbs from any node inside a literal to the literal node itself. */
  literalOf(node: TSNode): TSNode | undefined;
  /** Decodes a literal; undefined for non-text literals (bytes, chars, numbers). */
  decode(literal: TSNode, src: string): StringLiteral | undefined;
  /** A literal used as a mapping key (dictionary key, JSON key...): never a model ID. */
  isKeyPosition(literal: TSNode): boolean;
  /** The expression joining `node` with other pieces (concatenation, parentheses, `.format`), if any. */
  joinParent(node: TSNode): TSNode | undefined;
  /** The pieces of a join node, and whether `.format` fields apply to them. */
  operands(node: TSNode): { nodes: TSNode[]; format?: boolean } | undefined;
  keyedParent(expr: TSNode, src: string): KeyedPosition | undefined;
  listParent(expr: TSNode): ListPosition | undefined;
  callParent(expr: TSNode): CallPosition | undefined;
  /** Whether a node can hold keyed entries (calls with keyword args, objects, structs...). */
  isOwner(node: TSNode): boolean;
  entries(owner: TSNode, src: string): Entry[];
  /** A constructor or type name that implies a role (`SystemMessage{...}`), if any. */
  roleHint?(owner: TSNode): string | undefined;
  /** The node that stands in a list for this owner (e.g. the struct expression around its fields). */
  ownerItem?(owner: TSNode): TSNode;
  /** Where the search for a model stops (function bodies, blocks, the file). */
  isBoundary(node: TSNode): boolean;
  /** Peels value wrappers: `Some(x)`, `x.to_string()`, `openai.F(x)`, YAML nodes... */
  unwrapValue(node: TSNode): TSNode;
  /** The name a value refers to when it is an identifier (or `obj.NAME`), for constant lookup. */
  identifierName(node: TSNode): string | undefined;
  /** If `nameNode` is the name in a definition (`NAME = ...`, `const NAME = ...`), the assigned value. */
  definitionValue(nameNode: TSNode): TSNode | undefined;
}

/** Normalizes keys so `max_tokens`, `maxTokens` and `MaxTokens` compare equal. */
export function normalizeKey(key: string): string {
  return key.replace(/[_\-\s]/g, '').toLowerCase();
}

export function namedChildrenOf(node: TSNode): TSNode[] {
  const out: TSNode[] = [];
  for (const c of node.namedChildren) if (c && c.type !== 'comment' && !c.isExtra) out.push(c);
  return out;
}

export function indexIn(list: TSNode[], node: TSNode): number {
  for (let i = 0; i < list.length; i++) if (list[i].startIndex === node.startIndex && list[i].endIndex === node.endIndex) return i;
  return -1;
}

export function same(a: TSNode | null | undefined, b: TSNode | null | undefined): boolean {
  return !!a && !!b && a.id === b.id;
}

/**
 * Builds a StringLiteral from a literal whose content is split by placeholder nodes (f-string
 * interpolations, template substitutions): the text between them is decoded, the holes counted.
 */
export function literalWithHoles(
  literal: TSNode,
  contentStart: number,
  contentEnd: number,
  holes: TSNode[],
  src: string,
  decode: (raw: string) => string,
): StringLiteral {
  let value = '';
  let pos = contentStart;
  let startsWithPlaceholder = false;
  const at: NonNullable<StringLiteral['holes']> = [];
  for (const h of holes) {
    const gap = decode(src.slice(pos, h.startIndex));
    if (value === '' && gap === '') startsWithPlaceholder = true;
    value += gap;
    at.push({ at: value.length, start: h.startIndex, end: h.endIndex });
    pos = h.endIndex;
  }
  value += decode(src.slice(pos, contentEnd));
  const lit: StringLiteral = {
    start: literal.startIndex,
    end: literal.endIndex,
    contentStart,
    contentEnd,
    value,
    placeholders: holes.length,
    startsWithPlaceholder,
  };
  if (at.length) lit.holes = at;
  return lit;
}

/** Content range between the first and last child tokens (the delimiters). */
export function betweenDelimiters(literal: TSNode): { start: number; end: number } {
  const first = literal.firstChild;
  const last = literal.lastChild;
  if (!first || !last || first.id === last.id) return { start: literal.startIndex, end: literal.endIndex };
  return { start: first.endIndex, end: Math.max(first.endIndex, last.startIndex) };
}

/**
 * Python `.format` fields on a decoded literal: `{name}`, `{}`, `{0.x[1]!r:>{w}}` become
 * placeholders, `{{`/`}}` literal braces.
 */
export function applyFormatFields(lit: StringLiteral): StringLiteral {
  const v = lit.value;
  let out = '';
  let count = 0;
  let startsWith = lit.startsWithPlaceholder;
  for (let i = 0; i < v.length; i++) {
    const c = v[i];
    if ((c === '{' || c === '}') && v[i + 1] === c) {
      out += c;
      i++;
      continue;
    }
    if (c === '{') {
      let depth = 1;
      let j = i + 1;
      while (j < v.length && depth > 0) {
        if (v[j] === '{') depth++;
        else if (v[j] === '}') depth--;
        j++;
      }
      if (depth !== 0) {
        out += v.slice(i);
        break;
      }
      if (out === '' && count === 0) startsWith = true;
      count++;
      i = j - 1;
      continue;
    }
    out += c;
  }
  // Hole positions refer to the text before the fields were taken out.
  const { holes: _positions, ...rest } = lit;
  return { ...rest, value: out, placeholders: lit.placeholders + count, startsWithPlaceholder: startsWith };
}

/** The literal a node sits in, looking up no further than the enclosing block (Go and Rust). */
export function literalInBlock(node: TSNode, literalTypes: ReadonlySet<string>): TSNode | undefined {
  for (let n: TSNode | null = node; n; n = n.parent) {
    if (literalTypes.has(n.type)) return n;
    if (n.type === 'block' || n.type === 'source_file') return undefined;
  }
  return undefined;
}

/** `(x)` and `a + b` around a literal, as Go and Java join strings. */
export function plusJoinParent(node: TSNode): TSNode | undefined {
  const p = node.parent;
  if (p?.type === 'parenthesized_expression') return p;
  if (p?.type === 'binary_expression' && p.childForFieldName('operator')?.type === '+') return p;
  return undefined;
}

/** The pieces of what plusJoinParent returns. */
export function plusOperands(node: TSNode): { nodes: TSNode[] } | undefined {
  if (node.type === 'parenthesized_expression') return { nodes: namedChildrenOf(node) };
  if (node.type === 'binary_expression') {
    const l = node.childForFieldName('left');
    const r = node.childForFieldName('right');
    return l && r ? { nodes: [l, r] } : undefined;
  }
  return undefined;
}
