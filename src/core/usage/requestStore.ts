// The per-request memory of the ledger, kept compact: a 64-bit fingerprint of the dedupe key and
// the few numbers a request contributes (time, model, four token counts, split flag), in typed
// arrays behind an open-addressing index. About 45 bytes a request, whatever the log lines
// weighed: 1M requests ≈ 45-90 MB (arrays grow by doubling). Keeping these numbers, not just a
// "seen" set, is what makes re-reads idempotent at any distance (a rotated or restarted file read
// again from its start) and lets a later, larger usage replace an earlier one exactly, and lets
// the ledger re-price everything when the currency, zone or catalog changes without re-reading logs.

import type { TokenSplit } from './tokens';

/** A record's token fields, with searches and fetches as 0 when the log shows none. */
export interface StoredRequest extends Required<TokenSplit> {
  completedAt: number;
  model: number;
}

const EMPTY = -1;

export class RequestStore {
  private capacity = 0;
  private size_ = 0;
  private slots = new Int32Array(0);
  private keyHi = new Int32Array(0);
  private keyLo = new Int32Array(0);
  private at = new Float64Array(0);
  private hit = new Uint32Array(0);
  private miss = new Uint32Array(0);
  private out = new Uint32Array(0);
  private reasoning = new Uint32Array(0);
  private model = new Uint16Array(0);
  private search = new Uint16Array(0);
  private fetch = new Uint16Array(0);
  private flags = new Uint8Array(0);

  constructor(initialCapacity = 1024) {
    this.grow(Math.max(16, initialCapacity));
  }

  get size(): number {
    return this.size_;
  }

  /** Index of a key's request, or -1. */
  find(key: string | Fingerprint): number {
    const [hi, lo] = typeof key === 'string' ? fingerprint(key) : key;
    return this.lookup(hi, lo).index;
  }

  get(index: number): StoredRequest {
    return {
      completedAt: this.at[index], model: this.model[index], cacheHitTokens: this.hit[index], cacheMissTokens: this.miss[index],
      outputTokens: this.out[index], reasoningTokens: this.reasoning[index], hasCacheSplit: (this.flags[index] & 1) === 1,
      searchCalls: this.search[index], fetchCalls: this.fetch[index],
    };
  }

  /** Stores a new key's request; returns its index. The key must not be present. */
  insert(key: string | Fingerprint, r: StoredRequest): number {
    if ((this.size_ + 1) * 2 > this.slots.length) this.rehash(this.slots.length * 2);
    if (this.size_ === this.capacity) this.grow(this.capacity * 2);
    const [hi, lo] = typeof key === 'string' ? fingerprint(key) : key;
    const { slot } = this.lookup(hi, lo);
    const index = this.size_++;
    this.slots[slot] = index;
    this.keyHi[index] = hi;
    this.keyLo[index] = lo;
    this.set(index, r);
    return index;
  }

  set(index: number, r: StoredRequest): void {
    this.at[index] = r.completedAt;
    this.model[index] = r.model;
    // The ledger stores only whole counts within requestTokenLimit (< 2³²): they fit exactly, so a
    // re-total from these arrays gives the first total again.
    this.hit[index] = r.cacheHitTokens;
    this.miss[index] = r.cacheMissTokens;
    this.out[index] = r.outputTokens;
    this.reasoning[index] = r.reasoningTokens;
    this.flags[index] = r.hasCacheSplit ? 1 : 0;
    this.search[index] = Math.min(0xffff, r.searchCalls);
    this.fetch[index] = Math.min(0xffff, r.fetchCalls);
  }

  /** Bytes held by the arrays (for the benchmark's memory report). */
  get byteLength(): number {
    return this.slots.byteLength + this.capacity * (4 + 4 + 8 + 4 * 4 + 2 + 2 * 2 + 1);
  }

  /** The arrays trimmed to the stored requests, in a fixed order (the spend store's ledger snapshot keeps them as they are). */
  exportArrays(): ArrayBufferView[] {
    const n = this.size_;
    return [this.keyHi, this.keyLo, this.at, this.hit, this.miss, this.out, this.reasoning, this.model, this.search, this.fetch, this.flags].map((a) => a.subarray(0, n));
  }

  /** Replaces the contents with arrays from exportArrays (copied; the index is rebuilt). */
  importArrays(n: number, arrays: ArrayBufferView[]): void {
    const kinds = [Int32Array, Int32Array, Float64Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint16Array, Uint16Array, Uint16Array, Uint8Array];
    if (arrays.length !== kinds.length || arrays.some((a, i) => !(a instanceof kinds[i]) || (a as Uint8Array).length !== n)) throw new Error('a ledger snapshot has arrays of the wrong kind or length');
    let capacity = 16;
    while (capacity < n) capacity *= 2;
    this.size_ = 0;
    this.capacity = 0;
    this.slots = new Int32Array(0);
    [this.keyHi, this.keyLo, this.at] = [new Int32Array(0), new Int32Array(0), new Float64Array(0)];
    [this.hit, this.miss, this.out, this.reasoning] = [new Uint32Array(0), new Uint32Array(0), new Uint32Array(0), new Uint32Array(0)];
    [this.model, this.search, this.fetch, this.flags] = [new Uint16Array(0), new Uint16Array(0), new Uint16Array(0), new Uint8Array(0)];
    this.grow(capacity);
    const targets = [this.keyHi, this.keyLo, this.at, this.hit, this.miss, this.out, this.reasoning, this.model, this.search, this.fetch, this.flags];
    for (const [i, t] of targets.entries()) (t as Uint8Array).set(arrays[i] as Uint8Array);
    this.size_ = n;
    this.rehash(this.slots.length);
  }

  private lookup(hi: number, lo: number): { index: number; slot: number } {
    const mask = this.slots.length - 1;
    let slot = (lo ^ (hi >>> 7)) & mask;
    for (;;) {
      const index = this.slots[slot];
      if (index === EMPTY) return { index: -1, slot };
      if (this.keyHi[index] === hi && this.keyLo[index] === lo) return { index, slot };
      slot = (slot + 1) & mask;
    }
  }

  private grow(capacity: number): void {
    const copy = <T extends Int32Array | Uint32Array | Float64Array | Uint16Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const b = make(capacity);
      b.set(a);
      return b;
    };
    this.keyHi = copy(this.keyHi, (n) => new Int32Array(n));
    this.keyLo = copy(this.keyLo, (n) => new Int32Array(n));
    this.at = copy(this.at, (n) => new Float64Array(n));
    this.hit = copy(this.hit, (n) => new Uint32Array(n));
    this.miss = copy(this.miss, (n) => new Uint32Array(n));
    this.out = copy(this.out, (n) => new Uint32Array(n));
    this.reasoning = copy(this.reasoning, (n) => new Uint32Array(n));
    this.model = copy(this.model, (n) => new Uint16Array(n));
    this.search = copy(this.search, (n) => new Uint16Array(n));
    this.fetch = copy(this.fetch, (n) => new Uint16Array(n));
    this.flags = copy(this.flags, (n) => new Uint8Array(n));
    this.capacity = capacity;
    if (this.slots.length < capacity * 2) this.rehash(capacity * 2);
  }

  private rehash(slotCount: number): void {
    this.slots = new Int32Array(slotCount).fill(EMPTY);
    const mask = slotCount - 1;
    for (let index = 0; index < this.size_; index++) {
      let slot = (this.keyLo[index] ^ (this.keyHi[index] >>> 7)) & mask;
      while (this.slots[slot] !== EMPTY) slot = (slot + 1) & mask;
      this.slots[slot] = index;
    }
  }
}

/** A dedupe key as the store keeps it: two 32-bit halves (see fingerprint). */
export type Fingerprint = [number, number];

/**
 * Two independent 32-bit FNV-1a hashes (different offsets) of the UTF-16 code units: 64 bits, so
 * a false "duplicate" among a million keys has a probability near 3·10⁻⁸.
 */
export function fingerprint(key: string): Fingerprint {
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 15);
  }
  return [a | 0, b | 0];
}
