// Small wording helpers shared by the tools' plain-text answers.

/** `2026-07-24T15:59:00.000Z` → `2026-07-24 15:59 UTC`: exact to the minute, unambiguous for a model. */
export function utcMinute(at: Date | string | number): string {
  const iso = new Date(at).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

export function plural(n: number, one: string, many: string): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

/** An answer is short: long lists end with a count of what was left out. */
export function capLines(lines: string[], max: number, what: string): string[] {
  if (lines.length <= max) return lines;
  return [...lines.slice(0, max), `… and ${lines.length - max} more ${what} (narrow the request to see them)`];
}
