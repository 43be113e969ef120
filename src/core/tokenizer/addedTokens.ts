// Finds added tokens (`<think>`, `<｜begin▁of▁sentence｜>`, `｜DSML｜`, …) the way the Rust
// AddedVocabulary does: leftmost-longest, scanning left to right. The tokens stay in one sorted
// array and a match narrows a range of it one character at a time, which costs no trie nodes and
// rejects an ordinary `<` after one or two binary searches.

export class AddedTokenMatcher {
  private readonly tokens: string[];
  private readonly ids: Int32Array;
  /** Marks the UTF-16 code units that can start a token, so most positions cost one array read. */
  private readonly firstUnit = new Uint8Array(0x10000);
  /** Set by find(): where the match ends and which id it is. */
  matchEnd = 0;
  matchId = 0;

  constructor(entries: ReadonlyArray<readonly [string, number]>) {
    const sorted = entries.filter(([content]) => content.length > 0).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    this.tokens = sorted.map(([content]) => content);
    this.ids = Int32Array.from(sorted.map(([, id]) => id));
    for (const t of this.tokens) this.firstUnit[t.charCodeAt(0)] = 1;
  }

  get size(): number {
    return this.tokens.length;
  }

  /** Start of the leftmost-longest token match in text[from, to), or -1. */
  find(text: string, from: number, to: number): number {
    if (this.tokens.length === 0) return -1;
    const first = this.firstUnit;
    for (let i = from; i < to; i++) {
      if (first[text.charCodeAt(i)] === 0) continue;
      const found = this.longestAt(text, i, to);
      if (found >= 0) {
        this.matchEnd = i + this.tokens[found]!.length;
        this.matchId = this.ids[found]!;
        return i;
      }
    }
    return -1;
  }

  private longestAt(text: string, pos: number, to: number): number {
    const tokens = this.tokens;
    let lo = 0;
    let hi = tokens.length;
    let best = -1;
    for (let depth = 0; lo < hi; depth++) {
      // Every token in [lo, hi) shares text[pos, pos + depth); one that ends here sorts first.
      if (tokens[lo]!.length === depth) {
        best = lo;
        if (++lo === hi) break;
      }
      if (pos + depth >= to) break;
      const c = text.charCodeAt(pos + depth);
      let a = lo;
      let b = hi;
      while (a < b) {
        const mid = (a + b) >>> 1;
        if (tokens[mid]!.charCodeAt(depth) < c) a = mid + 1;
        else b = mid;
      }
      let z = a;
      b = hi;
      while (z < b) {
        const mid = (z + b) >>> 1;
        if (tokens[mid]!.charCodeAt(depth) <= c) z = mid + 1;
        else b = mid;
      }
      lo = a;
      hi = z;
    }
    return best;
  }
}
