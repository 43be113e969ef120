import { lastAtOrBefore } from '../core/lastAtOrBefore';

/** 1-based line and column (UTF-16 code units, as editors count) for offsets in a text. */
export class LineIndex {
  private readonly starts: number[] = [0];
  constructor(text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }
  position(offset: number): { line: number; column: number } {
    const k = lastAtOrBefore(this.starts, offset);
    return { line: k + 1, column: offset - this.starts[k] + 1 };
  }
}
