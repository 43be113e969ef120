// Per-code-point classes for the hand-coded pre-tokenizer. The numbers match CharClass in
// scripts/build-tokenizer-data.mjs, which derives the runs that fill this table.

export const OTHER = 0;
export const LETTER = 1;
export const MARK = 2;
export const NUMBER = 3;
export const PUNCT = 4;
export const SYMBOL = 5;
export const SPACE = 6;
/** Low three bits hold the class; this bit marks the CJK/kana range of the second Split regex. */
export const CJK_FLAG = 8;

/** One byte per code point (1.1 MB) so the scanner's hottest lookup is a single array read. */
export function expandClassTable(starts: Uint32Array, values: Uint8Array): Uint8Array {
  const table = new Uint8Array(0x110000);
  for (let r = 0; r < starts.length; r++) {
    const end = r + 1 < starts.length ? starts[r + 1]! : 0x110000;
    if (values[r] !== OTHER) table.fill(values[r]!, starts[r]!, end);
  }
  // Ranges copied from the pre-tokenizer's `[\u4e00-\u9fa5\u3040-\u309f\u30a0-\u30ff]+`.
  markRange(table, 0x4e00, 0x9fa5);
  markRange(table, 0x3040, 0x309f);
  markRange(table, 0x30a0, 0x30ff);
  return table;
}

function markRange(table: Uint8Array, first: number, last: number): void {
  for (let cp = first; cp <= last; cp++) table[cp] = table[cp]! | CJK_FLAG;
}
