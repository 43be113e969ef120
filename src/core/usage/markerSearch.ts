// The prefilter's search for one marker. A byte search stops at every occurrence of the needle's
// first byte, and in prompts (the bulk of a log, and where no marker is) `o` is some ten times as
// common as `k`, so each marker is looked for from its least common byte and its head is compared
// where that part turns up.

/** Rough frequency of a byte in prompts and JSON logs: higher is more common. */
function commonness(b: number): number {
  if (b === 0x20) return 100;
  if (b >= 0x61 && b <= 0x7a) return 60 - 2 * 'etaoinshrdlcumwfgypbvkjxqz'.indexOf(String.fromCharCode(b));
  if (b === 0x22) return 50; // `"` around every JSON key and string
  if (b === 0x2c || b === 0x3a || b === 0x7b || b === 0x7d) return 20;
  if (b >= 0x30 && b <= 0x39) return 10;
  if (b === 0x5f) return 8;
  if (b >= 0x41 && b <= 0x5a) return 5;
  return 4;
}

export class MarkerSearch {
  /** Where the least common byte is in the marker. */
  private readonly at: number;
  private readonly head: Uint8Array;
  private readonly tail: Buffer;

  constructor(readonly marker: Buffer) {
    let at = 0;
    for (let i = 1; i < marker.length; i++) if (commonness(marker[i]) < commonness(marker[at])) at = i;
    this.at = at;
    this.head = marker.subarray(0, at);
    this.tail = marker.subarray(at);
  }

  /** Whether the marker occurs in `line` at or after `from`. */
  foundIn(line: Buffer, from = 0): boolean {
    const { at, head, tail } = this;
    for (let i = line.indexOf(tail, from + at); i !== -1; i = line.indexOf(tail, i + 1)) {
      let k = 0;
      while (k < at && line[i - at + k] === head[k]) k++;
      if (k === at) return true;
    }
    return false;
  }
}
