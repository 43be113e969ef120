// Where a request turns DeepSeek's thinking mode off, for the call a model ID belongs to. V4 models
// think by default; `deepseek-chat` did not, so its faithful replacement has to send
// {"thinking": {"type": "disabled"}}, each SDK in its own way. This finds the SDK form from the
// tree (the call or object that holds the `model` value, through the dialect) and returns the one
// insertion that sets it, merged into what the call already has. The inserted text is always one
// of the constants below: nothing from the file is copied into it except indentation.
import type { TSNode } from './runtime';
import type { Dialect, Entry } from './dialect';
import { normalizeKey } from './dialect';
import {
  AI_SDK_DEEPSEEK, AI_SDK_PROVIDER_OPTIONS, JS_MODEL_KWARGS, JS_THINKING, JSON_THINKING, LITELLM_KWARG, PY_EXTRA_BODY, PY_THINKING_PAIR, TS_EXPECT_ERROR, YAML_THINKING,
} from './thinkingText';

/** The SDK forms recognised, named in titles and the README. */
export type ThinkingForm =
  | 'openai-python' | 'langchain-python' | 'litellm' | 'openai-node' | 'langchain-js' | 'ai-sdk'
  | 'request-body' | 'litellm-proxy-yaml' | 'openai-java';

export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

export type ThinkingPlan =
  /** The call already sets thinking: it is left as the user wrote it. */
  | { form: ThinkingForm; present: true; edit?: undefined; parameter: string }
  | { form: ThinkingForm; present: false; edit: TextEdit; parameter: string };

export interface ThinkingSite {
  dialect: Dialect;
  /** The grammar the file was parsed with (`typescript`, `python`...). */
  grammar: string;
  src: string;
  /** The model-ID literal and the whole expression it is part of. */
  literal: TSNode;
  expr: TSNode;
}

const MODEL_KEYS = new Set(['model', 'modelname']);
/** OpenAI SDK request methods (`client.chat.completions.create`, `.parse`, `.stream`). */
const OPENAI_METHODS = new Set(['create', 'parse', 'stream']);
const LANGCHAIN_CLASSES = new Set(['ChatDeepSeek', 'ChatOpenAI', 'AzureChatOpenAI']);
const LITELLM_CALLS = new Set(['completion', 'acompletion']);
/** The AI SDK's request functions, whose options take `providerOptions`. */
const AI_SDK_CALLS = new Set(['generateText', 'streamText', 'generateObject', 'streamObject']);
/** A dictionary or object holding these next to `model` is a request body sent as JSON. */
const BODY_KEYS = ['messages', 'prompt'];


/** Where and how to turn thinking off for the model value at `site`; undefined when the form is not recognised. */
export function planThinkingOff(site: ThinkingSite): ThinkingPlan | undefined {
  switch (site.grammar) {
    case 'python': return python(site);
    case 'typescript': case 'tsx': case 'javascript': return javascript(site);
    case 'json': return jsonBody(site);
    case 'yaml': return yamlProxy(site);
    case 'go': return goMap(site);
    case 'rust': return rustJson(site);
    case 'java': return javaBuilder(site);
    default: return undefined;
  }
}

function has(entries: Entry[], key: string): Entry | undefined {
  return entries.find((e) => e.key === key);
}

function isBody(entries: Entry[]): boolean {
  return BODY_KEYS.some((k) => has(entries, k));
}

function lastSegment(callee: string): string {
  const parts = callee.replace(/^new\s+/, '').split(/\s*(?:\?\.|\.|::)\s*/);
  return parts[parts.length - 1].replace(/[<(].*$/, '');
}

function lineIndent(src: string, offset: number): { indent: string; startsLine: boolean } {
  const lineStart = src.lastIndexOf('\n', offset - 1) + 1;
  const before = src.slice(lineStart, offset);
  const indent = /^[ \t]*/.exec(before)![0];
  return { indent, startsLine: indent.length === before.length };
}

/**
 * Inserts `lines` as a new entry after `entry`: on a line of its own when the entry ends its line
 * with a comma (keeping the file's layout), else right after it on the same line.
 */
function insertAfter(src: string, entry: { startIndex: number; endIndex: number }, lines: string[]): TextEdit {
  let i = entry.endIndex;
  while (src[i] === ' ' || src[i] === '\t') i++;
  const { indent, startsLine } = lineIndent(src, entry.startIndex);
  if (src[i] === ',') {
    let j = i + 1;
    while (src[j] === ' ' || src[j] === '\t') j++;
    if (startsLine && (src[j] === '\n' || src[j] === '\r' || j >= src.length)) {
      return { start: i + 1, end: i + 1, newText: lines.map((l) => `\n${indent}${l}`).join('') + ',' };
    }
  }
  if (lines.length === 1) return { start: entry.endIndex, end: entry.endIndex, newText: `, ${lines[0]}` };
  return { start: entry.endIndex, end: entry.endIndex, newText: ',' + lines.map((l) => `\n${indent}${l}`).join('') };
}

/** Adds an entry to a dictionary/object literal: after its last entry, or inside the empty braces. */
function insertInto(src: string, container: TSNode, entryNodes: TSNode[], text: string): TextEdit | undefined {
  const last = entryNodes[entryNodes.length - 1];
  if (last) return insertAfter(src, last, [text]);
  const open = container.firstChild;
  if (!open || !/^[{(]$/.test(open.type)) return undefined;
  return { start: open.endIndex, end: open.endIndex, newText: container.text.includes('\n') ? text : ` ${text} ` };
}

/** The node of the entry (`model=…`, `"model": …`) whose value is `value`. */
function entryOf(value: TSNode, owner: TSNode): TSNode {
  let n = value;
  while (n.parent && n.parent.id !== owner.id) n = n.parent;
  return n;
}

function namedEntries(container: TSNode, types: ReadonlySet<string>): TSNode[] {
  const out: TSNode[] = [];
  for (const c of container.namedChildren) if (c && types.has(c.type)) out.push(c);
  return out;
}

function planFor(form: ThinkingForm, parameter: string, present: boolean, edit: TextEdit | undefined): ThinkingPlan | undefined {
  if (present) return { form, present: true, parameter };
  return edit ? { form, present: false, edit, parameter } : undefined;
}

const PY_ENTRY_TYPES = new Set(['pair', 'dictionary_splat']);

function python(site: ThinkingSite): ThinkingPlan | undefined {
  const { dialect, src, expr } = site;
  const keyed = dialect.keyedParent(expr, src);
  if (!keyed || !MODEL_KEYS.has(keyed.key)) return undefined;
  const owner = keyed.owner;
  const entries = dialect.entries(owner, src);
  const modelEntry = entryOf(expr, owner.type === 'call' ? owner.childForFieldName('arguments')! : owner);
  if (owner.type === 'call') {
    const args = owner.childForFieldName('arguments');
    // `**params` may already carry the parameter: a second one would be a TypeError at run time.
    if (!args || args.namedChildren.some((c) => c?.type === 'dictionary_splat')) return undefined;
    const callee = owner.childForFieldName('function')?.text ?? '';
    const last = lastSegment(callee);
    if (LITELLM_CALLS.has(last) && (callee === last || callee.startsWith('litellm.'))) {
      return planFor('litellm', LITELLM_KWARG, !!has(entries, 'thinking'), insertAfter(src, modelEntry, [LITELLM_KWARG]));
    }
    const form: ThinkingForm | undefined = LANGCHAIN_CLASSES.has(last)
      ? 'langchain-python'
      : OPENAI_METHODS.has(last) && /\bcompletions\b|\bresponses\b/.test(callee) ? 'openai-python' : undefined;
    if (!form) return undefined;
    const extra = has(entries, 'extrabody');
    if (!extra) return planFor(form, PY_EXTRA_BODY, false, insertAfter(src, modelEntry, [PY_EXTRA_BODY]));
    // Merged into the call's own extra_body, never a second one.
    if (extra.value.type !== 'dictionary') return undefined;
    const inner = dialect.entries(extra.value, src);
    return planFor(form, PY_EXTRA_BODY, !!has(inner, 'thinking'), insertInto(src, extra.value, namedEntries(extra.value, PY_ENTRY_TYPES), PY_THINKING_PAIR));
  }
  if (owner.type === 'dictionary') {
    if (!isBody(entries) || owner.namedChildren.some((c) => c?.type === 'dictionary_splat')) return undefined;
    return planFor('request-body', PY_THINKING_PAIR, !!has(entries, 'thinking'), insertAfter(src, modelEntry, [PY_THINKING_PAIR]));
  }
  return undefined;
}

const JS_ENTRY_TYPES = new Set(['pair', 'shorthand_property_identifier', 'spread_element', 'method_definition']);

function callOfObject(object: TSNode): { call: TSNode; callee: string } | undefined {
  const args = object.parent;
  const call = args?.type === 'arguments' ? args.parent : undefined;
  if (!call || (call.type !== 'call_expression' && call.type !== 'new_expression')) return undefined;
  const callee = (call.childForFieldName('function') ?? call.childForFieldName('constructor'))?.text ?? '';
  return { call, callee };
}

function hasSpread(object: TSNode): boolean {
  return object.namedChildren.some((c) => c?.type === 'spread_element');
}

function javascript(site: ThinkingSite): ThinkingPlan | undefined {
  const { dialect, src, expr } = site;
  const keyed = dialect.keyedParent(expr, src);
  if (!keyed) return aiSdk(site);
  if (!MODEL_KEYS.has(keyed.key) || keyed.owner.type !== 'object' || hasSpread(keyed.owner)) return undefined;
  const owner = keyed.owner;
  const entries = dialect.entries(owner, src);
  const modelEntry = entryOf(expr, owner);
  const call = callOfObject(owner);
  const last = call ? lastSegment(call.callee) : '';
  if (call?.call.type === 'new_expression' && LANGCHAIN_CLASSES.has(last)) {
    const kwargs = has(entries, 'modelkwargs');
    if (!kwargs) return planFor('langchain-js', JS_MODEL_KWARGS, false, insertAfter(src, modelEntry, [JS_MODEL_KWARGS]));
    if (kwargs.value.type !== 'object' || hasSpread(kwargs.value)) return undefined;
    return planFor('langchain-js', JS_MODEL_KWARGS, !!has(dialect.entries(kwargs.value, src), 'thinking'), insertInto(src, kwargs.value, namedEntries(kwargs.value, JS_ENTRY_TYPES), JS_THINKING));
  }
  if (call && OPENAI_METHODS.has(last) && /\bcompletions\b/.test(call.callee)) {
    const typed = site.grammar !== 'javascript';
    return planFor('openai-node', JS_THINKING, !!has(entries, 'thinking'), insertAfter(src, modelEntry, typed ? [TS_EXPECT_ERROR, JS_THINKING] : [JS_THINKING]));
  }
  if (isBody(entries)) return planFor('request-body', JS_THINKING, !!has(entries, 'thinking'), insertAfter(src, modelEntry, [JS_THINKING]));
  return undefined;
}

/** `generateText({ model: deepseek('deepseek-chat'), … })` with the @ai-sdk/deepseek provider. */
function aiSdk(site: ThinkingSite): ThinkingPlan | undefined {
  const { dialect, src, expr } = site;
  if (!/['"]@ai-sdk\/deepseek['"]/.test(src)) return undefined;
  const args = expr.parent;
  const providerCall = args?.type === 'arguments' ? args.parent : undefined;
  if (!providerCall || providerCall.type !== 'call_expression' || args!.namedChildren[0]?.id !== expr.id) return undefined;
  const keyed = dialect.keyedParent(providerCall, src);
  if (!keyed || keyed.key !== 'model' || keyed.owner.type !== 'object' || hasSpread(keyed.owner)) return undefined;
  const request = callOfObject(keyed.owner);
  if (!request || !AI_SDK_CALLS.has(lastSegment(request.callee))) return undefined;
  const entries = dialect.entries(keyed.owner, src);
  const options = has(entries, 'provideroptions');
  if (!options) return planFor('ai-sdk', AI_SDK_PROVIDER_OPTIONS, false, insertAfter(src, entryOf(providerCall, keyed.owner), [AI_SDK_PROVIDER_OPTIONS]));
  if (options.value.type !== 'object' || hasSpread(options.value)) return undefined;
  const ds = has(dialect.entries(options.value, src), 'deepseek');
  if (!ds) return planFor('ai-sdk', AI_SDK_PROVIDER_OPTIONS, false, insertInto(src, options.value, namedEntries(options.value, JS_ENTRY_TYPES), AI_SDK_DEEPSEEK));
  if (ds.value.type !== 'object' || hasSpread(ds.value)) return undefined;
  return planFor('ai-sdk', AI_SDK_PROVIDER_OPTIONS, !!has(dialect.entries(ds.value, src), 'thinking'), insertInto(src, ds.value, namedEntries(ds.value, JS_ENTRY_TYPES), JS_THINKING));
}

function jsonBody(site: ThinkingSite): ThinkingPlan | undefined {
  const { dialect, src, expr } = site;
  const keyed = dialect.keyedParent(expr, src);
  if (!keyed || keyed.key !== 'model' || keyed.owner.type !== 'object') return undefined;
  const entries = dialect.entries(keyed.owner, src);
  if (!isBody(entries)) return undefined;
  return planFor('request-body', JSON_THINKING, !!has(entries, 'thinking'), insertAfter(src, entryOf(expr, keyed.owner), [JSON_THINKING]));
}

/** A LiteLLM proxy's `model_list[].litellm_params`, in block style. */
function yamlProxy(site: ThinkingSite): ThinkingPlan | undefined {
  const { dialect, src, expr } = site;
  const keyed = dialect.keyedParent(expr, src);
  if (!keyed || keyed.key !== 'model' || keyed.owner.type !== 'block_mapping') return undefined;
  let parentPair: TSNode | null = keyed.owner.parent;
  while (parentPair && parentPair.type !== 'block_mapping_pair') parentPair = parentPair.type === 'block_node' ? parentPair.parent : null;
  const parentKey = parentPair?.childForFieldName('key')?.text;
  if (!parentKey || normalizeKey(parentKey.replace(/^["']|["']$/g, '')) !== 'litellmparams') return undefined;
  const entries = dialect.entries(keyed.owner, src);
  const pair = entryOf(expr, keyed.owner);
  if (pair.type !== 'block_mapping_pair') return undefined;
  const { indent, startsLine } = lineIndent(src, pair.startIndex);
  if (!startsLine) return undefined;
  // After the value's last character on its line (a trailing comment stays where it is).
  let at = pair.endIndex;
  const eol = src.indexOf('\n', at);
  at = eol < 0 ? src.length : eol;
  if (src[at - 1] === '\r') at--;
  return planFor('litellm-proxy-yaml', YAML_THINKING, !!has(entries, 'thinking'), { start: at, end: at, newText: `\n${indent}${YAML_THINKING}` });
}

/** A Go request body built as `map[string]any{"model": …, "messages": …}`. */
function goMap(site: ThinkingSite): ThinkingPlan | undefined {
  const { dialect, src, expr } = site;
  const keyed = dialect.keyedParent(expr, src);
  if (!keyed || keyed.key !== 'model' || keyed.owner.type !== 'literal_value') return undefined;
  const type = keyed.owner.parent?.type === 'composite_literal' ? keyed.owner.parent.childForFieldName('type')?.text.replace(/\s+/g, '') : undefined;
  if (!type || !/^map\[string\](interface\{\}|any)$/.test(type)) return undefined;
  const entries = dialect.entries(keyed.owner, src);
  if (!isBody(entries)) return undefined;
  const text = `"thinking": ${type === 'map[string]any' ? 'map[string]any' : 'map[string]interface{}'}{"type": "disabled"}`;
  return planFor('request-body', text, !!has(entries, 'thinking'), insertAfter(src, entryOf(expr, keyed.owner), [text]));
}

/** A Rust request body built with serde_json's `json!({"model": …, "messages": …})`. */
function rustJson(site: ThinkingSite): ThinkingPlan | undefined {
  const { dialect, src, expr } = site;
  const keyed = dialect.keyedParent(expr, src);
  if (!keyed || keyed.key !== 'model' || keyed.owner.type !== 'token_tree') return undefined;
  const macro = keyed.owner.parent?.type === 'macro_invocation' ? keyed.owner.parent : keyed.owner.parent?.parent;
  if (!/^(serde_json::)?json$/.test(macro?.childForFieldName('macro')?.text ?? '')) return undefined;
  const entries = dialect.entries(keyed.owner, src);
  if (!isBody(entries)) return undefined;
  // The entry runs from its key token (`"model"`, before the `:`) to the value.
  const key = expr.previousSibling?.type === ':' ? expr.previousSibling.previousSibling : null;
  const entry = { startIndex: key?.startIndex ?? expr.startIndex, endIndex: expr.endIndex };
  return planFor('request-body', JSON_THINKING, !!has(entries, 'thinking'), insertAfter(src, entry, [JSON_THINKING]));
}

// OpenAI Java SDK: request builders take extra JSON through putAdditionalBodyProperty(String,
// JsonValue) (its generated ChatCompletionCreateParams.Builder). Fully qualified names need no
// import; Collections.singletonMap keeps Java 8, the SDK's minimum.
const JAVA_PUT = '.putAdditionalBodyProperty("thinking", com.openai.core.JsonValue.from(java.util.Collections.singletonMap("type", "disabled")))';

/** `ChatCompletionCreateParams.builder().model("deepseek-chat")…` */
function javaBuilder(site: ThinkingSite): ThinkingPlan | undefined {
  const { expr } = site;
  const args = expr.parent;
  const call = args?.type === 'argument_list' ? args.parent : undefined;
  if (!call || call.type !== 'method_invocation' || call.childForFieldName('name')?.text !== 'model' || args!.namedChildren.length !== 1) return undefined;
  let top = call;
  while (top.parent?.type === 'method_invocation' && top.parent.childForFieldName('object')?.id === top.id) top = top.parent;
  if (!/\bChatCompletionCreateParams\s*\.\s*builder\s*\(/.test(top.text)) return undefined;
  const present = /putAdditionalBodyProperty\s*\(\s*"thinking"/.test(top.text);
  return planFor('openai-java', 'putAdditionalBodyProperty("thinking", {"type": "disabled"})', present, { start: call.endIndex, end: call.endIndex, newText: JAVA_PUT });
}

