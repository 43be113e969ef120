import type { TSNode } from '../runtime';
import type { StringLiteral } from '../types';
import { decodeGo } from '../escapes';
import { literalInBlock, plusJoinParent, plusOperands, type Dialect, type Entry, betweenDelimiters, indexIn, literalWithHoles, namedChildrenOf, normalizeKey, same } from '../dialect';
import { goStatementStarts } from '../statements/goStarts';

const literalTypes = new Set(['interpreted_string_literal', 'raw_string_literal']);

function decode(literal: TSNode, src: string): StringLiteral | undefined {
  if (!literalTypes.has(literal.type)) return undefined;
  const { start, end } = betweenDelimiters(literal);
  const raw = literal.type === 'raw_string_literal';
  return literalWithHoles(literal, start, end, [], src, (t) => (raw ? t.replace(/\r/g, '') : decodeGo(t)));
}

function keyName(keyElement: TSNode | null, src: string): string | undefined {
  const k = keyElement?.type === 'literal_element' ? keyElement.namedChild(0) : keyElement;
  if (!k) return undefined;
  if (k.type === 'identifier' || k.type === 'field_identifier') return k.text;
  if (literalTypes.has(k.type)) return decode(k, src)?.value;
  return undefined;
}

/** Steps from a value to the node that sits in its parent's child list (literal_element, composite literal). */
function outward(node: TSNode): TSNode {
  let n = node;
  if (n.type === 'literal_value' && n.parent?.type === 'composite_literal') n = n.parent;
  if (n.parent?.type === 'literal_element') n = n.parent;
  return n;
}

function callee(fn: TSNode | null): string {
  if (!fn) return '';
  if (fn.type === 'selector_expression') return fn.childForFieldName('field')?.text ?? '';
  return fn.text;
}

export const go: Dialect = {
  statementStarts: goStatementStarts,
  literalTypes,

  literalOf: (node) => literalInBlock(node, literalTypes),

  decode,

  isKeyPosition(literal) {
    const el = literal.parent;
    return el?.type === 'literal_element' && el.parent?.type === 'keyed_element' && same(el.parent.childForFieldName('key'), el);
  },

  joinParent: plusJoinParent,

  operands: plusOperands,

  keyedParent(expr, src) {
    const n = outward(expr);
    const p = n.parent;
    if (p?.type === 'keyed_element' && same(p.childForFieldName('value'), n) && p.parent) {
      const key = keyName(p.childForFieldName('key'), src);
      if (key !== undefined) return { key: normalizeKey(key), owner: p.parent };
    }
    return undefined;
  },

  listParent(expr) {
    const n = outward(expr);
    const p = n.parent;
    if (p?.type === 'literal_value' && n.type === 'literal_element') {
      const items = namedChildrenOf(p).filter((c) => c.type === 'literal_element');
      return { list: p, index: indexIn(items, n) };
    }
    return undefined;
  },

  callParent(expr) {
    const args = expr.parent;
    const call = args?.parent;
    if (args?.type !== 'argument_list' || call?.type !== 'call_expression') return undefined;
    const list = namedChildrenOf(args);
    return { callee: callee(call.childForFieldName('function')), call, args: list, index: indexIn(list, expr) };
  },

  isOwner: (node) => node.type === 'literal_value',

  entries(owner, src): Entry[] {
    const out: Entry[] = [];
    for (const c of namedChildrenOf(owner)) {
      if (c.type !== 'keyed_element') continue;
      const key = keyName(c.childForFieldName('key'), src);
      const value = c.childForFieldName('value');
      if (key !== undefined && value) out.push({ key: normalizeKey(key), value });
    }
    return out;
  },

  roleHint(owner) {
    const lit = owner.parent;
    return lit?.type === 'composite_literal' ? (lit.childForFieldName('type')?.text ?? undefined) : undefined;
  },

  ownerItem: (owner) => (owner.parent?.type === 'composite_literal' ? owner.parent : owner),

  isBoundary: (node) => node.type === 'block' || node.type === 'source_file' || node.type === 'func_literal',

  unwrapValue(node) {
    let n = node;
    for (;;) {
      if ((n.type === 'literal_element' || n.type === 'parenthesized_expression') && n.namedChild(0)) n = n.namedChild(0)!;
      else if (n.type === 'call_expression') {
        // openai.F("..."), openai.String("..."), shared.ChatModel("...") wrap the value.
        const args = n.childForFieldName('arguments');
        const list = args ? namedChildrenOf(args) : [];
        if (list.length !== 1) return n;
        n = list[0];
      } else return n;
    }
  },

  identifierName(node) {
    if (node.type === 'identifier') return node.text;
    if (node.type === 'selector_expression') return node.childForFieldName('field')?.text;
    return undefined;
  },

  definitionValue(nameNode) {
    const p = nameNode.parent;
    if ((p?.type === 'const_spec' || p?.type === 'var_spec') && p.childrenForFieldName('name').some((c) => same(c, nameNode))) {
      const names = p.childrenForFieldName('name');
      const values = p.childForFieldName('value');
      const list = values ? namedChildrenOf(values) : [];
      const i = names.findIndex((c) => same(c, nameNode));
      return list[i] ?? undefined;
    }
    if (p?.type === 'expression_list' && p.parent?.type === 'short_var_declaration' && same(p.parent.childForFieldName('left'), p)) {
      const i = indexIn(namedChildrenOf(p), nameNode);
      const right = p.parent.childForFieldName('right');
      return right ? namedChildrenOf(right)[i] : undefined;
    }
    return undefined;
  },
};
