// The npm package of the CLI as users get it: `npm run package:cli` builds the tarball, npm
// installs it offline into an empty prefix (it has no dependencies to fetch), and the installed
// `deepseek-cost` lints, runs the README's code-scanning steps as written and serves MCP.
import test from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { connect, makeProject, repo } from './helpers.mjs';

function sh(command, args, options = {}) {
  return spawnSync(command, args, { encoding: 'utf8', ...options });
}

/** The YAML block under the README heading that names GitHub code scanning. */
function codeScanningBlock(readme) {
  const at = readme.search(/^#+ .*GitHub code scanning|^GitHub code scanning/m);
  assert.ok(at >= 0, 'the README has a GitHub code scanning example');
  const block = /```yaml\n([\s\S]*?)```/.exec(readme.slice(at));
  assert.ok(block, 'the example is a yaml block');
  return block[1];
}

test('npm run package:cli builds a tarball that installs offline and works as the README says', async (t) => {
  const built = sh('npm', ['run', '--silent', 'package:cli'], { cwd: repo });
  assert.equal(built.status, 0, built.stderr);
  const tarball = built.stdout.trim().split('\n').pop();
  assert.ok(path.isAbsolute(tarball) && tarball.endsWith('.tgz') && existsSync(tarball), `the last line is the tarball's path, not ${tarball}`);

  const listing = sh('tar', ['-tzf', tarball]).stdout.split('\n').filter(Boolean);
  for (const f of ['package/package.json', 'package/README.md', 'package/LICENSE', 'package/dist/cli.js', 'package/dist/tree-sitter.wasm', 'package/dist/grammars/tree-sitter-python.wasm', 'package/dist/grammars/tree-sitter-yaml.wasm']) {
    assert.ok(listing.includes(f), `${f} is in the package`);
  }
  assert.ok(listing.some((f) => f.startsWith('package/dist/tokenizer/')), 'the tokenizer data is in the package');
  assert.deepEqual(listing.filter((f) => f.endsWith('.map') || f.includes('/src/') || f.includes('node_modules')), []);
  const manifest = JSON.parse(sh('tar', ['-xzOf', tarball, 'package/package.json']).stdout);
  assert.equal(manifest.name, 'deepseek-cost');
  assert.deepEqual(manifest.bin, { 'deepseek-cost': 'dist/cli.js' });
  assert.equal(manifest.engines.node, '>=20');
  assert.equal(manifest.private, undefined);
  assert.equal(manifest.dependencies, undefined, 'everything runs from the bundle');
  assert.equal(manifest.devDependencies, undefined);
  assert.equal(manifest.scripts, undefined, 'nothing runs at install time');

  const prefix = mkdtempSync(path.join(tmpdir(), 'dcl-prefix-'));
  const project = makeProject();
  t.after(() => {
    rmSync(prefix, { recursive: true, force: true });
    rmSync(project, { recursive: true, force: true });
  });
  // An empty cache and --offline: the install can only succeed if it needs nothing from a registry.
  const installed = sh('npm', ['install', '-g', '--prefix', prefix, tarball, '--offline', '--omit=dev', '--no-audit', '--no-fund'], {
    cwd: prefix,
    env: { ...process.env, npm_config_cache: path.join(prefix, 'cache') },
  });
  assert.equal(installed.status, 0, installed.stderr);
  const bin = path.join(prefix, 'bin', 'deepseek-cost');
  assert.ok(existsSync(bin), 'npm linked the deepseek-cost command');
  const env = { ...process.env, PATH: `${path.join(prefix, 'bin')}${path.delimiter}${process.env.PATH}` };

  const lint = sh(bin, ['lint', '--at', '2026-11-23T03:00:00Z'], { cwd: project, env });
  assert.equal(lint.status, 1, lint.stderr);
  assert.match(lint.stdout, /^app\.py:3:43: error retired-model: deepseek-chat was retired on 2026-07-24 — use deepseek-flash \(fix: deepseek-flash or deepseek-v4-flash or deepseek-v4-pro\)$/m);
  assert.match(lint.stdout, /^web\/llm\.ts:1:\d+: error retired-model: deepseek-reasoner /m);
  assert.match(lint.stdout, /^2 findings \(2 errors, 0 warnings\) in 2 files scanned$/m);
  const clean = sh(bin, ['lint', 'proxy.jsonl'], { cwd: project, env });
  assert.equal(clean.status, 0, clean.stdout + clean.stderr);
  const tokens = sh(bin, ['tokens', '-'], { cwd: project, env, input: 'Hello world' });
  assert.equal(tokens.status, 0, tokens.stderr);
  assert.match(tokens.stdout, /^\d+\n$/);

  // The README's code-scanning job, step by step as GitHub runs `run:` steps (bash -e), in the
  // project. Its install step names the published package; here the tarball stands in for it.
  const readme = readFileSync(path.join(repo, 'README.md'), 'utf8');
  const job = codeScanningBlock(readme);
  assert.equal(job, codeScanningBlock(readFileSync(path.join(repo, 'packaging', 'cli', 'README.md'), 'utf8')), 'the package README shows the same job');
  const steps = [...job.matchAll(/^\s*- run: (.+)$/gm)].map((m) => m[1]);
  assert.ok(steps.length >= 2, job);
  assert.match(job, /security-events: write/);
  assert.match(job, /uses: github\/codeql-action\/upload-sarif@v3\n\s+with: \{ sarif_file: deepseek\.sarif/);
  for (const step of steps) {
    const install = /^npm install -g (deepseek-cost)@(\S+)$/.exec(step);
    if (install) {
      assert.equal(install[1], manifest.name);
      assert.equal(install[2], manifest.version, 'the README pins the version this repository packs');
      continue;
    }
    const ran = sh('bash', ['-e', '-c', step], { cwd: project, env });
    assert.equal(ran.status, 0, `README step failed: ${step}\n${ran.stderr}`);
  }
  const sarif = JSON.parse(readFileSync(path.join(project, 'deepseek.sarif'), 'utf8'));
  assert.equal(sarif.version, '2.1.0');
  const results = sarif.runs[0].results;
  assert.deepEqual(results.map((r) => r.locations[0].physicalLocation.artifactLocation.uri).sort(), ['app.py', 'web/llm.ts']);
  assert.ok(results.every((r) => r.ruleId === 'retired-model' && r.level === 'error' && r.fixes.length === 3));
  // The same step still fails the job when lint itself cannot run (bad usage exits 2).
  const lintStep = steps.find((s) => s.includes('--format sarif'));
  const broken = sh('bash', ['-e', '-c', lintStep.replace('lint .', 'lint . --at yesterday')], { cwd: project, env });
  assert.notEqual(broken.status, 0, 'a usage error must not pass as "findings"');

  // The installed command also serves MCP.
  const client = await connect(bin, ['mcp'], project);
  try {
    const { tools } = await client.listTools();
    assert.equal(tools.length, 5);
    const r = await client.callTool({ name: 'deepseek-cost_lintFile', arguments: { path: 'app.py' } });
    assert.equal(r.isError, false);
    assert.match(r.content[0].text, /^app\.py:3:43: error retired-model/);
  } finally {
    await client.close();
  }
});
