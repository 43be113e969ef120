// One binary search for the several sorted offset tables (line starts, statement starts).

/** The index of the last value at or before `target` in an ascending list; 0 when none is (the list's first entry starts the text). */
export function lastAtOrBefore(sorted: readonly number[], target: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sorted[mid] <= target) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
