// Reads a growing zstd file frame by frame. DeepSeek Harness appends one zstd frame per durable
// batch of session events, so a complete frame is a unit that never changes once written: the
// tailer decompresses each new complete frame (with fzstd, pure JavaScript, loaded only when a
// zstd file is met) and keeps its offset at the end of the last one. An unfinished frame at the
// end is read again on the next change. Walking the frames needs only their headers and block
// headers (RFC 8878 §3.1.1); decoding is the library's.
import type { FileHandle } from 'node:fs/promises';

const FRAME_MAGIC = 0xfd2fb528;

type Decompress = (data: Uint8Array) => Uint8Array;
let decompressor: Decompress | undefined;

function decompress(data: Uint8Array): Uint8Array {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  decompressor ??= (require('fzstd') as { decompress: Decompress }).decompress;
  return decompressor(data);
}

/** End offset of the frame starting at `pos`, undefined when it is not complete yet; throws on a corrupt frame. */
export function frameEnd(buf: Buffer, pos: number): number | undefined {
  if (buf.length - pos < 8) return undefined;
  const magic = buf.readUInt32LE(pos);
  if ((magic & 0xfffffff0) >>> 0 === 0x184d2a50) {
    const end = pos + 8 + buf.readUInt32LE(pos + 4);
    return end <= buf.length ? end : undefined;
  }
  if (magic !== FRAME_MAGIC) throw new Error(`not a zstd frame at byte ${pos}`);
  const fhd = buf[pos + 4];
  const fcsFlag = fhd >> 6;
  const single = (fhd >> 5) & 1;
  const checksum = (fhd >> 2) & 1;
  const dictBytes = [0, 1, 2, 4][fhd & 3];
  const fcsBytes = fcsFlag === 0 ? single : [1, 2, 4, 8][fcsFlag];
  let p = pos + 5 + (single ? 0 : 1) + dictBytes + fcsBytes;
  for (;;) {
    if (buf.length - p < 3) return undefined;
    const header = buf[p] | (buf[p + 1] << 8) | (buf[p + 2] << 16);
    const last = header & 1;
    const type = (header >> 1) & 3;
    if (type === 3) throw new Error(`corrupt zstd block at byte ${p}`);
    p += 3 + (type === 1 ? 1 : header >>> 3);
    if (last) break;
  }
  p += checksum ? 4 : 0;
  return p <= buf.length ? p : undefined;
}

export interface ZstdReadResult {
  /** End of the last complete frame read. */
  offset: number;
  /** Decompressed bytes after the last newline (a line that continues in the next frame). */
  pending: Buffer;
  oversize: number;
}

/** Reads the complete frames in [start, end) and hands on every complete decompressed line. */
export async function readZstdFrames(
  fh: FileHandle, start: number, end: number, pending: Buffer, maxLineBytes: number, onLine: (line: Buffer) => void,
): Promise<ZstdReadResult> {
  const buf = Buffer.alloc(end - start);
  if (buf.length > 0) await fh.read(buf, 0, buf.length, start);
  let pos = 0;
  let oversize = 0;
  let carry = pending;
  for (;;) {
    const frameStop = frameEnd(buf, pos);
    if (frameStop === undefined) break;
    const isData = buf.readUInt32LE(pos) === FRAME_MAGIC;
    if (isData) {
      const out = Buffer.from(decompress(buf.subarray(pos, frameStop)));
      let text = carry.length ? Buffer.concat([carry, out]) : out;
      let i = 0;
      for (let nl = text.indexOf(0x0a, i); nl !== -1; nl = text.indexOf(0x0a, i)) {
        if (nl - i > maxLineBytes) oversize++;
        else onLine(text.subarray(i, nl));
        i = nl + 1;
      }
      text = text.subarray(i);
      if (text.length > maxLineBytes) {
        oversize++;
        text = Buffer.alloc(0);
      }
      carry = Buffer.from(text);
    }
    pos = frameStop;
  }
  return { offset: start + pos, pending: carry, oversize };
}
