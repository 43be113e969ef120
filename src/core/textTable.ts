// The one fixed-width text table (the CLI's spend report, the editor's spend report). Columns are
// measured in terminal cells, not UTF-16 units: a Chinese header is two cells per character, and a
// column padded by `.length` would lean off its numbers.
import { eastAsianWidth } from 'get-east-asian-width';

/** Cells a string takes in a monospace terminal or editor (wide and fullwidth characters take two). */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    // Combining marks and zero-width joiners take no cell of their own.
    if (/\p{Mn}|\p{Me}|\u200d/u.test(ch)) continue;
    width += eastAsianWidth(cp, { ambiguousAsWide: false });
  }
  return width;
}

function pad(cell: string, width: number, right: boolean): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(cell)));
  return right ? fill + cell : cell + fill;
}

export interface TableOptions {
  /** Columns whose cells are right-aligned (numbers); the others are left-aligned. */
  rightAligned: (column: number) => boolean;
}

/** Rows (the first is the header) as lines: two spaces between columns, no trailing spaces. */
export function renderTable(rows: readonly (readonly string[])[], options: TableOptions): string[] {
  if (rows.length === 0) return [];
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => displayWidth(r[c] ?? ''))));
  return rows.map((r) => r.map((cell, c) => pad(cell ?? '', widths[c], options.rightAligned(c))).join('  ').trimEnd());
}
