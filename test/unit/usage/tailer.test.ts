// The tailer in-process: appends, unterminated lines, truncation, rotation, missing and
// unreadable files, oversize and multi-megabyte lines.
import assert from 'node:assert/strict';
import { appendFileSync, copyFileSync, mkdirSync, renameSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { shippedCatalogData } from '../../../src/catalog';
import { LogTailer, UsageFollower } from '../../../src/core/usage';
import { FLASH_USD_JUL, assertClose, cost, tempDir } from './helpers';

const CREATED = 1784106000; // 2026-07-15 09:00 UTC

function body(id: string, miss: number, out: number, extra = ''): string {
  return JSON.stringify({ id, object: 'chat.completion', created: CREATED, model: 'deepseek-v4-flash', note: extra, usage: { prompt_tokens: miss, completion_tokens: out, prompt_cache_hit_tokens: 0, prompt_cache_miss_tokens: miss } }) + '\n';
}

function tracker(patterns: string[], opts: { maxLineBytes?: number; chunkBytes?: number } = {}) {
  return new UsageFollower({ patterns, catalog: shippedCatalogData(), currency: 'USD', timeZone: 'UTC', logTimezone: 'UTC', sessionStart: 0, ...opts });
}

test('reads only what was appended, never past an unterminated last line', async (t) => {
  const dir = tempDir(t);
  const log = join(dir, 'a.jsonl');
  writeFileSync(log, body('r1', 100, 10));
  const tr = tracker([log]);
  assert.equal((await tr.refresh()).session.requests, 1);
  const half = body('r2', 200, 20);
  appendFileSync(log, half.slice(0, 40));
  assert.equal((await tr.refresh()).session.requests, 1);
  assert.equal(tr.tailer.files()[0].offset, Buffer.byteLength(body('r1', 100, 10)));
  appendFileSync(log, half.slice(40));
  const s = await tr.refresh();
  assert.equal(s.session.requests, 2);
  assertClose(s.session.cost, cost(0, 100, 10, FLASH_USD_JUL) + cost(0, 200, 20, FLASH_USD_JUL));
  assert.equal(s.sources[0].files[0].skippedLines, 0);
});

test('truncation starts the file over; the requests already counted stay counted once', async (t) => {
  const dir = tempDir(t);
  const log = join(dir, 'a.jsonl');
  writeFileSync(log, body('r1', 100, 10) + body('r2', 100, 10));
  const tr = tracker([log]);
  await tr.refresh();
  truncateSync(log, 0);
  writeFileSync(log, body('r3', 300, 30) + body('r1', 100, 10));
  const s = await tr.refresh();
  assert.equal(s.session.requests, 3);
  assertClose(s.session.cost, cost(0, 500, 50, FLASH_USD_JUL));
});

test('a replaced head (same size or larger) is detected by its hash', async (t) => {
  const dir = tempDir(t);
  const log = join(dir, 'a.jsonl');
  writeFileSync(log, body('r1', 100, 10));
  const tr = tracker([log]);
  await tr.refresh();
  // Rewritten in place (same inode), longer than before: only the head hash tells.
  writeFileSync(log, body('r9', 100, 10) + body('r8', 100, 10));
  const s = await tr.refresh();
  assert.equal(s.session.requests, 3);
});

test('rotation: the renamed file keeps its offset (its tail is still read), the new file is read from its start', async (t) => {
  const dir = tempDir(t);
  const log = join(dir, 'ccr-1.log');
  writeFileSync(log, body('r1', 100, 10));
  const tr = tracker([join(dir, 'ccr-*.log')]);
  await tr.refresh();
  appendFileSync(log, body('r2', 100, 10));
  renameSync(log, join(dir, 'ccr-0.log'));
  writeFileSync(log, body('r3', 100, 10));
  const s = await tr.refresh();
  assert.equal(s.session.requests, 3);
  const files = tr.tailer.files().sort((a, b) => a.path.localeCompare(b.path));
  assert.equal(files.length, 2);
  assert.equal(files[0].offset, Buffer.byteLength(body('r1', 100, 10)) * 2);
});

test('rotation is followed by inode: the rotated file is not read again from its start', async (t) => {
  const dir = tempDir(t);
  const log = join(dir, 'ccr-1.log');
  writeFileSync(log, body('r1', 100, 10));
  const delivered: string[] = [];
  const tailer = new LogTailer({
    patterns: [join(dir, 'ccr-*.log')],
    sinkFor: () => ({ line: (b) => (delivered.push(JSON.parse(b.toString()).id), { kind: 'ignored' as const }), reset: () => {} }),
  });
  await tailer.check();
  appendFileSync(log, body('r2', 100, 10));
  renameSync(log, join(dir, 'ccr-0.log'));
  writeFileSync(log, body('r3', 100, 10));
  await tailer.check();
  assert.deepEqual(delivered.sort(), ['r1', 'r2', 'r3']);
});

test('a missing file is reported and picked up when it appears; a glob without matches is no-match', async (t) => {
  const dir = tempDir(t);
  const log = join(dir, 'later.jsonl');
  const tr = tracker([log, join(dir, 'sub', '*.log')]);
  let s = await tr.refresh();
  assert.equal(s.sources[0].state, 'no-match');
  assert.equal(s.sources[0].files[0].state, 'missing');
  assert.equal(s.sources[1].state, 'no-match');
  writeFileSync(log, body('r1', 100, 10));
  mkdirSync(join(dir, 'sub'));
  writeFileSync(join(dir, 'sub', 'x.log'), body('r2', 100, 10));
  await tr.tailer.rescan(); // the poll timer re-resolves globs; this test drives passes by hand
  s = tr.snapshot();
  assert.equal(s.sources[0].state, 'ok');
  assert.equal(s.sources[1].state, 'ok');
  assert.equal(s.session.requests, 2);
});

test('a path that cannot be read as a file is reported as unreadable, the others are still read', async (t) => {
  const dir = tempDir(t);
  mkdirSync(join(dir, 'not-a-file.log'));
  writeFileSync(join(dir, 'ok.log'), body('r1', 100, 10));
  const tr = tracker([join(dir, 'not-a-file.log'), join(dir, 'ok.log')]);
  const s = await tr.refresh();
  assert.equal(s.sources[0].files[0].state, 'unreadable');
  assert.match(s.sources[0].files[0].message ?? '', /a directory: give the files in it with a glob such as .*not-a-file\.log[/\\]\*\.jsonl/);
  assert.equal(s.session.requests, 1);
});

test('a line over the cap is skipped and counted, even while it is still being written; the lines after it are read', async (t) => {
  const dir = tempDir(t);
  const log = join(dir, 'a.jsonl');
  const big = body('big', 100, 10, 'x'.repeat(5000));
  writeFileSync(log, body('r1', 100, 10) + big.slice(0, 3000));
  const tr = tracker([log], { maxLineBytes: 2000, chunkBytes: 512 });
  let s = await tr.refresh();
  assert.equal(s.session.requests, 1);
  assert.equal(s.sources[0].files[0].skippedLines, 1);
  appendFileSync(log, big.slice(3000) + body('r2', 100, 10));
  s = await tr.refresh();
  assert.equal(s.session.requests, 2);
  assert.equal(s.sources[0].files[0].skippedLines, 1);
});

test('a multi-megabyte line with its usage at the end is read in small chunks', async (t) => {
  const dir = tempDir(t);
  const log = join(dir, 'a.jsonl');
  const prompt = 'p'.repeat(6 * 1024 * 1024);
  const line = `{"request":{"messages":[{"role":"user","content":"${prompt}"}]},"response":${body('huge', 123, 45).trim()}}\n`;
  writeFileSync(log, body('r1', 100, 10) + line + body('r2', 100, 10));
  const tr = tracker([log], { chunkBytes: 64 * 1024 });
  const s = await tr.refresh();
  assert.equal(s.session.requests, 3);
  assert.equal(s.session.cacheMissTokens, 323);
});

test('the tailer calls back after a pass that read lines, and not after an idle one', async (t) => {
  const dir = tempDir(t);
  const log = join(dir, 'a.log');
  writeFileSync(log, 'hello\n');
  let calls = 0;
  const tailer = new LogTailer({ patterns: [log], sinkFor: () => ({ line: () => ({ kind: 'ignored' as const }), reset: () => {} }), onChange: () => calls++ });
  await tailer.check();
  await tailer.check();
  assert.equal(calls, 1);
  appendFileSync(log, 'again\n');
  await tailer.check();
  assert.equal(calls, 2);
});

/** Resolves after the next pass that read something (the tracker's update event); fails after `ms`. */
function nextUpdate(holder: { on?: () => void }, ms = 5000): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no update')), ms);
    holder.on = () => {
      clearTimeout(timer);
      holder.on = undefined;
      resolve();
    };
  });
}

test('once started, appends are read on folder events alone: watched folders are never polled', async (t) => {
  const dir = tempDir(t);
  const log = join(dir, 'a.jsonl');
  writeFileSync(log, body('r1', 100, 10));
  const holder: { on?: () => void } = {};
  const tr = new UsageFollower(
    { patterns: [log, join(dir, '*.log')], catalog: shippedCatalogData(), currency: 'USD', timeZone: 'UTC', logTimezone: 'UTC', sessionStart: 0, pollMs: 20, sweepMs: 3_600_000 },
    () => holder.on?.(),
  );
  const first = nextUpdate(holder);
  tr.start();
  t.after(() => tr.stop());
  await first;
  assert.deepEqual(tr.tailer.polledFolders(), []);
  // Idle: with a 20 ms poll interval, a poller would have run a dozen passes by now.
  const passes = tr.tailer.passes;
  assert.ok(passes > 0);
  await new Promise((r) => setTimeout(r, 300));
  assert.equal(tr.tailer.passes, passes, 'no pass ran while nothing changed');
  let update = nextUpdate(holder);
  appendFileSync(log, body('r2', 100, 10));
  await update;
  assert.equal(tr.snapshot().session.requests, 2);
  // A new file for the glob appears: the folder's event finds it too.
  update = nextUpdate(holder);
  writeFileSync(join(dir, 'b.log'), body('r3', 100, 10));
  await update;
  assert.equal(tr.snapshot().session.requests, 3);
});

test('a folder that does not exist yet is polled, and its log is read once it appears', async (t) => {
  const dir = tempDir(t);
  const log = join(dir, 'later', 'a.jsonl');
  const holder: { on?: () => void } = {};
  const tr = new UsageFollower(
    { patterns: [log], catalog: shippedCatalogData(), currency: 'USD', timeZone: 'UTC', logTimezone: 'UTC', sessionStart: 0, pollMs: 50, sweepMs: 3_600_000 },
    () => holder.on?.(),
  );
  const first = nextUpdate(holder);
  tr.start();
  t.after(() => tr.stop());
  await first; // the file is reported missing
  assert.deepEqual(tr.tailer.polledFolders(), [join(dir, 'later')]);
  const update = nextUpdate(holder);
  mkdirSync(join(dir, 'later'));
  writeFileSync(log, body('r1', 100, 10));
  await update;
  assert.equal(tr.snapshot().session.requests, 1);
});

test('an exact path: rotated files from before the tracker started are never read; one rotated while it runs is finished', async (t) => {
  const dir = tempDir(t);
  const log = join(dir, 'proxy.jsonl');
  writeFileSync(join(dir, 'proxy.jsonl.1'), body('old', 100, 10));
  const past = new Date(Date.now() - 86_400_000);
  utimesSync(join(dir, 'proxy.jsonl.1'), past, past);
  writeFileSync(log, body('r1', 100, 10));
  const tr = tracker([log]);
  await tr.refresh();
  appendFileSync(log, body('r2', 100, 10));
  renameSync(join(dir, 'proxy.jsonl.1'), join(dir, 'proxy.jsonl.2'));
  renameSync(log, join(dir, 'proxy.jsonl.1'));
  writeFileSync(log, body('r3', 100, 10));
  const s = await tr.refresh();
  assert.equal(s.session.requests, 3, 'r1, r2 (the renamed file finished) and r3; not "old"');
});

test('an exact path truncated by copytruncate: the lines appended before the truncation are read from the copy', async (t) => {
  const dir = tempDir(t);
  const log = join(dir, 'proxy.jsonl');
  writeFileSync(log, body('r1', 100, 10));
  const tr = tracker([log]);
  await tr.refresh();
  appendFileSync(log, body('r2', 100, 10));
  copyFileSync(log, join(dir, 'proxy.jsonl.1'));
  truncateSync(log, 0);
  appendFileSync(log, body('r3', 100, 10) + body('r4', 100, 10) + body('r5', 100, 10));
  const s = await tr.refresh();
  assert.equal(s.session.requests, 5);
  assert.equal(s.sources[0].files[0].skippedLines, 0);
});
