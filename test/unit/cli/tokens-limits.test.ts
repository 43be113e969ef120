// deepseek-cost tokens on input without end or without newlines, run as its own process so that an
// uncaught error would show as a crash: a clear message and exit status 3, never a stack trace.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import test from 'node:test';
import { makeTree } from './helpers';

const CLI = path.join(__dirname, '..', '..', '..', 'src', 'cli', 'cli.ts');

function cli(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', CLI, ...args], { cwd, encoding: 'utf8', timeout: 120_000, maxBuffer: 1 << 20 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, signal: r.signal };
}

test('tokens --jsonl on an endless line stops at the 64 MiB line limit with exit 3 and no stack trace (D9)', { skip: !existsSync('/dev/zero') }, () => {
  const r = cli(['tokens', '--jsonl', '/dev/zero'], process.cwd());
  assert.equal(r.signal, null, 'finished on its own');
  assert.equal(r.code, 3, r.stderr);
  assert.match(r.stderr, /line 1 is longer than 64 MiB/);
  assert.doesNotMatch(r.stderr, /\n\s+at |RangeError/);
  assert.equal(r.stdout, '');
});

test('tokens --jsonl prints the lines before an oversize one, then exits 3 naming its line', () => {
  const { dir, cleanup } = makeTree({});
  try {
    const file = path.join(dir, 'batch.jsonl');
    writeFileSync(file, '{"text": "hello"}\n{"text": "' + 'x'.repeat((64 << 20) + 10) + '"}\n{"text": "after"}\n');
    const r = cli(['tokens', '--jsonl', file], process.cwd());
    assert.equal(r.code, 3, r.stderr);
    assert.deepEqual(r.stdout.trim().split('\n').map((l) => JSON.parse(l)), [{ tokens: 1 }]);
    assert.match(r.stderr, /batch\.jsonl: line 2 is longer than 64 MiB/);
    assert.doesNotMatch(r.stderr, /\n\s+at /);
  } finally {
    cleanup();
  }
});

test('tokens FILE on endless input stops at 256 MiB with exit 3', { skip: !existsSync('/dev/zero') }, () => {
  const r = cli(['tokens', '/dev/zero'], process.cwd());
  assert.equal(r.code, 3, r.stderr);
  assert.match(r.stderr, /longer than 256 MiB/);
  assert.doesNotMatch(r.stderr, /\n\s+at /);
});

test('tokens on 10 MB of one character stays within a few times the text in memory, and is exact', () => {
  const { dir, cleanup } = makeTree({});
  try {
    const file = path.join(dir, 'a.txt');
    writeFileSync(file, 'a'.repeat(10_000_000));
    const root = path.join(__dirname, '..', '..', '..');
    const code = `const { main } = require('./src/cli/cli.ts'); let out = '';
      main(['tokens', ${JSON.stringify(file)}], { stdout: (s) => (out += s), stderr: (s) => process.stderr.write(s), cwd: process.cwd() })
        .then((c) => console.log(JSON.stringify({ code: c, out: out.trim(), maxRssMB: process.resourceUsage().maxRSS / 1024 })));`;
    const r = spawnSync(process.execPath, ['--import', 'tsx', '-e', code], { cwd: root, encoding: 'utf8', timeout: 300_000 });
    const result = JSON.parse(r.stdout.trim().split('\n').pop()!);
    assert.equal(result.code, 0, r.stderr);
    // 'a' × 8 is one token (the run tiles with it; checked against the Rust engine in long-runs.test.ts).
    assert.equal(result.out, '1250000');
    // The general merge held arrays of about 20 bytes per character: 321 MB peak here, against
    // 140 MB with the run fast path (most of it the runtime; the text itself is 10 MB).
    assert.ok(result.maxRssMB < 200, `peak RSS ${Math.round(result.maxRssMB)} MB`);
  } finally {
    cleanup();
  }
});
