// The interface every per-language scanner implements; ParsedDocument delegates to one of them.
import type { CallSite } from './calls';
import type { ModelIdLiteral, PromptLiteral, StringLiteral } from './types';
import type { ThinkingPlan } from './thinking';

export interface TextChange {
  /** UTF-16 offset into the text as it was before this change (after the earlier ones). */
  rangeOffset: number;
  rangeLength: number;
  text: string;
}

export type IsModelId = (idWithoutPrefix: string) => boolean;

export interface Scanner {
  readonly text: string;
  update(newText: string, changes: readonly TextChange[]): void;
  modelIdLiterals(isId: IsModelId): ModelIdLiteral[];
  /** Offsets of candidate IDs in regions that could not be parsed nor recovered (for one note). */
  unreadableCandidates?(isId: IsModelId): number[];
  /** Chat calls with their messages, model and max_tokens (tree-sitter languages only). */
  callSites?(): CallSite[];
  literalAt(offset: number): StringLiteral | undefined;
  promptAt(offset: number, minLength: number): PromptLiteral | undefined;
  promptLiterals(minLength: number): PromptLiteral[];
  /** How to turn thinking off in the request the model literal at `offset` belongs to, where the form is recognised. */
  thinkingPlan?(offset: number): ThinkingPlan | undefined;
  dispose(): void;
}

/** Moves results of a scanner that ran on a slice of the document (a Markdown fence, front matter). */
export function shiftLiteral<T extends StringLiteral>(lit: T, by: number): T {
  return { ...lit, start: lit.start + by, end: lit.end + by, contentStart: lit.contentStart + by, contentEnd: lit.contentEnd + by };
}

export function shiftPrompt(p: PromptLiteral, by: number): PromptLiteral {
  return {
    ...p,
    start: p.start + by,
    end: p.end + by,
    pieces: p.pieces.map((x) => shiftLiteral(x, by)),
    model: p.model ? { ...p.model, start: p.model.start + by, end: p.model.end + by } : undefined,
  };
}

/** Remembers the last answer for one argument, so repeated requests on an unchanged text are free. */
export class LastResult<K, V> {
  private key: K | undefined;
  private value: V | undefined;
  private valid = false;
  get(key: K, compute: () => V): V {
    if (!this.valid || this.key !== key) {
      this.value = compute();
      this.key = key;
      this.valid = true;
    }
    return this.value as V;
  }
  clear(): void {
    this.valid = false;
    this.value = undefined;
    this.key = undefined;
  }
}
