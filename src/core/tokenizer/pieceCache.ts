// Bounded memo of pre-token piece → token ids. A single id is stored as a number so the common
// case (a whole word is one token) allocates nothing. When full, the oldest quarter of the
// entries is dropped: cheaper per hit than true LRU bookkeeping, and just as good for text whose
// vocabulary of words is small next to the cap.

export type PieceIds = number | Int32Array;

export class PieceCache {
  private readonly map = new Map<string, PieceIds>();

  constructor(readonly maxEntries: number) {}

  get size(): number {
    return this.map.size;
  }

  get(piece: string): PieceIds | undefined {
    return this.map.get(piece);
  }

  set(piece: string, ids: PieceIds): void {
    if (this.map.size >= this.maxEntries) this.evict(Math.max(1, this.maxEntries >>> 2));
    this.map.set(piece, ids);
  }

  clear(): void {
    this.map.clear();
  }

  private evict(count: number): void {
    for (const key of this.map.keys()) {
      this.map.delete(key);
      if (--count === 0) break;
    }
  }
}
