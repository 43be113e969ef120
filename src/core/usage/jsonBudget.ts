// How much parsed JSON a log line may cost. JSON.parse builds every object and array of a line:
// about 56 bytes each, so a line of nothing but brackets ("[[[[…", within the 64 MiB line cap)
// would cost 46 bytes of memory per byte of log. A line is therefore allowed a fixed number of
// containers, counted on its bytes before anything is decoded or parsed.

/**
 * Objects and arrays one line may hold, at any depth and inside any string a reader parses again
 * (a body logged as a JSON string): at most about 60 MB of parsed structure. Real usage lines hold
 * a few hundred; a full 1M-token prompt is a few MB of text with far fewer brackets than this.
 */
export const MAX_LINE_CONTAINERS = 1 << 20;

/**
 * Whether a line may hold more than `budget` JSON objects and arrays. Counts every `{` and `[`,
 * inside strings too (a body embedded as a string is parsed later, and escaping leaves brackets as
 * they are), and `\u007b`/`\u005b` escapes. A line shorter than the budget cannot exceed it, so
 * ordinary lines cost nothing.
 */
export function exceedsContainerBudget(line: Uint8Array, budget = MAX_LINE_CONTAINERS): boolean {
  const n = line.length;
  if (n <= budget) return false;
  let count = 0;
  for (let i = 0; i < n; i++) {
    const c = line[i];
    if (c === 0x7b || c === 0x5b) {
      if (++count > budget) return true;
    } else if (c === 0x5c && line[i + 1] === 0x75 && line[i + 2] === 0x30 && line[i + 3] === 0x30) {
      // \u005b, \u007b (either case): a bracket once the string is decoded.
      const hi = line[i + 4];
      const lo = line[i + 5] | 0x20;
      if ((hi === 0x35 || hi === 0x37) && lo === 0x62 && ++count > budget) return true;
    }
  }
  return false;
}
