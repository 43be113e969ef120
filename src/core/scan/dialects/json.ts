import type { TSNode } from '../runtime';
import type { StringLiteral } from '../types';
import { decodeJson } from '../escapes';
import { type Dialect, type Entry, betweenDelimiters, indexIn, literalWithHoles, namedChildrenOf, normalizeKey, same } from '../dialect';

function decode(literal: TSNode, src: string): StringLiteral | undefined {
  if (literal.type !== 'string') return undefined;
  const { start, end } = betweenDelimiters(literal);
  return literalWithHoles(literal, start, end, [], src, decodeJson);
}

function pairKey(pair: TSNode, src: string): string | undefined {
  const key = pair.childForFieldName('key');
  return key ? decode(key, src)?.value : undefined;
}

export const json: Dialect = {
  literalTypes: new Set(['string']),
  literalOf(node) {
    for (let n: TSNode | null = node; n; n = n.parent) if (n.type === 'string') return n;
    return undefined;
  },
  decode,
  isKeyPosition(literal) {
    const p = literal.parent;
    return p?.type === 'pair' && same(p.childForFieldName('key'), literal);
  },
  joinParent: () => undefined,
  operands: () => undefined,
  keyedParent(expr, src) {
    const p = expr.parent;
    if (p?.type === 'pair' && same(p.childForFieldName('value'), expr) && p.parent) {
      const key = pairKey(p, src);
      if (key !== undefined) return { key: normalizeKey(key), owner: p.parent };
    }
    return undefined;
  },
  listParent(expr) {
    const p = expr.parent;
    return p?.type === 'array' ? { list: p, index: indexIn(namedChildrenOf(p), expr) } : undefined;
  },
  callParent: () => undefined,
  isOwner: (node) => node.type === 'object',
  entries(owner, src): Entry[] {
    const out: Entry[] = [];
    for (const pair of namedChildrenOf(owner)) {
      const key = pair.type === 'pair' ? pairKey(pair, src) : undefined;
      const value = pair.childForFieldName('value');
      if (key !== undefined && value) out.push({ key: normalizeKey(key), value });
    }
    return out;
  },
  isBoundary: (node) => node.type === 'document',
  unwrapValue: (node) => node,
  identifierName: () => undefined,
  definitionValue: () => undefined,
};
