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

/** Frames are read through a window of this size, doubled for a frame larger than it. */
const WINDOW_BYTES = 8 << 20;
/** A frame larger than this is not waited for: the file is reported instead of held in memory. */
const MAX_FRAME_BYTES = 256 << 20;

/** Reads the complete frames in [start, end) and hands on every complete decompressed line. */
export async function readZstdFrames(
  fh: FileHandle, start: number, end: number, pending: Buffer, maxLineBytes: number, onLine: (line: Buffer) => void,
): Promise<ZstdReadResult> {
  let offset = start;
  let oversize = 0;
  let carry = pending;
  let window = WINDOW_BYTES;
  while (offset < end) {
    const buf = Buffer.alloc(Math.min(window, end - offset));
    const { bytesRead } = await fh.read(buf, 0, buf.length, offset);
    const view = buf.subarray(0, bytesRead);
    let pos = 0;
    for (let stop = frameEnd(view, pos); stop !== undefined; stop = frameEnd(view, pos)) {
      if (view.readUInt32LE(pos) === FRAME_MAGIC) {
        const lines = splitLines(carry, Buffer.from(decompress(view.subarray(pos, stop))), maxLineBytes, onLine);
        carry = lines.rest;
        oversize += lines.oversize;
      }
      pos = stop;
    }
    if (pos > 0) {
      offset += pos;
      window = WINDOW_BYTES;
      continue;
    }
    // No complete frame in the window: the frame is still being written, or larger than the window.
    if (bytesRead < window) break;
    if (window >= MAX_FRAME_BYTES) throw new Error(`a zstd frame over ${MAX_FRAME_BYTES >> 20} MB at byte ${offset}`);
    window *= 2;
  }
  return { offset, pending: carry, oversize };
}

function splitLines(carry: Buffer, out: Buffer, maxLineBytes: number, onLine: (line: Buffer) => void): { rest: Buffer; oversize: number } {
  const text = carry.length ? Buffer.concat([carry, out]) : out;
  let oversize = 0;
  let i = 0;
  for (let nl = text.indexOf(0x0a, i); nl !== -1; nl = text.indexOf(0x0a, i)) {
    if (nl - i > maxLineBytes) oversize++;
    else onLine(text.subarray(i, nl));
    i = nl + 1;
  }
  if (text.length - i > maxLineBytes) return { rest: Buffer.alloc(0), oversize: oversize + 1 };
  return { rest: Buffer.from(text.subarray(i)), oversize };
}
