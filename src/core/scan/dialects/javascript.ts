// JavaScript, TypeScript and TSX share node types for everything the scanner looks at.
import type { TSNode } from '../runtime';
import type { StringLiteral } from '../types';
import { decodeJavaScript } from '../escapes';
import { type CallPosition, type Dialect, type Entry, betweenDelimiters, indexIn, literalWithHoles, namedChildrenOf, normalizeKey, same } from '../dialect';
import { scriptStatementStarts } from '../statements/scriptStarts';

function isLiteral(n: TSNode): boolean {
  // TypeScript's `string` type keyword is an anonymous node with the same type name.
  return (n.type === 'string' || n.type === 'template_string') && n.isNamed;
}

function decode(literal: TSNode, src: string): StringLiteral | undefined {
  if (!isLiteral(literal)) return undefined;
  const { start, end } = betweenDelimiters(literal);
  if (literal.type === 'string') return literalWithHoles(literal, start, end, [], src, (t) => decodeJavaScript(t));
  const holes: TSNode[] = [];
  for (const c of literal.namedChildren) if (c?.type === 'template_substitution') holes.push(c);
  return literalWithHoles(literal, start, end, holes, src, (t) => decodeJavaScript(t, true));
}

function propertyKey(key: TSNode | null, src: string): string | undefined {
  if (!key) return undefined;
  if (key.type === 'property_identifier' || key.type === 'identifier' || key.type === 'number') return key.text;
  if (key.type === 'string') return decode(key, src)?.value;
  return undefined;
}

/** The name that says what a call builds: `new SystemMessage(...)` → SystemMessage; `X.fromTemplate(...)` → X. */
function calleeName(fn: TSNode | null): string {
  if (!fn) return '';
  if (fn.type === 'member_expression') {
    const prop = fn.childForFieldName('property')?.text ?? '';
    if (/^(from|of|create|fromTemplate)$/.test(prop)) return calleeName(fn.childForFieldName('object'));
    return prop;
  }
  return fn.text;
}

const wrappers = new Set(['parenthesized_expression', 'as_expression', 'satisfies_expression', 'non_null_expression']);

export const javascript: Dialect = {
  statementStarts: scriptStatementStarts,
  literalTypes: new Set(['string', 'template_string']),

  literalOf(node) {
    for (let n: TSNode | null = node; n; n = n.parent) {
      if (isLiteral(n)) return n;
      if (n.type === 'statement_block' || n.type === 'program') return undefined;
    }
    return undefined;
  },

  decode,

  isKeyPosition(literal) {
    const p = literal.parent;
    return (p?.type === 'pair' || p?.type === 'property_signature') && same(p.childForFieldName('key') ?? p.childForFieldName('name'), literal);
  },

  joinParent(node) {
    const p = node.parent;
    if (!p) return undefined;
    if (wrappers.has(p.type)) return p;
    if (p.type === 'binary_expression' && p.childForFieldName('operator')?.type === '+') return p;
    return undefined;
  },

  operands(node) {
    if (wrappers.has(node.type)) {
      const inner = node.namedChild(0);
      return inner ? { nodes: [inner] } : undefined;
    }
    if (node.type === 'binary_expression') {
      const l = node.childForFieldName('left');
      const r = node.childForFieldName('right');
      return l && r ? { nodes: [l, r] } : undefined;
    }
    return undefined;
  },

  keyedParent(expr, src) {
    const p = expr.parent;
    if (p?.type === 'pair' && same(p.childForFieldName('value'), expr) && p.parent?.type === 'object') {
      const key = propertyKey(p.childForFieldName('key'), src);
      if (key !== undefined) return { key: normalizeKey(key), owner: p.parent };
    }
    return undefined;
  },

  listParent(expr) {
    const p = expr.parent;
    if (p?.type === 'array') return { list: p, index: indexIn(namedChildrenOf(p), expr) };
    return undefined;
  },

  callParent(expr): CallPosition | undefined {
    const args = expr.parent;
    const call = args?.parent;
    if (args?.type !== 'arguments' || !call || (call.type !== 'call_expression' && call.type !== 'new_expression')) return undefined;
    const list = namedChildrenOf(args);
    const fn = call.childForFieldName('function') ?? call.childForFieldName('constructor');
    return { callee: calleeName(fn), call, args: list, index: indexIn(list, expr) };
  },

  isOwner: (node) => node.type === 'object',

  entries(owner, src): Entry[] {
    const out: Entry[] = [];
    for (const c of namedChildrenOf(owner)) {
      if (c.type === 'pair') {
        const key = propertyKey(c.childForFieldName('key'), src);
        const value = c.childForFieldName('value');
        if (key !== undefined && value) out.push({ key: normalizeKey(key), value });
      } else if (c.type === 'shorthand_property_identifier') {
        out.push({ key: normalizeKey(c.text), value: c });
      }
    }
    return out;
  },

  roleHint(owner) {
    // `new SystemMessage({ content: "..." })`
    const call = owner.parent?.parent;
    if (owner.parent?.type === 'arguments' && call && (call.type === 'new_expression' || call.type === 'call_expression')) {
      return calleeName(call.childForFieldName('function') ?? call.childForFieldName('constructor'));
    }
    return undefined;
  },

  isBoundary: (node) => node.type === 'program' || node.type === 'statement_block' || node.type === 'class_body',

  unwrapValue(node) {
    let n = node;
    for (;;) {
      if (wrappers.has(n.type) && n.namedChild(0)) n = n.namedChild(0)!;
      else if (n.type === 'call_expression') {
        // `deepseek('deepseek-chat')` (AI SDK providers) names the model through a one-argument call.
        const args = n.childForFieldName('arguments');
        const list = args ? namedChildrenOf(args) : [];
        if (list.length !== 1 || args?.type !== 'arguments') return n;
        n = list[0];
      } else return n;
    }
  },

  identifierName(node) {
    if (node.type === 'identifier' || node.type === 'shorthand_property_identifier') return node.text;
    if (node.type === 'member_expression') return node.childForFieldName('property')?.text;
    return undefined;
  },

  definitionValue(nameNode) {
    const p = nameNode.parent;
    if ((p?.type === 'variable_declarator' || p?.type === 'public_field_definition') && same(p.childForFieldName('name'), nameNode)) {
      return p.childForFieldName('value') ?? undefined;
    }
    return undefined;
  },
};
