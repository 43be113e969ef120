// `.env` files: no grammar exists, and the format is small enough for a lexer. Handles
// `KEY=value`, `export KEY=value`, single/double/backtick quotes (multi-line), `#` comments.
// The same key/value scanner reads `.properties` files with their own lexer (properties.ts).
import type { ModelIdLiteral, PromptLiteral, StringLiteral } from './types';
import { asModelId } from './ids';
import { embeddedModelIds } from './embedded';
import type { EndpointFact } from './types';
import { parseNumber } from './prompts';
import { type IsModelId, LastResult, type Scanner } from './scanner';
import { normalizeKey } from './dialect';

export interface EnvEntry {
  key: string;
  keyStart: number;
  literal: StringLiteral;
}

function decodeDouble(raw: string): string {
  return raw.replace(/\\([nrt"\\$])/g, (_m, c: string) => ({ n: '\n', r: '\r', t: '\t' })[c] ?? c);
}

export function lexDotenv(src: string): EnvEntry[] {
  const out: EnvEntry[] = [];
  const line = /^[ \t]*(?:export[ \t]+)?([A-Za-z_][A-Za-z0-9_.\-]*)[ \t]*[=:][ \t]*/gm;
  let m: RegExpExecArray | null;
  while ((m = line.exec(src))) {
    // Skip matches that start inside a multi-line quoted value of the previous entry.
    const prev = out[out.length - 1];
    if (prev && m.index < prev.literal.end) {
      line.lastIndex = prev.literal.end;
      continue;
    }
    const key = m[1];
    const keyStart = m.index + m[0].indexOf(key);
    const valueStart = m.index + m[0].length;
    const q = src[valueStart];
    let literal: StringLiteral;
    if (q === '"' || q === "'" || q === '`') {
      let i = valueStart + 1;
      while (i < src.length && src[i] !== q) i += src[i] === '\\' && q === '"' ? 2 : 1;
      const contentEnd = Math.min(i, src.length);
      const raw = src.slice(valueStart + 1, contentEnd);
      literal = {
        start: valueStart,
        end: Math.min(contentEnd + 1, src.length),
        contentStart: valueStart + 1,
        contentEnd,
        value: q === '"' ? decodeDouble(raw) : raw,
        placeholders: 0,
        startsWithPlaceholder: false,
        key: normalizeKey(key),
      };
    } else {
      let end = src.indexOf('\n', valueStart);
      if (end < 0) end = src.length;
      let text = src.slice(valueStart, end);
      const comment = /[ \t]#/.exec(text);
      if (comment) text = text.slice(0, comment.index);
      text = text.replace(/[ \t\r]+$/, '');
      literal = { start: valueStart, end: valueStart + text.length, contentStart: valueStart, contentEnd: valueStart + text.length, value: text, placeholders: 0, startsWithPlaceholder: false, key: normalizeKey(key) };
    }
    out.push({ key, keyStart, literal });
    line.lastIndex = Math.max(line.lastIndex, literal.end);
  }
  return out;
}

const PROMPT_KEY = /prompt|instructions/i;
const SYSTEM_KEY = /system|instructions/i;
const MODEL_KEY = /(^|[_.\-])MODEL([_.\-]?(NAME|ID))?$/i;
const MAX_TOKENS_KEY = /MAX_(COMPLETION_|OUTPUT_)?TOKENS$/i;

export type KeyValueLexer = (src: string) => EnvEntry[];

export class DotenvScanner implements Scanner {
  private entries: EnvEntry[];
  private readonly ids = new LastResult<IsModelId, ModelIdLiteral[]>();

  constructor(
    private source: string,
    private readonly lex: KeyValueLexer = lexDotenv,
  ) {
    this.entries = lex(source);
  }

  get text(): string {
    return this.source;
  }

  update(newText: string): void {
    this.source = newText;
    this.entries = this.lex(newText);
    this.ids.clear();
  }

  modelIdLiterals(isId: IsModelId): ModelIdLiteral[] {
    return this.ids.get(isId, () => {
      // The other entries say where the file's clients send requests (`OPENAI_BASE_URL=…`).
      const fileFacts: EndpointFact[] = [];
      for (const e of this.entries) {
        if (/^https?:\/\/|^[\w.-]+:\d{2,5}\b/i.test(e.literal.value)) fileFacts.push({ kind: 'url', text: e.literal.value, scope: 'file' });
        fileFacts.push({ kind: 'env', text: e.key, scope: 'file' });
      }
      const out: ModelIdLiteral[] = [];
      for (const e of this.entries) {
        const keyFact: EndpointFact = { kind: 'config-key', text: e.key, scope: 'config' };
        const whole = asModelId(e.literal, this.source, isId);
        const found = whole ? [{ ...whole, role: 'config' as const }] : embeddedModelIds(e.literal, this.source, isId);
        for (const lit of found) out.push({ ...lit, endpoint: [...(lit.endpoint ?? []), keyFact, ...fileFacts] });
      }
      return out;
    });
  }

  private entryAt(offset: number): EnvEntry | undefined {
    return this.entries.find((e) => offset >= e.literal.start && offset <= e.literal.end);
  }

  literalAt(offset: number): StringLiteral | undefined {
    return this.entryAt(offset)?.literal;
  }

  private prompt(e: EnvEntry, minLength: number): PromptLiteral | undefined {
    const position = PROMPT_KEY.test(e.key);
    if (!position && e.literal.value.length < minLength) return undefined;
    const p: PromptLiteral = {
      start: e.literal.start,
      end: e.literal.end,
      pieces: [e.literal],
      text: e.literal.value,
      placeholders: 0,
      startsWithPlaceholder: false,
      reason: position ? 'position' : 'length',
      isSystemOrFirstMessage: SYSTEM_KEY.test(e.key),
    };
    const model = this.entries.find((x) => MODEL_KEY.test(x.key) && x.literal.value !== '');
    if (model) p.model = { written: model.literal.value, via: 'constant', start: model.literal.contentStart, end: model.literal.contentEnd };
    const max = this.entries.find((x) => MAX_TOKENS_KEY.test(x.key));
    const n = max ? parseNumber(max.literal.value) : undefined;
    if (n !== undefined) p.maxTokens = n;
    return p;
  }

  promptAt(offset: number, minLength: number): PromptLiteral | undefined {
    const e = this.entryAt(offset);
    return e ? this.prompt(e, minLength) : undefined;
  }

  promptLiterals(minLength: number): PromptLiteral[] {
    return this.entries.map((e) => this.prompt(e, minLength)).filter((x): x is PromptLiteral => !!x);
  }

  dispose(): void {}
}
