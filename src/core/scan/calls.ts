// Chat calls and what they send: the messages of a call (written in it, or reached through a
// same-file constant, a list of constants, an f-string / `.format` / template literal of a
// constant), its model resolved through constants, its max_tokens, whether it turns thinking off.
// Computed on demand (CodeLens, prompt hovers, `estimate`), never with diagnostics.
import type { TSNode } from './runtime';
import type { SyntaxRoot } from './forest';
import type { Dialect } from './dialect';
import { parseNumber } from './prompts';
import type { EndpointFact, StringLiteral } from './types';

export type MessageRole = 'system' | 'user' | 'assistant';

/** A piece of source text that reached a message: a literal, possibly through a constant. */
export interface MessageSource {
  start: number;
  end: number;
  /** The constant the text came through, when it did. */
  constant?: string;
}

export interface CallMessage {
  role: MessageRole;
  /** The message's text as far as the file says; parts known only at run time are left out. */
  text: string;
  /** Parts only known at run time (placeholders, variables, imported constants). */
  unknownParts: number;
  sources: MessageSource[];
  /** The message's expression in the call (or in the constant list it came from). */
  start: number;
  end: number;
}

export interface CallSite {
  /** The call or request object. */
  start: number;
  end: number;
  /** Where the call starts (its callee), for a CodeLens above it. */
  anchor: number;
  model?: { written: string; via: 'argument' | 'constant'; start: number; end: number };
  /** Why the model could not be read, when a model is given but not as a same-file string. */
  modelUnresolved?: { name: string; imported: boolean };
  maxTokens?: number;
  messages: CallMessage[];
  /** Whole messages (or lists of them) known only at run time. */
  unknownMessages: number;
  /** Names the messages read that are imported from another module. */
  importedNames: string[];
  /** `thinking: {type: "disabled" | "enabled"}` in the call, if set. */
  thinking?: boolean;
  reasoningEffortMax: boolean;
  /** What the file says about where the call goes (see core/lint/endpoint). */
  endpoint: EndpointFact[];
}

/** A call as found, with the node its provider evidence is read from (the model argument, or the messages). */
export interface FoundCall {
  site: Omit<CallSite, 'endpoint'>;
  evidenceNode: TSNode;
}

const MAX_TOKEN_KEYS = new Set(['maxtokens', 'maxcompletiontokens', 'maxoutputtokens', 'maxnewtokens']);
const MODEL_KEYS = new Set(['model', 'modelname', 'modelid']);
/** Builder methods that add one message (OpenAI Java SDK). */
const ADD_MESSAGE = new Map<string, MessageRole>([
  ['addsystemmessage', 'system'],
  ['adddevelopermessage', 'system'],
  ['addusermessage', 'user'],
  ['addassistantmessage', 'assistant'],
]);
const CALL_TYPES = new Set(['call', 'call_expression', 'new_expression', 'method_invocation', 'object_creation_expression', 'macro_invocation']);
/** Where a call's messages are named: the `messages` key, a message-adding builder, or an AI SDK `system:` / `prompt:` key. */
const ANCHOR = /\b(?:messages|Messages|addSystemMessage|addDeveloperMessage|addUserMessage)\b|\b(?:system|prompt)['"]?\s*[:=](?!=)/g;
const MAX_ANCHORS = 20_000;
const MAX_DEPTH = 4;
const ROLE_WORD = /^(system|developer|user|human|assistant|ai)$/i;
const IDENT = /^[\p{L}_$][\p{L}\p{N}_$]*$/u;

function roleFromText(text: string | undefined): MessageRole | undefined {
  if (!text) return undefined;
  if (/system|developer/i.test(text)) return 'system';
  if (/user|human/i.test(text)) return 'user';
  if (/assistant|(^|\W)ai(\W|$)|AIMessage/i.test(text)) return 'assistant';
  return undefined;
}

interface Text {
  text: string;
  unknown: number;
  sources: MessageSource[];
}

export class CallScanner {
  private readonly definitions = new Map<string, TSNode | null>();
  private readonly imported = new Map<string, boolean>();

  constructor(
    private readonly dialect: Dialect,
    private readonly root: SyntaxRoot,
    private readonly src: string,
  ) {}

  /** Every call or request object with messages, in document order. */
  all(): FoundCall[] {
    const owners = new Map<number, TSNode>();
    let anchors = 0;
    for (const m of this.src.matchAll(ANCHOR)) {
      if (++anchors > MAX_ANCHORS) break;
      const owner = this.ownerAt(m.index ?? 0);
      if (owner && !owners.has(owner.id)) owners.set(owner.id, owner);
    }
    const out: FoundCall[] = [];
    for (const owner of owners.values()) {
      try {
        const call = this.callOf(owner);
        if (call) out.push(call);
      } catch {
        // An odd tree costs that call its lens, never the file its others.
      }
    }
    return out.sort((a, b) => a.site.start - b.site.start);
  }

  /** The owner (call, object, struct, builder chain) a message key at `offset` belongs to. */
  private ownerAt(offset: number): TSNode | undefined {
    const leaf = this.root.descendantForIndex(offset);
    if (!leaf || /comment/.test(leaf.type)) return undefined;
    let found: TSNode | undefined;
    let n: TSNode | null = leaf;
    // The key sits a few levels below its owner; once found, a builder chain is followed to its top.
    for (let depth = 0; n && (depth < 8 || (found && depth < 40)); depth++, n = n.parent) {
      if (this.dialect.isOwner(n) && this.hasMessages(n)) found = n;
      else if (found && !this.dialect.isOwner(n)) {
        // Past the owner: a builder chain continues only through calls on it.
        if (!CALL_TYPES.has(n.type) && n.type !== 'field_expression' && n.type !== 'try_expression') break;
      }
      if (this.dialect.isBoundary(n)) break;
    }
    return found;
  }

  private hasMessages(owner: TSNode): boolean {
    const keys = new Set(this.dialect.entries(owner, this.src).map((e) => e.key));
    if (keys.has('messages')) return true;
    for (const k of ADD_MESSAGE.keys()) if (keys.has(k)) return true;
    // The AI SDK: generateText({ model, system, prompt }).
    return (keys.has('prompt') || keys.has('system')) && keys.has('model');
  }

  private callOf(owner: TSNode): FoundCall | undefined {
    const entries = this.dialect.entries(owner, this.src);
    const messages: CallMessage[] = [];
    const importedNames: string[] = [];
    let unknownMessages = 0;
    let model: CallSite['model'];
    let modelUnresolved: CallSite['modelUnresolved'];
    let modelNode: TSNode | undefined;
    let maxTokens: number | undefined;
    let system: CallMessage | undefined;
    let prompt: CallMessage | undefined;
    let firstValue: TSNode | undefined;
    // Builder chains list their calls from the outermost in: put the messages back in source order.
    const ordered = [...entries].sort((a, b) => a.value.startIndex - b.value.startIndex);
    for (const e of ordered) {
      if (MODEL_KEYS.has(e.key) && !model && !modelUnresolved) {
        // The evidence of a model written in place is that of its literal (`deepseek('…')` names the provider).
        const unwrapped = this.dialect.unwrapValue(e.value);
        modelNode = this.literal(unwrapped) ? unwrapped : e.value;
        const r = this.modelOf(e.value);
        if (r && 'written' in r) model = r;
        else if (r) modelUnresolved = r;
      } else if (MAX_TOKEN_KEYS.has(e.key) && maxTokens === undefined) {
        maxTokens = this.numberOf(e.value);
      } else if (e.key === 'messages') {
        firstValue ??= e.value;
        const list = this.messagesOf(e.value, 0, importedNames);
        messages.push(...list.messages);
        unknownMessages += list.unknown;
      } else if (ADD_MESSAGE.has(e.key)) {
        firstValue ??= e.value;
        const t = this.textOf(e.value, 0, importedNames);
        messages.push(this.message(ADD_MESSAGE.get(e.key)!, t, e.value));
      } else if (e.key === 'system' && this.isText(e.value)) {
        firstValue ??= e.value;
        system = this.message('system', this.textOf(e.value, 0, importedNames), e.value);
      } else if (e.key === 'prompt' && this.isText(e.value)) {
        firstValue ??= e.value;
        prompt = this.message('user', this.textOf(e.value, 0, importedNames), e.value);
      }
    }
    if (system) messages.unshift(system);
    if (prompt) messages.push(prompt);
    if (messages.length === 0 && unknownMessages === 0) return undefined;
    const call = this.enclosingCall(owner);
    const text = this.src.slice(owner.startIndex, Math.min(owner.endIndex, owner.startIndex + 8000));
    const thinking = /thinking['"]?\s*[:=]\s*\{[^}]{0,80}?type['"]?\s*[:=]\s*['"](disabled|enabled)['"]/.exec(text)?.[1];
    const anchorNode = call ?? owner;
    const site: FoundCall['site'] = {
      start: owner.startIndex,
      end: owner.endIndex,
      anchor: anchorNode.startIndex,
      model,
      modelUnresolved,
      maxTokens,
      messages,
      unknownMessages,
      importedNames: [...new Set(importedNames)],
      thinking: thinking === undefined ? undefined : thinking === 'enabled',
      reasoningEffortMax: /reasoning_?effort['"]?\s*[:=]\s*['"]max['"]/i.test(text),
    };
    return { site, evidenceNode: modelNode ?? firstValue ?? owner };
  }

  /** A value that can be message text (not a list of messages, not an object). */
  private isText(node: TSNode): boolean {
    const v = this.dialect.unwrapValue(node);
    return !this.dialect.isOwner(v) && !this.listItems(v);
  }

  private message(role: MessageRole, t: Text, node: TSNode): CallMessage {
    return { role, text: t.text, unknownParts: t.unknown, sources: t.sources, start: node.startIndex, end: node.endIndex };
  }

  private enclosingCall(owner: TSNode): TSNode | undefined {
    let n: TSNode | null = owner;
    let top: TSNode | undefined;
    for (let depth = 0; n && depth < 4; depth++, n = n.parent) {
      if (CALL_TYPES.has(n.type)) top = n;
      else if (top) break;
    }
    // A builder chain's lens goes where the chain starts.
    return top;
  }

  private modelOf(value: TSNode): CallSite['model'] | CallSite['modelUnresolved'] | undefined {
    const v = this.dialect.unwrapValue(value);
    const lit = this.literal(v);
    if (lit) return lit.placeholders === 0 ? { written: lit.value, via: 'argument', start: lit.contentStart, end: lit.contentEnd } : undefined;
    const name = this.dialect.identifierName(v);
    if (!name) return undefined;
    const def = this.definition(name);
    const defLit = def ? this.literal(this.dialect.unwrapValue(def)) : undefined;
    if (defLit && defLit.placeholders === 0) return { written: defLit.value, via: 'constant', start: defLit.contentStart, end: defLit.contentEnd };
    return { name, imported: this.isImported(name) };
  }

  private numberOf(value: TSNode): number | undefined {
    const v = this.dialect.unwrapValue(value);
    const direct = parseNumber(v.text);
    if (direct !== undefined) return direct;
    const name = this.dialect.identifierName(v);
    const def = name ? this.definition(name) : undefined;
    return def ? parseNumber(this.dialect.unwrapValue(def).text) : undefined;
  }

  private literal(node: TSNode): StringLiteral | undefined {
    return this.dialect.literalTypes.has(node.type) && node.isNamed ? this.dialect.decode(node, this.src) : undefined;
  }

  /** The messages of a `messages` value: a list written in place or a constant holding one. */
  private messagesOf(value: TSNode, depth: number, imported: string[]): { messages: CallMessage[]; unknown: number } {
    const v = this.dialect.unwrapValue(value);
    const items = this.listItems(v);
    if (items) {
      const messages: CallMessage[] = [];
      let unknown = 0;
      for (const item of items) {
        if (!item) {
          unknown++;
          continue;
        }
        const m = this.messageOf(item, depth, imported);
        if (m) messages.push(m);
        else {
          // A constant holding a list of messages, spread into this one.
          const nested = this.constantValue(item, depth, imported);
          if (nested && this.listItems(this.dialect.unwrapValue(nested))) {
            const inner = this.messagesOf(nested, depth + 1, imported);
            messages.push(...inner.messages);
            unknown += inner.unknown;
          } else unknown++;
        }
      }
      return { messages, unknown };
    }
    const def = this.constantValue(v, depth, imported);
    if (def) return this.messagesOf(def, depth + 1, imported);
    return { messages: [], unknown: 1 };
  }

  /** A name's same-file definition, following one name at a time; imported names are remembered. */
  private constantValue(node: TSNode, depth: number, imported: string[]): TSNode | undefined {
    if (depth >= MAX_DEPTH) return undefined;
    const name = this.dialect.identifierName(this.dialect.unwrapValue(node));
    if (!name) return undefined;
    const def = this.definition(name);
    if (!def && this.isImported(name)) imported.push(name);
    return def;
  }

  /** The items of a list literal, `null` for a spread; undefined when the node is no list. */
  private listItems(node: TSNode): Array<TSNode | null> | undefined {
    const kids = () => node.namedChildren.filter((c): c is TSNode => !!c && !/comment/.test(c.type));
    switch (node.type) {
      case 'list':
      case 'tuple':
      case 'array':
      case 'array_expression':
      case 'array_initializer':
        // A ("system", "…") pair is a message, not a list of them.
        if (node.type === 'tuple' && this.pairRole(node)) return undefined;
        return kids().map((c) => (/splat|spread/.test(c.type) ? (this.spreadTarget(c) ?? null) : c));
      case 'composite_literal': {
        const body = node.childForFieldName('body');
        const type = node.childForFieldName('type');
        if (!body || !type || !/^(slice_type|array_type|implicit_length_array_type)$/.test(type.type)) return undefined;
        return body.namedChildren.filter((c): c is TSNode => !!c && c.type === 'literal_element').map((c) => c.namedChild(0) ?? null);
      }
      case 'literal_value':
        // Go: the elided type of a nested slice literal.
        if (node.namedChildren.some((c) => c?.type === 'keyed_element')) return undefined;
        return node.namedChildren.filter((c): c is TSNode => !!c && c.type === 'literal_element').map((c) => c.namedChild(0) ?? null);
      case 'method_invocation': {
        const name = node.childForFieldName('name')?.text ?? '';
        const obj = node.childForFieldName('object')?.text ?? '';
        if (!/^(of|asList|copyOf)$/.test(name) || !/(^|\.)(List|Arrays|ImmutableList)$/.test(obj)) return undefined;
        const args = node.childForFieldName('arguments');
        return args ? args.namedChildren.filter((c): c is TSNode => !!c && !/comment/.test(c.type)) : undefined;
      }
      case 'array_creation_expression': {
        const init = node.namedChildren.find((c) => c?.type === 'array_initializer');
        return init ? this.listItems(init) : undefined;
      }
      case 'macro_invocation': {
        // Rust vec![a, b]
        if (!/^vec!?$/.test(node.childForFieldName('macro')?.text ?? '')) return undefined;
        const tree = node.namedChildren.find((c) => c?.type === 'token_tree');
        return tree ? this.tokenTreeItems(tree) : undefined;
      }
      case 'token_tree':
        return node.firstChild?.type === '[' ? this.tokenTreeItems(node) : undefined;
    }
    return undefined;
  }

  private spreadTarget(node: TSNode): TSNode | undefined {
    return node.namedChild(0) ?? undefined;
  }

  /** Items of a `[…]` token tree (json! / vec!): one node per comma-separated item, null when an item is several tokens. */
  private tokenTreeItems(tree: TSNode): Array<TSNode | null> {
    const items: Array<TSNode | null> = [];
    let current: TSNode[] = [];
    const flush = () => {
      if (current.length === 1) items.push(current[0]);
      else if (current.length > 1) items.push(this.builtMessage(current));
      current = [];
    };
    for (let i = 1; i < tree.childCount - 1; i++) {
      const c = tree.child(i);
      if (!c) continue;
      if (c.type === ',') flush();
      else current.push(c);
    }
    flush();
    return items;
  }

  /** In a token tree, `Message::system(PROMPT)`-like items are several tokens: keep the call's argument list, role from the path. */
  private builtMessage(tokens: TSNode[]): TSNode | null {
    const last = tokens[tokens.length - 1];
    return last.type === 'token_tree' && last.firstChild?.type === '(' ? last : null;
  }

  /** `("system", "…")` / `["system", "…"]` pairs (LangChain). */
  private pairRole(node: TSNode): MessageRole | undefined {
    const items = node.namedChildren.filter((c): c is TSNode => !!c && !/comment/.test(c.type));
    if (items.length !== 2) return undefined;
    const lit = this.literal(this.dialect.unwrapValue(items[0]));
    return lit && lit.placeholders === 0 && ROLE_WORD.test(lit.value) ? roleFromText(lit.value) : undefined;
  }

  /** One message: an object/dict/struct/builder with role and content, a message class, or a role pair. */
  private messageOf(item: TSNode, depth: number, imported: string[]): CallMessage | undefined {
    const v = this.peel(this.dialect.unwrapValue(item));
    const pair = v.type === 'tuple' || v.type === 'array' ? this.pairRole(v) : undefined;
    if (pair) {
      const items = v.namedChildren.filter((c): c is TSNode => !!c && !/comment/.test(c.type));
      return this.message(pair, this.textOf(items[1], depth, imported), item);
    }
    const owner = this.ownerOf(v);
    if (owner) {
      const entries = this.dialect.entries(owner, this.src);
      const roleEntry = entries.find((e) => e.key === 'role');
      let role: MessageRole | undefined;
      if (roleEntry) {
        const rv = this.dialect.unwrapValue(roleEntry.value);
        const lit = this.literal(rv);
        role = roleFromText(lit ? lit.value : rv.text);
      }
      role ??= roleFromText(this.dialect.roleHint?.(owner) ?? (owner.id !== v.id ? this.calleeOf(v) : undefined));
      const content = entries.find((e) => e.key === 'content' || e.key === 'text' || e.key === 'prompt');
      if (content && role) return this.message(role, this.textOf(content.value, depth, imported), item);
      if (!content && role && owner.id === v.id && CALL_TYPES.has(v.type)) {
        const positional = this.positional(v);
        if (positional.length > 0) return this.message(role, this.textOf(positional[positional.length - 1], depth, imported), item);
      }
      if (role || content) return undefined;
    }
    // A message class with positional arguments: SystemMessage("…"), new ChatMessage("system", X), Message::system(X).
    if (CALL_TYPES.has(v.type) || v.type === 'token_tree') {
      const args = v.type === 'token_tree' ? this.tokenArgs(v) : this.positional(v);
      const callee = v.type === 'token_tree' ? this.src.slice(Math.max(0, v.startIndex - 80), v.startIndex) : this.calleeOf(v);
      if (args.length >= 2) {
        const first = this.dialect.unwrapValue(args[0]);
        const lit = this.literal(first);
        const role = roleFromText(lit ? lit.value : first.text);
        if (role) return this.message(role, this.textOf(args[1], depth, imported), item);
      }
      const role = roleFromText(callee.split(/[.:\s(]/).filter(Boolean).pop() ?? callee) ?? roleFromText(callee);
      if (args.length === 1 && role && /message|system|user|assistant|human|ai/i.test(callee)) return this.message(role, this.textOf(args[0], depth, imported), item);
    }
    return undefined;
  }

  /** Strips what builds a message value without changing it: `?`, `.build()`, `.into()`, `.unwrap()`. */
  private peel(node: TSNode): TSNode {
    let n = node;
    for (let i = 0; i < 6; i++) {
      if (n.type === 'try_expression' && n.namedChild(0)) n = n.namedChild(0)!;
      else if ((n.type === 'call_expression' || n.type === 'method_invocation') && this.positional(n).length === 0) {
        const fn = n.childForFieldName('function');
        const name = fn?.childForFieldName('field')?.text ?? n.childForFieldName('name')?.text ?? '';
        const inner = fn?.childForFieldName('value') ?? n.childForFieldName('object');
        if (!/^(build|into|unwrap|expect|to_owned|clone)$/.test(name) || !inner) return n;
        n = inner;
      } else return n;
    }
    return n;
  }

  /** The node holding a message's keyed entries: itself, a struct's body, or a constructor's object argument. */
  private ownerOf(v: TSNode): TSNode | undefined {
    if (this.dialect.isOwner(v)) return v;
    const body = v.childForFieldName('body');
    if (body && this.dialect.isOwner(body)) return body;
    const args = v.childForFieldName('arguments');
    const first = args?.namedChildren.find((c) => c && !/comment/.test(c.type));
    if (first && this.dialect.isOwner(first)) return first;
    return undefined;
  }

  private positional(call: TSNode): TSNode[] {
    const args = call.childForFieldName('arguments');
    if (!args) return [];
    return args.namedChildren.filter((c): c is TSNode => !!c && !/comment|keyword_argument|splat/.test(c.type));
  }

  private tokenArgs(tree: TSNode): TSNode[] {
    return this.tokenTreeItems(tree).filter((x): x is TSNode => !!x);
  }

  private calleeOf(call: TSNode): string {
    const f = call.childForFieldName('function') ?? call.childForFieldName('constructor') ?? call.childForFieldName('type');
    if (call.type === 'method_invocation') return `${call.childForFieldName('object')?.text ?? ''}.${call.childForFieldName('name')?.text ?? ''}`;
    return (f?.text ?? '').slice(0, 200);
  }

  /** The text a value carries: literals, joins, f-strings / templates with constants put back in, constants. */
  textOf(node: TSNode, depth: number, imported: string[]): Text {
    const v = this.dialect.unwrapValue(node);
    const lit = this.literal(v);
    if (lit) return this.literalText(lit, depth, imported);
    const ops = this.dialect.operands(v);
    if (ops) {
      const out: Text = { text: '', unknown: 0, sources: [] };
      for (const op of ops.nodes) {
        let t = this.textOf(op, depth, imported);
        if (ops.format) t = this.formatFields(t);
        out.text += t.text;
        out.unknown += t.unknown;
        out.sources.push(...t.sources);
      }
      return out;
    }
    // `TEMPLATE.format(...)` where TEMPLATE is a constant: its fields are run-time parts.
    const fmt = this.formatReceiver(v);
    if (fmt) return this.formatFields(this.textOf(fmt, depth, imported));
    if (depth < MAX_DEPTH) {
      const name = this.dialect.identifierName(v);
      const def = name ? this.definition(name) : undefined;
      if (name && def && !this.listItems(this.dialect.unwrapValue(def)) && !this.dialect.isOwner(this.dialect.unwrapValue(def))) {
        const t = this.textOf(def, depth + 1, imported);
        return { ...t, sources: t.sources.map((s) => ({ ...s, constant: s.constant ?? name })) };
      }
      if (name && !def && this.isImported(name)) imported.push(name);
    }
    return { text: '', unknown: 1, sources: [] };
  }

  private literalText(lit: StringLiteral, depth: number, imported: string[]): Text {
    const source: MessageSource = { start: lit.start, end: lit.end };
    if (!lit.holes?.length) return { text: lit.value, unknown: lit.placeholders, sources: [source] };
    let text = '';
    let from = 0;
    let unknown = lit.placeholders - lit.holes.length;
    const sources = [source];
    for (const h of lit.holes) {
      text += lit.value.slice(from, h.at);
      from = h.at;
      const inner = this.holeExpression(h.start, h.end);
      const t = inner ? this.textOf(inner, depth + 1, imported) : undefined;
      if (t && t.unknown === 0 && t.sources.length > 0) {
        text += t.text;
        sources.push(...t.sources);
      } else unknown++;
    }
    text += lit.value.slice(from);
    return { text, unknown, sources };
  }

  /** The expression inside `{…}` / `${…}`, when it is a plain name (a format spec or call is run-time). */
  private holeExpression(start: number, end: number): TSNode | undefined {
    const inner = this.src.slice(start, end).replace(/^\$?\{\s*|\s*\}$/g, '');
    if (!IDENT.test(inner)) return undefined;
    const at = this.src.indexOf(inner, start);
    const node = at >= 0 ? this.root.descendantForIndex(at, at + inner.length) : undefined;
    return node && node.startIndex === at && node.endIndex === at + inner.length ? node : undefined;
  }

  private formatReceiver(v: TSNode): TSNode | undefined {
    if (v.type !== 'call') return undefined;
    const f = v.childForFieldName('function');
    if (f?.type !== 'attribute' || f.childForFieldName('attribute')?.text !== 'format') return undefined;
    return f.childForFieldName('object') ?? undefined;
  }

  /** Python `.format` fields in text: each `{…}` is a run-time part, `{{`/`}}` a brace. */
  private formatFields(t: Text): Text {
    let fields = 0;
    const text = t.text.replace(/\{\{|\}\}|\{[^{}]*\}/g, (m) => {
      if (m === '{{') return '{';
      if (m === '}}') return '}';
      fields++;
      return '';
    });
    return { ...t, text, unknown: t.unknown + fields };
  }

  /** The value a name is first defined as in this file (`NAME = …`, `const NAME = …`, `NAME := …`). */
  private definition(name: string): TSNode | undefined {
    const cached = this.definitions.get(name);
    if (cached !== undefined) return cached ?? undefined;
    let found: TSNode | undefined;
    if (IDENT.test(name)) {
      const re = new RegExp(`(?<![\\p{L}\\p{N}_$.])${name.replace(/\$/g, '\\$')}(?![\\p{L}\\p{N}_$])`, 'gu');
      let hits = 0;
      for (let m = re.exec(this.src); m && !found && hits < 200; m = re.exec(this.src), hits++) {
        const node = this.root.descendantForIndex(m.index, m.index + name.length);
        if (!node || node.startIndex !== m.index || node.endIndex !== m.index + name.length) continue;
        found = this.dialect.definitionValue(node) ?? (node.parent ? this.typedDefinition(node) : undefined);
      }
    }
    this.definitions.set(name, found ?? null);
    return found;
  }

  /** Definitions whose name sits one level down (`const x: string = …` patterns in some grammars). */
  private typedDefinition(node: TSNode): TSNode | undefined {
    const p = node.parent;
    if (p && (p.type === 'pattern_list' || p.type === 'identifier')) return this.dialect.definitionValue(p);
    return undefined;
  }

  /** Whether the file imports the name from another module. */
  private isImported(name: string): boolean {
    const cached = this.imported.get(name);
    if (cached !== undefined) return cached;
    const n = name.replace(/\$/g, '\\$');
    const re = new RegExp(
      `^[ \\t]*(?:from\\s+\\S+\\s+import\\b[^\\n]*\\b${n}\\b|from\\s+\\S+\\s+import\\s*\\([^)]*\\b${n}\\b|import\\b[^;\\n]*\\b${n}\\b|import\\s*\\{[^}]*\\b${n}\\b|use\\s+[^;]*\\b${n}\\b)`,
      'm',
    );
    const result = re.test(this.src);
    this.imported.set(name, result);
    return result;
  }
}
