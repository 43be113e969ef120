// Time-zone arithmetic with the platform's Intl data only: server logs written in local time need
// an IANA zone to become UTC, and spend is grouped by the user's local day.

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    formatters.set(zone, f);
  }
  return f;
}

export function isValidTimeZone(zone: string): boolean {
  try {
    formatter(zone);
    return true;
  } catch {
    return false;
  }
}

export function machineTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

interface WallClock { year: number; month: number; day: number; hour: number; minute: number; second: number }

function wallClock(zone: string, utcMs: number): WallClock {
  const parts: Record<string, number> = {};
  for (const p of formatter(zone).formatToParts(new Date(utcMs))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour, minute: parts.minute, second: parts.second };
}

/** Offset of `zone` from UTC at an instant, in ms (positive east of Greenwich). */
export function zoneOffsetMs(zone: string, utcMs: number): number {
  const w = wallClock(zone, utcMs);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - (utcMs - (((utcMs % 1000) + 1000) % 1000));
}

/**
 * The UTC instant of a wall-clock time in a zone. In a DST gap the later offset wins; in a
 * repeated hour the first occurrence is taken.
 */
export function zonedTimeToUtc(zone: string, year: number, month: number, day: number, hour = 0, minute = 0, second = 0, ms = 0): number {
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  // Zone rules change offsets only on quarter-hour boundaries, so one answer serves a whole quarter hour.
  const quarter = Math.floor(asUtc / 900_000);
  let offsets = offsetCache.get(zone);
  if (!offsets || offsets.size > 100_000) offsetCache.set(zone, (offsets = new Map()));
  let shift = offsets.get(quarter);
  if (shift === undefined) {
    const start = quarter * 900_000;
    shift = start - wallToUtc(zone, start);
    offsets.set(quarter, shift);
  }
  return asUtc - shift;
}

const offsetCache = new Map<string, Map<number, number>>();

function wallToUtc(zone: string, asUtc: number): number {
  // Offsets a day either side bracket any single transition; a candidate is valid when its own offset maps it back.
  const before = asUtc - zoneOffsetMs(zone, asUtc - 86_400_000);
  const after = asUtc - zoneOffsetMs(zone, asUtc + 86_400_000);
  const valid = [before, after].filter((t) => asUtc - zoneOffsetMs(zone, t) === t);
  return valid.length > 0 ? Math.min(...valid) : before;
}

/** Maps instants to local-day keys ('YYYY-MM-DD'); remembers the last day's bounds, as records mostly arrive in order. */
export class DayKeyer {
  private start = 0;
  private end = -1;
  private key = '';

  constructor(readonly zone: string) {}

  keyOf(utcMs: number): string {
    if (utcMs >= this.start && utcMs < this.end) return this.key;
    const w = wallClock(this.zone, utcMs);
    this.key = `${w.year}-${pad(w.month)}-${pad(w.day)}`;
    this.start = zonedTimeToUtc(this.zone, w.year, w.month, w.day);
    const next = new Date(Date.UTC(w.year, w.month - 1, w.day + 1));
    this.end = zonedTimeToUtc(this.zone, next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate());
    return this.key;
  }

  /** UTC bounds [start, end) of the local day containing an instant. */
  boundsOf(utcMs: number): { key: string; start: number; end: number } {
    const key = this.keyOf(utcMs);
    return { key, start: this.start, end: this.end };
  }
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/**
 * A log timestamp to UTC ms. Numbers (and numeric strings) are Unix seconds or, when large enough,
 * milliseconds; ISO strings with a zone are exact; ISO strings without one are wall-clock time in
 * `localZone` (servers such as LiteLLM's JSON logger write them that way).
 */
export function epochMsOf(v: unknown, localZone: string): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) && v > 0 ? (v > 1e11 ? v : v * 1000) : undefined;
  if (typeof v !== 'string' || v.length === 0) return undefined;
  if (/^\d+(\.\d+)?$/.test(v)) return epochMsOf(Number(v), localZone);
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(v);
  if (!m) return undefined;
  if (m[8]) {
    const t = Date.parse(v.replace(' ', 'T'));
    return Number.isNaN(t) ? undefined : t;
  }
  const ms = m[7] ? Math.floor(Number(`0.${m[7]}`) * 1000) : 0;
  return zonedTimeToUtc(localZone, +m[1], +m[2], +m[3], +m[4], +m[5], m[6] ? +m[6] : 0, ms);
}
