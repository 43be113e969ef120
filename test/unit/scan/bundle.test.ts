// The scanner ships inside CommonJS bundles with the wasm files beside them: check that a bundle
// finds the runtime and a grammar next to itself, with no node_modules in reach.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';

test('a CommonJS bundle loads web-tree-sitter and grammars from its own folder', { timeout: 60_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'scan-bundle-'));
  try {
    const scanIndex = resolve(__dirname, '../../../src/core/scan/index.ts').replace(/\\/g, '/');
    const entry = join(dir, 'entry.ts');
    writeFileSync(
      entry,
      `import { ParsedDocument } from ${JSON.stringify(scanIndex)};\n` +
        `ParsedDocument.create('python', 'm = "deepseek-chat"\\n').then((d) => { console.log(JSON.stringify(d.modelIdLiterals((id) => id === 'deepseek-chat').map((l) => l.contentStart))); });\n`,
    );
    const out = join(dir, 'dist');
    await build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile: join(out, 'probe.js'), logLevel: 'silent' });
    mkdirSync(join(out, 'grammars'));
    copyFileSync(require.resolve('tree-sitter-python/tree-sitter-python.wasm'), join(out, 'grammars', 'tree-sitter-python.wasm'));
    copyFileSync(require.resolve('web-tree-sitter/tree-sitter.wasm'), join(out, 'tree-sitter.wasm'));
    const env = { ...process.env };
    delete env.NODE_PATH;
    delete env.NODE_OPTIONS;
    const run = spawnSync(process.execPath, [join(out, 'probe.js')], { cwd: dir, env, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout), [5]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
