// A document parsed by tree-sitter, kept up to date by incremental reparsing.
import type { Dialect } from './dialect';
import type { TSEdit, TSParser, TSPoint, TSTree } from './runtime';
import type { ModelIdLiteral, PromptLiteral, StringLiteral } from './types';
import { asModelId, candidateOffsets } from './ids';
import { PromptScanner } from './prompts';
import { type IsModelId, LastResult, type Scanner, type TextChange } from './scanner';

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
  private readonly ids = new LastResult<IsModelId, ModelIdLiteral[]>();
  private readonly allPrompts = new LastResult<number, PromptLiteral[]>();

  constructor(
    private readonly parser: TSParser,
    private readonly dialect: Dialect,
    private source: string,
  ) {
    this.tree = this.parse(source, null);
    this.prompts = new PromptScanner(dialect, this.tree.rootNode, source);
  }

  get text(): string {
    return this.source;
  }

  private parse(text: string, old: TSTree | null): TSTree {
    const tree = this.parser.parse(text, old);
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
      current = current.slice(0, start) + c.text + current.slice(oldEnd);
    }
    // Changes that do not reproduce the new text (a client bug, a missed event) get a full parse.
    if (current !== newText) incremental = false;
    const old = this.tree;
    if (incremental) for (const e of edits) old.edit(e);
    this.tree = this.parse(newText, incremental ? old : null);
    old.delete();
    this.source = newText;
    this.prompts = new PromptScanner(this.dialect, this.tree.rootNode, newText);
    this.ids.clear();
    this.allPrompts.clear();
  }

  modelIdLiterals(isId: IsModelId): ModelIdLiteral[] {
    return this.ids.get(isId, () => {
      const out: ModelIdLiteral[] = [];
      let lastLiteralStart = -1;
      for (const offset of candidateOffsets(this.source, isId)) {
        const node = this.prompts.literalNodeAt(offset);
        if (!node || node.startIndex === lastLiteralStart) continue;
        lastLiteralStart = node.startIndex;
        if (this.dialect.isKeyPosition(node)) continue;
        const lit = this.dialect.decode(node, this.source);
        const id = lit && asModelId(lit, this.source, isId);
        if (!id) continue;
        const key = this.dialect.keyedParent(this.prompts.expressionOf(node), this.source)?.key;
        out.push(key !== undefined ? { ...id, key } : id);
      }
      return out;
    });
  }

  literalAt(offset: number): StringLiteral | undefined {
    return this.prompts.literalAt(offset);
  }

  promptAt(offset: number, minLength: number): PromptLiteral | undefined {
    return this.prompts.promptAt(offset, minLength);
  }

  promptLiterals(minLength: number): PromptLiteral[] {
    return this.allPrompts.get(minLength, () => this.prompts.all(minLength));
  }

  /** For tests: the tree's S-expression, to compare incremental and fresh parses. */
  treeString(): string {
    return this.tree.rootNode.toString();
  }

  dispose(): void {
    this.tree.delete();
  }
}
