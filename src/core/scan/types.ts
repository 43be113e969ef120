// The contract between the source scanner and its users (language server, CLI). Offsets are
// UTF-16 code-unit offsets into the document text, as LSP and VS Code count them.

/** Languages the scanner understands; everything else gets the conservative fallback. */
export type ScanLanguage =
  | 'python' | 'typescript' | 'tsx' | 'javascript' | 'go' | 'java' | 'rust'
  | 'json' | 'yaml' | 'toml' | 'dotenv' | 'properties' | 'markdown' | 'prompt-file' | 'fallback';

export interface StringLiteral {
  /** The whole literal including quotes/prefixes, e.g. `r"abc"`. */
  start: number;
  end: number;
  /** The raw content between the delimiters. For a plain model ID this is exactly the ID text. */
  contentStart: number;
  contentEnd: number;
  /** Decoded text: escapes resolved; placeholders removed (their count is in `placeholders`). */
  value: string;
  /** Number of interpolations/placeholders (f-string `{x}`, template `${x}`, `.format` fields). */
  placeholders: number;
  /** True when the text starts with a placeholder (defeats DeepSeek's prefix cache). */
  startsWithPlaceholder: boolean;
  /**
   * The keyword/property/key this literal is the value of (`model`, `content`, `system`...), if any.
   * Normalized so spellings compare equal: lower case, `_`/`-` removed (`max_tokens` → `maxtokens`,
   * Go `Content` → `content`, Java `.setContent(...)` → `content`).
   */
  key?: string;
  /**
   * Where each interpolation sat (present only when there are any): its offset in `value` and the
   * source range of the `{…}` / `${…}` it came from, so a constant it names can be put back in.
   */
  holes?: Array<{ at: number; start: number; end: number }>;
}

/**
 * Why a model ID literal is there. Only the first group is sent to an API and gets a verdict:
 * - `request`: the model of a call or request object (`create(model=…)`, `{ model: … }`);
 * - `config`: the value of a model key in a config file (YAML, TOML, JSON, `.env`, `.properties`);
 * - `default`: a fallback that is used when nothing else is set (`${VAR:-id}`, `getenv("M", id)`, `?? id`);
 * - `command`: a `--model id` flag in a command line;
 * - `value`: any other value (a constant, a positional argument): most are sent somewhere.
 * The rest never are: `comparison` (`==`, `in (…)`, `case`, `.includes`), `lookup` (an index or
 * key into a table, a set of known names), `alias` (a name clients ask a proxy for: LiteLLM's
 * `model_name`), `assertion` (arguments of test assertions), `response` (a recorded response body).
 */
export type ModelIdRole = 'request' | 'config' | 'default' | 'command' | 'value' | 'comparison' | 'lookup' | 'alias' | 'assertion' | 'response';

export const SENT_ROLES: ReadonlySet<ModelIdRole> = new Set(['request', 'config', 'default', 'command', 'value']);

/**
 * What the file says about where a model ID is sent, as raw text: the catalog's provider data
 * turns it into a provider (src/core/lint/endpoint.ts). Comments are never evidence.
 */
export interface EndpointFact {
  kind: 'url' | 'client' | 'env' | 'config-key' | 'string-model-call' | 'provider-name' | 'package';
  text: string;
  /** Nearest first: the call or object holding the ID, the client it is called on, the config block, the file. */
  scope: 'call' | 'client' | 'config' | 'file';
}

/** A model ID literal: the literal's decoded value is exactly a candidate ID, optionally `deepseek/`-prefixed. */
export interface ModelIdLiteral extends StringLiteral {
  /** As written in the source, prefix included, e.g. `deepseek/deepseek-chat`. */
  written: string;
  /** Why it is there (see ModelIdRole); absent where the scanner cannot tell (treated as `value`). */
  role?: ModelIdRole;
  /** Evidence about the endpoint, nearest first. */
  endpoint?: EndpointFact[];
  /** The variable the call is made on (`client` in `client.chat.completions.create`), looked up per text. */
  receiver?: { name: string; isCallee: boolean };
}

export interface PromptLiteral {
  /** Range covering the whole prompt expression (concatenated pieces included). */
  start: number;
  end: number;
  /** The pieces it is made of, in order (one for a single literal). */
  pieces: StringLiteral[];
  /** Static text of all pieces joined, escapes resolved, placeholders dropped. */
  text: string;
  placeholders: number;
  startsWithPlaceholder: boolean;
  /** Why it counts as a prompt: a prompt position (`messages`, `content`, `system`...) or its length. */
  reason: 'position' | 'length' | 'prompt-file';
  /** True for a system prompt or the first message of a messages list. */
  isSystemOrFirstMessage: boolean;
  /** The model the enclosing call/object sends it to, as written, when found in the same file. */
  model?: { written: string; via: 'argument' | 'constant'; start: number; end: number };
  /** A numeric `max_tokens` (or `max_completion_tokens`, `maxTokens`) in the same call/object. */
  maxTokens?: number;
}

export interface ScanOptions {
  /** Any string literal at least this long counts as a prompt (default 200). */
  promptMinLength: number;
}
