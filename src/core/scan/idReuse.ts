// After an edit, most model-ID answers are still right: a literal keeps its classification unless
// the edit touched it or tree-sitter reports that the syntax around it changed. This keeps the last
// answer (what was accepted and which candidates were rejected), maps it through the edits, and
// marks the regions that must be checked again, so an edit costs a few lookups, not a full pass.
import type { ModelIdLiteral } from './types';
import { type IsModelId, shiftLiteral } from './scanner';

export interface IdAnswer {
  isId: IsModelId;
  accepted: ModelIdLiteral[];
  /** Candidate offsets ("deepseek" word starts) that were not model-ID literals. */
  rejected: number[];
}

export interface Region {
  from: number;
  to: number;
}

export interface ReusableIds extends IdAnswer {
  /** Regions of the new text where nothing from the old answer may be trusted. */
  dirty: Region[];
}

export interface PlainEdit {
  start: number;
  oldEnd: number;
  newEnd: number;
}

/** Longer than any model ID with its router prefix. */
const MAX_WORD = 96;

/** Maps an answer through edits applied in order (each in the coordinates left by the previous one). */
export function mapThroughEdits(previous: IdAnswer, edits: readonly PlainEdit[]): ReusableIds {
  let accepted = previous.accepted;
  let rejected = previous.rejected;
  let dirty: Region[] = [];
  for (const e of edits) {
    const delta = e.newEnd - e.oldEnd;
    // A literal that touches the edit (even at its quotes or prefix) is checked again.
    accepted = accepted.flatMap((l) => (l.end < e.start ? [l] : l.start > e.oldEnd ? [shiftLiteral(l, delta)] : []));
    // A rejected candidate is a word start; an edit up to a word's length after it can change the word.
    rejected = rejected.flatMap((o) => (o < e.start - MAX_WORD ? [o] : o > e.oldEnd ? [o + delta] : []));
    dirty = dirty.map((r) => mapRegion(r, e));
    dirty.push({ from: Math.max(0, e.start - 1), to: e.newEnd + 1 });
  }
  return { isId: previous.isId, accepted, rejected, dirty };
}

/** A region of the text before an edit, in the text after it (a region the edit falls in grows or shrinks with it). */
export function mapRegion(r: Region, e: PlainEdit): Region {
  const delta = e.newEnd - e.oldEnd;
  const from = r.from < e.start ? r.from : r.from >= e.oldEnd ? r.from + delta : e.start;
  const to = r.to < e.start ? r.to : r.to >= e.oldEnd ? r.to + delta : e.newEnd;
  return { from, to: Math.max(from, to) };
}

export function overlaps(regions: readonly Region[], from: number, to: number): boolean {
  return regions.some((r) => from <= r.to && to >= r.from);
}
