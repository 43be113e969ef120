// Byte-level BPE over token ids. The merge with the lowest rank is applied first, the leftmost
// one among equals, exactly the order of the Rust engine's (rank, position) priority queue. The
// result of merge r is token firstMergeId + r (asserted when the data is built).

const NO_MERGE = 0x7fffffff;
/** Above this many symbols the quadratic scan gives way to a heap. */
const HEAP_THRESHOLD = 48;

export class BpeMerges {
  /** Open-addressing table, four int32 per slot: left id (-1 = empty), right id, rank, unused. */
  private readonly slots: Int32Array;
  private readonly mask: number;
  private readonly shift: number;
  private readonly firstMergeId: number;
  // Scratch space reused across calls; the engine is single-threaded.
  private ranks = new Int32Array(64);
  private prev = new Int32Array(0);
  private next = new Int32Array(0);
  private heap = new Float64Array(0);

  constructor(pairs: Uint32Array, firstMergeId: number) {
    const count = pairs.length >>> 1;
    let capacity = 1;
    while (capacity < count * 2) capacity <<= 1;
    this.mask = capacity - 1;
    this.shift = 32 - Math.log2(capacity);
    this.firstMergeId = firstMergeId;
    const slots = new Int32Array(capacity * 4).fill(-1);
    for (let r = 0; r < count; r++) {
      const a = pairs[2 * r]!;
      const b = pairs[2 * r + 1]!;
      let s = hash(a, b) >>> this.shift;
      while (slots[s * 4] !== -1) s = (s + 1) & this.mask;
      slots[s * 4] = a;
      slots[s * 4 + 1] = b;
      slots[s * 4 + 2] = r;
    }
    this.slots = slots;
  }

  /** Rank of merging a then b, or NO_MERGE. */
  rank(a: number, b: number): number {
    const slots = this.slots;
    let s = hash(a, b) >>> this.shift;
    for (;;) {
      const k = slots[s * 4]!;
      if (k === a && slots[s * 4 + 1] === b) return slots[s * 4 + 2]!;
      if (k === -1) return NO_MERGE;
      s = (s + 1) & this.mask;
    }
  }

  /** Merges sym[0, n) in place; returns the new length. */
  merge(sym: Int32Array, n: number): number {
    if (n < 2) return n;
    return n <= HEAP_THRESHOLD ? this.mergeSmall(sym, n) : this.mergeLarge(sym, n);
  }

  private mergeSmall(sym: Int32Array, n: number): number {
    const ranks = this.ranks;
    for (let i = 0; i < n - 1; i++) ranks[i] = this.rank(sym[i]!, sym[i + 1]!);
    while (n > 1) {
      let best = NO_MERGE;
      let at = -1;
      for (let i = 0; i < n - 1; i++) {
        if (ranks[i]! < best) {
          best = ranks[i]!;
          at = i;
        }
      }
      if (at < 0) break;
      sym[at] = this.firstMergeId + best;
      for (let i = at + 1; i < n - 1; i++) {
        sym[i] = sym[i + 1]!;
        ranks[i] = ranks[i + 1]!;
      }
      n--;
      if (at > 0) ranks[at - 1] = this.rank(sym[at - 1]!, sym[at]!);
      if (at < n - 1) ranks[at] = this.rank(sym[at]!, sym[at + 1]!);
    }
    return n;
  }

  /** Linked list of symbols plus a min-heap keyed rank * 2^32 + position; stale entries are skipped. */
  private mergeLarge(sym: Int32Array, n: number): number {
    if (this.prev.length < n) {
      const size = Math.max(n, this.prev.length * 2);
      this.prev = new Int32Array(size);
      this.next = new Int32Array(size);
      this.heap = new Float64Array(size * 2);
    }
    const prev = this.prev;
    const next = this.next;
    for (let i = 0; i < n; i++) {
      prev[i] = i - 1;
      next[i] = i + 1 < n ? i + 1 : -1;
    }
    let heap = this.heap;
    let size = 0;
    const push = (key: number): void => {
      if (size === heap.length) {
        const grown = new Float64Array(Math.max(16, heap.length * 2));
        grown.set(heap);
        heap = this.heap = grown;
      }
      let i = size++;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (heap[parent]! <= key) break;
        heap[i] = heap[parent]!;
        i = parent;
      }
      heap[i] = key;
    };
    const pop = (): number => {
      const top = heap[0]!;
      const last = heap[--size]!;
      let i = 0;
      for (;;) {
        let child = 2 * i + 1;
        if (child >= size) break;
        if (child + 1 < size && heap[child + 1]! < heap[child]!) child++;
        if (heap[child]! >= last) break;
        heap[i] = heap[child]!;
        i = child;
      }
      if (size > 0) heap[i] = last;
      return top;
    };
    for (let i = 0; i < n - 1; i++) {
      const r = this.rank(sym[i]!, sym[i + 1]!);
      if (r !== NO_MERGE) push(r * 4294967296 + i);
    }
    // A removed symbol gets id -1.
    while (size > 0) {
      const key = pop();
      const r = Math.floor(key / 4294967296);
      const p = key - r * 4294967296;
      const q = next[p]!;
      if (sym[p] === -1 || q === -1 || this.rank(sym[p]!, sym[q]!) !== r) continue;
      sym[p] = this.firstMergeId + r;
      sym[q] = -1;
      const after = next[q]!;
      next[p] = after;
      if (after !== -1) prev[after] = p;
      const before = prev[p]!;
      if (before !== -1) {
        const rb = this.rank(sym[before]!, sym[p]!);
        if (rb !== NO_MERGE) push(rb * 4294967296 + before);
      }
      if (after !== -1) {
        const ra = this.rank(sym[p]!, sym[after]!);
        if (ra !== NO_MERGE) push(ra * 4294967296 + p);
      }
    }
    let out = 0;
    for (let i = 0; i !== -1; i = next[i]!) sym[out++] = sym[i]!;
    return out;
  }
}

/** Multiplicative hash; callers keep its high bits, the well-mixed ones. */
function hash(a: number, b: number): number {
  return Math.imul(a ^ Math.imul(b, 0x85ebca77), 0x9e3779b1) >>> 0;
}
