// Exact BPE for a long run of one repeated character ("aaaa…", 10 MB of spaces) in time and memory
// independent of its length. The general merge keeps four arrays per byte and a heap: 100 MB of
// one character cost minutes and gigabytes.
//
// Why it is exact. Equal-rank merges apply leftmost first, so on a run of identical symbols every
// merge level tiles the run from its left end, and whatever happens at the right end (where a
// shorter remainder meets different merges) reaches back at most a token's length. Far enough
// from the right end the encoding is therefore the same token B repeated; and once a token boundary
// of the final encoding is known, the text on each side encodes on its own (no merge ever crossed
// it). So BPE(cⁿ) = B × q ++ BPE(cʳ) for any split that leaves r long enough. Both facts are checked
// per character when its table is built, against the general merge on the lengths the split uses,
// and a character whose runs do not behave so is never taken here.

export interface RunTable {
  /** The token that tiles a long run. */
  block: number;
  /** Characters of the run one `block` covers. */
  period: number;
}

/** Runs shorter than this go through the general merge (the table's own check covers up to here). */
export const MIN_FAST_RUN = 4096;
/** The remainder left to the general merge: comfortably longer than any token reaches back. */
const TAIL = 1024;

export type EncodeRun = (char: string, count: number) => ArrayLike<number>;

export class RepeatRuns {
  private readonly tables = new Map<string, RunTable | null>();

  constructor(private readonly encodeRun: EncodeRun) {}

  /**
   * Ids of `char` repeated `count` times (count ≥ MIN_FAST_RUN), fed to `emit` in order, and their
   * number; undefined when this character's runs cannot be split exactly (the caller merges).
   */
  encode(char: string, count: number, emit: ((id: number) => void) | null): number | undefined {
    const table = this.table(char);
    if (!table) return undefined;
    const q = Math.floor((count - TAIL) / table.period);
    const rest = this.encodeRun(char, count - q * table.period);
    if (emit) {
      for (let i = 0; i < q; i++) emit(table.block);
      for (let i = 0; i < rest.length; i++) emit(rest[i]!);
    }
    return q + rest.length;
  }

  private table(char: string): RunTable | null {
    let t = this.tables.get(char);
    if (t === undefined) {
      t = this.build(char);
      if (this.tables.size > 4096) this.tables.clear();
      this.tables.set(char, t);
    }
    return t;
  }

  private build(char: string): RunTable | null {
    const long = this.encodeRun(char, TAIL + 2 * 256);
    const block = long[0]!;
    // The block's length in characters: the run prefix that encodes to it alone.
    let period = 0;
    for (let p = 1; p <= 256; p++) {
      const ids = this.encodeRun(char, p);
      if (ids.length === 1 && ids[0] === block) {
        period = p;
        break;
      }
    }
    if (period === 0) return null;
    // Every remainder length the split can leave: BPE(c^(r+P)) = [B] ++ BPE(c^r).
    for (let r = TAIL; r < TAIL + period; r++) {
      const longer = this.encodeRun(char, r + period);
      const shorter = this.encodeRun(char, r);
      if (longer.length !== shorter.length + 1 || longer[0] !== block) return null;
      for (let i = 0; i < shorter.length; i++) if (longer[i + 1] !== shorter[i]) return null;
    }
    return { block, period };
  }
}
