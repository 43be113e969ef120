import type { TSNode } from '../runtime';
import type { StringLiteral } from '../types';
import { decodeToml } from '../escapes';
import { type Dialect, type Entry, indexIn, literalWithHoles, namedChildrenOf, normalizeKey, same } from '../dialect';

function decode(literal: TSNode, src: string): StringLiteral | undefined {
  if (literal.type !== 'string') return undefined;
  const delimiter = literal.firstChild?.type ?? '"';
  // The closing delimiter of multi-line strings is not always a child node: count it off the end.
  const start = literal.startIndex + delimiter.length;
  const end = Math.max(start, literal.endIndex - delimiter.length);
  const multiline = delimiter.length === 3;
  const basic = delimiter[0] === '"';
  return literalWithHoles(literal, start, end, [], src, (t) => {
    const body = multiline ? t.replace(/^\r?\n/, '') : t;
    return basic ? decodeToml(body) : body;
  });
}

function keyText(key: TSNode | null): string | undefined {
  if (!key) return undefined;
  const last = key.type === 'dotted_key' ? key.namedChild(key.namedChildCount - 1) : key;
  if (!last) return undefined;
  return last.type === 'quoted_key' ? last.text.slice(1, -1) : last.text;
}

function pairParts(pair: TSNode): { key: string | undefined; value: TSNode | undefined } {
  const kids = namedChildrenOf(pair);
  return { key: keyText(kids[0] ?? null), value: kids.length >= 2 ? kids[kids.length - 1] : undefined };
}

export const toml: Dialect = {
  literalTypes: new Set(['string']),
  literalOf(node) {
    for (let n: TSNode | null = node; n; n = n.parent) if (n.type === 'string') return n;
    return undefined;
  },
  decode,
  isKeyPosition: () => false,
  joinParent: () => undefined,
  operands: () => undefined,
  keyedParent(expr) {
    const p = expr.parent;
    if (p?.type !== 'pair' || !p.parent) return undefined;
    const { key, value } = pairParts(p);
    return key !== undefined && same(value, expr) ? { key: normalizeKey(key), owner: p.parent } : undefined;
  },
  listParent(expr) {
    const p = expr.parent;
    return p?.type === 'array' ? { list: p, index: indexIn(namedChildrenOf(p), expr) } : undefined;
  },
  callParent: () => undefined,
  isOwner: (node) => ['document', 'table', 'inline_table', 'table_array_element'].includes(node.type),
  entries(owner): Entry[] {
    const out: Entry[] = [];
    for (const pair of namedChildrenOf(owner)) {
      if (pair.type !== 'pair') continue;
      const { key, value } = pairParts(pair);
      if (key !== undefined && value) out.push({ key: normalizeKey(key), value });
    }
    return out;
  },
  isBoundary: () => false,
  unwrapValue: (node) => node,
  identifierName: () => undefined,
  definitionValue: () => undefined,
};
