// The frame walker against frames the real zstd tool writes: with and without a checksum, several
// blocks (an incompressible frame over the 128 KB block size), and a skippable frame between them.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { frameEnd, readZstdFrames } from '../../../src/core/usage/sources/zstdFrames';
import { tempDir } from './helpers';

const zstd = (input: Buffer, ...flags: string[]) => execFileSync('zstd', ['-q', '-c', ...flags, '-'], { input, maxBuffer: 64 << 20 });

test('frame boundaries are found exactly; only complete frames are decoded; skippable frames are passed over', async (t) => {
  const a = zstd(Buffer.from('{"a":1}\n{"b":'));
  const big = Buffer.from(randomBytes(300_000).toString('base64') + '\n');
  const b = zstd(Buffer.concat([Buffer.from('2}\n'), big]), '--no-check');
  const skippable = Buffer.concat([Buffer.from([0x50, 0x2a, 0x4d, 0x18, 3, 0, 0, 0]), Buffer.from('xyz')]);
  const c = zstd(Buffer.from('{"c":3}\n'), '--no-content-size');
  const file = Buffer.concat([a, b, skippable, c]);
  assert.equal(frameEnd(file, 0), a.length);
  assert.equal(frameEnd(file, a.length), a.length + b.length);
  assert.equal(frameEnd(file, a.length + b.length), a.length + b.length + skippable.length);
  assert.equal(frameEnd(file.subarray(0, file.length - 1), a.length + b.length + skippable.length), undefined);
  assert.throws(() => frameEnd(Buffer.from('not zstd at all'), 0), /not a zstd frame/);

  const path = join(tempDir(t), 'x.zst');
  writeFileSync(path, file.subarray(0, file.length - 2));
  const fh = await open(path, 'r');
  const lines: string[] = [];
  try {
    const r = await readZstdFrames(fh, 0, file.length - 2, Buffer.alloc(0), 1 << 20, (l) => lines.push(l.toString()));
    // The last frame is not complete yet: read up to the skippable frame's end, nothing of c.
    assert.equal(r.offset, a.length + b.length + skippable.length);
    assert.deepEqual(lines.map((l) => l.slice(0, 8)), ['{"a":1}', '{"b":2}', big.toString().slice(0, 8)]);
  } finally {
    await fh.close();
  }
});
