import type { TSNode } from '../runtime';
import type { StringLiteral } from '../types';
import { decodeJava } from '../escapes';
import { plusJoinParent, plusOperands, type Dialect, type Entry, type KeyedPosition, betweenDelimiters, indexIn, literalWithHoles, namedChildrenOf, normalizeKey, same } from '../dialect';

/** Text blocks: drop the opening line, strip the incidental indentation and trailing spaces. */
function textBlockContent(raw: string): string {
  const nl = raw.indexOf('\n');
  const lines = (nl < 0 ? '' : raw.slice(nl + 1)).replace(/\r\n?/g, '\n').split('\n');
  const last = lines[lines.length - 1];
  const closingOnOwnLine = last.trim() === '';
  let indent = Infinity;
  lines.forEach((l, i) => {
    if (l.trim() === '' && !(i === lines.length - 1 && closingOnOwnLine)) return;
    indent = Math.min(indent, l.length - l.trimStart().length);
  });
  if (!Number.isFinite(indent)) indent = 0;
  return lines.map((l) => (l.trim() === '' ? '' : l.slice(indent).replace(/[ \t]+$/, ''))).join('\n');
}

function decode(literal: TSNode, src: string): StringLiteral | undefined {
  if (literal.type !== 'string_literal') return undefined;
  const { start, end } = betweenDelimiters(literal);
  if (literal.firstChild?.type === '"""') {
    return literalWithHoles(literal, start, end, [], src, (t) => decodeJava(textBlockContent(t)));
  }
  const holes: TSNode[] = [];
  for (const c of literal.namedChildren) if (c?.type === 'string_interpolation') holes.push(c);
  return literalWithHoles(literal, start, end, holes, src, decodeJava);
}

function args(call: TSNode): TSNode[] {
  const a = call.childForFieldName('arguments');
  return a ? namedChildrenOf(a) : [];
}

/** `setContent` / `withModel` / `content` → content / model / content. */
function builderKey(name: string): string {
  return normalizeKey(name.replace(/^(set|with)(?=[A-Z])/, ''));
}

function isMapOf(call: TSNode): boolean {
  return call.type === 'method_invocation' && call.childForFieldName('name')?.text === 'of' && /(^|\.)(Map|ImmutableMap)$/.test(call.childForFieldName('object')?.text ?? '');
}

function isListOf(call: TSNode): boolean {
  const name = call.childForFieldName('name')?.text ?? '';
  const obj = call.childForFieldName('object')?.text ?? '';
  return call.type === 'method_invocation' && /^(of|asList|copyOf)$/.test(name) && /(^|\.)(List|Arrays|Set|Stream|ImmutableList)$/.test(obj);
}

function chainTop(call: TSNode): TSNode {
  let n = call;
  while (n.parent?.type === 'method_invocation' && same(n.parent.childForFieldName('object'), n)) n = n.parent;
  return n;
}

function lastSegment(text: string): string {
  return text.split('.').pop() ?? text;
}

export const java: Dialect = {
  literalTypes: new Set(['string_literal']),

  literalOf(node) {
    for (let n: TSNode | null = node; n; n = n.parent) {
      if (n.type === 'string_literal') return n;
      if (n.type === 'string_interpolation' || n.type === 'block' || n.type === 'class_body' || n.type === 'program') return undefined;
    }
    return undefined;
  },

  decode,

  isKeyPosition(literal) {
    const call = literal.parent?.parent;
    return !!call && isMapOf(call) && indexIn(args(call), literal) % 2 === 0;
  },

  joinParent: plusJoinParent,

  operands: plusOperands,

  keyedParent(expr, src): KeyedPosition | undefined {
    const call = expr.parent?.type === 'argument_list' ? expr.parent.parent : null;
    if (call?.type !== 'method_invocation') return undefined;
    const list = args(call);
    if (isMapOf(call)) {
      const i = indexIn(list, expr);
      const keyNode = i % 2 === 1 ? list[i - 1] : undefined;
      const key = keyNode?.type === 'string_literal' ? decode(keyNode, src)?.value : undefined;
      return key !== undefined ? { key: normalizeKey(key), owner: call } : undefined;
    }
    if (list.length !== 1 || isListOf(call)) return undefined;
    const name = call.childForFieldName('name')?.text;
    return name ? { key: builderKey(name), owner: chainTop(call) } : undefined;
  },

  listParent(expr) {
    const p = expr.parent;
    if (p?.type === 'array_initializer') return { list: p, index: indexIn(namedChildrenOf(p), expr) };
    const call = p?.type === 'argument_list' ? p.parent : null;
    if (call && isListOf(call)) return { list: call, index: indexIn(args(call), expr) };
    return undefined;
  },

  callParent(expr) {
    const p = expr.parent;
    const call = p?.type === 'argument_list' ? p.parent : null;
    if (!call || (call.type !== 'object_creation_expression' && call.type !== 'method_invocation')) return undefined;
    let callee: string;
    if (call.type === 'object_creation_expression') callee = lastSegment(call.childForFieldName('type')?.text ?? '');
    else {
      const name = call.childForFieldName('name')?.text ?? '';
      // SystemMessage.from("..."), UserMessage.of("...")
      callee = /^(from|of|create)$/.test(name) ? lastSegment(call.childForFieldName('object')?.text ?? '') : name;
    }
    const list = args(call);
    return { callee, call, args: list, index: indexIn(list, expr) };
  },

  isOwner: (node) => node.type === 'method_invocation',

  entries(owner, src): Entry[] {
    const out: Entry[] = [];
    if (isMapOf(owner)) {
      const list = args(owner);
      for (let i = 0; i + 1 < list.length; i += 2) {
        const key = list[i].type === 'string_literal' ? decode(list[i], src)?.value : undefined;
        if (key !== undefined) out.push({ key: normalizeKey(key), value: list[i + 1] });
      }
      return out;
    }
    // Every call of a builder chain sees the whole chain: `.model()` may come after `.messages()`.
    for (let n: TSNode | null = chainTop(owner); n?.type === 'method_invocation'; n = n.childForFieldName('object')) {
      const list = args(n);
      const name = n.childForFieldName('name')?.text;
      if (name && list.length === 1 && !isListOf(n)) out.push({ key: builderKey(name), value: list[0] });
    }
    return out;
  },

  roleHint(owner) {
    let n: TSNode | null = owner;
    while (n?.type === 'method_invocation' && n.childForFieldName('object')) n = n.childForFieldName('object');
    return n?.text;
  },

  isBoundary: (node) => ['block', 'class_body', 'program', 'lambda_expression'].includes(node.type),

  unwrapValue(node) {
    let n = node;
    while (n.type === 'parenthesized_expression' && n.namedChild(0)) n = n.namedChild(0)!;
    return n;
  },

  identifierName(node) {
    if (node.type === 'identifier') return node.text;
    if (node.type === 'field_access') return node.childForFieldName('field')?.text;
    return undefined;
  },

  definitionValue(nameNode) {
    const p = nameNode.parent;
    if (p?.type === 'variable_declarator' && same(p.childForFieldName('name'), nameNode)) return p.childForFieldName('value') ?? undefined;
    return undefined;
  },
};
