// Exact DeepSeek-V4 tokenizer in plain TypeScript: the same ids as Hugging Face's Rust
// `tokenizers` on DeepSeek-V4's tokenizer.json, with no BOS added. Pipeline, as in the Rust
// engine: added tokens (two passes, see below) → hand-coded pre-tokenizer → byte-level BPE.
import { AddedTokenMatcher } from './addedTokens';
import { BpeMerges } from './bpe';
import { expandClassTable } from './charClass';
import { PieceCache, type PieceIds } from './pieceCache';
import { PieceEnds, preTokenize } from './preTokenize';
import { MIN_FAST_RUN, RepeatRuns } from './repeatRuns';
import { readTokenizerData, resolveDataFile, type TokenizerData, type TokenizerDataHeader } from './tokenizerData';

export interface DeepSeekTokenizerInfo {
  /** sha256 of the tokenizer.json the data was compiled from. */
  sourceSha256: string;
  /** Vocabulary size including added tokens. */
  vocabSize: number;
  addedTokens: number;
  dataFile: string;
  /** Unicode version of the character classes in the data. */
  unicodeVersion: string;
}

export interface DeepSeekTokenizerOptions {
  /** Most pieces kept in the piece cache (default 50,000). */
  cacheEntries?: number;
}

/** Pieces longer than this (UTF-16 units) skip the cache: rare, and costly to keep. */
const MAX_CACHED_PIECE = 64;

export class DeepSeekTokenizer {
  readonly info: DeepSeekTokenizerInfo;
  /** Exposed for tests and diagnostics. */
  readonly cache: PieceCache;
  private readonly classTable: Uint8Array;
  private readonly merges: BpeMerges;
  private readonly byteIds: Int32Array;
  // The Rust AddedVocabulary first splits on tokens with normalized=false, then normalizes the
  // rest (a no-op here) and splits that on the normalized=true tokens.
  private readonly rawTokens: AddedTokenMatcher;
  private readonly normalizedTokens: AddedTokenMatcher;
  private readonly header: TokenizerDataHeader;
  /** Kept for decode, which rebuilds a merged token's bytes from its two halves. */
  private readonly mergePairs: Uint32Array;
  private readonly ends = new PieceEnds();
  private sym = new Int32Array(1024);
  private readonly runs = new RepeatRuns((char, count) => {
    const ids = this.bpePiece(char.repeat(count), 0, char.length * count);
    return typeof ids === 'number' ? [ids] : ids;
  });
  private tokenBytes: Array<Uint8Array | undefined> | undefined;

  /** From the bundled data file, or from tables already built (a user's tokenizer.json compiled at run time). */
  constructor(source: string | TokenizerData, options: DeepSeekTokenizerOptions = {}) {
    const data = typeof source === 'string' ? readTokenizerData(source) : source;
    const dataFile = data.file;
    const h = data.header;
    this.header = h;
    this.classTable = expandClassTable(data.classStarts, data.classValues);
    this.merges = new BpeMerges(data.mergePairs, h.firstMergeId);
    this.mergePairs = data.mergePairs;
    this.byteIds = Int32Array.from(h.byteIds);
    this.rawTokens = new AddedTokenMatcher(h.addedTokens.filter((t) => !t[3]).map(([c, id]) => [c, id] as const));
    this.normalizedTokens = new AddedTokenMatcher(h.addedTokens.filter((t) => t[3]).map(([c, id]) => [c, id] as const));
    this.cache = new PieceCache(options.cacheEntries ?? 50_000);
    let maxId = h.vocabSize - 1;
    for (const t of h.addedTokens) maxId = Math.max(maxId, t[1]);
    this.info = {
      sourceSha256: h.sourceSha256,
      vocabSize: maxId + 1,
      addedTokens: h.addedTokens.length,
      dataFile,
      unicodeVersion: h.unicodeVersion,
    };
  }

  /** Token ids of `text`, no BOS/EOS added. */
  encode(text: string): number[] {
    const out: number[] = [];
    this.run(text, out);
    return out;
  }

  /** Number of tokens in `text`; same as encode(text).length without building the array. */
  count(text: string): number {
    return this.run(text, null);
  }

  /**
   * Text of `ids`, decoded like the Rust engine's ByteLevel decoder (invalid UTF-8 becomes U+FFFD;
   * unknown ids are dropped).
   */
  decode(ids: ArrayLike<number>, options: { skipSpecialTokens?: boolean } = {}): string {
    const table = this.tokenBytes ?? (this.tokenBytes = this.buildDecodeTable());
    const special = options.skipSpecialTokens ? this.specialIds() : undefined;
    const parts: Uint8Array[] = [];
    let total = 0;
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i]!;
      if (special?.has(id)) continue;
      const bytes = id >= 0 && id < table.length ? (table[id] ?? this.mergeBytes(table, id)) : undefined;
      if (bytes) {
        parts.push(bytes);
        total += bytes.length;
      }
    }
    const joined = new Uint8Array(total);
    let at = 0;
    for (const p of parts) {
      joined.set(p, at);
      at += p.length;
    }
    return new TextDecoder('utf-8').decode(joined);
  }

  private run(text: string, out: number[] | null): number {
    let count = 0;
    let i = 0;
    const end = text.length;
    const matcher = this.rawTokens;
    for (;;) {
      const at = matcher.find(text, i, end);
      const gapEnd = at < 0 ? end : at;
      if (gapEnd > i) count += this.runNormalized(text, i, gapEnd, out);
      if (at < 0) return count;
      out?.push(matcher.matchId);
      count++;
      i = matcher.matchEnd;
    }
  }

  private runNormalized(text: string, start: number, end: number, out: number[] | null): number {
    let count = 0;
    let i = start;
    const matcher = this.normalizedTokens;
    for (;;) {
      const at = matcher.find(text, i, end);
      const gapEnd = at < 0 ? end : at;
      if (gapEnd > i) count += this.runPieces(text, i, gapEnd, out);
      if (at < 0) return count;
      out?.push(matcher.matchId);
      count++;
      i = matcher.matchEnd;
    }
  }

  private runPieces(text: string, start: number, end: number, out: number[] | null): number {
    const ends = this.ends;
    ends.length = 0;
    preTokenize(text, start, end, this.classTable, ends);
    const cache = this.cache;
    let count = 0;
    let s = start;
    // Pieces are read from the list before the next piece can reuse it: bpePiece never re-enters.
    const list = ends.data;
    const n = ends.length;
    for (let k = 0; k < n; k++) {
      const e = list[k]!;
      let ids: PieceIds | undefined;
      if (e - s <= MAX_CACHED_PIECE) {
        const piece = text.slice(s, e);
        ids = cache.get(piece);
        if (ids === undefined) {
          ids = this.bpePiece(text, s, e);
          cache.set(piece, ids);
        }
      } else {
        const unit = e - s >= MIN_FAST_RUN ? repeatedUnit(text, s, e) : 0;
        const n = unit ? this.runs.encode(text.slice(s, s + unit), (e - s) / unit, out && ((id) => out.push(id))) : undefined;
        if (n !== undefined) {
          count += n;
          s = e;
          continue;
        }
        ids = this.bpePiece(text, s, e);
      }
      if (typeof ids === 'number') {
        out?.push(ids);
        count++;
      } else {
        if (out) for (let j = 0; j < ids.length; j++) out.push(ids[j]!);
        count += ids.length;
      }
      s = e;
    }
    return count;
  }

  /** UTF-8 bytes of text[s, e) as byte tokens, then merged. */
  private bpePiece(text: string, s: number, e: number): PieceIds {
    if (this.sym.length < (e - s) * 3) this.sym = new Int32Array((e - s) * 3);
    const sym = this.sym;
    const b = this.byteIds;
    let n = 0;
    for (let i = s; i < e; i++) {
      let c = text.charCodeAt(i);
      if (c < 0x80) {
        sym[n++] = b[c]!;
        continue;
      }
      if (c < 0x800) {
        sym[n++] = b[0xc0 | (c >> 6)]!;
        sym[n++] = b[0x80 | (c & 63)]!;
        continue;
      }
      if ((c & 0xf800) === 0xd800) {
        const d = i + 1 < e ? text.charCodeAt(i + 1) : 0;
        if (c <= 0xdbff && (d & 0xfc00) === 0xdc00) {
          c = ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
          i++;
          sym[n++] = b[0xf0 | (c >> 18)]!;
          sym[n++] = b[0x80 | ((c >> 12) & 63)]!;
          sym[n++] = b[0x80 | ((c >> 6) & 63)]!;
          sym[n++] = b[0x80 | (c & 63)]!;
          continue;
        }
        c = 0xfffd; // lone surrogate, as the Rust engine receives it
      }
      sym[n++] = b[0xe0 | (c >> 12)]!;
      sym[n++] = b[0x80 | ((c >> 6) & 63)]!;
      sym[n++] = b[0x80 | (c & 63)]!;
    }
    n = this.merges.merge(sym, n);
    return n === 1 ? sym[0]! : sym.slice(0, n);
  }

  private specialIds(): Set<number> {
    return new Set(this.header.addedTokens.filter((t) => t[2]).map((t) => t[1]));
  }

  private buildDecodeTable(): Array<Uint8Array | undefined> {
    const table: Array<Uint8Array | undefined> = new Array(this.info.vocabSize);
    this.header.byteIds.forEach((id, byte) => (table[id] = Uint8Array.of(byte)));
    // Added tokens decode like the Rust ByteLevel decoder: through the byte alphabet when every
    // character belongs to it, else as their own UTF-8.
    const alphabet = byteLevelCharToByte();
    const utf8 = new TextEncoder();
    for (const [content, id] of this.header.addedTokens) {
      const chars = [...content];
      table[id] = chars.every((ch) => alphabet.has(ch))
        ? Uint8Array.from(chars, (ch) => alphabet.get(ch)!)
        : utf8.encode(content);
    }
    return table;
  }

  /** Bytes of a merge result, built from its two halves and memoized. */
  private mergeBytes(table: Array<Uint8Array | undefined>, id: number): Uint8Array | undefined {
    const r = id - this.header.firstMergeId;
    if (r < 0 || r >= this.header.mergeCount) return undefined;
    const data = this.mergePairs;
    const left = table[data[2 * r]!] ?? this.mergeBytes(table, data[2 * r]!);
    const right = table[data[2 * r + 1]!] ?? this.mergeBytes(table, data[2 * r + 1]!);
    if (!left || !right) return undefined;
    const bytes = new Uint8Array(left.length + right.length);
    bytes.set(left);
    bytes.set(right, left.length);
    table[id] = bytes;
    return bytes;
  }
}

/** UTF-16 length of the one character text[s, e) repeats (1 or 2), or 0 when it holds more than one. */
function repeatedUnit(text: string, s: number, e: number): number {
  const c = text.charCodeAt(s);
  const unit = c >= 0xd800 && c <= 0xdbff && s + 1 < e && (text.charCodeAt(s + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
  if ((e - s) % unit !== 0) return 0;
  const d = unit === 2 ? text.charCodeAt(s + 1) : 0;
  for (let i = s + unit; i < e; i += unit) {
    if (text.charCodeAt(i) !== c || (unit === 2 && text.charCodeAt(i + 1) !== d)) return 0;
  }
  return unit;
}

/** Inverse of GPT-2's byte → printable character table. */
function byteLevelCharToByte(): Map<string, number> {
  const map = new Map<string, number>();
  let extra = 0;
  for (let b = 0; b < 256; b++) {
    const printable = (b >= 0x21 && b <= 0x7e) || (b >= 0xa1 && b <= 0xac) || (b >= 0xae && b <= 0xff);
    map.set(String.fromCodePoint(printable ? b : 256 + extra++), b);
  }
  return map;
}

/**
 * Loads the tokenizer synchronously from `<dataDir>/deepseek-v4.bin` (default: `tokenizer/` beside
 * the bundle; from sources, data built once into the OS temp dir). Takes a few milliseconds.
 */
export function loadDeepSeekTokenizer(dataDir?: string, options?: DeepSeekTokenizerOptions): DeepSeekTokenizer {
  return new DeepSeekTokenizer(resolveDataFile(dataDir), options);
}

let shared: DeepSeekTokenizer | undefined;

/** Process-wide tokenizer, loaded on first call. */
export function getDeepSeekTokenizer(): DeepSeekTokenizer {
  return (shared ??= loadDeepSeekTokenizer());
}
