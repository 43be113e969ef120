// A document parsed by tree-sitter, kept up to date by incremental reparsing.
import type { Dialect, KeyedPosition } from './dialect';
import type { TSEdit, TSNode, TSParser, TSPoint, TSTree } from './runtime';
import type { ModelIdLiteral, PromptLiteral, StringLiteral } from './types';
import { asModelId, candidateOffsets } from './ids';
import { embeddedModelIds } from './embedded';
import { quotedTokenAround } from './fallback';
import { planThinkingOff, type ThinkingPlan } from './thinking';
import { type ConfigFlavour, FileEvidence, isCommentAt, SiteAnalyzer, touchesEvidence } from './sites';
import { PromptScanner } from './prompts';
import { CallScanner, type CallSite } from './calls';
import { type IsModelId, LastResult, type Scanner, type TextChange } from './scanner';
import { type IdAnswer, mapThroughEdits, overlaps, type Region, type ReusableIds } from './idReuse';

/** Row/column of an offset, both in UTF-16 code units, which is how web-tree-sitter counts in a JS string. */
function pointAt(text: string, offset: number): TSPoint {
  let row = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    row++;
    lineStart = i + 1;
  }
  return { row, column: offset - lineStart };
}

function advance(from: TSPoint, inserted: string): TSPoint {
  const last = inserted.lastIndexOf('\n');
  if (last < 0) return { row: from.row, column: from.column + inserted.length };
  let rows = 0;
  for (let i = inserted.indexOf('\n'); i >= 0; i = inserted.indexOf('\n', i + 1)) rows++;
  return { row: from.row + rows, column: inserted.length - last - 1 };
}

export class TreeScanner implements Scanner {
  private tree: TSTree;
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
    private readonly parser: TSParser,
    private readonly dialect: Dialect,
    private source: string,
    private readonly flavour: ConfigFlavour = 'code',
    private readonly grammar: string = '',
  ) {
    this.tree = this.parse(source, null);
    this.prompts = new PromptScanner(dialect, this.tree.rootNode, source);
  }

  get text(): string {
    return this.source;
  }

  private parse(text: string, old: TSTree | null): TSTree {
    // Some grammars' external scanners read NUL as the end of input (YAML then swallows the rest of
    // the file into one scalar): a space of the same length keeps every offset and the rest readable.
    const tree = this.parser.parse(text.includes('\0') ? text.replaceAll('\0', ' ') : text, old);
    if (!tree) throw new Error('tree-sitter returned no tree');
    return tree;
  }

  update(newText: string, changes: readonly TextChange[]): void {
    let current = this.source;
    let incremental = changes.length > 0;
    const edits: TSEdit[] = [];
    for (const c of changes) {
      const start = c.rangeOffset;
      const oldEnd = start + c.rangeLength;
      if (!(start >= 0 && c.rangeLength >= 0 && oldEnd <= current.length)) {
        incremental = false;
        break;
      }
      const startPosition = pointAt(current, start);
      const oldEndPosition = advance(startPosition, current.slice(start, oldEnd));
      const newEndPosition = advance(startPosition, c.text);
      edits.push({ startIndex: start, oldEndIndex: oldEnd, newEndIndex: start + c.text.length, startPosition, oldEndPosition, newEndPosition });
      if (touchesEvidence(current.slice(start, oldEnd)) || touchesEvidence(c.text)) this.evidence = new FileEvidence();
      current = current.slice(0, start) + c.text + current.slice(oldEnd);
    }
    // Changes that do not reproduce the new text (a client bug, a missed event) get a full parse.
    if (current !== newText) incremental = false;
    if (!incremental) this.evidence = new FileEvidence();
    const old = this.tree;
    if (incremental) for (const e of edits) old.edit(e);
    this.tree = this.parse(newText, incremental ? old : null);
    this.reusable = incremental && this.ids ? this.reusableAfter(this.ids, edits, old) : undefined;
    old.delete();
    this.source = newText;
    this.prompts = new PromptScanner(this.dialect, this.tree.rootNode, newText);
    this.ids = undefined;
    this.allPrompts.clear();
    this.sites.clear();
    this.calls.clear();
  }

  /**
   * What of the old answer survives: everything outside the edited text, the syntax tree-sitter
   * reports as changed, and the nodes around each edit (a changed key changes its value's role).
   */
  private reusableAfter(previous: IdAnswer, edits: readonly TSEdit[], editedOld: TSTree): ReusableIds {
    const mapped = mapThroughEdits(
      previous,
      edits.map((e) => ({ start: e.startIndex, oldEnd: e.oldEndIndex, newEnd: e.newEndIndex })),
    );
    const dirty: Region[] = [...mapped.dirty];
    for (const r of this.tree.getChangedRanges(editedOld)) dirty.push({ from: r.startIndex, to: r.endIndex });
    const root = this.tree.rootNode;
    for (const r of mapped.dirty) {
      let node = root.descendantForIndex(Math.min(r.from, root.endIndex), Math.min(r.to, root.endIndex)) ?? root;
      // Climb to the enclosing pair or argument (a renamed key changes its value's role), but not to
      // a whole block: larger structural changes are in the changed ranges already.
      for (let up = 0; up < 3 && node.parent && node.parent.endIndex - node.parent.startIndex <= 4096; up++) node = node.parent;
      dirty.push({ from: node.startIndex, to: node.endIndex });
    }
    return { ...mapped, dirty };
  }

  modelIdLiterals(isId: IsModelId): ModelIdLiteral[] {
    return this.sites.get(isId, () => {
      const analyzer = new SiteAnalyzer(this.dialect, this.tree.rootNode, this.source, this.flavour, this.evidence);
      return this.idLiterals(isId).map((lit) => analyzer.inContext(lit));
    });
  }

  /** Model-ID literals without roles, reusing what an edit left untouched. */
  private idLiterals(isId: IsModelId): ModelIdLiteral[] {
    if (this.ids?.isId === isId) return this.ids.accepted;
    // In a file that does not parse, rejected candidates are looked up again (a few lookups): the
    // note on unreadable lines must see them all.
    const reuse = this.reusable?.isId === isId ? this.reusable : undefined;
    this.reusable = undefined;
    const kept = reuse ? reuse.accepted.filter((l) => !overlaps(reuse.dirty, l.start, l.end)) : [];
    const stillRejected = new Set(reuse && !this.tree.rootNode.hasError ? reuse.rejected.filter((o) => !overlaps(reuse.dirty, o, o)) : []);
    const accepted: ModelIdLiteral[] = [];
    const rejected: number[] = [];
    const unreadable: number[] = [];
    let analyzer: SiteAnalyzer | undefined;
    // Role and nearby evidence are kept with each literal, so an edit re-analyses only what it touched.
    const local = (lit: ModelIdLiteral, expr: TSNode, keyed?: KeyedPosition | null): ModelIdLiteral =>
      (analyzer ??= new SiteAnalyzer(this.dialect, this.tree.rootNode, this.source, this.flavour, this.evidence)).analyze(lit, expr, keyed);
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
          if (this.tree.rootNode.hasError && !isCommentAt(this.tree.rootNode, offset)) unreadable.push(offset);
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
    if (!this.tree.rootNode.hasError) return false;
    let n: ReturnType<TSTree['rootNode']['descendantForIndex']> = this.tree.rootNode.descendantForIndex(offset);
    for (let depth = 0; n && depth < 64; depth++, n = n.parent) if (n.isError || n.isMissing || n.type === 'ERROR') return true;
    return false;
  }

  literalAt(offset: number): StringLiteral | undefined {
    return this.prompts.literalAt(offset);
  }

  thinkingPlan(offset: number): ThinkingPlan | undefined {
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
    return this.calls.get(this.source, () => {
      const analyzer = new SiteAnalyzer(this.dialect, this.tree.rootNode, this.source, this.flavour, this.evidence);
      return new CallScanner(this.dialect, this.tree.rootNode, this.source).all().map(({ site, evidenceNode }) => {
        // The provider evidence of a call is that of a model ID written where its model is.
        const probe = { start: evidenceNode.startIndex, end: evidenceNode.endIndex, contentStart: evidenceNode.startIndex, contentEnd: evidenceNode.endIndex, value: '', placeholders: 0, startsWithPlaceholder: false, written: site.model?.written ?? '' };
        const endpoint = analyzer.inContext(analyzer.analyze(probe, evidenceNode)).endpoint ?? [];
        return { ...site, endpoint };
      });
    });
  }

  promptAt(offset: number, minLength: number): PromptLiteral | undefined {
    return this.prompts.promptAt(offset, minLength);
  }

  promptLiterals(minLength: number): PromptLiteral[] {
    return this.allPrompts.get(minLength, () => this.prompts.all(minLength));
  }

  dispose(): void {
    this.tree.delete();
  }
}
