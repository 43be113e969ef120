// Reads the complete lines in a byte range of an open file, in fixed-size chunks. Only complete
// lines are handed on; an unterminated last line is left for the next read. A line longer than the
// cap is skipped as it streams past, so neither a whole file nor a giant line is ever held.
import type { FileHandle } from 'node:fs/promises';

export interface LineReadOptions {
  chunkBytes: number;
  maxLineBytes: number;
}

export interface LineReadResult {
  /** Where the next read starts: after the last complete line, or inside an oversize line being skipped. */
  offset: number;
  /** Still inside an oversize line at `offset` (skip up to its newline next time). */
  skipping: boolean;
  /** Oversize lines met (each counted once). */
  oversize: number;
}

/** `onLine` receives a view that is only valid during the call. */
export async function readLines(
  fh: FileHandle, start: number, end: number, skipping: boolean, opts: LineReadOptions, onLine: (line: Buffer) => void,
): Promise<LineReadResult> {
  const buf = Buffer.allocUnsafe(opts.chunkBytes);
  let pos = start;
  let committed = start;
  let pieces: Buffer[] = [];
  let piecesLength = 0;
  let oversize = 0;
  while (pos < end) {
    const { bytesRead } = await fh.read(buf, 0, Math.min(opts.chunkBytes, end - pos), pos);
    if (bytesRead === 0) break;
    const view = buf.subarray(0, bytesRead);
    let i = 0;
    while (i < bytesRead) {
      const nl = view.indexOf(0x0a, i);
      if (nl === -1) {
        if (!skipping) {
          if (piecesLength + bytesRead - i > opts.maxLineBytes) {
            skipping = true;
            oversize++;
            pieces = [];
            piecesLength = 0;
          } else {
            pieces.push(Buffer.from(view.subarray(i)));
            piecesLength += bytesRead - i;
          }
        }
        i = bytesRead;
        break;
      }
      if (skipping) {
        skipping = false;
      } else if (piecesLength > 0) {
        const tail = view.subarray(i, nl);
        if (piecesLength + tail.length > opts.maxLineBytes) oversize++;
        else onLine(Buffer.concat([...pieces, tail]));
        pieces = [];
        piecesLength = 0;
      } else if (nl - i > opts.maxLineBytes) {
        oversize++;
      } else {
        onLine(view.subarray(i, nl));
      }
      committed = pos + nl + 1;
      i = nl + 1;
    }
    pos += bytesRead;
  }
  // Inside an oversize line the skipped bytes are never needed again, so the offset may pass them.
  return skipping ? { offset: pos, skipping, oversize } : { offset: committed, skipping: false, oversize };
}
