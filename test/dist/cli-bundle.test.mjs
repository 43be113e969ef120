// The built CLI works as users run it: `node dist/cli.js …` from any folder, with its grammars and
// tokenizer data found beside the bundle.
import test from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

test('the bundles carry package.json\'s version, written once', async () => {
  const { version } = JSON.parse((await import('node:fs')).readFileSync(path.resolve(path.dirname(cli), '..', 'package.json'), 'utf8'));
  const out = run(['--version'], tmpdir());
  assert.equal(out.status, 0);
  assert.match(out.stdout, new RegExp(`^${version.replace(/\./g, '\\.')} \\(catalog \\d{4}-\\d{2}-\\d{2}\\)\n$`));
  const { startServer } = await import('../lsp/lspClient.mjs');
  const server = await startServer();
  try {
    assert.deepEqual(server.init.serverInfo, { name: 'deepseek-cost-lens', version });
  } finally {
    await server.stop();
  }
});

test('node dist/cli.js lint exits 2 on a path that does not exist', () => {
  const missing = run(['lint', path.join(tmpdir(), 'deepseek-cost-no-such-path')], tmpdir());
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /cannot scan .*deepseek-cost-no-such-path: no such file or directory/);
});

test('node dist/cli.js spend reads a zstd session and a claude-code-router v3 database with the libraries bundled beside it', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'dcl-dist-'));
  try {
    const events = [
      { type: 'session', version: 4, id: 's1', cwd: dir, createdAt: 1784106000000 },
      { type: 'assistant/message', seq: 1, time: 1784106003000, data: { turn: 1, step: 1, message: { source: { kind: 'model', provider: 'deepseek', model: 'deepseek-v4-flash' } }, usage: { inputTokens: 300, outputTokens: 80, cacheReadTokens: 1200 } } },
    ];
    const zst = spawnSync('zstd', ['-q', '-c', '-'], { input: events.map((e) => JSON.stringify(e) + '\n').join('') });
    assert.equal(zst.status, 0);
    writeFileSync(path.join(dir, 'session.jsonl.zstd'), zst.stdout);
    const db = spawnSync('sqlite3', [path.join(dir, 'usage.sqlite')], {
      input: "CREATE TABLE usage_events (id INTEGER PRIMARY KEY, created_at TEXT, path TEXT, model TEXT, provider TEXT, status_code INTEGER, input_tokens INTEGER, output_tokens INTEGER, cache_read_tokens INTEGER, cache_write_tokens INTEGER);\nINSERT INTO usage_events VALUES (1, '2026-07-15T09:00:00.000Z', '/v1/messages', 'deepseek-v4-flash', 'deepseek', 200, 100, 10, 900, 0);\n",
      encoding: 'utf8',
    });
    assert.equal(db.status, 0, db.stderr);
    const spend = run(['spend', 'session.jsonl.zstd', 'usage.sqlite', '--format', 'json', '--claude-settings', 'none'], dir);
    assert.equal(spend.status, 0, spend.stderr);
    const r = JSON.parse(spend.stdout);
    assert.equal(r.requests, 2);
    assert.deepEqual(r.byProvider, { deepseek: 2 });
    // 1200 hit, 300 miss, 80 out + 900 hit, 100 miss, 10 out at V4-Flash's July prices (0.0028 / 0.14 / 0.28 per 1M)
    assert.ok(Math.abs(r.total - (2100 * 0.0028 + 400 * 0.14 + 90 * 0.28) / 1e6) < 1e-15, String(r.total));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('dist/spendWorker.js in a worker thread, as the extension host runs it, reads a zstd session and a claude-code-router v3 database', async () => {
  const { Worker } = await import('node:worker_threads');
  const dir = mkdtempSync(path.join(tmpdir(), 'dcl-dist-worker-'));
  const worker = new Worker(path.resolve(path.dirname(cli), 'spendWorker.js'));
  try {
    const events = [
      { type: 'session', version: 4, id: 's1', cwd: dir, createdAt: 1784106000000 },
      { type: 'assistant/message', seq: 1, time: 1784106003000, data: { turn: 1, step: 1, message: { source: { kind: 'model', provider: 'deepseek', model: 'deepseek-v4-flash' } }, usage: { inputTokens: 300, outputTokens: 80, cacheReadTokens: 1200 } } },
    ];
    writeFileSync(path.join(dir, 'session.jsonl.zstd'), spawnSync('zstd', ['-q', '-c', '-'], { input: events.map((e) => JSON.stringify(e) + '\n').join('') }).stdout);
    const db = spawnSync('sqlite3', [path.join(dir, 'usage.sqlite')], {
      input: "CREATE TABLE usage_events (id INTEGER PRIMARY KEY, created_at TEXT, path TEXT, model TEXT, provider TEXT, status_code INTEGER, input_tokens INTEGER, output_tokens INTEGER, cache_read_tokens INTEGER, cache_write_tokens INTEGER);\nINSERT INTO usage_events VALUES (1, '2026-07-15T09:00:00.000Z', '/v1/messages', 'deepseek-v4-flash', 'deepseek', 200, 100, 10, 900, 0);\n",
      encoding: 'utf8',
    });
    assert.equal(db.status, 0, db.stderr);
    const done = new Promise((resolve, reject) => {
      worker.on('error', reject);
      worker.on('message', (m) => {
        if (m.type === 'log' && m.level === 'error') reject(new Error(m.message));
        if (m.type === 'snapshot' && m.initialReadDone) resolve(m.snapshot);
      });
    });
    const files = [path.join(dir, 'session.jsonl.zstd'), path.join(dir, 'usage.sqlite')];
    worker.postMessage({
      type: 'configure',
      config: { sources: files.map((f) => ({ pattern: f, paths: [f] })), sessionStart: 0, currency: 'USD', logTimezone: 'UTC', displayTimezone: 'UTC' },
    });
    const snapshot = await done;
    assert.deepEqual(snapshot.sources.map((s) => s.files[0]?.state), ['reading', 'reading'], JSON.stringify(snapshot.sources));
    assert.equal(snapshot.session.requests, 2);
    assert.deepEqual(snapshot.byProvider, { deepseek: 2 });
  } finally {
    await worker.terminate();
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

test('lint on worker threads (walking in shares) prints exactly what one thread prints', async () => {
  const { writeScreenTree } = await import('../support/lintScreenTree.ts');
  const dir = mkdtempSync(path.join(tmpdir(), 'dcl-dist-screen-'));
  try {
    writeScreenTree(dir, 60);
    const args = ['lint', '.', '--format', 'json', '--at', '2026-11-23T00:00:00Z'];
    const one = run([...args, '--jobs', '1'], dir);
    assert.equal(one.status, 1, one.stderr);
    const found = JSON.parse(one.stdout);
    assert.ok(found.findings.length > 20 && found.filesScanned > 900, `${found.findings.length} findings in ${found.filesScanned} files`);
    assert.match(one.stderr, /skipped app\/utf16\.py: looks binary/);
    for (const jobs of ['2', '3']) {
      const many = run([...args, '--jobs', jobs], dir);
      assert.equal(many.status, one.status);
      assert.equal(many.stdout, one.stdout, `--jobs ${jobs}`);
      assert.equal(many.stderr, one.stderr, `--jobs ${jobs}`);
    }
    const text = run(['lint', '.', '--at', '2026-11-23T00:00:00Z'], dir);
    assert.equal(text.stdout, run(['lint', '.', '--at', '2026-11-23T00:00:00Z', '--jobs', '1'], dir).stdout);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('spend reads logs in a Node started with the small young generation, and keeps its exit code and output', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'dcl-dist-'));
  try {
    // A preload that records how each Node process of the run was started.
    const seen = path.join(dir, 'argv.txt');
    const preload = path.join(dir, 'record.cjs');
    writeFileSync(preload, `require('node:fs').appendFileSync(${JSON.stringify(seen)}, JSON.stringify(process.execArgv) + '\\n');\n`);
    const log = path.join(dir, 'proxy.jsonl');
    const usage = { prompt_tokens: 1000, completion_tokens: 10, prompt_cache_hit_tokens: 0, prompt_cache_miss_tokens: 1000 };
    writeFileSync(log, JSON.stringify({ id: 'r1', object: 'chat.completion', created: 1790000000, model: 'deepseek-v4-flash', choices: [], usage }) + '\n');
    const out = spawnSync(process.execPath, ['--require', preload, cli, 'spend', log, '--format', 'json'], { cwd: dir, encoding: 'utf8' });
    assert.equal(out.status, 0, out.stderr);
    assert.equal(JSON.parse(out.stdout).requests, 1);
    const starts = (existsSync(seen) ? readFileSync(seen, 'utf8') : '').trim().split('\n').map((l) => JSON.parse(l));
    assert.equal(starts.length, 2, 'the CLI, then spend in its own Node');
    assert.ok(starts[1].includes('--max-semi-space-size=1'), JSON.stringify(starts));
    // A missing log comes back with the code and message spend gives when it runs in the first Node.
    const missing = ['spend', path.join(dir, 'missing.log')];
    const viaSecond = spawnSync(process.execPath, [cli, ...missing], { cwd: dir, encoding: 'utf8' });
    const inFirst = spawnSync(process.execPath, ['--max-semi-space-size=1', cli, ...missing], { cwd: dir, encoding: 'utf8' });
    assert.notEqual(inFirst.status, 0);
    assert.equal(viaSecond.status, inFirst.status);
    assert.equal(viaSecond.stderr, inFirst.stderr);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
