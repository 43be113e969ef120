// Calendar days and clock times in an explicit IANA zone. "Today" and "midnight" follow the user's
// zone, not the extension host's TZ variable; day bounds come from the usage engine's DayKeyer so
// the session's midnight and the ledger's "today" always agree (23- and 25-hour days, and days that
// start at 01:00 because DST skips midnight, included).
import { DayKeyer } from '../core/usage/time';

const keyers = new Map<string, DayKeyer>();
const formatters = new Map<string, Intl.DateTimeFormat>();

function keyer(zone: string): DayKeyer {
  let k = keyers.get(zone);
  if (!k) keyers.set(zone, (k = new DayKeyer(zone)));
  return k;
}

export function localDateKey(at: number, zone: string): string {
  return keyer(zone).keyOf(at);
}

/** The instant the local day containing `at` began (usually 00:00 local). */
export function startOfLocalDay(at: number, zone: string): number {
  return keyer(zone).boundsOf(at).start;
}

/** The instant the next local day begins. */
export function nextLocalMidnight(at: number, zone: string): number {
  return keyer(zone).boundsOf(at).end;
}

export interface LocalParts {
  date: string;
  time: string;
}

/** The wall-clock date (YYYY-MM-DD) and time (HH:MM:SS) of an instant in a zone, for display. */
export function localParts(at: number, zone: string): LocalParts {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    formatters.set(zone, f);
  }
  const p: Record<string, string> = {};
  for (const part of f.formatToParts(new Date(at))) p[part.type] = part.value;
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}:${p.second}` };
}

/** "HH:MM:SS" when `at` falls on the same local day as `now`, else "YYYY-MM-DD HH:MM". */
export function formatLocalTime(at: number, now: number, zone: string): string {
  const p = localParts(at, zone);
  if (p.date === localDateKey(now, zone)) return p.time;
  return `${p.date} ${p.time.slice(0, 5)}`;
}
