import type { TSNode } from '../runtime';
import type { StringLiteral } from '../types';
import { decodePython } from '../escapes';
import { type CallPosition, type Dialect, type Entry, type KeyedPosition, type ListPosition, indexIn, literalWithHoles, namedChildrenOf, normalizeKey, same } from '../dialect';
import { pythonStatementStarts } from '../statements/pythonStarts';

function decodeString(literal: TSNode, src: string): StringLiteral | undefined {
  const start = literal.firstChild;
  const end = literal.lastChild;
  if (!start || !end || start.type !== 'string_start') return undefined;
  const prefix = start.text.replace(/['"]+$/, '').toLowerCase();
  if (prefix.includes('b')) return undefined;
  const raw = prefix.includes('r');
  const interpolated = prefix.includes('f') || prefix.includes('t');
  const holes: TSNode[] = [];
  for (const c of literal.namedChildren) if (c?.type === 'interpolation') holes.push(c);
  const contentEnd = end.type === 'string_end' ? end.startIndex : literal.endIndex;
  return literalWithHoles(literal, start.endIndex, contentEnd, holes, src, (text) => {
    const braces = interpolated ? text.replace(/\{\{/g, '{').replace(/\}\}/g, '}') : text;
    return raw ? braces : decodePython(braces);
  });
}

function keyText(key: TSNode, src: string): string | undefined {
  if (key.type === 'string') return decodeString(key, src)?.value;
  if (key.type === 'identifier') return key.text;
  return undefined;
}

function isFormatCall(attribute: TSNode): boolean {
  const call = attribute.parent;
  return attribute.type === 'attribute' && attribute.childForFieldName('attribute')?.text === 'format' && call?.type === 'call' && same(call.childForFieldName('function'), attribute);
}

export const python: Dialect = {
  statementStarts: pythonStatementStarts,
  literalTypes: new Set(['string']),

  literalOf(node) {
    for (let n: TSNode | null = node; n; n = n.parent) {
      if (n.type === 'string') return n;
      // Inside an interpolation the cursor is still in the f-string the user sees.
      if (n.type === 'block' || n.type === 'module') return undefined;
    }
    return undefined;
  },

  decode: decodeString,

  isKeyPosition(literal) {
    const p = literal.parent;
    return p?.type === 'pair' && same(p.childForFieldName('key'), literal);
  },

  joinParent(node) {
    const p = node.parent;
    if (!p) return undefined;
    if (p.type === 'concatenated_string' || p.type === 'parenthesized_expression') return p;
    if (p.type === 'binary_operator' && p.childForFieldName('operator')?.type === '+') return p;
    if (p.type === 'attribute' && same(p.childForFieldName('object'), node) && isFormatCall(p)) return p.parent ?? undefined;
    return undefined;
  },

  operands(node) {
    switch (node.type) {
      case 'concatenated_string':
      case 'parenthesized_expression':
        return { nodes: namedChildrenOf(node) };
      case 'binary_operator': {
        const l = node.childForFieldName('left');
        const r = node.childForFieldName('right');
        return l && r ? { nodes: [l, r] } : undefined;
      }
      case 'call': {
        const f = node.childForFieldName('function');
        const obj = f?.childForFieldName('object');
        return f && obj && isFormatCall(f) ? { nodes: [obj], format: true } : undefined;
      }
    }
    return undefined;
  },

  keyedParent(expr, src): KeyedPosition | undefined {
    const p = expr.parent;
    if (!p) return undefined;
    if (p.type === 'keyword_argument' && same(p.childForFieldName('value'), expr)) {
      const name = p.childForFieldName('name');
      const call = p.parent?.parent;
      if (name && call?.type === 'call') return { key: normalizeKey(name.text), owner: call };
    }
    if (p.type === 'pair' && same(p.childForFieldName('value'), expr) && p.parent?.type === 'dictionary') {
      const key = p.childForFieldName('key');
      const text = key && key.type === 'string' ? keyText(key, src) : undefined;
      if (text !== undefined) return { key: normalizeKey(text), owner: p.parent };
    }
    return undefined;
  },

  listParent(expr): ListPosition | undefined {
    const p = expr.parent;
    if (p && (p.type === 'list' || p.type === 'tuple')) return { list: p, index: indexIn(namedChildrenOf(p), expr) };
    return undefined;
  },

  callParent(expr): CallPosition | undefined {
    const args = expr.parent;
    const call = args?.parent;
    if (args?.type !== 'argument_list' || call?.type !== 'call') return undefined;
    const positional = namedChildrenOf(args).filter((a) => a.type !== 'keyword_argument' && a.type !== 'dictionary_splat' && a.type !== 'list_splat');
    const f = call.childForFieldName('function');
    const callee = f?.type === 'attribute' ? f.childForFieldName('attribute')?.text : f?.text;
    return { callee: callee ?? '', call, args: positional, index: indexIn(positional, expr) };
  },

  isOwner: (node) => node.type === 'call' || node.type === 'dictionary',

  entries(owner, src): Entry[] {
    const out: Entry[] = [];
    if (owner.type === 'call') {
      const args = owner.childForFieldName('arguments');
      for (const a of args ? namedChildrenOf(args) : []) {
        const name = a.type === 'keyword_argument' ? a.childForFieldName('name') : null;
        const value = a.childForFieldName('value');
        if (name && value) out.push({ key: normalizeKey(name.text), value });
      }
    } else if (owner.type === 'dictionary') {
      for (const pair of namedChildrenOf(owner)) {
        if (pair.type !== 'pair') continue;
        const key = pair.childForFieldName('key');
        const value = pair.childForFieldName('value');
        const text = key?.type === 'string' ? keyText(key, src) : undefined;
        if (text !== undefined && value) out.push({ key: normalizeKey(text), value });
      }
    }
    return out;
  },

  roleHint(owner) {
    if (owner.type !== 'call') return undefined;
    const f = owner.childForFieldName('function');
    return f?.type === 'attribute' ? f.childForFieldName('attribute')?.text : f?.text;
  },

  isBoundary: (node) => ['module', 'block', 'function_definition', 'class_definition', 'lambda'].includes(node.type),

  unwrapValue(node) {
    let n = node;
    while (n.type === 'parenthesized_expression' && n.namedChildCount === 1 && n.namedChild(0)) n = n.namedChild(0)!;
    return n;
  },

  identifierName(node) {
    if (node.type === 'identifier') return node.text;
    if (node.type === 'attribute') return node.childForFieldName('attribute')?.text;
    return undefined;
  },

  definitionValue(nameNode) {
    const p = nameNode.parent;
    if (p?.type === 'assignment' && same(p.childForFieldName('left'), nameNode)) return p.childForFieldName('right') ?? undefined;
    return undefined;
  },
};
