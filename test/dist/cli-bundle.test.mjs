// The built CLI works as users run it: `node dist/cli.js …` from any folder, with its grammars and
// tokenizer data found beside the bundle.
import test from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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
