// lint honours suppression comments, .deepseekcostignore and reads .properties files; the text
// search that skips files never naming a model changes no answer.
import test from 'node:test';
import assert from 'node:assert/strict';
import { makeTree, runCli } from './helpers';

const at = ['--at', '2026-11-23T00:00:00Z'];
type Finding = { file: string; line: number; modelId: string };
const brief = (stdout: string) => (JSON.parse(stdout).findings as Finding[]).map((f) => [f.file, f.line, f.modelId]);

test('lint: suppression comments in each language, a marker in a string does nothing', async () => {
  const { dir, cleanup } = makeTree({
    'a.py': '# deepseek-cost-ignore-next-line\nx = f(model="deepseek-chat")\ny = f(model="deepseek-chat")  # deepseek-cost-ignore\nz = "# deepseek-cost-ignore-file"\nw = f(model="deepseek-reasoner")\n',
    'b.ts': '// deepseek-cost-ignore-file\nconst m = { model: "deepseek-chat" };\n',
    'c.yaml': 'a: deepseek-chat # deepseek-cost-ignore deepseek-reasoner\nb: deepseek-reasoner # deepseek-cost-ignore deepseek-reasoner\n',
    'd.md': '```go\n// deepseek-cost-ignore-next-line\nvar m = Req{Model: "deepseek-chat"}\nvar n = Req{Model: "deepseek-coder"}\n```\n',
    'e.properties': '! deepseek-cost-ignore-next-line\nspring.ai.deepseek.chat.options.model=deepseek-chat\nother.model: deepseek-reasoner\n',
    'f.json': '{"model": "deepseek-chat"} // deepseek-cost-ignore\n',
  });
  try {
    const { code, stdout } = await runCli(['lint', '--format', 'json', ...at], dir);
    assert.equal(code, 1);
    assert.deepEqual(brief(stdout), [
      ['a.py', 5, 'deepseek-reasoner'],
      ['c.yaml', 1, 'deepseek-chat'],
      ['d.md', 4, 'deepseek-coder'],
      ['e.properties', 3, 'deepseek-reasoner'],
      ['f.json', 1, 'deepseek-chat'],
    ]);
  } finally {
    cleanup();
  }
});

test('lint: .deepseekcostignore globs are not read (nor counted), from the working directory or the repository root above it', async () => {
  const { dir, cleanup } = makeTree({
    '.git/HEAD': 'ref: refs/heads/main\n',
    '.deepseekcostignore': '# recorded API responses\ntestdata/\n**/__fixtures__/*.json\n',
    'testdata/resp.json': '{"model": "deepseek-chat"}\n',
    'src/__fixtures__/r.json': '{"model": "deepseek-chat"}\n',
    'src/__fixtures__/keep.yaml': 'model: deepseek-chat\n',
    'src/app.json': '{"model": "deepseek-chat"}\n',
  });
  try {
    const root = await runCli(['lint', '--format', 'json', ...at], dir);
    assert.deepEqual(brief(root.stdout), [['src/__fixtures__/keep.yaml', 1, 'deepseek-chat'], ['src/app.json', 1, 'deepseek-chat']]);
    assert.equal(JSON.parse(root.stdout).filesScanned, 2);
    // From a subfolder the repository root's file still applies, with its own paths.
    const sub = await runCli(['lint', '--format', 'json', ...at, '.'], `${dir}/src`);
    assert.deepEqual(brief(sub.stdout), [['__fixtures__/keep.yaml', 1, 'deepseek-chat'], ['app.json', 1, 'deepseek-chat']]);
    // Named explicitly, an ignored file is still not checked.
    const named = await runCli(['lint', '--format', 'json', ...at, 'testdata/resp.json'], dir);
    assert.deepEqual(brief(named.stdout), []);
    assert.equal(named.code, 0);
  } finally {
    cleanup();
  }
});

test('lint: files that never name a model still count as scanned; binary and oversized files are still reported', async () => {
  const { dir, cleanup } = makeTree({
    'a.py': 'BASE_URL = "https://api.deepseek.com"  # DeepSeek, no model named\n',
    'b.go': 'package main\n',
    'c.ts': 'const m = { model: "DEEPSEEK-CHAT" };\n',
    'd.py': 'm = f(model="deepseek-chat")\n',
    'bin.json': '\u0000\u0001deepseek-chat',
  });
  try {
    const { stdout, stderr } = await runCli(['lint', '--format', 'json', ...at], dir);
    const out = JSON.parse(stdout);
    assert.deepEqual(brief(stdout), [['d.py', 1, 'deepseek-chat']]);
    assert.equal(out.filesScanned, 4);
    assert.match(stderr, /skipped bin\.json: looks binary/);
    const small = await runCli(['lint', '--format', 'json', '--max-file-size', '1', ...at], dir);
    assert.equal(JSON.parse(small.stdout).filesScanned, 4);
    const big = makeTree({ 'big.py': `m = f(model="deepseek-chat")\n${'x = 1\n'.repeat(400)}` });
    try {
      const r = await runCli(['lint', '--format', 'json', '--max-file-size', '1', ...at], big.dir);
      assert.match(r.stderr, /skipped big\.py: 0\.0 MB is over the 1 KB limit/);
      assert.equal(JSON.parse(r.stdout).filesScanned, 0);
    } finally {
      big.cleanup();
    }
  } finally {
    cleanup();
  }
});

test('lint --jobs must be a positive whole number', async () => {
  const { dir, cleanup } = makeTree({ 'a.py': 'x = 1\n' });
  try {
    assert.equal((await runCli(['lint', '--jobs', '0'], dir)).code, 2);
    assert.equal((await runCli(['lint', '--jobs', 'two'], dir)).code, 2);
    assert.equal((await runCli(['lint', '--jobs', '1', '--format', 'json'], dir)).code, 0);
  } finally {
    cleanup();
  }
});
