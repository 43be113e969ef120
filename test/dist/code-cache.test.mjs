// deepseek-cost loads its bundle through V8's code cache (src/shared/codeCache.ts): a first run
// writes the compiled code, later runs use it, and nothing a cache folder can hold (garbage, a
// file where the folder should be, the cache turned off) changes what the command prints.
import test from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist');
const cli = path.join(dist, 'cli.js');
/** Node 22.1+ keeps the cache itself (module.enableCompileCache); the checks of our own files are for Node 20. */
const ownCache = typeof createRequire(import.meta.url)('node:module').enableCompileCache !== 'function';

function run(args, env, cwd = tmpdir()) {
  return spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NODE_DISABLE_COMPILE_CACHE: '', NODE_COMPILE_CACHE: '', DEEPSEEK_COST_DEBUG_CODE_CACHE: '1', ...env } });
}

const cacheLine = (stderr) => stderr.match(/code cache (\w+) for cliMain\.js/)?.[1];
const withoutCacheLine = (stderr) => stderr.replace(/^deepseek-cost: code cache .*\n/gm, '');

test('the first run writes the compiled CLI, the next runs use it, and they print what the bundle run directly prints', { skip: !ownCache && 'Node keeps its own compile cache' }, () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'dcl-code-cache-'));
  try {
    const direct = spawnSync(process.execPath, [path.join(dist, 'cliMain.js'), 'tokens', '-'], { input: 'Hello world', encoding: 'utf8' });
    const first = spawnSync(process.execPath, [cli, 'tokens', '-'], { input: 'Hello world', encoding: 'utf8', env: { ...process.env, NODE_COMPILE_CACHE: dir, DEEPSEEK_COST_DEBUG_CODE_CACHE: '1' } });
    assert.equal(cacheLine(first.stderr), 'miss');
    assert.equal(first.stdout, direct.stdout);
    const files = readdirSync(dir);
    assert.equal(files.length, 1);
    assert.match(files[0], /^cliMain-[0-9a-f]{20}\.v8$/);
    const written = readFileSync(path.join(dir, files[0]));
    const second = run(['--version'], { NODE_COMPILE_CACHE: dir });
    assert.equal(cacheLine(second.stderr), 'hit');
    assert.equal(second.status, 0);
    assert.match(second.stdout, /^\d+\.\d+\.\d+ \(catalog \d{4}-\d{2}-\d{2}\)\n$/);
    assert.deepEqual(readFileSync(path.join(dir, files[0])), written, 'a cache that was used is not written again');

    // Garbage in the cache file: V8 rejects it, the run is the same, and a good cache replaces it.
    writeFileSync(path.join(dir, files[0]), Buffer.from('not compiled code at all'));
    const rejected = run(['--version'], { NODE_COMPILE_CACHE: dir });
    assert.equal(cacheLine(rejected.stderr), 'rejected');
    assert.equal(rejected.stdout, second.stdout);
    assert.equal(cacheLine(run(['--version'], { NODE_COMPILE_CACHE: dir }).stderr), 'hit');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a process started with other Node flags (spend\'s small young generation) keeps its own cache file beside the usual one', { skip: !ownCache && 'Node keeps its own compile cache' }, () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'dcl-code-cache-'));
  try {
    assert.equal(run(['--version'], { NODE_COMPILE_CACHE: dir }).status, 0);
    const log = path.join(dir, 'empty.jsonl');
    writeFileSync(log, '');
    const spend = run(['spend', log, '--format', 'json'], { NODE_COMPILE_CACHE: dir });
    assert.equal(spend.status, 0, spend.stderr);
    const files = readdirSync(dir).filter((f) => f.endsWith('.v8')).sort();
    assert.equal(files.length, 2, files.join(', '));
    assert.match(files[0], /^cliMain-[0-9a-f]{20}\.v8$/);
    assert.match(files[1], /^cliMain\.[0-9a-f]{8}-[0-9a-f]{20}\.v8$/);
    // Running both again replaces neither: each finds its own.
    assert.equal(cacheLine(run(['--version'], { NODE_COMPILE_CACHE: dir }).stderr), 'hit');
    assert.match(run(['spend', log, '--format', 'json'], { NODE_COMPILE_CACHE: dir }).stderr, /code cache hit for cliMain\.js/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('with the cache turned off, or a cache folder that cannot be made, the CLI runs as before and writes nothing', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'dcl-code-cache-'));
  try {
    const off = run(['--version'], { NODE_DISABLE_COMPILE_CACHE: '1', NODE_COMPILE_CACHE: dir });
    assert.equal(cacheLine(off.stderr), 'off');
    assert.equal(off.status, 0);
    assert.deepEqual(readdirSync(dir), []);
    // A file where the folder would be: nothing can be written there, the command still answers.
    const blocker = path.join(dir, 'a-file');
    writeFileSync(blocker, 'x');
    const blocked = run(['lint', '--format', 'json', '.'], { NODE_COMPILE_CACHE: path.join(blocker, 'cache') }, dir);
    assert.equal(blocked.status, 0, blocked.stderr);
    assert.equal(withoutCacheLine(blocked.stderr), '');
    assert.equal(JSON.parse(blocked.stdout).findings.length, 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
