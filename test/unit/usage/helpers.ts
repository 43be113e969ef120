// Shared test plumbing: fixtures are copied to a temp dir (so a test can set mtimes or append) and
// read with the same tracker the editor and the CLI use.
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { shippedCatalogData } from '../../../src/catalog';
import { UsageFollower, type UsageFollowerOptions } from '../../../src/core/usage';

export const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'logs');

export function tempDir(t: { after: (fn: () => void) => void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'dcl-usage-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export function copyFixture(name: string, dir: string, mtime?: Date): string {
  const to = join(dir, name);
  copyFileSync(join(FIXTURES, name), to);
  if (mtime) utimesSync(to, mtime, mtime);
  return to;
}

export async function spendOf(
  t: { after: (fn: () => void) => void }, names: string[], opts: Partial<UsageFollowerOptions> & { mtime?: Date } = {},
) {
  const dir = tempDir(t);
  const paths = names.map((n) => copyFixture(n, dir, opts.mtime));
  const tracker = new UsageFollower({ patterns: paths, catalog: shippedCatalogData(), currency: 'USD', timeZone: 'UTC', logTimezone: 'UTC', sessionStart: 0, ...opts });
  const snapshot = await tracker.refresh();
  return { tracker, snapshot, totals: tracker.ledger.totals(), skipped: snapshot.sources.flatMap((s) => s.files).reduce((n, f) => n + f.skippedLines, 0) };
}

/** Costs are sums of products of decimals: compare to 1e-12 relative. */
export function assertClose(actual: number, expected: number, message?: string): void {
  assert.ok(Math.abs(actual - expected) <= Math.abs(expected) * 1e-12 + 1e-18, `${message ?? ''} expected ${expected}, got ${actual}`);
}

/** Cost in currency units: tokens × price per 1M tokens. */
export function cost(hit: number, miss: number, out: number, [pHit, pMiss, pOut]: [number, number, number]): number {
  return (hit * pHit + miss * pMiss + out * pOut) / 1_000_000;
}

// Rates from the catalog facts (per 1M tokens: cache hit, cache miss, output).
/** USD, 2026-04-26 12:15 UTC to 2026-08-16 16:00 UTC, no peak hours. */
export const FLASH_USD_JUL: [number, number, number] = [0.0028, 0.14, 0.28];
export const PRO_USD_JUL: [number, number, number] = [0.003625, 0.435, 0.87];
export const FLASH_CNY_JUL: [number, number, number] = [0.02, 1, 2];
/** From 2026-09-10 04:00 UTC: off-peak rates; peak (weekdays 09-12 and 14-18 Beijing time) is twice these. */
export const FLASH_USD_SEP: [number, number, number] = [0.003, 0.15, 0.6];
export const PRO_USD_SEP: [number, number, number] = [0.022, 0.66, 1.98];
export const FLASH_CNY_SEP: [number, number, number] = [0.02, 1, 4];
export const PRO_CNY_SEP: [number, number, number] = [0.15, 4.5, 13.5];
export const peak = (r: [number, number, number]): [number, number, number] => [r[0] * 2, r[1] * 2, r[2] * 2];
