// A document's syntax, parsed a top-level statement at a time where its language allows it.
//
// A lookup at an offset parses only the statement around it (tree-sitter's included ranges keep the
// offsets and rows of the whole file), and an edit throws away only the statements it touched, so
// first diagnostics on a large file parse the statements that mention DeepSeek and an edit costs a
// statement, not a reparse of the file. Statement starts come from a lexical scan (statements/).
// Anything a piece cannot answer on its own falls back to one tree for the whole file, parsed and
// edited as before: a piece that does not parse cleanly (a syntax error, or a start the scan got
// wrong), a language without a scan, a small file.
import type { TSEdit, TSNode, TSParser, TSPoint, TSTree } from './runtime';
import { mapRegion, type PlainEdit, type Region } from './idReuse';
import type { TextChange } from './scanner';
import type { StatementStarts } from './statements/lexing';
import { lastAtOrBefore as statementIndex } from '../lastAtOrBefore';

/** The part of a syntax tree the analysis reads: lookups by offset, and (for a full pass) by type. */
export interface SyntaxRoot {
  descendantForIndex(start: number, end?: number): TSNode | null;
  descendantsOfType(types: string | string[]): (TSNode | null)[];
  /** Whether what was parsed has a syntax error (pieces never do: one with an error ends piecewise parsing). */
  readonly hasError: boolean;
}

export interface ForestOptions {
  /** Files shorter than this are parsed whole (a parse of them costs a few milliseconds). */
  minPiecewiseLength?: number;
}

const DEFAULT_MIN_PIECEWISE = 32 * 1024;
/** A full pass parses unparsed statements in groups of about this many characters (fewer trees, cheap edits). */
const GROUP_LENGTH = 8 * 1024;
/** How much text the parser is handed per read while parsing a piece, and afterwards (node text). */
const READ_WHILE_PARSING = 8 * 1024;
const READ_AFTER = 1024;
/** Statements an edit touched are parsed at once up to this size; beyond it the file is parsed whole. */
const MAX_EDITED_PIECE = 64 * 1024;
/** How far up from an edit a one-tree update marks syntax as changed (see `changedRanges`). */
const MAX_EDIT_CLIMB = 12;
const MAX_EDIT_SCOPE = 64 * 1024;

interface Piece {
  start: number;
  end: number;
  tree: TSTree;
  /** Where the tree itself still has the piece start (it is moved when next used, not at every edit above it). */
  treeStart: number;
  treeRow: number;
}

export class SyntaxForest implements SyntaxRoot {
  private text: string;
  /** The text the parser reads: NUL made a space of the same length (see `readable`). */
  private parserText: string;
  private whole?: TSTree;
  /** Statement starts and their rows; `starts[0]` is 0. Empty in whole mode. */
  private starts: number[] = [];
  private rows: number[] = [];
  /** Parsed pieces, sorted, each covering whole statements. */
  private pieces: Piece[] = [];
  /** Trees set aside while their nodes may still be held (by a computation that fell back): freed on the next update. */
  private retired: TSTree[] = [];
  private end: TSPoint;
  private parsingEnd = 0;
  /** Bumped when piecewise parsing gives way to one tree: answers computed before must be computed again. */
  generation = 0;
  private readonly read = (index: number): string => {
    const stop = index < this.parsingEnd ? Math.min(this.parsingEnd, index + READ_WHILE_PARSING) : index + READ_AFTER;
    return this.parserText.slice(index, stop);
  };

  constructor(
    private readonly parser: TSParser,
    text: string,
    private readonly statementStarts?: StatementStarts,
    private readonly options: ForestOptions = {},
  ) {
    this.text = text;
    this.parserText = readable(text);
    this.end = endPoint(text);
    if (this.piecewiseFits()) this.scanStarts();
    else this.whole = this.parseWhole(null);
  }

  /** Whether the document is parsed a statement at a time (false: one tree). */
  get piecewise(): boolean {
    return this.whole === undefined;
  }

  get hasError(): boolean {
    return this.whole ? this.whole.rootNode.hasError : false;
  }

  /**
   * Whether the file as a whole has a syntax error: parses what is not parsed yet (and so may end
   * piecewise parsing). For the rare question that depends on the whole file.
   */
  fileHasError(): boolean {
    this.parseAll();
    return this.hasError;
  }

  descendantForIndex(start: number, end = start): TSNode | null {
    const tree = this.treeAt(Math.max(0, Math.min(start, this.text.length)));
    return tree.rootNode.descendantForIndex(start, end);
  }

  descendantsOfType(types: string | string[]): (TSNode | null)[] {
    this.parseAll();
    if (this.whole) return this.whole.rootNode.descendantsOfType(types);
    return this.pieces.flatMap((p) => this.moved(p).rootNode.descendantsOfType(types));
  }

  /**
   * Applies the changes (LSP incremental sync: each relative to the text left by the one before) and
   * returns the regions of the new text whose syntax may have changed; undefined when all of it may have.
   */
  update(newText: string, changes: readonly TextChange[]): Region[] | undefined {
    this.freeRetired();
    // One change in a file parsed piecewise: its rows come from the nearest statement start, not a
    // count from the top of the file.
    const rowOf = this.whole || changes.length !== 1 ? undefined : (offset: number) => this.pointNear(offset);
    const edits = editsFor(this.text, newText, changes, rowOf);
    if (this.whole) return this.updateWhole(newText, edits);
    if (edits?.length !== 1 || !this.piecewiseFits(newText)) {
      this.reset(newText);
      // As after one edit, the statements the changes touched are parsed at once, so a syntax error
      // typed into any of them is known before an answer is given.
      if (edits) for (const r of editedRegions(edits)) if (!this.whole) this.parseSpan(r.from, r.to);
      return undefined;
    }
    const dirty = this.updatePieces(newText, edits[0]);
    // An edit that broke the syntax made the forest whole: tree-sitter's recovery may read far more
    // than the statements the lexer saw change, so nothing of the old answer is trusted.
    return this.whole ? undefined : [dirty];
  }

  dispose(): void {
    this.freeRetired();
    this.whole?.delete();
    this.whole = undefined;
    for (const p of this.pieces) p.tree.delete();
    this.pieces = [];
  }

  private piecewiseFits(text = this.text): boolean {
    return this.statementStarts !== undefined && text.length >= (this.options.minPiecewiseLength ?? DEFAULT_MIN_PIECEWISE);
  }

  private scanStarts(): void {
    const starts = [0];
    const rows = [0];
    this.statementStarts?.(this.text, 0, 0, (offset, row) => {
      starts.push(offset);
      rows.push(row);
      return true;
    });
    this.starts = starts;
    this.rows = rows;
  }

  /** Drops every tree and parses the text afresh: piecewise if it can be, else whole. */
  private reset(newText: string): void {
    for (const p of this.pieces) p.tree.delete();
    this.pieces = [];
    this.whole?.delete();
    this.whole = undefined;
    this.setText(newText);
    if (this.piecewiseFits()) this.scanStarts();
    else this.whole = this.parseWhole(null);
  }

  private setText(text: string, edit?: TSEdit): void {
    // After one edit the end moves by the edit's rows; its column is that of the (short) last line.
    const end = edit && this.end ? { row: this.end.row + edit.newEndPosition.row - edit.oldEndPosition.row, column: text.length - text.lastIndexOf('\n') - 1 } : endPoint(text);
    this.text = text;
    this.parserText = readable(text);
    this.end = end;
  }

  /** Row and column of an offset of the current text, counted from the statement start before it. */
  private pointNear(offset: number): TSPoint {
    const k = statementIndex(this.starts, offset);
    return pointAt(this.text, offset, this.starts[k] ?? 0, this.rows[k] ?? 0);
  }

  private updateWhole(newText: string, edits: TSEdit[] | undefined): Region[] | undefined {
    const old = this.whole as TSTree;
    // The token each edit falls in before it (a comment or string that the edit closes or opens):
    // tree-sitter's changed ranges can miss all of it (a `/*` typed and taken out again reports
    // none), though everything it covered is read differently now.
    let touched: Region[] = [];
    for (const e of edits ?? []) {
      touched = touched.map((r) => mapRegion(r, plain(e)));
      const n = old.rootNode.descendantForIndex(e.startIndex, e.oldEndIndex);
      if (n) touched.push(mapRegion({ from: n.startIndex, to: n.endIndex }, plain(e)));
      old.edit(e);
    }
    this.setText(newText);
    this.whole = this.parseWhole(edits ? old : null);
    const changed = edits ? [...touched, ...this.changedRanges(old, edits)] : undefined;
    old.delete();
    // A whole tree that parses cleanly again (the error that caused it was fixed) goes back to
    // pieces: kept as the one piece it is, so nothing is parsed twice, and split at the next edit.
    if (this.piecewiseFits() && !this.whole.rootNode.hasError) {
      this.scanStarts();
      this.pieces = [{ start: 0, end: newText.length, tree: this.whole, treeStart: 0, treeRow: 0 }];
      this.whole = undefined;
    }
    return changed;
  }

  /** What tree-sitter reports as changed, and the pair or argument around each edit (a renamed key changes its value's role). */
  private changedRanges(old: TSTree, edits: readonly TSEdit[]): Region[] {
    const tree = this.whole as TSTree;
    const out: Region[] = tree.getChangedRanges(old).map((r) => ({ from: r.startIndex, to: r.endIndex }));
    const root = tree.rootNode;
    for (const r of editedRegions(edits)) {
      let node = root.descendantForIndex(Math.min(r.from, root.endIndex), Math.min(r.to, root.endIndex)) ?? root;
      // As far up as a literal's analysis looks (its role, its call and that call's receiver), short
      // of a large block: a name typed in a callee changes the receiver of every argument.
      for (let up = 0; up < MAX_EDIT_CLIMB && node.parent && node.parent.endIndex - node.parent.startIndex <= MAX_EDIT_SCOPE; up++) node = node.parent;
      out.push({ from: node.startIndex, to: node.endIndex });
    }
    return out;
  }

  /**
   * One edit, piecewise: scans statement starts again from the statement before the edit until they
   * agree with the old ones (shifted), drops the pieces in between and shifts those after.
   */
  private updatePieces(newText: string, e: TSEdit): Region {
    const delta = e.newEndIndex - e.oldEndIndex;
    const rowDelta = e.newEndPosition.row - e.oldEndPosition.row;
    const oldStarts = this.starts;
    const oldRows = this.rows;
    // From the statement before the one edited: its start is unchanged and still a start, while the
    // edited one's may not be (spaces typed before it, a decorator above it).
    const from = Math.max(0, statementIndex(oldStarts, e.startIndex) - 1);
    let resume = oldStarts.length;
    for (let k = from + 1; k < oldStarts.length; k++) {
      if (oldStarts[k] >= e.oldEndIndex) {
        resume = k;
        break;
      }
    }
    const starts = oldStarts.slice(0, from + 1);
    const rows = oldRows.slice(0, from + 1);
    let sync = oldStarts.length;
    this.statementStarts?.(newText, oldStarts[from], oldRows[from], (offset, row) => {
      if (offset >= e.newEndIndex) {
        // Once a start falls on an old one (shifted), the scan is in step again: the rest are the old ones.
        while (resume < oldStarts.length && oldStarts[resume] + delta < offset) resume++;
        if (resume < oldStarts.length && oldStarts[resume] + delta === offset) {
          sync = resume;
          return false;
        }
      }
      starts.push(offset);
      rows.push(row);
      return true;
    });
    for (let k = sync; k < oldStarts.length; k++) {
      starts.push(oldStarts[k] + delta);
      rows.push(oldRows[k] + rowDelta);
    }
    const dirtyFrom = oldStarts[from];
    const oldDirtyTo = sync < oldStarts.length ? oldStarts[sync] : this.text.length;
    const kept: Piece[] = [];
    for (const p of this.pieces) {
      if (p.end <= dirtyFrom) kept.push(p);
      else if (p.start >= oldDirtyTo && sync < oldStarts.length) {
        // Moved, not edited: a file with many pieces pays for the ones it reads again.
        p.start += delta;
        p.end += delta;
        kept.push(p);
      } else p.tree.delete();
    }
    this.pieces = kept;
    this.starts = starts;
    this.rows = rows;
    this.setText(newText, e);
    const dirty = { from: dirtyFrom, to: sync < oldStarts.length ? oldStarts[sync] + delta : newText.length };
    // The statements edited are parsed now: a syntax error typed into them must be known before any
    // answer is given (it makes the forest whole), and they are the ones asked about next anyway. An
    // edit that changed the statements of a large part of the file (an opened string) goes whole at once.
    if (dirty.to - dirty.from > MAX_EDITED_PIECE) this.becomeWhole();
    else this.parsePiece(from, statementIndex(this.starts, dirty.to - 1) + 1);
    return dirty;
  }

  /** The tree that holds `offset`: the whole tree, a parsed piece, or the statement parsed now. */
  private treeAt(offset: number): TSTree {
    if (this.whole) return this.whole;
    const p = pieceAt(this.pieces, offset, this.text.length);
    if (p) return this.moved(p);
    const k = statementIndex(this.starts, offset);
    return this.parsePiece(k, k + 1)?.tree ?? this.wholeTree();
  }

  /**
   * The piece's tree with its positions where the piece now is. Edits above a piece only move it,
   * so one edit that says "the text before you grew or shrank by so much" is exact for it.
   */
  private moved(p: Piece): TSTree {
    if (p.treeStart === p.start) return p.tree;
    const row = this.rows[statementIndex(this.starts, p.start)];
    const from = Math.min(p.treeStart, p.start);
    p.tree.edit({
      startIndex: from,
      oldEndIndex: p.treeStart,
      newEndIndex: p.start,
      startPosition: { row: Math.min(p.treeRow, row), column: 0 },
      oldEndPosition: { row: p.treeRow, column: 0 },
      newEndPosition: { row, column: 0 },
    });
    p.treeStart = p.start;
    p.treeRow = row;
    return p.tree;
  }

  private wholeTree(): TSTree {
    if (!this.whole) throw new Error('the forest has no whole tree');
    return this.whole;
  }

  /** Parses each statement a region of the text falls in that is not parsed yet. */
  private parseSpan(from: number, to: number): void {
    const text = this.text.length;
    const k = statementIndex(this.starts, Math.min(from, text));
    const j = statementIndex(this.starts, Math.min(Math.max(from, to - 1), text)) + 1;
    for (let i = k; i < j && !this.whole; i++) if (!pieceAt(this.pieces, this.starts[i], text)) this.parsePiece(i, i + 1);
  }

  /** Parses every statement not parsed yet, in groups; the forest may end up whole. */
  private parseAll(): void {
    let k = 0;
    while (!this.whole && k < this.starts.length) {
      const parsed = pieceAt(this.pieces, this.starts[k], this.text.length);
      if (parsed) {
        k = statementIndex(this.starts, parsed.end - 1) + 1;
        continue;
      }
      // A group runs to the next parsed piece or to about GROUP_LENGTH characters.
      let j = k + 1;
      const next = this.pieces.find((p) => p.start > this.starts[k])?.start ?? this.text.length;
      while (j < this.starts.length && this.starts[j] < next && this.starts[j] - this.starts[k] < GROUP_LENGTH) j++;
      this.parsePiece(k, j);
      k = j;
    }
  }

  /** Parses statements [k, j) as one piece; a piece with a syntax error makes the forest whole (undefined). */
  private parsePiece(k: number, j: number): Piece | undefined {
    const start = this.starts[k];
    const end = j < this.starts.length ? this.starts[j] : this.text.length;
    const endPosition = j < this.starts.length ? { row: this.rows[j], column: 0 } : this.end;
    this.parsingEnd = end;
    let tree: TSTree | null;
    try {
      tree = this.parser.parse(this.read, null, { includedRanges: [{ startIndex: start, endIndex: end, startPosition: { row: this.rows[k], column: 0 }, endPosition }] });
    } finally {
      this.parsingEnd = 0;
    }
    if (!tree) throw new Error('tree-sitter returned no tree');
    if (tree.rootNode.hasError) {
      this.retired.push(tree);
      this.becomeWhole();
      return undefined;
    }
    const piece = { start, end, tree, treeStart: start, treeRow: this.rows[k] };
    const at = this.pieces.findIndex((p) => p.start > start);
    this.pieces.splice(at < 0 ? this.pieces.length : at, 0, piece);
    return piece;
  }

  /** Gives up piecewise parsing for this text: one tree, as for a language without statement starts. */
  private becomeWhole(): void {
    for (const p of this.pieces) this.retired.push(p.tree);
    this.pieces = [];
    this.starts = [];
    this.rows = [];
    this.whole = this.parseWhole(null);
    this.generation++;
  }

  private parseWhole(old: TSTree | null): TSTree {
    this.parsingEnd = this.text.length;
    try {
      const tree = this.parser.parse(this.read, old);
      if (!tree) throw new Error('tree-sitter returned no tree');
      return tree;
    } finally {
      this.parsingEnd = 0;
    }
  }

  private freeRetired(): void {
    for (const t of this.retired) t.delete();
    this.retired = [];
  }
}

/**
 * Some grammars' external scanners read NUL as the end of input (YAML then swallows the rest of the
 * file into one scalar): a space of the same length keeps every offset and the rest readable.
 */
function readable(text: string): string {
  return text.includes('\0') ? text.replaceAll('\0', ' ') : text;
}

/** The piece holding `offset`; the end of the text belongs to the piece that ends there. */
function pieceAt(pieces: readonly Piece[], offset: number, textLength: number): Piece | undefined {
  let lo = 0;
  let hi = pieces.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const p = pieces[mid];
    if (offset < p.start) hi = mid - 1;
    else if (offset < p.end || (offset === textLength && p.end === textLength)) return p;
    else lo = mid + 1;
  }
  return undefined;
}

/** Row and column of the text's end. */
function endPoint(text: string): TSPoint {
  return pointAt(text, text.length);
}

/** Row/column of an offset, both in UTF-16 code units, which is how web-tree-sitter counts in a JS string. */
function pointAt(text: string, offset: number, from = 0, fromRow = 0): TSPoint {
  let row = fromRow;
  let lineStart = from;
  for (let i = text.indexOf('\n', from); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
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

/** A tree-sitter edit as the answer reuse counts it. */
function plain(e: TSEdit): PlainEdit {
  return { start: e.startIndex, oldEnd: e.oldEndIndex, newEnd: e.newEndIndex };
}

/** Each edit's inserted text with a character either side, in the coordinates of the final text. */
function editedRegions(edits: readonly TSEdit[]): Region[] {
  let out: Region[] = [];
  for (const e of edits) {
    out = out.map((r) => mapRegion(r, plain(e)));
    out.push({ from: Math.max(0, e.startIndex - 1), to: e.newEndIndex + 1 });
  }
  return out;
}

/** How much text either side of an edit is compared, to catch a change that does not fit the text. */
const EDGE = 64;

/**
 * One change, checked against the text without building and comparing the whole new text (that
 * costs milliseconds on a large file at every keystroke): the lengths agree, the inserted text is
 * where the change says, and the text either side of it is what it was.
 */
function singleEdit(oldText: string, newText: string, c: TextChange, pointOf?: (offset: number) => TSPoint): TSEdit[] | undefined {
  const start = c.rangeOffset;
  const oldEnd = start + c.rangeLength;
  const newEnd = start + c.text.length;
  if (!(start >= 0 && c.rangeLength >= 0 && oldEnd <= oldText.length)) return undefined;
  if (newText.length !== oldText.length - c.rangeLength + c.text.length || !newText.startsWith(c.text, start)) return undefined;
  if (newText.slice(Math.max(0, start - EDGE), start) !== oldText.slice(Math.max(0, start - EDGE), start)) return undefined;
  if (newText.slice(newEnd, newEnd + EDGE) !== oldText.slice(oldEnd, oldEnd + EDGE)) return undefined;
  return [editOf(oldText, c, pointOf ? pointOf(start) : pointAt(oldText, start))];
}

/** A change to `text` as tree-sitter takes it, given where it starts. */
function editOf(text: string, c: TextChange, startPosition: TSPoint): TSEdit {
  const start = c.rangeOffset;
  const oldEnd = start + c.rangeLength;
  return { startIndex: start, oldEndIndex: oldEnd, newEndIndex: start + c.text.length, startPosition, oldEndPosition: advance(startPosition, text.slice(start, oldEnd)), newEndPosition: advance(startPosition, c.text) };
}

/** Tree-sitter edits for the changes, or undefined when they do not turn `oldText` into `newText` (a missed event). */
function editsFor(oldText: string, newText: string, changes: readonly TextChange[], pointOf?: (offset: number) => TSPoint): TSEdit[] | undefined {
  // `pointOf` reads the text before the change: it serves a single change only.
  if (changes.length === 0) return undefined;
  if (changes.length === 1) return singleEdit(oldText, newText, changes[0], pointOf);
  let current = oldText;
  const edits: TSEdit[] = [];
  for (const c of changes) {
    const start = c.rangeOffset;
    const oldEnd = start + c.rangeLength;
    if (!(start >= 0 && c.rangeLength >= 0 && oldEnd <= current.length)) return undefined;
    edits.push(editOf(current, c, pointAt(current, start)));
    current = current.slice(0, start) + c.text + current.slice(oldEnd);
  }
  return current === newText ? edits : undefined;
}
