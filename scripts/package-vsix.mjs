// npm run package: production bundles, then a VSIX made offline by @vscode/vsce 3.x
// (--no-dependencies: everything the extension needs is bundled into dist/). Prints the file list
// and size, and fails when the VSIX breaks the size budget or would ship source maps.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const budgetBytes = 5 * 1024 * 1024;
const vsce = join(root, 'node_modules', '@vscode', 'vsce', 'vsce');

function run(label, args) {
  console.log(`\n> ${label}`);
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
  if (result.stdout) process.stdout.write(result.stdout);
  if (result.status !== 0) {
    console.error(`package: ${label} failed (exit ${result.status ?? result.signal})`);
    process.exit(1);
  }
  return result.stdout;
}

const { name, version, main } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
run('node esbuild.mjs --production', ['esbuild.mjs', '--production']);
if (!main || !existsSync(join(root, main))) {
  console.error(`package: ${main ?? '"main"'} was not built; the VSIX would not activate`);
  process.exit(1);
}

const listing = run('vsce ls --no-dependencies', [vsce, 'ls', '--no-dependencies']);
const files = listing.split('\n').map((l) => l.trim()).filter(Boolean);
const maps = files.filter((f) => f.endsWith('.map'));
if (maps.length) {
  console.error(`package: source maps would ship: ${maps.join(', ')} (check .vscodeignore)`);
  process.exit(1);
}

const out = join(root, `${name}-${version}.vsix`);
run(`vsce package --no-dependencies --out ${name}-${version}.vsix`, [vsce, 'package', '--no-dependencies', '--out', out]);
const size = statSync(out).size;
const mb = (size / 1024 / 1024).toFixed(2);
console.log(`\nVSIX: ${name}-${version}.vsix  ${files.length} files  ${mb} MB (budget ${budgetBytes / 1024 / 1024} MB)`);
if (size > budgetBytes) {
  console.error(`package: ${mb} MB is over the ${budgetBytes / 1024 / 1024} MB budget`);
  process.exit(1);
}
