// Exit codes CI can trust: a path that could not be scanned makes lint and estimate exit 2 (not 0,
// and not 1, which means findings), listed on stderr, in the JSON and in SARIF.
import test from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, symlinkSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { makeTree, runCli } from './helpers';

const AT = ['--at', '2026-11-23T00:00:00Z'];
const prompt = `SYSTEM = """${'You are a careful assistant who answers briefly. '.repeat(6)}"""\n`;

function tree() {
  const t = makeTree({ 'ok.py': 'x = f(model="deepseek-v4-pro")\n', 'bad.py': 'x = f(model="deepseek-chat")\n', 'prompt.py': prompt });
  symlinkSync('loop-b', path.join(t.dir, 'loop-a'));
  symlinkSync('loop-a', path.join(t.dir, 'loop-b'));
  symlinkSync('gone.py', path.join(t.dir, 'dangling.py'));
  execFileSync('mkfifo', [path.join(t.dir, 'fifo.py')]);
  return t;
}

test('lint: a missing path alone exits 2, not 0', async () => {
  const { dir, cleanup } = tree();
  try {
    const r = await runCli(['lint', 'nonexistent', ...AT], dir);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /cannot scan nonexistent: no such file or directory/);
    assert.match(r.stdout, /1 path could not be scanned/);
  } finally {
    cleanup();
  }
});

test('lint: missing, looping, dangling and special paths are listed and win over findings (exit 2)', async () => {
  const { dir, cleanup } = tree();
  try {
    const args = ['ok.py', 'bad.py', 'nonexistent', 'loop-a', 'dangling.py', 'fifo.py'];
    const json = await runCli(['lint', ...args, '--format', 'json', ...AT], dir);
    assert.equal(json.code, 2);
    const out = JSON.parse(json.stdout);
    assert.deepEqual(out.findings.map((f: { file: string }) => f.file), ['bad.py'], 'what could be scanned still is');
    assert.equal(out.filesScanned, 2);
    assert.deepEqual(
      out.notScanned.map((p: { path: string; reason: string }) => [p.path, p.reason]),
      [
        ['nonexistent', 'no such file or directory'],
        ['loop-a', 'too many levels of symbolic links (a symlink loop)'],
        ['dangling.py', 'no such file or directory'],
        ['fifo.py', 'not a regular file or directory'],
      ],
    );
    for (const p of ['nonexistent', 'loop-a', 'dangling.py', 'fifo.py']) assert.match(json.stderr, new RegExp(`cannot scan ${p.replace('.', '\\.')}: `));

    const sarif = await runCli(['lint', ...args, '--format', 'sarif', ...AT], dir);
    assert.equal(sarif.code, 2);
    const [run] = JSON.parse(sarif.stdout).runs;
    assert.equal(run.results.length, 1);
    const [invocation] = run.invocations;
    assert.equal(invocation.executionSuccessful, false);
    assert.deepEqual(
      invocation.toolExecutionNotifications.map((n: { level: string; message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => [
        n.level,
        n.locations[0].physicalLocation.artifactLocation.uri,
        n.message.text,
      ]),
      [
        ['error', 'nonexistent', 'Could not be scanned: no such file or directory'],
        ['error', 'loop-a', 'Could not be scanned: too many levels of symbolic links (a symlink loop)'],
        ['error', 'dangling.py', 'Could not be scanned: no such file or directory'],
        ['error', 'fifo.py', 'Could not be scanned: not a regular file or directory'],
      ],
    );
  } finally {
    cleanup();
  }
});

test('lint: a clean run keeps exit 0 and an empty notScanned; SARIF says the run succeeded', async () => {
  const { dir, cleanup } = tree();
  try {
    const json = await runCli(['lint', 'ok.py', '--format', 'json', ...AT], dir);
    assert.equal(json.code, 0);
    assert.deepEqual(JSON.parse(json.stdout).notScanned, []);
    const sarif = await runCli(['lint', 'ok.py', '--format', 'sarif', ...AT], dir);
    assert.deepEqual(JSON.parse(sarif.stdout).runs[0].invocations, [{ executionSuccessful: true, toolExecutionNotifications: [] }]);
  } finally {
    cleanup();
  }
});

test('estimate: an unscannable path exits 2, listed in the JSON, the rest still estimated', async () => {
  const { dir, cleanup } = tree();
  try {
    const r = await runCli(['estimate', 'prompt.py', 'nonexistent', 'loop-a', '--format', 'json', ...AT], dir);
    assert.equal(r.code, 2);
    const out = JSON.parse(r.stdout);
    assert.equal(out.prompts.length, 1);
    assert.deepEqual(out.notScanned.map((p: { path: string }) => p.path), ['nonexistent', 'loop-a']);
    const text = await runCli(['estimate', 'prompt.py', 'nonexistent', ...AT], dir);
    assert.equal(text.code, 2);
    assert.match(text.stderr, /cannot scan nonexistent: no such file or directory/);
    assert.equal((await runCli(['estimate', 'prompt.py', ...AT], dir)).code, 0);
  } finally {
    cleanup();
  }
});

test('lint: an unreadable file or directory inside a walk exits 2', { skip: process.getuid?.() === 0 ? 'root reads everything' : false }, async () => {
  const { dir, cleanup } = tree();
  try {
    mkdirSync(path.join(dir, 'locked'));
    chmodSync(path.join(dir, 'locked'), 0o000);
    chmodSync(path.join(dir, 'ok.py'), 0o000);
    const r = await runCli(['lint', 'ok.py', 'locked', '--format', 'json', ...AT], dir);
    assert.equal(r.code, 2);
    assert.deepEqual(JSON.parse(r.stdout).notScanned.map((p: { path: string }) => p.path).sort(), ['locked', 'ok.py']);
    chmodSync(path.join(dir, 'locked'), 0o755);
  } finally {
    cleanup();
  }
});
