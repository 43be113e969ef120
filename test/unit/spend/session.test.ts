import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatLocalTime, localDateKey, localParts, nextLocalMidnight, startOfLocalDay } from '../../../src/spend/localTime';
import { effectiveSessionStart } from '../../../src/spend/session';

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();

test('local days follow the given zone, not the process zone', () => {
  const t = at('2026-11-23T05:00:00Z');
  assert.equal(localDateKey(t, 'Asia/Shanghai'), '2026-11-23');
  assert.equal(localDateKey(t, 'America/Los_Angeles'), '2026-11-22');
  assert.equal(iso(startOfLocalDay(t, 'Asia/Shanghai')), '2026-11-22T16:00:00.000Z');
  assert.equal(iso(nextLocalMidnight(t, 'Asia/Shanghai')), '2026-11-23T16:00:00.000Z');
  assert.equal(iso(startOfLocalDay(t, 'America/Los_Angeles')), '2026-11-22T08:00:00.000Z');
  assert.equal(iso(startOfLocalDay(t, 'Pacific/Kiritimati')), '2026-11-22T10:00:00.000Z');
});

test('DST days are 23 or 25 hours long', () => {
  const spring = at('2026-03-29T12:00:00Z');
  assert.equal(nextLocalMidnight(spring, 'Europe/Berlin') - startOfLocalDay(spring, 'Europe/Berlin'), 23 * 3_600_000);
  const autumn = at('2026-10-25T12:00:00Z');
  assert.equal(nextLocalMidnight(autumn, 'Europe/Berlin') - startOfLocalDay(autumn, 'Europe/Berlin'), 25 * 3_600_000);
});

test('a day whose midnight is skipped by DST starts at 01:00 and does not overlap the day before', () => {
  // Chile moves its clocks from 00:00 to 01:00 on the first Sunday of September.
  const t = at('2026-09-06T12:00:00Z');
  const start = startOfLocalDay(t, 'America/Santiago');
  assert.deepEqual(localParts(start, 'America/Santiago'), { date: '2026-09-06', time: '01:00:00' });
  assert.equal(localDateKey(start - 1000, 'America/Santiago'), '2026-09-05');
  assert.equal(nextLocalMidnight(at('2026-09-05T12:00:00Z'), 'America/Santiago'), start);
});

test('the first use stores now as the session start', () => {
  const now = at('2026-11-23T10:00:00Z');
  assert.deepEqual(effectiveSessionStart(undefined, now, false, 'UTC'), { start: now, store: true });
  assert.deepEqual(effectiveSessionStart('yesterday', now, false, 'UTC'), { start: now, store: true });
});

test('a stored start is kept across days without resetAtMidnight', () => {
  const stored = at('2026-11-20T08:00:00Z');
  const now = at('2026-11-23T10:00:00Z');
  assert.deepEqual(effectiveSessionStart(stored, now, false, 'Europe/Berlin'), { start: stored, store: false });
});

test('resetAtMidnight moves a session begun before local midnight to that midnight, in the user zone', () => {
  const stored = at('2026-11-22T20:00:00Z');
  const now = at('2026-11-23T05:00:00Z');
  // 20:00Z is 04:00 on the 23rd in Shanghai: same local day, nothing to reset.
  assert.deepEqual(effectiveSessionStart(stored, now, true, 'Asia/Shanghai'), { start: stored, store: false });
  // In Berlin 20:00Z is 21:00 on the 22nd: the session restarts at 00:00 Berlin (23:00Z).
  assert.deepEqual(effectiveSessionStart(stored, now, true, 'Europe/Berlin'), { start: at('2026-11-22T23:00:00Z'), store: true });
  // A reset made after midnight is kept.
  const afterMidnight = at('2026-11-23T01:00:00Z');
  assert.deepEqual(effectiveSessionStart(afterMidnight, now, true, 'Europe/Berlin'), { start: afterMidnight, store: false });
});

test('a start in the future (clock set back) starts over now', () => {
  const now = at('2026-11-23T10:00:00Z');
  assert.deepEqual(effectiveSessionStart(at('2026-11-24T10:00:00Z'), now, false, 'UTC'), { start: now, store: true });
  // A few seconds of disagreement between windows is tolerated.
  assert.deepEqual(effectiveSessionStart(now + 2000, now, false, 'UTC'), { start: now + 2000, store: false });
});

test('times are shown as a clock time today and with the date otherwise', () => {
  const now = at('2026-11-23T10:00:00Z');
  assert.equal(formatLocalTime(at('2026-11-23T09:14:05Z'), now, 'Europe/Berlin'), '10:14:05');
  assert.equal(formatLocalTime(at('2026-11-22T09:14:05Z'), now, 'Europe/Berlin'), '2026-11-22 10:14');
});
