// Languages without a grammar here (plain text, C#, PHP, shell...). Only a quoted token whose
// entire content is a model ID counts: prose that merely mentions a model never does.
import type { ModelIdLiteral, PromptLiteral, StringLiteral } from './types';
import { asModelId, candidateOffsets } from './ids';
import { type IsModelId, LastResult, type Scanner } from './scanner';

const QUOTES = '"\'`';
const TOKEN_CHAR = /[A-Za-z0-9_.:\/\-]/;

/** The quoted token around `offset` on its line, if the quotes hug a token with no spaces. */
export function quotedTokenAround(src: string, offset: number): StringLiteral | undefined {
  let s = offset;
  while (s > 0 && TOKEN_CHAR.test(src[s - 1])) s--;
  let e = offset;
  while (e < src.length && TOKEN_CHAR.test(src[e])) e++;
  const q = src[s - 1];
  if (s === e || s === 0 || !QUOTES.includes(q) || src[e] !== q) return undefined;
  // `it's 'x'`: a quote glued to a word on its outer side is an apostrophe, not a delimiter.
  if (s >= 2 && /[\p{L}\p{N}\\]/u.test(src[s - 2])) return undefined;
  if (e + 1 < src.length && /[\p{L}\p{N}]/u.test(src[e + 1])) return undefined;
  const value = src.slice(s, e);
  return { start: s - 1, end: e + 1, contentStart: s, contentEnd: e, value, placeholders: 0, startsWithPlaceholder: false };
}

export class FallbackScanner implements Scanner {
  private readonly ids = new LastResult<IsModelId, ModelIdLiteral[]>();

  constructor(private source: string) {}

  get text(): string {
    return this.source;
  }

  update(newText: string): void {
    this.source = newText;
    this.ids.clear();
  }

  modelIdLiterals(isId: IsModelId): ModelIdLiteral[] {
    return this.ids.get(isId, () => {
      const out: ModelIdLiteral[] = [];
      for (const offset of candidateOffsets(this.source, isId)) {
        if (out.length && offset < out[out.length - 1].end) continue;
        const lit = quotedTokenAround(this.source, offset);
        const id = lit && asModelId(lit, this.source, isId);
        if (id) out.push(id);
      }
      return out;
    });
  }

  literalAt(offset: number): StringLiteral | undefined {
    return quotedTokenAround(this.source, offset);
  }

  promptAt(): PromptLiteral | undefined {
    return undefined;
  }

  promptLiterals(): PromptLiteral[] {
    return [];
  }

  dispose(): void {}
}
