// A document parsed by tree-sitter (a statement at a time where the forest can), kept up to date
// by edits, answering model-ID, prompt and call questions from per-text caches.
import type { Dialect, KeyedPosition } from './dialect';
import type { TSNode, TSParser } from './runtime';
import type { ModelIdLiteral, PromptLiteral, StringLiteral } from './types';
import { asModelId, candidateOffsets } from './ids';
import { embeddedModelIds } from './embedded';
import { quotedTokenAround } from './fallback';
import { planThinkingOff, type ThinkingPlan } from './thinking';
import { type ConfigFlavour, FileEvidence, isCommentAt, SiteAnalyzer } from './sites';
import { PromptScanner } from './prompts';
import { CallScanner, type CallSite } from './calls';
import { type IsModelId, LastResult, type Scanner, type TextChange } from './scanner';
import { type IdAnswer, mapThroughEdits, overlaps, type Region, type ReusableIds } from './idReuse';
import { type ForestOptions, SyntaxForest } from './forest';

export class TreeScanner implements Scanner {
  private readonly forest: SyntaxForest;
  /** The forest generation the derived state below was computed from. */
  private generation = 0;
  private prompts: PromptScanner;
  /** The model-ID answer for the current text, if computed. */
  private ids?: IdAnswer;
  /** The previous text's answer mapped through the last edits, to be completed on demand. */
  private reusable?: ReusableIds;
  private readonly allPrompts = new LastResult<number, PromptLiteral[]>();
  /** Roles and endpoint evidence depend on the whole file (a client built far away): per text, not reused across edits. */
  private readonly sites = new LastResult<IsModelId, ModelIdLiteral[]>();
  /** Candidate IDs in regions tree-sitter could not parse that no recovery could read. */
  private unreadable?: { isId: IsModelId; offsets: number[] };
  /** Chat calls and their messages: computed when a lens, a hover or `estimate` asks, once per text. */
  private readonly calls = new LastResult<string, CallSite[]>();
  private evidence = new FileEvidence();

  constructor(
    parser: TSParser,
    private readonly dialect: Dialect,
    private source: string,
    private readonly flavour: ConfigFlavour = 'code',
    private readonly grammar: string = '',
    forestOptions: ForestOptions = {},
  ) {
    this.forest = new SyntaxForest(parser, source, dialect.statementStarts, forestOptions);
    this.prompts = new PromptScanner(dialect, this.forest, source);
  }

  get text(): string {
    return this.source;
  }

  update(newText: string, changes: readonly TextChange[]): void {
    let current = this.source;
    for (const c of changes) {
      if (!this.evidence.survives(current, c)) this.evidence = new FileEvidence();
      current = current.slice(0, c.rangeOffset) + c.text + current.slice(c.rangeOffset + c.rangeLength);
    }
    // Changes that do not reproduce the new text (a client bug, a missed event) are a new text.
    const wasBroken = this.forest.hasError;
    const dirty = this.forest.update(newText, changes);
    // In a file that does not parse, one bracket can change how error recovery reads code far away
    // (a URL ends up inside an error or a comment): evidence read from or for such a text is not kept.
    if (!dirty || wasBroken || this.forest.hasError || !this.evidence.survivesRegions(newText, dirty)) this.evidence = new FileEvidence();
    // What of the old answer survives: everything outside the edited text and the syntax that changed.
    const ids = this.ids;
    this.reusable = dirty && ids ? withDirty(mapThroughEdits(ids, changes.map((c) => ({ start: c.rangeOffset, oldEnd: c.rangeOffset + c.rangeLength, newEnd: c.rangeOffset + c.text.length }))), dirty) : undefined;
    this.source = newText;
    this.resetDerived();
  }

  /** Drops everything computed from the syntax (after an edit, or when the forest became one tree). */
  private resetDerived(): void {
    this.generation = this.forest.generation;
    this.prompts = new PromptScanner(this.dialect, this.forest, this.source);
    this.ids = undefined;
    this.allPrompts.clear();
    this.sites.clear();
    this.calls.clear();
  }

  /**
   * Runs a question; if the forest gave up piecewise parsing meanwhile (a piece did not parse), the
   * answer may rest on pieces that were wrong, so it is asked again of the one tree.
   */
  private stable<T>(ask: () => T): T {
    if (this.generation !== this.forest.generation) {
      this.reusable = undefined;
      this.resetDerived();
    }
    const answer = ask();
    if (this.generation === this.forest.generation) return answer;
    this.reusable = undefined;
    this.resetDerived();
    return ask();
  }

  modelIdLiterals(isId: IsModelId): ModelIdLiteral[] {
    return this.stable(() =>
      this.sites.get(isId, () => {
        const analyzer = new SiteAnalyzer(this.dialect, this.forest, this.source, this.flavour, this.evidence);
        return this.idLiterals(isId).map((lit) => analyzer.inContext(lit));
      }),
    );
  }

  /** Model-ID literals without roles, reusing what an edit left untouched. */
  private idLiterals(isId: IsModelId): ModelIdLiteral[] {
    if (this.ids?.isId === isId) return this.ids.accepted;
    // In a file that does not parse, rejected candidates are looked up again (a few lookups): the
    // note on unreadable lines must see them all.
    const reuse = this.reusable?.isId === isId ? this.reusable : undefined;
    this.reusable = undefined;
    const kept = reuse ? reuse.accepted.filter((l) => !overlaps(reuse.dirty, l.start, l.end)) : [];
    const stillRejected = new Set(reuse && !this.forest.hasError ? reuse.rejected.filter((o) => !overlaps(reuse.dirty, o, o)) : []);
    const accepted: ModelIdLiteral[] = [];
    const rejected: number[] = [];
    const unreadable: number[] = [];
    let analyzer: SiteAnalyzer | undefined;
    // Role and nearby evidence are kept with each literal, so an edit re-analyses only what it touched.
    const local = (lit: ModelIdLiteral, expr: TSNode, keyed?: KeyedPosition | null): ModelIdLiteral =>
      (analyzer ??= new SiteAnalyzer(this.dialect, this.forest, this.source, this.flavour, this.evidence)).analyze(lit, expr, keyed);
    let k = 0;
    let lastLiteralStart = -1;
    for (const offset of candidateOffsets(this.source, isId)) {
      // Answers that survived the edit are taken as they are; only the rest is looked up in the tree.
      while (k < kept.length && kept[k].end <= offset) accepted.push(kept[k++]);
      if (k < kept.length && kept[k].start <= offset) continue;
      if (stillRejected.has(offset)) {
        rejected.push(offset);
        continue;
      }
      const node = this.prompts.literalNodeAt(offset);
      if (!node) {
        // A region tree-sitter could not parse (an unterminated string above it) must not hide the
        // IDs in it: there, a quoted token that is exactly an ID still counts.
        const recovered = this.inErrorRegion(offset) ? quotedTokenAround(this.source, offset) : undefined;
        const id = recovered && asModelId(recovered, this.source, isId);
        if (id && !accepted.some((a) => a.contentStart === id.contentStart)) accepted.push({ ...id, role: 'value' });
        else {
          rejected.push(offset);
          // In a file with syntax errors, an ID standing bare in code was most likely in a string
          // the error broke apart: say it could not be checked rather than pass over it.
          if (!isCommentAt(this.forest, offset) && this.forest.fileHasError()) unreadable.push(offset);
        }
        continue;
      }
      if (node.startIndex === lastLiteralStart) {
        rejected.push(offset);
        continue;
      }
      lastLiteralStart = node.startIndex;
      const lit = this.dialect.isKeyPosition(node) ? undefined : this.dialect.decode(node, this.source);
      const id = lit && asModelId(lit, this.source, isId);
      if (!id) {
        const embedded = lit ? embeddedModelIds(lit, this.source, isId) : [];
        if (embedded.length) {
          const expr = this.prompts.expressionOf(node);
          for (const e of embedded) accepted.push(local(e, expr));
        } else rejected.push(offset);
        continue;
      }
      const expr = this.prompts.expressionOf(node);
      const keyed = this.dialect.keyedParent(expr, this.source);
      accepted.push(local(keyed ? { ...id, key: keyed.key } : id, expr, keyed ?? null));
    }
    while (k < kept.length) accepted.push(kept[k++]);
    this.ids = { isId, accepted, rejected };
    this.unreadable = { isId, offsets: unreadable };
    return accepted;
  }

  unreadableCandidates(isId: IsModelId): number[] {
    this.modelIdLiterals(isId);
    // Reused answers keep their rejections without a fresh lookup: recheck those in error regions.
    if (this.unreadable?.isId !== isId) return [];
    return this.unreadable.offsets;
  }

  private inErrorRegion(offset: number): boolean {
    if (!this.forest.hasError) return false;
    let n: TSNode | null = this.forest.descendantForIndex(offset);
    for (let depth = 0; n && depth < 64; depth++, n = n.parent) if (n.isError || n.isMissing || n.type === 'ERROR') return true;
    return false;
  }

  literalAt(offset: number): StringLiteral | undefined {
    return this.stable(() => this.prompts.literalAt(offset));
  }

  thinkingPlan(offset: number): ThinkingPlan | undefined {
    return this.stable(() => this.thinkingPlanNow(offset));
  }

  private thinkingPlanNow(offset: number): ThinkingPlan | undefined {
    const literal = this.prompts.literalNodeAt(offset);
    if (!literal) return undefined;
    try {
      return planThinkingOff({ dialect: this.dialect, grammar: this.grammar, src: this.source, literal, expr: this.prompts.expressionOf(literal) });
    } catch {
      // An odd tree never costs the user the ID fix: the form is just not recognised.
      return undefined;
    }
  }

  callSites(): CallSite[] {
    return this.stable(() => this.callSitesNow());
  }

  private callSitesNow(): CallSite[] {
    return this.calls.get(this.source, () => {
      const analyzer = new SiteAnalyzer(this.dialect, this.forest, this.source, this.flavour, this.evidence);
      return new CallScanner(this.dialect, this.forest, this.source).all().map(({ site, evidenceNode }) => {
        // The provider evidence of a call is that of a model ID written where its model is.
        const probe = { start: evidenceNode.startIndex, end: evidenceNode.endIndex, contentStart: evidenceNode.startIndex, contentEnd: evidenceNode.endIndex, value: '', placeholders: 0, startsWithPlaceholder: false, written: site.model?.written ?? '' };
        const endpoint = analyzer.inContext(analyzer.analyze(probe, evidenceNode)).endpoint ?? [];
        return { ...site, endpoint };
      });
    });
  }

  promptAt(offset: number, minLength: number): PromptLiteral | undefined {
    return this.stable(() => this.prompts.promptAt(offset, minLength));
  }

  promptLiterals(minLength: number): PromptLiteral[] {
    return this.stable(() => this.allPrompts.get(minLength, () => this.prompts.all(minLength)));
  }

  dispose(): void {
    this.forest.dispose();
  }
}

function withDirty(mapped: ReusableIds, syntax: readonly Region[]): ReusableIds {
  return { ...mapped, dirty: [...mapped.dirty, ...syntax] };
}
