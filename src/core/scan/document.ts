// The one class the language server and the CLI use: a document's text, parsed once and kept up
// to date by incremental edits, answering model-ID and prompt questions from a per-document cache.
import type { ModelIdLiteral, PromptLiteral, ScanLanguage, ScanOptions, StringLiteral } from './types';
import { createTreeOrSimpleScanner, grammarOf } from './factory';
import { findFences, MarkdownScanner } from './markdown';
import { PromptFileScanner } from './prompt-file';
import { parserFor } from './runtime';
import type { IsModelId, Scanner, TextChange } from './scanner';
import type { ThinkingPlan } from './thinking';
import type { CallSite } from './calls';

export const DEFAULT_SCAN_OPTIONS: ScanOptions = { promptMinLength: 200 };

export class ParsedDocument {
  private disposed = false;

  private constructor(
    readonly language: ScanLanguage,
    private readonly scanner: Scanner,
  ) {}

  /**
   * Loads the grammars the text needs (once per process) and parses it. `edits` is kept for
   * callers that read a document once; what is loaded no longer depends on it.
   */
  static async create(language: ScanLanguage, text: string, _options: { edits?: boolean } = {}): Promise<ParsedDocument> {
    let scanner: Scanner;
    if (language === 'markdown') {
      // Only the grammars of the fences it has (each costs memory for the rest of the session);
      // an edit that opens a fence of another language is prepared for by `prepare`.
      await fenceGrammars(text);
      scanner = new MarkdownScanner(text);
    } else if (language === 'prompt-file') {
      await parserFor('yaml');
      scanner = new PromptFileScanner(text);
    } else {
      scanner = await createTreeOrSimpleScanner(language, text);
    }
    return new ParsedDocument(language, scanner);
  }

  get text(): string {
    return this.scanner.text;
  }

  /**
   * Loads what `update` will need for `newText` and cannot load synchronously: the grammar of a
   * Markdown fence the edit opened. Without it, such a fence is read by the fallback scanner.
   */
  async prepare(newText: string): Promise<void> {
    this.assertLive();
    if (this.language === 'markdown') await fenceGrammars(newText);
  }

  /**
   * Applies edits as LSP incremental sync reports them: in order, each `rangeOffset` (UTF-16)
   * relative to the text left by the previous change. Tree-sitter languages reparse incrementally;
   * if the changes do not turn the old text into `newText`, the document is parsed afresh.
   */
  update(newText: string, changes: readonly TextChange[]): void {
    this.assertLive();
    this.scanner.update(newText, changes);
  }

  /**
   * String literals / config values whose whole value is a model ID (optionally `deepseek/`-prefixed).
   * Only words containing "deepseek" are considered. The answer is cached per text and per `isId`
   * function, so pass the same function each time.
   */
  modelIdLiterals(isId: IsModelId): ModelIdLiteral[] {
    this.assertLive();
    return this.scanner.modelIdLiterals(isId);
  }

  /** Offsets of candidate IDs the scanner could not read because the code around them does not parse. */
  unreadableCandidates(isId: IsModelId): number[] {
    this.assertLive();
    return this.scanner.unreadableCandidates?.(isId) ?? [];
  }

  /** The string literal at an offset (quotes included), with the key it is the value of (normalized). */
  literalAt(offset: number): StringLiteral | undefined {
    this.assertLive();
    return this.scanner.literalAt(offset);
  }

  /** The prompt whose literal contains the offset, if that literal counts as a prompt. */
  promptAt(offset: number, opts: Partial<ScanOptions> = {}): PromptLiteral | undefined {
    this.assertLive();
    return this.scanner.promptAt(offset, opts.promptMinLength ?? DEFAULT_SCAN_OPTIONS.promptMinLength);
  }

  /** Every prompt in the document, in order (walks the whole tree once; cached until the next edit). */
  promptLiterals(opts: Partial<ScanOptions> = {}): PromptLiteral[] {
    this.assertLive();
    return this.scanner.promptLiterals(opts.promptMinLength ?? DEFAULT_SCAN_OPTIONS.promptMinLength);
  }

  /**
   * Chat calls and what they send: messages reached through literals and same-file constants, the
   * model, max_tokens. Computed on first use after each edit, never with diagnostics.
   */
  callSites(): CallSite[] {
    this.assertLive();
    return this.scanner.callSites?.() ?? [];
  }

  /**
   * How to turn DeepSeek's thinking off in the call or request body that the model-ID literal at
   * `offset` belongs to; undefined where the SDK form is not recognised.
   */
  thinkingPlan(offset: number): ThinkingPlan | undefined {
    this.assertLive();
    return this.scanner.thinkingPlan?.(offset);
  }

  /** Frees the syntax trees (wasm memory). The document cannot be used afterwards. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.scanner.dispose();
  }

  private assertLive(): void {
    if (this.disposed) throw new Error('ParsedDocument used after dispose()');
  }
}

async function fenceGrammars(text: string): Promise<void> {
  await Promise.all(findFences(text).map((f) => grammarOf(f.language)).filter((g) => g !== undefined).map((g) => parserFor(g)));
}
