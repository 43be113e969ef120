import type { TSNode } from '../runtime';
import type { StringLiteral } from '../types';
import { decodeYamlBlock, decodeYamlDouble, decodeYamlPlain, decodeYamlSingle } from '../escapes';
import { type Dialect, type Entry, betweenDelimiters, indexIn, literalWithHoles, namedChildrenOf, normalizeKey, same } from '../dialect';

const literalTypes = new Set(['double_quote_scalar', 'single_quote_scalar', 'plain_scalar', 'block_scalar']);

function isTextScalar(n: TSNode): boolean {
  if (!literalTypes.has(n.type)) return false;
  // Plain scalars that YAML reads as numbers, booleans or null are not strings.
  return n.type !== 'plain_scalar' || n.namedChild(0)?.type === 'string_scalar';
}

function decode(literal: TSNode, src: string): StringLiteral | undefined {
  if (!isTextScalar(literal)) return undefined;
  switch (literal.type) {
    case 'double_quote_scalar': {
      const { start, end } = betweenDelimiters(literal);
      return literalWithHoles(literal, start, end, [], src, decodeYamlDouble);
    }
    case 'single_quote_scalar': {
      const { start, end } = betweenDelimiters(literal);
      return literalWithHoles(literal, start, end, [], src, decodeYamlSingle);
    }
    case 'plain_scalar':
      return literalWithHoles(literal, literal.startIndex, literal.endIndex, [], src, decodeYamlPlain);
    default: {
      const raw = src.slice(literal.startIndex, literal.endIndex);
      const nl = raw.indexOf('\n');
      const contentStart = nl < 0 ? literal.endIndex : literal.startIndex + nl + 1;
      return { start: literal.startIndex, end: literal.endIndex, contentStart, contentEnd: literal.endIndex, value: decodeYamlBlock(raw), placeholders: 0, startsWithPlaceholder: false };
    }
  }
}

/** Steps out of flow_node / block_node wrappers to the node that sits in the parent structure. */
function outward(node: TSNode): TSNode {
  let n = node;
  while (n.parent && (n.parent.type === 'flow_node' || n.parent.type === 'block_node')) n = n.parent;
  return n;
}

function inner(node: TSNode | null): TSNode | undefined {
  let n = node;
  while (n && (n.type === 'flow_node' || n.type === 'block_node')) n = n.namedChild(n.namedChildCount - 1);
  return n ?? undefined;
}

function keyOf(pair: TSNode, src: string): string | undefined {
  const k = inner(pair.childForFieldName('key'));
  return k && isTextScalar(k) ? decode(k, src)?.value : k?.text;
}

export const yaml: Dialect = {
  literalTypes,
  literalOf(node) {
    for (let n: TSNode | null = node; n; n = n.parent) {
      if (literalTypes.has(n.type)) return isTextScalar(n) ? n : undefined;
      if (n.type === 'block_mapping_pair' || n.type === 'document') return undefined;
    }
    return undefined;
  },
  decode,
  isKeyPosition(literal) {
    const n = outward(literal);
    const p = n.parent;
    return (p?.type === 'block_mapping_pair' || p?.type === 'flow_pair') && same(p.childForFieldName('key'), n);
  },
  joinParent: () => undefined,
  operands: () => undefined,
  keyedParent(expr, src) {
    const n = outward(expr);
    const p = n.parent;
    if ((p?.type === 'block_mapping_pair' || p?.type === 'flow_pair') && same(p.childForFieldName('value'), n) && p.parent) {
      const key = keyOf(p, src);
      if (key !== undefined) return { key: normalizeKey(key), owner: p.parent };
    }
    return undefined;
  },
  listParent(expr) {
    const n = outward(expr);
    const p = n.parent;
    if (p?.type === 'block_sequence_item' && p.parent) {
      const items = namedChildrenOf(p.parent).filter((c) => c.type === 'block_sequence_item');
      return { list: p.parent, index: indexIn(items, p) };
    }
    if (p?.type === 'flow_sequence') return { list: p, index: indexIn(namedChildrenOf(p).filter((c) => c.type === 'flow_node'), n) };
    return undefined;
  },
  callParent: () => undefined,
  isOwner: (node) => node.type === 'block_mapping' || node.type === 'flow_mapping',
  entries(owner, src): Entry[] {
    const out: Entry[] = [];
    for (const pair of namedChildrenOf(owner)) {
      if (pair.type !== 'block_mapping_pair' && pair.type !== 'flow_pair') continue;
      const key = keyOf(pair, src);
      const value = pair.childForFieldName('value');
      if (key !== undefined && value) out.push({ key: normalizeKey(key), value });
    }
    return out;
  },
  isBoundary: (node) => node.type === 'document',
  unwrapValue: (node) => inner(node) ?? node,
  identifierName: () => undefined,
  definitionValue: () => undefined,
};
