// One write's requests packed into a blob: fixed 64-byte little-endian records, so a reload decodes
// a million requests with DataView reads instead of a million SQLite rows.
import type { Fingerprint } from '../requestStore';
import type { TokenSplit } from '../tokens';

export interface PackedRequest extends Required<TokenSplit> {
  fp: Fingerprint;
  completedAt: number;
  modelId: number;
  sourceId: number;
  noId: boolean;
  fileTime: boolean;
  /** Token cost with the catalog at write time; undefined: unpriced in that currency. */
  costUsd?: number;
  costCny?: number;
}

export const RECORD_BYTES = 64;

// Layout: 0 key hi i32, 4 key lo i32, 8 completedAt f64, 16 model u32, 20 source u32, 24 hit u32,
// 28 miss u32, 32 output u32, 36 reasoning u32, 40 search u16, 42 fetch u16, 44 flags u8,
// 48 cost USD f64 (NaN: unpriced), 56 cost CNY f64.
export function encodeBatch(records: PackedRequest[]): Uint8Array {
  const out = new Uint8Array(records.length * RECORD_BYTES);
  const v = new DataView(out.buffer);
  records.forEach((r, i) => {
    const o = i * RECORD_BYTES;
    v.setInt32(o, r.fp[0], true);
    v.setInt32(o + 4, r.fp[1], true);
    v.setFloat64(o + 8, r.completedAt, true);
    v.setUint32(o + 16, r.modelId, true);
    v.setUint32(o + 20, r.sourceId, true);
    v.setUint32(o + 24, r.cacheHitTokens, true);
    v.setUint32(o + 28, r.cacheMissTokens, true);
    v.setUint32(o + 32, r.outputTokens, true);
    v.setUint32(o + 36, r.reasoningTokens, true);
    v.setUint16(o + 40, Math.min(0xffff, r.searchCalls), true);
    v.setUint16(o + 42, Math.min(0xffff, r.fetchCalls), true);
    v.setUint8(o + 44, (r.hasCacheSplit ? 1 : 0) | (r.noId ? 2 : 0) | (r.fileTime ? 4 : 0));
    v.setFloat64(o + 48, r.costUsd ?? NaN, true);
    v.setFloat64(o + 56, r.costCny ?? NaN, true);
  });
  return out;
}

/** Calls `each` per record; a blob whose length is not a whole number of records is a corrupt batch. */
export function decodeBatch(data: Uint8Array, each: (fp: Fingerprint, r: PackedRequest, sourceId: number) => void): void {
  if (data.byteLength % RECORD_BYTES !== 0) throw new Error(`a stored batch of ${data.byteLength} bytes is not made of ${RECORD_BYTES}-byte records (file is malformed)`);
  const v = new DataView(data.buffer, data.byteOffset, data.byteLength);
  for (let o = 0; o < data.byteLength; o += RECORD_BYTES) {
    const flags = v.getUint8(o + 44);
    const usd = v.getFloat64(o + 48, true);
    const cny = v.getFloat64(o + 56, true);
    const fp: Fingerprint = [v.getInt32(o, true), v.getInt32(o + 4, true)];
    const sourceId = v.getUint32(o + 20, true);
    each(fp, {
      fp, completedAt: v.getFloat64(o + 8, true), modelId: v.getUint32(o + 16, true), sourceId,
      cacheHitTokens: v.getUint32(o + 24, true), cacheMissTokens: v.getUint32(o + 28, true), outputTokens: v.getUint32(o + 32, true), reasoningTokens: v.getUint32(o + 36, true),
      searchCalls: v.getUint16(o + 40, true), fetchCalls: v.getUint16(o + 42, true),
      hasCacheSplit: (flags & 1) !== 0, noId: (flags & 2) !== 0, fileTime: (flags & 4) !== 0,
      ...(Number.isNaN(usd) ? {} : { costUsd: usd }), ...(Number.isNaN(cny) ? {} : { costCny: cny }),
    }, sourceId);
  }
}
