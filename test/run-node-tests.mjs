// Runs node:test files under the given folders. Node 20's --test takes no globs, so we list
// the files ourselves; TypeScript tests load through tsx.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const roots = process.argv.slice(2);
if (roots.length === 0) {
  console.error('usage: node test/run-node-tests.mjs <folder>...');
  process.exit(2);
}
const files = [];
for (const root of roots) {
  if (statSync(root).isFile()) { files.push(root); continue; }
  for (const entry of readdirSync(root, { recursive: true })) {
    const name = String(entry);
    if (/\.test\.(ts|mts|mjs|js)$/.test(name)) files.push(join(root, name));
  }
}
files.sort();
if (files.length === 0) {
  console.error(`no test files under ${roots.join(', ')}`);
  process.exit(1);
}
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...files], { stdio: 'inherit' });
process.exit(result.status ?? 1);
