// npm run package:cli: the `deepseek-cost` npm package, next to the VSIX. A production build of the
// CLI alone, with its grammars and tokenizer data, in a staging folder (dist/ is left alone), a
// package.json with no dependencies (everything is bundled), then `npm pack`. The tarball's path
// is the last line printed.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const stage = join(root, 'out', 'cli-package');
const budgetBytes = 8 * 1024 * 1024;

function run(label, command, args, cwd = root) {
  console.log(`> ${label}`);
  const result = spawnSync(command, args, { cwd, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
  if (result.stdout) process.stdout.write(result.stdout);
  if (result.status !== 0) {
    console.error(`package:cli: ${label} failed (exit ${result.status ?? result.signal})`);
    process.exit(1);
  }
  return result.stdout;
}

const extension = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
rmSync(stage, { recursive: true, force: true });
mkdirSync(stage, { recursive: true });
run('production build of the CLI', process.execPath, ['esbuild.mjs', '--production', `--outdir=${join(stage, 'dist')}`, '--only=cli,cliMain,lintWorker']);

for (const needed of ['dist/cli.js', 'dist/cliMain.js', 'dist/lintWorker.js', 'dist/tree-sitter.wasm', 'dist/grammars/tree-sitter-python.wasm', 'dist/tokenizer', 'dist/node-sqlite3-wasm.wasm']) {
  if (!existsSync(join(stage, needed))) {
    console.error(`package:cli: ${needed} was not built`);
    process.exit(1);
  }
}

const manifest = {
  name: 'deepseek-cost',
  version: extension.version,
  description: 'Flags retired DeepSeek model IDs, counts DeepSeek tokens exactly, prices prompts and totals spend from logs, in CI and for coding agents (MCP). Offline.',
  keywords: ['deepseek', 'llm', 'cost', 'tokens', 'lint', 'sarif', 'mcp', 'model deprecation'],
  license: extension.license,
  repository: extension.repository,
  homepage: extension.homepage,
  bugs: extension.bugs,
  bin: { 'deepseek-cost': 'dist/cli.js' },
  files: ['dist/', 'l10n/', 'README.md', 'LICENSE'],
  engines: { node: extension.engines.node },
};
writeFileSync(join(stage, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');
copyFileSync(join(root, 'packaging', 'cli', 'README.md'), join(stage, 'README.md'));
copyFileSync(join(root, 'LICENSE'), join(stage, 'LICENSE'));
// The message translations (--lang, LANG): read from l10n/ beside dist/, as in the extension.
mkdirSync(join(stage, 'l10n'), { recursive: true });
for (const f of readdirSync(join(root, 'l10n'))) if (f.endsWith('.json')) copyFileSync(join(root, 'l10n', f), join(stage, 'l10n', f));

const maps = [];
for (const entry of readdirSync(stage, { recursive: true })) if (String(entry).endsWith('.map')) maps.push(String(entry));
if (maps.length) {
  console.error(`package:cli: source maps would ship: ${maps.join(', ')}`);
  process.exit(1);
}

// npm pack prints the tarball's name as its last line of stdout.
const packed = run('npm pack', 'npm', ['pack', '--pack-destination', root, '--ignore-scripts'], stage).trim().split('\n').pop();
const tarball = join(root, packed);
const size = statSync(tarball).size;
console.log(`CLI package: ${relative(root, tarball)}  ${(size / 1024 / 1024).toFixed(2)} MB (budget ${budgetBytes / 1024 / 1024} MB)`);
if (size > budgetBytes) {
  console.error('package:cli: the tarball is over its size budget');
  process.exit(1);
}
console.log(tarball);
