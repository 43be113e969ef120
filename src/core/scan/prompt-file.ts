// Prompt files (`*.prompt`, `*.prompt.md`, `*.prompty`): the body after the YAML front matter is
// one prompt. The front matter is scanned as YAML for model IDs; its model and max_tokens settings
// are read best effort (prompty nests them under `model:`, dotprompt under `config:`).
import type { ModelIdLiteral, PromptLiteral, StringLiteral } from './types';
import { createScannerSync } from './factory';
import { parseNumber } from './prompts';
import { type IsModelId, type Scanner, shiftLiteral } from './scanner';

interface Layout {
  frontStart: number;
  frontEnd: number;
  bodyStart: number;
}

export function promptFileLayout(src: string): Layout {
  const open = /^\uFEFF?---[ \t]*\r?\n/.exec(src);
  if (open) {
    const close = /^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/gm;
    close.lastIndex = open[0].length;
    const m = close.exec(src);
    if (m) return { frontStart: open[0].length, frontEnd: m.index, bodyStart: m.index + m[0].length };
  }
  return { frontStart: 0, frontEnd: 0, bodyStart: 0 };
}

/** Template placeholders of the prompt-file formats: Handlebars/Jinja `{{x}}`, `{% %}`, VS Code `${input:x}`. */
const TEMPLATE = /\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}|\$\{[^}\n]*\}/g;

export class PromptFileScanner implements Scanner {
  private layout: Layout;
  private front: Scanner;

  constructor(private source: string) {
    this.layout = promptFileLayout(source);
    this.front = createScannerSync('yaml', this.frontText());
  }

  private frontText(): string {
    return this.source.slice(this.layout.frontStart, this.layout.frontEnd);
  }

  get text(): string {
    return this.source;
  }

  update(newText: string): void {
    this.source = newText;
    this.layout = promptFileLayout(newText);
    this.front.dispose();
    this.front = createScannerSync('yaml', this.frontText());
  }

  modelIdLiterals(isId: IsModelId): ModelIdLiteral[] {
    return this.front.modelIdLiterals(isId).map((l) => shiftLiteral(l, this.layout.frontStart));
  }

  unreadableCandidates(isId: IsModelId): number[] {
    return (this.front.unreadableCandidates?.(isId) ?? []).map((o) => o + this.layout.frontStart);
  }

  literalAt(offset: number): StringLiteral | undefined {
    const { frontStart, frontEnd } = this.layout;
    if (offset < frontStart || offset > frontEnd) return undefined;
    const lit = this.front.literalAt(offset - frontStart);
    return lit ? shiftLiteral(lit, frontStart) : undefined;
  }

  private prompt(): PromptLiteral {
    const { bodyStart } = this.layout;
    const raw = this.source.slice(bodyStart);
    let placeholders = 0;
    let startsWithPlaceholder = false;
    const text = raw.replace(TEMPLATE, (_m, ...rest) => {
      const at = rest[rest.length - 2] as number;
      if (placeholders === 0 && raw.slice(0, at).trim() === '') startsWithPlaceholder = true;
      placeholders++;
      return '';
    });
    const piece: StringLiteral = { start: bodyStart, end: this.source.length, contentStart: bodyStart, contentEnd: this.source.length, value: text, placeholders, startsWithPlaceholder };
    const p: PromptLiteral = { start: bodyStart, end: this.source.length, pieces: [piece], text, placeholders, startsWithPlaceholder, reason: 'prompt-file', isSystemOrFirstMessage: true };
    const front = this.frontText();
    const model = /^[ \t]*(?:model|azure_deployment|deployment|name|id)[ \t]*:[ \t]*(["']?)((?:deepseek\/)?deepseek[\w.\-]*)\1[ \t]*(?:#.*)?$/im.exec(front);
    if (model) {
      const start = this.layout.frontStart + model.index + model[0].indexOf(model[2], model[0].indexOf(':'));
      p.model = { written: model[2], via: 'argument', start, end: start + model[2].length };
    }
    const max = /^[ \t]*(?:max_tokens|maxTokens|max_completion_tokens|maxOutputTokens|max_output_tokens)[ \t]*:[ \t]*(\d+)[ \t]*$/m.exec(front);
    const n = max ? parseNumber(max[1]) : undefined;
    if (n !== undefined) p.maxTokens = n;
    return p;
  }

  promptAt(offset: number): PromptLiteral | undefined {
    return offset >= this.layout.bodyStart ? this.prompt() : undefined;
  }

  promptLiterals(): PromptLiteral[] {
    return [this.prompt()];
  }

  dispose(): void {
    this.front.dispose();
  }
}
