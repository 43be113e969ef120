// Markdown: only fenced code blocks are scanned, each with the scanner of its info string
// (unknown languages get the fallback). Prose never yields model IDs or prompts.
import type { ModelIdLiteral, PromptLiteral, ScanLanguage, StringLiteral } from './types';
import { scanLanguageForFence } from './language';
import { createScannerSync, grammarOf } from './factory';
import { loadedParser } from './runtime';
import type { ThinkingPlan } from './thinking';
import { type IsModelId, LastResult, type Scanner, shiftLiteral, shiftPrompt } from './scanner';

export interface Fence {
  language: ScanLanguage;
  /** The info string after the opening fence (```python {x} → `python {x}`). */
  info: string;
  /** Offset of the first content line and of the closing fence line (or the end of the text). */
  start: number;
  end: number;
}

export function findFences(src: string): Fence[] {
  const fences: Fence[] = [];
  const lines = /[^\n]*(\n|$)/g;
  let open: { char: string; length: number; language: ScanLanguage; info: string; start: number } | undefined;
  for (let m = lines.exec(src); m && m[0] !== ''; m = lines.exec(src)) {
    const line = m[0].replace(/\r?\n$/, '');
    const lineEnd = m.index + m[0].length;
    if (!open) {
      const f = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(line);
      if (f && !(f[1][0] === '`' && f[2].includes('`'))) open = { char: f[1][0], length: f[1].length, language: scanLanguageForFence(f[2]), info: f[2].trim(), start: lineEnd };
    } else {
      const c = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line);
      if (c && c[1][0] === open.char && c[1].length >= open.length) {
        fences.push({ language: open.language, info: open.info, start: open.start, end: m.index });
        open = undefined;
      }
    }
  }
  if (open) fences.push({ language: open.language, info: open.info, start: open.start, end: src.length });
  return fences;
}

interface Block {
  base: number;
  end: number;
  cacheKey: string;
  scanner: Scanner;
}

export class MarkdownScanner implements Scanner {
  private blocks: Block[] = [];
  private readonly ids = new LastResult<IsModelId, ModelIdLiteral[]>();
  private readonly prompts = new LastResult<number, PromptLiteral[]>();

  constructor(private source: string) {
    this.rebuild();
  }

  get text(): string {
    return this.source;
  }

  /** Fence contents are small: rescan all fences, reusing scanners whose block text is unchanged. */
  private rebuild(): void {
    const reusable = new Map<string, Scanner[]>();
    for (const b of this.blocks) reusable.set(b.cacheKey, [...(reusable.get(b.cacheKey) ?? []), b.scanner]);
    const next: Block[] = [];
    for (const f of findFences(this.source)) {
      const body = this.source.slice(f.start, f.end);
      // A block read by the fallback while its grammar was loading is read again once it is loaded.
      const grammar = grammarOf(f.language);
      const cacheKey = `${f.language}\0${grammar && loadedParser(grammar) ? 'tree' : 'text'}\0${body}`;
      const scanner = reusable.get(cacheKey)?.shift() ?? createScannerSync(f.language, body);
      next.push({ base: f.start, end: f.end, cacheKey, scanner });
    }
    for (const list of reusable.values()) for (const s of list) s.dispose();
    this.blocks = next;
    this.ids.clear();
    this.prompts.clear();
  }

  update(newText: string): void {
    this.source = newText;
    this.rebuild();
  }

  private blockAt(offset: number): Block | undefined {
    return this.blocks.find((b) => offset >= b.base && offset <= b.end);
  }

  modelIdLiterals(isId: IsModelId): ModelIdLiteral[] {
    return this.ids.get(isId, () => this.blocks.flatMap((b) => b.scanner.modelIdLiterals(isId).map((l) => shiftLiteral(l, b.base))));
  }

  /** A code block that does not parse gets the same "could not be checked" note as a source file. */
  unreadableCandidates(isId: IsModelId): number[] {
    return this.blocks.flatMap((b) => (b.scanner.unreadableCandidates?.(isId) ?? []).map((o) => o + b.base));
  }

  literalAt(offset: number): StringLiteral | undefined {
    const b = this.blockAt(offset);
    const lit = b?.scanner.literalAt(offset - b.base);
    return b && lit ? shiftLiteral(lit, b.base) : undefined;
  }

  promptAt(offset: number, minLength: number): PromptLiteral | undefined {
    const b = this.blockAt(offset);
    const p = b?.scanner.promptAt(offset - b.base, minLength);
    return b && p ? shiftPrompt(p, b.base) : undefined;
  }

  thinkingPlan(offset: number): ThinkingPlan | undefined {
    const b = this.blockAt(offset);
    const plan = b?.scanner.thinkingPlan?.(offset - b.base);
    if (!b || !plan?.edit) return plan;
    return { ...plan, edit: { ...plan.edit, start: plan.edit.start + b.base, end: plan.edit.end + b.base } };
  }

  promptLiterals(minLength: number): PromptLiteral[] {
    return this.prompts.get(minLength, () => this.blocks.flatMap((b) => b.scanner.promptLiterals(minLength).map((p) => shiftPrompt(p, b.base))));
  }

  dispose(): void {
    for (const b of this.blocks) b.scanner.dispose();
    this.blocks = [];
  }
}
