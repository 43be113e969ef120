// Prompt literals in a tree-sitter document: which strings are prompts, their static text, and
// the model / max_tokens of the call or object that sends them.
import type { TSNode } from './runtime';
import type { SyntaxRoot } from './forest';
import type { PromptLiteral, StringLiteral } from './types';
import { type Dialect, applyFormatFields } from './dialect';

/** Keys (normalized) whose string value is sent to the model as prompt text. */
const PROMPT_KEYS = new Set([
  'messages', 'content', 'prompt', 'system', 'instructions', 'input',
  'systemprompt', 'systemmessage', 'systeminstruction', 'systeminstructions', 'userprompt',
]);
const SYSTEM_KEYS = new Set(['system', 'instructions', 'systemprompt', 'systemmessage', 'systeminstruction', 'systeminstructions']);
const MODEL_KEYS = new Set(['model', 'modelname', 'modelid', 'azuredeployment']);
const MAX_TOKEN_KEYS = new Set(['maxtokens', 'maxcompletiontokens', 'maxoutputtokens']);
const ROLE_WORDS = /^(system|developer|user|human|assistant|ai|tool)$/i;

function roleFromName(name: string | undefined): string | undefined {
  if (!name) return undefined;
  if (/system|developer/i.test(name)) return 'system';
  if (/user|human/i.test(name)) return 'user';
  if (/assistant|^ai/i.test(name)) return 'assistant';
  return undefined;
}

function isMessageConstructor(callee: string): boolean {
  return /message$/i.test(callee) || /^(system|user|human|assistant|developer)$/i.test(callee);
}

export function parseNumber(text: string): number | undefined {
  const m = /^(\d[\d_]*)(?:u\d+|i\d+|usize|isize|[lL])?$/.exec(text.trim());
  if (!m) return undefined;
  const n = Number(m[1].replace(/_/g, ''));
  return Number.isSafeInteger(n) ? n : undefined;
}

type Item = { piece: StringLiteral } | { hole: true };

const MAX_LITERAL_CLIMB = 6;
/** How far up the tree a prompt looks for its model (a call or object never nests deeper in practice). */
const MAX_MODEL_CLIMB = 40;

/** Per-document context: the dialect, the source, and a cache of constants looked up by name. */
export class PromptScanner {
  private readonly constants = new Map<string, StringLiteral | null>();

  constructor(
    private readonly dialect: Dialect,
    private readonly root: SyntaxRoot,
    private readonly src: string,
  ) {}

  /**
   * The literal node at an offset (inside quotes or on them), if any. The climb is bounded: in
   * web-tree-sitter `parent` re-descends from the root, so an unbounded climb is quadratic in depth.
   */
  literalNodeAt(offset: number): TSNode | undefined {
    if (offset < 0 || offset > this.src.length) return undefined;
    let n: TSNode | null = this.root.descendantForIndex(offset);
    for (let i = 0; n && i < MAX_LITERAL_CLIMB; i++, n = n.parent) {
      // literalOf validates the candidate (TypeScript's `string` keyword shares the type name).
      if (this.dialect.literalTypes.has(n.type) && this.dialect.literalOf(n)?.id === n.id) return n;
    }
    return undefined;
  }

  literalAt(offset: number): StringLiteral | undefined {
    const node = this.literalNodeAt(offset);
    const lit = node ? this.dialect.decode(node, this.src) : undefined;
    if (!node || !lit) return undefined;
    const key = this.dialect.isKeyPosition(node) ? undefined : this.dialect.keyedParent(this.expressionOf(node), this.src)?.key;
    return key !== undefined ? { ...lit, key } : lit;
  }

  /** Climbs from a literal through concatenation, parentheses and `.format` to the whole expression. */
  expressionOf(literal: TSNode): TSNode {
    let expr = literal;
    for (let up = this.dialect.joinParent(expr); up; up = this.dialect.joinParent(expr)) expr = up;
    return expr;
  }

  promptAt(offset: number, minLength: number): PromptLiteral | undefined {
    const node = this.literalNodeAt(offset);
    return node ? this.promptForLiteral(node, minLength) : undefined;
  }

  promptForLiteral(literal: TSNode, minLength: number): PromptLiteral | undefined {
    if (this.dialect.isKeyPosition(literal) || !this.dialect.decode(literal, this.src)) return undefined;
    return this.promptForExpression(this.expressionOf(literal), minLength);
  }

  /**
   * Every prompt in the document, one per expression, in document order. Classifying a literal
   * costs several tree lookups, so literals that are short, have no prompt word shortly before
   * them and are not next to a join (`+`, adjacent string, `.format`) are skipped unexamined: they
   * cannot be prompts except in a `messages` list whose key is far away.
   */
  all(minLength: number): PromptLiteral[] {
    const out: PromptLiteral[] = [];
    const seen = new Set<number>();
    for (const literal of this.root.descendantsOfType([...this.dialect.literalTypes])) {
      // Every literal is classified exactly as promptAt would: the CLI's list must match the hover.
      if (!literal || !literal.isNamed) continue;
      if (this.dialect.literalOf(literal)?.id !== literal.id) continue;
      if (this.dialect.isKeyPosition(literal) || !this.dialect.decode(literal, this.src)) continue;
      const expr = this.expressionOf(literal);
      if (seen.has(expr.id)) continue;
      seen.add(expr.id);
      const p = this.promptForExpression(expr, minLength);
      if (p) out.push(p);
    }
    return out.sort((a, b) => a.start - b.start);
  }

  private flatten(node: TSNode, format: boolean, out: Item[]): void {
    if (this.dialect.literalTypes.has(node.type) && node.isNamed) {
      const lit = this.dialect.decode(node, this.src);
      if (lit) {
        out.push({ piece: format ? applyFormatFields(lit) : lit });
        return;
      }
    }
    const ops = this.dialect.operands(node);
    if (!ops) {
      out.push({ hole: true });
      return;
    }
    for (const op of ops.nodes) this.flatten(op, format || !!ops.format, out);
  }

  private promptForExpression(expr: TSNode, minLength: number): PromptLiteral | undefined {
    const items: Item[] = [];
    this.flatten(expr, false, items);
    const pieces: StringLiteral[] = [];
    let text = '';
    let placeholders = 0;
    let startsWithPlaceholder = false;
    for (const item of items) {
      if ('hole' in item) {
        if (text === '') startsWithPlaceholder = true;
        placeholders++;
        continue;
      }
      const p = item.piece;
      if (text === '' && p.startsWithPlaceholder) startsWithPlaceholder = true;
      pieces.push(p);
      text += p.value;
      placeholders += p.placeholders;
    }
    if (pieces.length === 0) return undefined;

    const d = this.dialect;
    let keyed = d.keyedParent(expr, this.src);
    const listed = keyed ? undefined : d.listParent(expr);
    const called = listed ? undefined : d.callParent(expr);
    // A one-argument call reads as a builder setter (`.content("...")`) but may be a factory
    // (`SystemMessage.from("...")`): the message constructor wins over a key that means nothing.
    if (keyed && called && !PROMPT_KEYS.has(keyed.key) && isMessageConstructor(called.callee)) keyed = undefined;
    let position = false;
    let system = false;
    let searchFrom: TSNode = expr;

    if (keyed) {
      pieces[0] = { ...pieces[0], key: keyed.key };
      searchFrom = keyed.owner;
      position = PROMPT_KEYS.has(keyed.key);
      if (SYSTEM_KEYS.has(keyed.key)) system = true;
      else if (keyed.key === 'content' || keyed.key === 'prompt') system = this.isSystemMessage(keyed.owner);
      else if (keyed.key === 'text') {
        // Content blocks: Anthropic `system=[{"type": "text", "text": ...}]`, OpenAI `content: [{type: "text", text: ...}]`.
        const block = d.listParent(d.ownerItem?.(keyed.owner) ?? keyed.owner);
        const holder = block && d.keyedParent(block.list, this.src);
        if (holder && PROMPT_KEYS.has(holder.key)) {
          position = true;
          system = SYSTEM_KEYS.has(holder.key) || (holder.key === 'content' && this.isSystemMessage(holder.owner));
        }
      }
    } else if (listed) {
      searchFrom = listed.list;
      const listKey = d.keyedParent(listed.list, this.src)?.key;
      if (listKey === 'messages') {
        position = true;
        system = listed.index === 0;
      } else {
        // ("system", "...") pairs, as in LangChain's from_messages([...]).
        const tupleRole = this.tupleRole(listed.list, listed.index);
        if (tupleRole) {
          position = true;
          system = tupleRole === 'system' || this.isFirstMessage(listed.list);
        }
      }
    } else if (called && !listed) {
      searchFrom = called.call;
      const first = called.args[0] ? this.stringValue(called.args[0]) : undefined;
      const firstIsRole = called.args.length >= 2 && first !== undefined && ROLE_WORDS.test(first);
      const roleArg = firstIsRole && called.index === 1 ? first.toLowerCase() : undefined;
      if (roleArg || (isMessageConstructor(called.callee) && called.index === 0 && !firstIsRole)) {
        position = true;
        const role = roleArg ?? roleFromName(called.callee);
        system = role === 'system' || role === 'developer' || this.isFirstMessage(called.call);
      }
    }

    if (!position && text.length < minLength) return undefined;
    const result: PromptLiteral = {
      start: expr.startIndex,
      end: expr.endIndex,
      pieces,
      text,
      placeholders,
      startsWithPlaceholder,
      reason: position ? 'position' : 'length',
      isSystemOrFirstMessage: system,
    };
    this.attachModel(result, searchFrom);
    return result;
  }

  private stringValue(node: TSNode): string | undefined {
    const v = this.dialect.unwrapValue(node);
    if (!this.dialect.literalTypes.has(v.type)) return undefined;
    const lit = this.dialect.decode(v, this.src);
    return lit && lit.placeholders === 0 ? lit.value : undefined;
  }

  private roleOf(owner: TSNode): string | undefined {
    for (const e of this.dialect.entries(owner, this.src)) {
      if (e.key !== 'role') continue;
      const v = this.stringValue(e.value);
      if (v !== undefined) return v.toLowerCase() === 'developer' ? 'system' : v.toLowerCase();
      // Role given as an enum constant: ChatMessageRole.SYSTEM, openai.ChatMessageRoleSystem.
      return roleFromName(this.dialect.unwrapValue(e.value).text);
    }
    return roleFromName(this.dialect.roleHint?.(owner));
  }

  /** A message object whose role is system, or the first message of a `messages` list. */
  private isSystemMessage(owner: TSNode): boolean {
    return this.roleOf(owner) === 'system' || this.isFirstMessage(this.dialect.ownerItem?.(owner) ?? owner);
  }

  private isFirstMessage(item: TSNode): boolean {
    const lp = this.dialect.listParent(item);
    return !!lp && lp.index === 0 && this.dialect.keyedParent(lp.list, this.src)?.key === 'messages';
  }

  private tupleRole(list: TSNode, index: number): string | undefined {
    if (index !== 1 || (list.type !== 'tuple' && list.type !== 'array')) return undefined;
    const items = list.namedChildren.filter((c): c is TSNode => !!c && c.type !== 'comment');
    if (items.length !== 2) return undefined;
    const role = this.stringValue(items[0]);
    return role !== undefined && ROLE_WORDS.test(role) ? (roleFromName(role) ?? role.toLowerCase()) : undefined;
  }

  private attachModel(result: PromptLiteral, from: TSNode): void {
    const d = this.dialect;
    let depth = 0;
    for (let n: TSNode | null = from; n && depth < MAX_MODEL_CLIMB; n = n.parent, depth++) {
      if (d.isBoundary(n)) break;
      if (!d.isOwner(n)) continue;
      const entries = d.entries(n, this.src);
      let model: PromptLiteral['model'];
      for (const e of entries) {
        if (result.maxTokens === undefined && MAX_TOKEN_KEYS.has(e.key)) {
          const num = parseNumber(d.unwrapValue(e.value).text);
          if (num !== undefined) result.maxTokens = num;
        }
        if (!model && MODEL_KEYS.has(e.key)) model = this.resolveModel(e.value);
      }
      if (model) {
        result.model = model;
        return;
      }
    }
  }

  private resolveModel(value: TSNode): PromptLiteral['model'] {
    const v = this.dialect.unwrapValue(value);
    if (this.dialect.literalTypes.has(v.type)) {
      const lit = this.dialect.decode(v, this.src);
      if (lit && lit.placeholders === 0) return { written: lit.value, via: 'argument', start: lit.contentStart, end: lit.contentEnd };
      return undefined;
    }
    const name = this.dialect.identifierName(v);
    const lit = name ? this.constant(name) : undefined;
    return lit ? { written: lit.value, via: 'constant', start: lit.contentStart, end: lit.contentEnd } : undefined;
  }

  /** The string literal a name is defined as in this file (`MODEL = "..."`), first definition wins. */
  private constant(name: string): StringLiteral | undefined {
    const cached = this.constants.get(name);
    if (cached !== undefined) return cached ?? undefined;
    let found: StringLiteral | undefined;
    if (/^[\p{L}_$][\p{L}\p{N}_$]*$/u.test(name)) {
      const re = new RegExp(`(?<![\\p{L}\\p{N}_$])${name.replace(/\$/g, '\\$')}(?![\\p{L}\\p{N}_$])`, 'gu');
      for (let m = re.exec(this.src); m && !found; m = re.exec(this.src)) {
        const node = this.root.descendantForIndex(m.index, m.index + name.length);
        if (!node || node.startIndex !== m.index || node.endIndex !== m.index + name.length) continue;
        const def = this.dialect.definitionValue(node);
        if (!def) continue;
        const v = this.dialect.unwrapValue(def);
        const lit = this.dialect.literalTypes.has(v.type) ? this.dialect.decode(v, this.src) : undefined;
        if (lit && lit.placeholders === 0) found = lit;
      }
    }
    this.constants.set(name, found ?? null);
    return found;
  }
}

