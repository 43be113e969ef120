// The built CLI works as users run it: `node dist/cli.js …` from any folder, with its grammars and
// tokenizer data found beside the bundle.
import test from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const cli = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist', 'cli.js');

function run(args, cwd, input) {
  return spawnSync(process.execPath, [cli, ...args], { cwd, input, encoding: 'utf8' });
}

test('node dist/cli.js lint, tokens and estimate work from another directory', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'dcl-dist-'));
  try {
    writeFileSync(path.join(dir, 'a.py'), 'resp = client.chat.completions.create(model="deepseek-chat", messages=[{"role": "user", "content": "Summarise this invoice in two lines."}])\n');
    const lint = run(['lint', '--format', 'json', '--at', '2026-11-23T00:00:00Z'], dir);
    assert.equal(lint.status, 1, lint.stderr);
    assert.equal(JSON.parse(lint.stdout).findings[0].modelId, 'deepseek-chat');
    const tokens = run(['tokens', '-'], dir, 'Hello world');
    assert.equal(tokens.status, 0, tokens.stderr);
    assert.match(tokens.stdout, /^\d+\n$/);
    const estimate = run(['estimate', 'a.py', '--format', 'json', '--at', '2026-11-23T11:00:00Z'], dir);
    assert.equal(estimate.status, 0, estimate.stderr);
    assert.equal(JSON.parse(estimate.stdout).prompts[0].model, 'deepseek-chat');
    assert.equal(run([], dir).status, 2);
    assert.equal(run(['--help'], dir).status, 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('lint on a tree large enough for worker threads: the same output, byte for byte, with one thread or two', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'dcl-dist-jobs-'));
  try {
    const files = {
      '.deepseekcostignore': 'fixtures/\n',
      'fixtures/resp.json': '{"model": "deepseek-chat"}\n',
      'bin.py': '\u0000deepseek-chat',
    };
    // 1,500 files (over the threshold where lint starts workers), every 97th naming a retired ID in
    // another language, some of those suppressed.
    const kinds = [
      ['py', (id) => `m = f(model="${id}")\n`, '# '],
      ['ts', (id) => `const m = { model: "${id}" };\n`, '// '],
      ['yaml', (id) => `model: ${id}\n`, '# '],
      ['properties', (id) => `app.model=${id}\n`, '# '],
      ['md', (id) => '```go\nvar m = Req{Model: "' + id + '"}\n```\n', null],
    ];
    for (let i = 0; i < 1500; i++) {
      const [ext, call, comment] = kinds[i % kinds.length];
      const dirName = `pkg${i % 30}`;
      let text = `${comment ?? ''}filler ${i}\n`;
      if (i % 97 === 0) text = (comment && i % 3 === 0 ? `${comment}deepseek-cost-ignore-next-line\n` : '') + call(['deepseek-chat', 'deepseek-reasoner', 'deepseek-coder'][i % 3]);
      files[`${dirName}/f${i}.${ext}`] = ext === 'md' && i % 97 !== 0 ? `# Notes ${i}\n` : text;
    }
    for (const [rel, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      writeFileSync(path.join(dir, rel), text);
    }
    assert.ok(existsSync(path.join(path.dirname(cli), 'lintWorker.js')), 'the lint worker is built beside the CLI');
    const one = run(['lint', '--format', 'json', '--at', '2026-11-23T00:00:00Z', '--jobs', '1'], dir);
    const two = run(['lint', '--format', 'json', '--at', '2026-11-23T00:00:00Z', '--jobs', '2'], dir);
    assert.equal(one.status, 1, one.stderr);
    assert.equal(two.status, 1, two.stderr);
    assert.equal(two.stdout, one.stdout);
    assert.equal(two.stderr, one.stderr);
    const out = JSON.parse(two.stdout);
    const expected = [];
    for (let i = 0; i < 1500; i += 97) if (!(kinds[i % kinds.length][2] && i % 3 === 0)) expected.push(`pkg${i % 30}/f${i}.${kinds[i % kinds.length][0]}`);
    assert.deepEqual(out.findings.map((f) => f.file), expected.sort());
    assert.equal(out.filesScanned, 1500);
    assert.match(two.stderr, /skipped bin\.py: looks binary/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
