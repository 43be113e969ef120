import test from 'node:test';
import assert from 'node:assert/strict';
import { makeTree, runCli } from './helpers';

const files = {
  '.gitignore': 'ignored/\n*.gen.py\n',
  '.git/HEAD': 'ref: refs/heads/main\n',
  'app/main.py': 'import os\nresp = client.chat.completions.create(model="deepseek-chat", messages=[])\n',
  'app/web.ts': 'const r = await client.chat.completions.create({ model: "deepseek/deepseek-reasoner" });\n',
  'app/ok.go': 'package main\nconst Model = "deepseek-v4-pro"\n',
  'app/sub/.gitignore': 'secret.py\n',
  'app/sub/secret.py': 'm = "deepseek-chat"\n',
  'app/sub/kept.yaml': 'model: deepseek-coder\nname: "we used deepseek-chat before"\n',
  'ignored/x.py': 'm = "deepseek-chat"\n',
  'app/out.gen.py': 'm = "deepseek-chat"\n',
  'node_modules/pkg/index.js': 'module.exports = "deepseek-chat";\n',
  'notes.txt': 'model = "deepseek-chat"\n',
  'config/.env': 'DEEPSEEK_MODEL=deepseek-chat\n',
  'docs/README.md': '# Usage\n\nWe moved off deepseek-chat.\n\n```python\nclient.chat.completions.create(model="deepseek-reasoner")\n```\n',
};

test('lint --format json: findings in every served language, .gitignore honoured at every level, exit 1', async () => {
  const { dir, cleanup } = makeTree(files);
  try {
    const { code, stdout } = await runCli(['lint', '--format', 'json', '--at', '2026-11-23T00:00:00Z'], dir);
    assert.equal(code, 1);
    const out = JSON.parse(stdout);
    assert.deepEqual(
      out.findings.map((f: { file: string; line: number; column: number; modelId: string }) => [f.file, f.line, f.column, f.modelId]),
      [
        ['app/main.py', 2, 46, 'deepseek-chat'],
        ['app/sub/kept.yaml', 1, 8, 'deepseek-coder'],
        ['app/web.ts', 1, 58, 'deepseek/deepseek-reasoner'],
        ['config/.env', 1, 16, 'deepseek-chat'],
        ['docs/README.md', 6, 39, 'deepseek-reasoner'],
      ],
    );
    const first = out.findings[0];
    assert.deepEqual(Object.keys(first).sort(), ['code', 'column', 'endColumn', 'endLine', 'file', 'line', 'message', 'modelId', 'provider', 'replacements', 'role', 'severity'].sort());
    assert.equal(first.endColumn - first.column, 'deepseek-chat'.length);
    assert.equal(first.severity, 'error');
    assert.equal(first.code, 'retired-model');
    assert.equal(first.provider, 'deepseek');
    assert.equal(first.role, 'request');
    // The .env value is a config setting, the YAML one a config key.
    assert.deepEqual(out.findings.map((f: { role: string }) => f.role), ['request', 'config', 'request', 'config', 'request']);
    assert.deepEqual(first.replacements, ['deepseek-flash', 'deepseek-v4-flash', 'deepseek-v4-pro']);
    assert.deepEqual(out.findings[2].replacements, ['deepseek/deepseek-flash', 'deepseek/deepseek-v4-flash', 'deepseek/deepseek-v4-pro']);
    // main.py, web.ts, ok.go, kept.yaml, .env, README.md
    assert.equal(out.filesScanned, 6);
  } finally {
    cleanup();
  }
});

test('lint --at before the deprecation finds nothing and exits 0; legacy hints alone exit 0', async () => {
  const { dir, cleanup } = makeTree({ 'a.py': 'x = f(model="deepseek-chat")\ny = f(model="deepseek-v4-flash")\n' });
  try {
    const early = await runCli(['lint', '.', '--format', 'json', '--at', '2026-03-01T00:00:00Z'], dir);
    assert.equal(early.code, 0);
    assert.deepEqual(JSON.parse(early.stdout).findings, []);
    const deprecated = await runCli(['lint', '.', '--format', 'json', '--at', '2026-05-01T00:00:00Z'], dir);
    assert.equal(deprecated.code, 1);
    assert.deepEqual(JSON.parse(deprecated.stdout).findings.map((f: { severity: string }) => f.severity), ['warning']);
    const hintOnly = makeTree({ 'b.py': 'y = f(model="deepseek-v4-flash")\n' });
    try {
      const r = await runCli(['lint', '--format', 'json', '--at', '2026-11-23T00:00:00Z'], hintOnly.dir);
      assert.equal(r.code, 0);
      assert.deepEqual(JSON.parse(r.stdout).findings.map((f: { severity: string; replacements: string[] }) => [f.severity, f.replacements]), [['hint', ['deepseek-flash']]]);
    } finally {
      hintOnly.cleanup();
    }
  } finally {
    cleanup();
  }
});

test('lint --format sarif: SARIF 2.1.0 with rules, regions and fixes', async () => {
  const { dir, cleanup } = makeTree({ 'a.py': 'x = f(model="deepseek-chat")\n' });
  try {
    const { code, stdout } = await runCli(['lint', '--format', 'sarif', '--at', '2026-11-23T00:00:00Z'], dir);
    assert.equal(code, 1);
    const sarif = JSON.parse(stdout);
    assert.equal(sarif.version, '2.1.0');
    const run = sarif.runs[0];
    assert.deepEqual(run.tool.driver.rules.map((r: { id: string }) => r.id), ['retired-model']);
    const result = run.results[0];
    assert.equal(result.level, 'error');
    assert.deepEqual(result.locations[0].physicalLocation.region, { startLine: 1, startColumn: 14, endLine: 1, endColumn: 27 });
    assert.equal(result.locations[0].physicalLocation.artifactLocation.uri, 'a.py');
    assert.equal(result.fixes[0].artifactChanges[0].replacements[0].insertedContent.text, 'deepseek-flash');
    assert.deepEqual(result.properties, { modelId: 'deepseek-chat', provider: 'deepseek', role: 'request' });
  } finally {
    cleanup();
  }
});

test('lint text format, bad usage exit 2, missing paths and binary/huge files reported without stopping', async () => {
  const { dir, cleanup } = makeTree({
    'a.py': 'x = f(model="deepseek-chat")\n',
    'bin.json': '\u0000\u0001binary "deepseek-chat"',
    'big.py': 'm = "deepseek-chat"\n' + '#'.repeat(3 * 1024 * 1024),
    'override.catalog': '{"models": 5}',
  });
  try {
    const text = await runCli(['lint', '.', 'missing-dir', '--at', '2026-11-23T00:00:00Z'], dir);
    assert.equal(text.code, 1);
    assert.match(text.stdout, /^a\.py:1:14: error retired-model: deepseek-chat was retired/m);
    assert.match(text.stdout, /1 finding \(1 errors, 0 warnings\) in 1 file scanned/);
    assert.match(text.stderr, /missing-dir: no such file or directory/);
    assert.match(text.stderr, /skipped bin\.json: looks binary/);
    assert.match(text.stderr, /skipped big\.py: 3\.0 MB is over the 2048 KB limit/);
    assert.equal((await runCli(['lint', '--format', 'xml'], dir)).code, 2);
    assert.equal((await runCli(['lint', '--at', 'yesterday'], dir)).code, 2);
    assert.equal((await runCli(['lint', '--bogus'], dir)).code, 2);
    assert.equal((await runCli(['frobnicate'], dir)).code, 2);
    const badCatalog = await runCli(['lint', '--catalog', 'a.py'], dir);
    assert.equal(badCatalog.code, 2);
    assert.match(badCatalog.stderr, /not valid JSON/);
    // Every command treats a bad --catalog the same way: bad usage, nothing priced with a wrong catalog.
    for (const cmd of [['estimate', 'a.py'], ['spend', 'a.py']]) {
      const r = await runCli([...cmd, '--catalog', 'a.py'], dir);
      assert.equal(r.code, 2, `${cmd[0]} --catalog with a bad file`);
      assert.match(r.stderr, /not valid JSON/);
    }
    const invalidOverride = await runCli(['lint', '--catalog', 'override.catalog'], dir);
    assert.equal(invalidOverride.code, 2);
    assert.match(invalidOverride.stderr, /catalogOverrides is invalid, the shipped catalog stays in force: models/);
  } finally {
    cleanup();
  }
});
