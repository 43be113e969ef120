// Rust: struct literals, builder chains (async-openai style) and, best effort, the token trees of
// `vec![...]` / `json!({...})`, which tree-sitter leaves unstructured.
import type { TSNode } from '../runtime';
import type { StringLiteral } from '../types';
import { decodeRust } from '../escapes';
import { literalInBlock, type Dialect, type Entry, type KeyedPosition, betweenDelimiters, indexIn, literalWithHoles, namedChildrenOf, normalizeKey, same } from '../dialect';
import { rustStatementStarts } from '../statements/rustStarts';

const literalTypes = new Set(['string_literal', 'raw_string_literal']);
const conversions = new Set(['to_string', 'into', 'to_owned']);

function decode(literal: TSNode, src: string): StringLiteral | undefined {
  const first = src[literal.startIndex];
  if (literal.type === 'string_literal') {
    if (first !== '"') return undefined; // b"..." and c"..." are not text
    const { start, end } = betweenDelimiters(literal);
    return literalWithHoles(literal, start, end, [], src, decodeRust);
  }
  if (literal.type === 'raw_string_literal') {
    if (first !== 'r') return undefined;
    const m = /^r(#*)"/.exec(src.slice(literal.startIndex, literal.startIndex + 300));
    if (!m) return undefined;
    const start = literal.startIndex + m[0].length;
    const end = Math.max(start, literal.endIndex - m[1].length - 1);
    return literalWithHoles(literal, start, end, [], src, (t) => t);
  }
  return undefined;
}

function isConversionCall(call: TSNode): boolean {
  const fn = call.childForFieldName('function');
  const args = call.childForFieldName('arguments');
  if (call.type !== 'call_expression' || !fn || !args) return false;
  if (fn.type === 'field_expression') return conversions.has(fn.childForFieldName('field')?.text ?? '') && args.namedChildCount === 0;
  return /^(String::from|Some|String::new)$/.test(fn.text) && args.namedChildCount === 1;
}

function args(call: TSNode): TSNode[] {
  const a = call.childForFieldName('arguments');
  return a ? namedChildrenOf(a) : [];
}

function isBuilderCall(n: TSNode | null): boolean {
  return n?.type === 'call_expression' && n.childForFieldName('function')?.type === 'field_expression' && !isConversionCall(n);
}

function chainTop(call: TSNode): TSNode {
  let n = call;
  for (;;) {
    const fe = n.parent;
    const up = fe?.parent;
    if (fe?.type === 'field_expression' && same(fe.childForFieldName('value'), n) && up && isBuilderCall(up)) n = up;
    else return n;
  }
}

function tokenKey(t: TSNode | undefined, src: string): string | undefined {
  if (!t) return undefined;
  if (t.type === 'identifier') return t.text;
  if (t.type === 'string_literal') return decode(t, src)?.value;
  return undefined;
}

const pathTokens = new Set(['identifier', '::', '.', 'scoped_identifier']);

/** `key: value` inside a token tree; `value` may be `String::from("...")` or `"...".into()`. */
function tokenTreeKeyed(expr: TSNode, src: string): KeyedPosition | undefined {
  let item = expr;
  let tree = expr.parent;
  if (tree?.type !== 'token_tree') return undefined;
  if (tree.firstChild?.type === '(' && tree.namedChildCount === 1 && tree.parent?.type === 'token_tree') {
    item = tree;
    tree = tree.parent;
  }
  const kids = tree.children.filter((c): c is TSNode => !!c);
  let j = indexIn(kids, item) - 1;
  if (item !== expr) while (j >= 0 && pathTokens.has(kids[j].type)) j--;
  if (j < 1 || kids[j].type !== ':') return undefined;
  const key = tokenKey(kids[j - 1], src);
  return key !== undefined ? { key: normalizeKey(key), owner: tree } : undefined;
}

function tokenTreeEntries(tree: TSNode, src: string): Entry[] {
  const kids = tree.children.filter((c): c is TSNode => !!c);
  const out: Entry[] = [];
  for (let k = 1; k + 1 < kids.length; k++) {
    if (kids[k].type !== ':') continue;
    const key = tokenKey(kids[k - 1], src);
    const before = kids[k - 2]?.type;
    if (key === undefined || (before !== undefined && before !== ',' && before !== '{' && before !== '(')) continue;
    let v = kids[k + 1];
    if (v.type === 'identifier' && pathTokens.has(kids[k + 2]?.type ?? '')) {
      let m = k + 2;
      while (m < kids.length && pathTokens.has(kids[m].type)) m++;
      const call = kids[m];
      if (call?.type === 'token_tree' && call.namedChildCount === 1 && call.namedChild(0)) v = call.namedChild(0)!;
    }
    out.push({ key: normalizeKey(key), value: v });
  }
  return out;
}

function calleeOf(fn: TSNode | null): string {
  if (!fn) return '';
  if (fn.type === 'field_expression') return fn.childForFieldName('field')?.text ?? '';
  if (fn.type === 'scoped_identifier') {
    const name = fn.childForFieldName('name')?.text ?? '';
    return /^(from|new|of)$/.test(name) ? (fn.childForFieldName('path')?.text ?? name) : name;
  }
  return fn.text;
}

export const rust: Dialect = {
  statementStarts: rustStatementStarts,
  literalTypes,

  literalOf: (node) => literalInBlock(node, literalTypes),

  decode,

  isKeyPosition(literal) {
    const p = literal.parent;
    if (p?.type !== 'token_tree') return false;
    const kids = p.children.filter((c): c is TSNode => !!c);
    return kids[indexIn(kids, literal) + 1]?.type === ':';
  },

  joinParent(node) {
    const p = node.parent;
    if (!p) return undefined;
    if (p.type === 'parenthesized_expression') return p;
    if (p.type === 'field_expression' && same(p.childForFieldName('value'), node) && p.parent && isConversionCall(p.parent)) return p.parent;
    if (p.type === 'arguments' && p.parent && isConversionCall(p.parent)) return p.parent;
    return undefined;
  },

  operands(node) {
    if (node.type === 'parenthesized_expression') return { nodes: namedChildrenOf(node) };
    if (node.type === 'call_expression' && isConversionCall(node)) {
      const fn = node.childForFieldName('function');
      const inner = fn?.type === 'field_expression' ? fn.childForFieldName('value') : args(node)[0];
      return inner ? { nodes: [inner] } : undefined;
    }
    return undefined;
  },

  keyedParent(expr, src) {
    let n = expr;
    if (n.type === 'token_tree' && n.parent?.type === 'macro_invocation') n = n.parent;
    const p = n.parent;
    if (p?.type === 'field_initializer' && same(p.childForFieldName('value'), n) && p.parent) {
      const field = p.childForFieldName('field')?.text;
      if (field) return { key: normalizeKey(field), owner: p.parent };
    }
    if (p?.type === 'arguments' && p.parent && isBuilderCall(p.parent) && args(p.parent).length === 1) {
      const field = p.parent.childForFieldName('function')?.childForFieldName('field')?.text;
      if (field) return { key: normalizeKey(field), owner: chainTop(p.parent) };
    }
    return tokenTreeKeyed(n, src);
  },

  listParent(expr) {
    const p = expr.parent;
    if (p?.type === 'array_expression') return { list: p, index: indexIn(namedChildrenOf(p), expr) };
    if (p?.type === 'token_tree' && p.firstChild?.type === '[') {
      let index = 0;
      for (const c of p.children) {
        if (!c || c.startIndex >= expr.startIndex) break;
        if (c.type === ',') index++;
      }
      return { list: p, index };
    }
    return undefined;
  },

  callParent(expr) {
    const p = expr.parent;
    const call = p?.type === 'arguments' ? p.parent : null;
    if (call?.type !== 'call_expression') return undefined;
    const list = args(call);
    return { callee: calleeOf(call.childForFieldName('function')), call, args: list, index: indexIn(list, expr) };
  },

  isOwner: (node) => node.type === 'field_initializer_list' || isBuilderCall(node) || (node.type === 'token_tree' && node.firstChild?.type === '{'),

  entries(owner, src): Entry[] {
    if (owner.type === 'token_tree') return tokenTreeEntries(owner, src);
    const out: Entry[] = [];
    if (owner.type === 'field_initializer_list') {
      for (const c of namedChildrenOf(owner)) {
        if (c.type === 'field_initializer') {
          const field = c.childForFieldName('field')?.text;
          const value = c.childForFieldName('value');
          if (field && value) out.push({ key: normalizeKey(field), value });
        } else if (c.type === 'shorthand_field_initializer' && c.namedChild(0)) {
          out.push({ key: normalizeKey(c.text), value: c.namedChild(0)! });
        }
      }
      return out;
    }
    for (let n: TSNode | null = owner; n && isBuilderCall(n); ) {
      const fn = n.childForFieldName('function');
      const list = args(n);
      const field = fn?.childForFieldName('field')?.text;
      if (field && list.length === 1) out.push({ key: normalizeKey(field), value: list[0] });
      n = fn?.childForFieldName('value') ?? null;
    }
    return out;
  },

  roleHint(owner) {
    if (owner.type === 'field_initializer_list') return owner.parent?.childForFieldName('name')?.text;
    if (owner.type === 'token_tree') return owner.previousSibling?.type === 'identifier' ? owner.previousSibling.text : undefined;
    let n: TSNode | null = owner;
    while (n && isBuilderCall(n)) n = n.childForFieldName('function')?.childForFieldName('value') ?? null;
    return n?.text;
  },

  ownerItem: (owner) => (owner.type === 'field_initializer_list' && owner.parent ? owner.parent : owner),

  isBoundary: (node) => ['block', 'source_file', 'closure_expression', 'function_item'].includes(node.type),

  unwrapValue(node) {
    let n = node;
    for (;;) {
      if (n.type === 'parenthesized_expression' && n.namedChild(0)) n = n.namedChild(0)!;
      else if (n.type === 'reference_expression' && n.childForFieldName('value')) n = n.childForFieldName('value')!;
      else if (n.type === 'call_expression' && isConversionCall(n)) {
        const fn = n.childForFieldName('function');
        const inner = fn?.type === 'field_expression' ? fn.childForFieldName('value') : args(n)[0];
        if (!inner) return n;
        n = inner;
      } else return n;
    }
  },

  identifierName(node) {
    if (node.type === 'identifier') return node.text;
    if (node.type === 'scoped_identifier') return node.childForFieldName('name')?.text;
    if (node.type === 'field_expression') return node.childForFieldName('field')?.text;
    return undefined;
  },

  definitionValue(nameNode) {
    const p = nameNode.parent;
    if ((p?.type === 'const_item' || p?.type === 'static_item') && same(p.childForFieldName('name'), nameNode)) return p.childForFieldName('value') ?? undefined;
    if (p?.type === 'let_declaration' && same(p.childForFieldName('pattern'), nameNode)) return p.childForFieldName('value') ?? undefined;
    return undefined;
  },
};
