// Where a model ID literal sits in the program: its role (is it sent, or only compared, looked up,
// asserted?) and the raw evidence about the endpoint it is sent to (the call it is an argument of,
// the client that call is made on and how that client was built, sibling config keys, the file's
// own URLs). The catalog's provider data turns that evidence into a provider (core/lint/endpoint).
// Node type names below are those of the grammars this product ships; the table is shared because
// the same construct has the same name across them (call_expression, binary_expression, ...).
import type { TSNode } from './runtime';
import type { SyntaxRoot } from './forest';
import type { Dialect, KeyedPosition } from './dialect';
import type { EndpointFact, ModelIdLiteral, ModelIdRole } from './types';
import type { Region } from './idReuse';
import { isIdentChar } from './statements/lexing';

/** Keys whose value is the model a request or config sends. */
const MODEL_KEYS = new Set(['model', 'modelname', 'modelid', 'azuredeployment', 'deployment', 'engine', 'defaultmodel', 'llmmodel', 'chatmodel']);
/** Keys whose value is where a client sends requests. */
const ENDPOINT_KEYS = new Set(['apibase', 'baseurl', 'baseuri', 'endpoint', 'host', 'url', 'apiurl', 'apihost', 'serverurl', 'openaiapibase', 'openaibaseurl', 'basepath', 'azureendpoint', 'address']);
/** Keys whose value names the credential, often by an environment variable that names the provider. */
const CREDENTIAL_KEYS = new Set(['apikey', 'apikeyenv', 'apikeyvar', 'token']);
/** Keys whose value names the provider (`provider: ollama`, LiteLLM's `custom_llm_provider`). */
const PROVIDER_KEYS = new Set(['provider', 'customllmprovider', 'llmprovider', 'providerid', 'type']);

const CALL_TYPES = new Set(['call', 'call_expression', 'new_expression', 'method_invocation', 'object_creation_expression', 'macro_invocation', 'composite_literal', 'struct_expression']);
const EQUALITY_OPERATORS = new Set(['==', '===', '!=', '!==']);
const FALLBACK_OPERATORS = new Set(['??', '||', 'or']);
/** Methods that compare or test membership: their operands are never sent. */
const COMPARISON_METHODS = new Set([
  'includes', 'contains', 'Contains', 'ContainsAny', 'containsKey', 'contains_key', 'has', 'hasOwnProperty', 'indexOf', 'index',
  'equals', 'equalsIgnoreCase', 'EqualFold', 'eq', 'startsWith', 'startswith', 'endsWith', 'endswith', 'HasPrefix', 'HasSuffix',
  'in_array', 'isin', 'matches', 'count', 'remove', 'discard', 'delete',
]);
/** Lookups by key: the first argument is a key into a table; a later one is the default that is used. */
const GET_METHODS = new Set(['get', 'getOrDefault', 'get_or', 'getenv', 'Getenv', 'getProperty', 'getString', 'setdefault', 'pop', 'unwrap_or', 'or', 'orElse', 'getOr', 'GetString', 'GetEnv']);
/** Calls that build a set of known names. */
const SET_BUILDERS = new Set(['set', 'frozenset', 'Set', 'HashSet', 'BTreeSet', 'EnumSet', 'setOf', 'hashSetOf']);
/** Test assertions, by the callee's last name (`assertEqual`, `assert!`) or a chain starting with one (`expect(x).toBe`). */
const ASSERTION_CALLEE = /(^|[.:\s])(assert\w*|expect|should\w*|must\w*|require\.[A-Z]\w*|t\.(Error|Fatal)\w*|raises)\s*!?$|(^|[.:\s])(expect|assert\w*|assertThat)\s*\(/i;
const FUNCTION_BOUNDARIES = new Set([
  'module', 'program', 'source_file', 'document', 'stream', 'class_definition', 'class_declaration', 'class_body', 'function_definition',
  'function_declaration', 'method_declaration', 'method_definition', 'function_item', 'impl_item', 'decorated_definition',
]);
const MAX_ROLE_CLIMB = 12;
const MAX_EVIDENCE_NODES = 400;
const MAX_EVIDENCE_CHARS = 4000;
const MAX_FILE_FACTS = 200;
/** A URL with a scheme, or a local host and port written without one (`localhost:11434`). */
const URL_TEXT = /\b[a-z][a-z0-9+.-]*:\/\/[^\s"'`<>)\]}]+|\b(?:localhost|127\.0\.0\.1|0\.0\.0\.0):\d{2,5}\b/gi;
const ENV_NAME = /\b[A-Z][A-Z0-9]*_[A-Z0-9_]*[A-Z0-9]\b/g;
const IDENT = /^[\p{L}_$][\p{L}\p{N}_$]*$/u;

export type ConfigFlavour = 'code' | 'config';

/**
 * What the whole-file evidence pass found, kept by the scanner across edits that cannot change it:
 * how each receiver was built, the file's URLs and imports, and the text they were read from.
 */
export class FileEvidence {
  readonly bindings = new Map<string, EndpointFact[] | undefined>();
  readonly constants = new Map<string, string | null>();
  fileFacts?: EndpointFact[];
  /** Where the facts were read: an edit in any of it makes them stale. */
  private read: Region[] = [];

  noteRead(from: number, to: number): void {
    this.read.push({ from, to });
  }

  /**
   * Whether the facts still hold after one change to `before` (LSP's offsets): not if the change
   * touches text they were read from, adds or removes syntax that can make or unmake evidence
   * (a definition, a quote, a comment, a URL), or leaves a line that now reads as evidence (an
   * import finished by one letter, an assignment to a name already looked up). Shifts what was read.
   */
  survives(before: string, change: { rangeOffset: number; rangeLength: number; text: string }): boolean {
    const start = change.rangeOffset;
    const oldEnd = start + change.rangeLength;
    if (touchesEvidence(before.slice(start, oldEnd)) || touchesEvidence(change.text)) return false;
    if (this.readWithin(start, oldEnd)) return false;
    const lineStart = before.lastIndexOf('\n', start - 1) + 1;
    const lineEnd = before.indexOf('\n', oldEnd);
    const line = before.slice(lineStart, start) + change.text + before.slice(oldEnd, lineEnd < 0 ? before.length : lineEnd);
    if (this.readsAsEvidence(line)) return false;
    const delta = change.text.length - change.rangeLength;
    this.read = this.read.map((r) => (r.from > oldEnd ? { from: r.from + delta, to: r.to + delta } : r));
    return true;
  }

  /**
   * Whether the facts still hold where the syntax changed (the statements an edit re-read, or the
   * ranges tree-sitter reports, in `text`'s coordinates): a change there can move far text into or
   * out of a comment or a string (a `/` that became a regular expression). Not if a region holds text
   * the facts were read from, text that reads as evidence, or an assignment to a name looked up.
   */
  survivesRegions(text: string, regions: readonly Region[]): boolean {
    for (const g of regions) {
      if (this.readWithin(g.from, g.to) || g.to - g.from > MAX_SYNTAX_REGION) return false;
      const lineStart = text.lastIndexOf('\n', g.from - 1) + 1;
      if (text.slice(lineStart, g.to).split('\n').some((line) => this.readsAsEvidence(line))) return false;
    }
    return true;
  }

  /** Whether the facts were read from anything in [from, to] (inclusive: typing just after a word lengthens it). */
  private readWithin(from: number, to: number): boolean {
    return this.read.some((r) => from <= r.to && to >= r.from);
  }

  /** Whether a line reads as evidence: a URL, an import, an assignment to a name looked up. */
  private readsAsEvidence(line: string): boolean {
    if (EVIDENCE_LINE.test(line)) return true;
    for (const name of this.bindings.keys()) if (assignsTo(line, name)) return true;
    for (const name of this.constants.keys()) if (assignsTo(line, name)) return true;
    return false;
  }
}

/** Regions larger than this (an opened string swallowing the rest of a file) drop the facts unread. */
const MAX_SYNTAX_REGION = 64 * 1024;

/** A line that reads as whole-file evidence: a URL, a local host, an import. */
const EVIDENCE_LINE = /:\/\/|\blocalhost\b|127\.0\.0\.1|0\.0\.0\.0|^\s*(?:from|import|use)\b|\brequire\b|\bfrom\s*["']/;

/** Whether the line assigns to the name (`name =`, `name :=`, `name.field =`), as the definition searches read it. */
function assignsTo(line: string, name: string): boolean {
  for (let i = line.indexOf(name); i >= 0; i = line.indexOf(name, i + 1)) {
    const before = line.charCodeAt(i - 1);
    if (isIdentChar(before) || before === 46) continue;
    if (/^(?:\s*\.\s*\w+)?\s*(?::=|=(?![=>]))/.test(line.slice(i + name.length))) return true;
  }
  return false;
}

/** Whether an edit (text removed or inserted) can change whole-file evidence: a definition, a URL, an import, a comment, a line. */
export function touchesEvidence(text: string): boolean {
  return /[=:/'"`\n#*\\]|import|from|use|require/.test(text);
}

export class SiteAnalyzer {
  private readonly bindings: Map<string, EndpointFact[] | undefined>;
  private readonly constantTexts: Map<string, string | null>;
  /**
   * Types and parents of the nodes this pass has climbed through, by node id (one tree per
   * analyzer): in web-tree-sitter each `type` and `parent` is a call into WebAssembly, and `parent`
   * descends again from the root, while neighbouring literals climb through the same nodes.
   */
  private readonly types = new Map<number, string>();
  private readonly parents = new Map<number, TSNode | null>();

  constructor(
    private readonly dialect: Dialect,
    private readonly root: SyntaxRoot,
    private readonly src: string,
    private readonly flavour: ConfigFlavour,
    private readonly evidence: FileEvidence = new FileEvidence(),
  ) {
    this.bindings = evidence.bindings;
    this.constantTexts = evidence.constants;
  }

  /**
   * The literal with its role and the evidence found around it (the call, the config block). Never
   * throws: odd trees give a plain `value`. This part only depends on the text near the literal, so
   * it is kept across edits elsewhere; `inContext` adds what depends on the whole file.
   */
  analyze(lit: ModelIdLiteral, expr: TSNode, knownKeyed?: KeyedPosition | null): ModelIdLiteral {
    try {
      // The caller may have looked the key up already (null: it has none).
      const keyed = knownKeyed === undefined ? this.dialect.keyedParent(expr, this.src) : (knownKeyed ?? undefined);
      const role = this.roleOf(expr, keyed);
      const call = this.callFacts(expr, keyed);
      const endpoint = [...(lit.endpoint ?? []), ...call.facts, ...this.configFacts(keyed)];
      return { ...lit, role: lit.role && role === 'value' ? lit.role : role, endpoint, receiver: call.receiver };
    } catch {
      return { ...lit, role: lit.role ?? 'value' };
    }
  }

  /** Adds the evidence that depends on the whole file: how the receiver was built, the file's URLs. */
  inContext(lit: ModelIdLiteral): ModelIdLiteral {
    const facts = [...(lit.endpoint ?? [])];
    if (lit.receiver) {
      const bound = this.bindingFacts(lit.receiver.name);
      if (bound) facts.push(...bound);
      // An unbound name is a module or an imported function: `ollama.chat(…)`, `deepseek('…')`.
      else if (!lit.receiver.isCallee) facts.push({ kind: 'client', text: lit.receiver.name, scope: 'call' });
    }
    facts.push(...this.fileFacts());
    return { ...lit, endpoint: facts };
  }

  /** URLs and imported packages anywhere in the file's code (never in comments). */
  fileFacts(): EndpointFact[] {
    if (this.evidence.fileFacts) return this.evidence.fileFacts;
    const facts: EndpointFact[] = [];
    const seen = new Set<string>();
    const add = (kind: EndpointFact['kind'], text: string, at: number) => {
      const key = kind + text;
      if (seen.has(key) || facts.length >= MAX_FILE_FACTS || this.inComment(at)) return;
      this.evidence.noteRead(at, at + text.length + 16);
      seen.add(key);
      facts.push({ kind, text, scope: 'file' });
    };
    // `://` is rare in code; finding it first keeps this pass at memchr speed on large files.
    for (let i = this.src.indexOf('://'); i >= 0 && facts.length < MAX_FILE_FACTS; i = this.src.indexOf('://', i + 3)) {
      let from = i;
      while (from > 0 && /[a-z0-9+.-]/i.test(this.src[from - 1])) from--;
      const m = /^[a-z][a-z0-9+.-]*:\/\/[^\s"'`<>)\]}]+/i.exec(this.src.slice(from, i + 512));
      if (m) add('url', m[0], from);
    }
    for (const m of this.src.matchAll(/\b(?:localhost|127\.0\.0\.1|0\.0\.0\.0):\d{2,5}\b/g)) add('url', m[0], m.index ?? 0);
    for (const m of this.src.matchAll(/^[ \t]*(?:from|import|use)[ \t]+["']?([@\w][\w./@-]*)|\b(?:require\(|from[ \t]+)["']([@\w][\w./@-]*)["']/gm)) add('package', m[1] ?? m[2], m.index ?? 0);
    this.evidence.fileFacts = facts;
    return facts;
  }

  private inComment(offset: number): boolean {
    return isCommentAt(this.root, offset);
  }

  private typeOf(n: TSNode): string {
    let t = this.types.get(n.id);
    if (t === undefined) {
      t = n.type;
      this.types.set(n.id, t);
    }
    return t;
  }

  private parentOf(n: TSNode): TSNode | null {
    let p = this.parents.get(n.id);
    if (p === undefined) {
      p = n.parent;
      this.parents.set(n.id, p);
    }
    return p;
  }

  private roleOf(expr: TSNode, keyed: ReturnType<Dialect['keyedParent']>): ModelIdRole {
    if (keyed && (keyed.key === 'model' || keyed.key === 'modelname')) {
      const keys = new Set(this.dialect.entries(keyed.owner, this.src).map((e) => e.key));
      if (keyed.key === 'modelname' && keys.has('litellmparams')) return 'alias';
      if (keys.has('choices') || keys.has('usage') || (keys.has('object') && keys.has('created'))) return 'response';
    }
    if (this.dialect.isKeyPosition(expr)) return 'lookup';
    let child = expr;
    let n = this.parentOf(expr);
    for (let depth = 0; n && depth < MAX_ROLE_CLIMB && !FUNCTION_BOUNDARIES.has(this.typeOf(n)); depth++, child = n, n = this.parentOf(n)) {
      const role = this.roleAt(n, child, expr);
      if (role) return role;
    }
    if (keyed && MODEL_KEYS.has(keyed.key)) return this.flavour === 'config' ? 'config' : 'request';
    return 'value';
  }

  /** What one ancestor says about the literal below it, if it decides. */
  private roleAt(n: TSNode, child: TSNode, expr: TSNode): ModelIdRole | undefined {
    const type = this.typeOf(n);
    switch (type) {
      case 'comparison_operator':
      case 'case_pattern':
      case 'switch_label':
      case 'match_pattern':
        return 'comparison';
      case 'binary_expression':
      case 'boolean_operator': {
        const op = n.childForFieldName('operator')?.type ?? n.child(1)?.type ?? '';
        if (EQUALITY_OPERATORS.has(op)) return 'comparison';
        if (FALLBACK_OPERATORS.has(op) && n.childForFieldName('right')?.id === child.id) return 'default';
        return undefined;
      }
      case 'switch_case':
      case 'expression_case':
        return n.childForFieldName('value')?.id === child.id ? 'comparison' : undefined;
      case 'case_clause':
        return this.typeOf(child) !== 'block' ? 'comparison' : undefined;
      case 'match_arm':
        return n.childForFieldName('pattern')?.id === child.id ? 'comparison' : undefined;
      case 'subscript':
      case 'subscript_expression':
      case 'index_expression': {
        const object = n.childForFieldName('value') ?? n.childForFieldName('object') ?? n.childForFieldName('operand') ?? n.namedChild(0);
        return object?.id !== child.id ? 'lookup' : undefined;
      }
      case 'set':
      case 'set_comprehension':
        return 'lookup';
      case 'assert_statement':
        return 'assertion';
      case 'with_statement':
        return /\braises\b/.test(n.childForFieldName('with_clause')?.text ?? n.namedChild(0)?.text ?? '') ? 'assertion' : undefined;
    }
    if (!CALL_TYPES.has(type)) return undefined;
    const callee = this.calleeText(n);
    if (ASSERTION_CALLEE.test(callee)) return 'assertion';
    const method = lastSegment(callee);
    if (SET_BUILDERS.has(method) || (['of', 'from', 'new'].includes(method) && /Set\s*(::|\.)\s*\w+$/.test(callee))) return 'lookup';
    if (COMPARISON_METHODS.has(method)) return 'comparison';
    if (GET_METHODS.has(method)) {
      const args = this.argumentNodes(n);
      const index = args.findIndex((a) => a.startIndex <= expr.startIndex && expr.endIndex <= a.endIndex);
      if (index === 0) return 'lookup';
      if (index > 0) return 'default';
    }
    return undefined;
  }

  /** Evidence from the call that holds the ID and from the client that call is made on. */
  private callFacts(expr: TSNode, keyed: ReturnType<Dialect['keyedParent']>): { facts: EndpointFact[]; receiver?: ModelIdLiteral['receiver'] } {
    const call = this.enclosingCall(keyed?.owner ?? expr);
    if (!call) return { facts: [] };
    const facts: EndpointFact[] = [];
    const callee = this.calleeText(call);
    const segments = callee.split(/\s*(?:\?\.|\.|::|->)\s*/).map((s) => s.replace(/^new\s+/, '').replace(/[<(!].*$/, '')).filter((s) => IDENT.test(s));
    const root = segments.find((s) => !['self', 'this', 'cls', 'super', 's', 'c'].includes(s));
    const last = segments[segments.length - 1];
    if (last) facts.push({ kind: 'client', text: last, scope: 'call' });
    // A plain string as a request option's model (`streamText({ model: 'deepseek/…' })`).
    if (keyed && keyed.owner.id !== call.id && MODEL_KEYS.has(keyed.key) && last) facts.push({ kind: 'string-model-call', text: last, scope: 'call' });
    facts.push(...this.textFacts(this.argumentsNode(call) ?? call, 'call'));
    return { facts, receiver: root ? { name: root, isCallee: root === last } : undefined };
  }

  /** Sibling keys of a config block (`api_base`, `provider`) and the path of keys above it. */
  private configFacts(keyed: ReturnType<Dialect['keyedParent']>): EndpointFact[] {
    if (!keyed) return [];
    const facts: EndpointFact[] = [];
    for (const e of this.dialect.entries(keyed.owner, this.src)) {
      if (ENDPOINT_KEYS.has(e.key) || CREDENTIAL_KEYS.has(e.key)) facts.push(...this.textFacts(e.value, 'config'));
      else if (PROVIDER_KEYS.has(e.key)) {
        const v = this.dialect.unwrapValue(e.value);
        const lit = this.dialect.literalTypes.has(v.type) ? this.dialect.decode(v, this.src) : undefined;
        if (lit?.value) facts.push({ kind: 'provider-name', text: lit.value, scope: 'config' });
      }
    }
    if (this.flavour === 'config') {
      const path: string[] = [keyed.key];
      let owner: TSNode | null = keyed.owner;
      for (let depth = 0; owner && depth < 8; depth++) {
        const up = this.ownerKey(owner);
        if (!up) break;
        path.unshift(up.key);
        owner = up.owner;
      }
      facts.push({ kind: 'config-key', text: path.join('.'), scope: 'config' });
      // A LiteLLM proxy entry: the router sends where the model string's prefix says.
      if (path.includes('litellmparams')) facts.push({ kind: 'client', text: 'litellm', scope: 'config' });
    }
    return facts;
  }

  private ownerKey(owner: TSNode): { key: string; owner: TSNode } | undefined {
    for (let n: TSNode | null = owner, depth = 0; n && depth < 4; n = this.parentOf(n), depth++) {
      const k = this.dialect.keyedParent(n, this.src);
      if (k) return k;
    }
    return undefined;
  }

  /** URLs and environment variable names in a subtree's code, comments left out, bounded. */
  private textFacts(node: TSNode, scope: EndpointFact['scope']): EndpointFact[] {
    const { text, identifiers } = leafText(node, this.src);
    const facts: EndpointFact[] = [];
    for (const m of text.matchAll(URL_TEXT)) facts.push({ kind: 'url', text: m[0], scope });
    for (const m of text.matchAll(ENV_NAME)) facts.push({ kind: 'env', text: m[0], scope });
    // A name passed in (`base_url=BASE_URL`, `openai.NewClientWithConfig(config)`): one level deep.
    for (const name of identifiers) {
      if (name.length < 3 || facts.length > 40) continue;
      const def = this.constantText(name);
      if (!def) continue;
      for (const u of def.matchAll(URL_TEXT)) facts.push({ kind: 'url', text: u[0], scope });
    }
    return facts;
  }


  /** The text a name is defined as or assigned in this file (`BASE = "…"`, `cfg.BaseURL = "…"`). */
  private constantText(name: string): string | undefined {
    const cached = this.constantTexts.get(name);
    if (cached !== undefined) return cached ?? undefined;
    let out = '';
    const re = new RegExp(`(?<![\\w$.])${name}(?:\\s*\\.\\s*\\w+)?\\s*(?::=|=(?![=>]))\\s*`, 'g');
    let hits = 0;
    for (let m = re.exec(this.src); m && hits < 8; m = re.exec(this.src)) {
      hits++;
      if (this.inComment(m.index)) continue;
      const value = this.root.descendantForIndex(m.index + m[0].length);
      if (!value) continue;
      const statement = statementOf(value, this.src.length);
      this.evidence.noteRead(Math.min(m.index, statement.startIndex), statement.endIndex);
      out += ' ' + leafText(statement, this.src).text;
    }
    this.constantTexts.set(name, out || null);
    return out || undefined;
  }

  /** How the client a call is made on was built: its constructor's name and arguments. */
  private bindingFacts(name: string): EndpointFact[] | undefined {
    if (this.bindings.has(name)) return this.bindings.get(name);
    this.bindings.set(name, undefined); // a client defined through itself must not recurse
    let facts: EndpointFact[] | undefined;
    const re = new RegExp(`(?<![\\w$])${name.replace(/\$/g, '\\$')}\\s*(?::=|=(?![=>]))`, 'g');
    for (let m = re.exec(this.src); m && !facts; m = re.exec(this.src)) {
      const nameNode = this.root.descendantForIndex(m.index, m.index + name.length);
      if (!nameNode || nameNode.startIndex !== m.index || /comment/.test(nameNode.type)) continue;
      const value = this.dialect.definitionValue(nameNode) ?? (nameNode.parent ? this.dialect.definitionValue(nameNode.parent) : undefined) ?? valueAfterEquals(nameNode);
      if (!value) continue;
      const v = this.dialect.unwrapValue(value);
      this.evidence.noteRead(m.index, Math.max(v.endIndex, value.endIndex));
      facts = [];
      const ctor = CALL_TYPES.has(v.type) ? v : firstCallIn(v);
      if (ctor) {
        const segments = this.calleeText(ctor).split(/\s*(?:\?\.|\.|::|->)\s*/).map((s) => s.replace(/^new\s+/, '').replace(/[<(!].*$/, ''));
        for (const s of segments) if (IDENT.test(s)) facts.push({ kind: 'client', text: s, scope: 'client' });
      }
      facts.push(...this.textFacts(v, 'client'));
    }
    this.bindings.set(name, facts);
    return facts;
  }

  private enclosingCall(from: TSNode): TSNode | undefined {
    let n: TSNode | null = from;
    for (let depth = 0; n && depth < 6 && !FUNCTION_BOUNDARIES.has(this.typeOf(n)); depth++, n = this.parentOf(n)) {
      if (CALL_TYPES.has(this.typeOf(n))) return n;
    }
    return undefined;
  }

  private calleeText(call: TSNode): string {
    const f =
      call.childForFieldName('function') ?? call.childForFieldName('constructor') ?? call.childForFieldName('type') ??
      call.childForFieldName('macro') ?? call.childForFieldName('name');
    const type = this.typeOf(call);
    if (type === 'method_invocation') {
      const object = call.childForFieldName('object');
      const name = call.childForFieldName('name')?.text ?? '';
      return object ? `${object.text.slice(0, 200)}.${name}` : name;
    }
    const text = f?.text ?? '';
    return type === 'macro_invocation' ? text + '!' : text.slice(0, 200);
  }

  private argumentsNode(call: TSNode): TSNode | undefined {
    return call.childForFieldName('arguments') ?? call.childForFieldName('body') ?? undefined;
  }

  private argumentNodes(call: TSNode): TSNode[] {
    const args = this.argumentsNode(call);
    if (!args) return [];
    const out: TSNode[] = [];
    for (const c of args.namedChildren) if (c && !/comment/.test(c.type)) out.push(c);
    return out;
  }
}

/** Whether the token at an offset is a comment (a comment is never evidence, nor an ID to report). */
export function isCommentAt(root: SyntaxRoot, offset: number): boolean {
  const node = root.descendantForIndex(offset);
  return !!node && /comment/.test(node.type);
}

function lastSegment(callee: string): string {
  const parts = callee.replace(/!$/, '').split(/\s*(?:\?\.|\.|::|->)\s*/);
  return parts[parts.length - 1].replace(/[<(].*$/, '');
}

/**
 * The text of a subtree with its comments blanked out (a comment is never evidence), bounded, and
 * the variables it reads. The walk asks the cursor for types and offsets only: materialising every
 * node costs more than the rest of the analysis.
 */
function leafText(node: TSNode, src = node.tree.rootNode.text): { text: string; identifiers: string[] } {
  const start = node.startIndex;
  const end = Math.min(node.endIndex, start + MAX_EVIDENCE_CHARS);
  let text = src.slice(start, end);
  const identifiers: string[] = [];
  const cursor = node.walk();
  try {
    let visited = 0;
    // Depth below `node`, counted here: asking the cursor costs a call per step.
    let depth = 0;
    let descend = true;
    for (;;) {
      if (descend) {
        visited++;
        const type = cursor.nodeType;
        const from = cursor.startIndex;
        if (from >= end || visited > MAX_EVIDENCE_NODES) break;
        if (type.includes('comment')) {
          const to = cursor.endIndex;
          text = text.slice(0, from - start) + ' '.repeat(Math.min(to, end) - from) + text.slice(Math.min(to, end) - start);
          descend = false;
        } else if (type === 'identifier') {
          const to = cursor.endIndex;
          const name = src.slice(from, to);
          // A keyword or property name (`messages=`, `baseURL:`) is not a variable that is read.
          if (identifiers.length < 20 && !/^\s*(?:=(?!=)|:(?!:))/.test(src.slice(to, to + 4))) identifiers.push(name);
          descend = false;
        } else if (/string|literal|scalar/.test(type)) descend = false;
        if (descend && cursor.gotoFirstChild()) {
          depth++;
          continue;
        }
      }
      if (depth > 0 && cursor.gotoNextSibling()) {
        descend = true;
        continue;
      }
      if (depth === 0 || !cursor.gotoParent()) break;
      depth--;
      descend = false;
    }
  } finally {
    cursor.delete();
  }
  return { text, identifiers };
}

/** `name = value` in grammars where the dialect does not name the definition: the node after `=`. */
function valueAfterEquals(nameNode: TSNode): TSNode | undefined {
  for (let n: TSNode | null = nameNode, depth = 0; n && depth < 4; n = n.parent, depth++) {
    const p: TSNode | null = n.parent;
    if (!p) return undefined;
    let seenEquals = false;
    for (let i = 0; i < p.childCount; i++) {
      const c = p.child(i);
      if (!c) continue;
      if (seenEquals && c.isNamed) return c;
      if ((c.type === '=' || c.type === ':=') && i > 0) seenEquals = true;
    }
  }
  return undefined;
}

function firstCallIn(node: TSNode): TSNode | undefined {
  const cursor = node.walk();
  try {
    for (let i = 0; i < 50; i++) {
      if (CALL_TYPES.has(cursor.currentNode.type)) return cursor.currentNode;
      if (!cursor.gotoFirstChild() && !cursor.gotoNextSibling()) return undefined;
    }
  } finally {
    cursor.delete();
  }
  return undefined;
}

/**
 * The smallest statement-like node around a value (for an assignment's right-hand side). A root
 * counts as the whole file, however much of it its tree holds (a large file is parsed a statement
 * at a time, and a piece's root is not the file).
 */
function statementOf(node: TSNode, fileLength: number): TSNode {
  let n = node;
  for (let depth = 0; depth < 3; depth++) {
    const p = n.parent;
    if (!p) break;
    const size = p.parent ? p.endIndex - p.startIndex : fileLength;
    if (size >= 2000) break;
    n = p;
  }
  return n;
}
