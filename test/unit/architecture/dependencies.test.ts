// The layering ARCHITECTURE.md promises, checked on the import graph: the pure core and the
// catalog know nothing of the editor, the CLI or the server; nothing that runs outside the
// extension host (language server, CLI, spend worker) reaches `vscode`, even indirectly.
import test from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const src = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true }).map(String).filter((f) => /\.ts$/.test(f)).map((f) => path.join(dir, f));
}

/** Relative imports resolved to files, and bare package names, of one source file. */
function importsOf(file: string): { files: string[]; packages: string[] } {
  const text = readFileSync(file, 'utf8');
  const files: string[] = [];
  const packages: string[] = [];
  for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s*['"]([^'"]+)['"]|(?:^|\n)\s*import\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) {
    const spec = m[1] ?? m[2] ?? m[3];
    if (!spec.startsWith('.')) {
      packages.push(spec);
      continue;
    }
    const base = path.resolve(path.dirname(file), spec);
    const candidate = [base, `${base}.ts`, path.join(base, 'index.ts')].find((p) => existsSync(p) && statSync(p).isFile() && p.endsWith('.ts'));
    if (candidate) files.push(candidate);
  }
  return { files, packages };
}

const layer = (file: string) => path.relative(src, file).split(path.sep)[0];

test('core and catalog import nothing from the editor, the server, the CLI, settings or the worker', () => {
  const problems: string[] = [];
  for (const dir of ['core', 'catalog']) {
    for (const file of sourceFiles(path.join(src, dir))) {
      const { files, packages } = importsOf(file);
      if (packages.includes('vscode')) problems.push(`${path.relative(src, file)} imports vscode`);
      for (const f of files) {
        const to = layer(f);
        const allowed = dir === 'catalog' ? ['catalog'] : ['core', 'catalog'];
        if (!allowed.includes(to)) problems.push(`${path.relative(src, file)} imports ${path.relative(src, f)}`);
      }
    }
  }
  assert.deepEqual(problems, []);
});

test('the language server, the CLI, the agent tools and the spend worker never reach vscode, even indirectly', () => {
  for (const entry of ['server/main.ts', 'server/server.ts', 'cli/cli.ts', 'agentTools/run.ts', 'worker/spendWorker.ts'].map((e) => path.join(src, e)).filter((e) => existsSync(e))) {
    const seen = new Set<string>();
    const stack = [entry];
    const chain = new Map<string, string>();
    while (stack.length) {
      const file = stack.pop()!;
      if (seen.has(file)) continue;
      seen.add(file);
      const { files, packages } = importsOf(file);
      const trail = () => {
        const out = [file];
        for (let f = chain.get(file); f; f = chain.get(f)) out.unshift(f);
        return out.map((f) => path.relative(src, f)).join(' → ');
      };
      assert.ok(!packages.includes('vscode'), `vscode reached from ${path.relative(src, entry)}: ${trail()}`);
      for (const f of files) if (!seen.has(f)) {
        chain.set(f, file);
        stack.push(f);
      }
    }
    assert.ok(seen.size > 3, `${entry}: the import graph was read`);
  }
});

test('the checker sees a vscode import when there is one (the client has them)', () => {
  const client = sourceFiles(path.join(src, 'client'));
  assert.ok(client.some((f) => importsOf(f).packages.includes('vscode')));
});

test('the spend model (src/spend) is pure: no vscode, nothing from the client, the server, the CLI or the worker', () => {
  const problems: string[] = [];
  for (const file of sourceFiles(path.join(src, 'spend'))) {
    const { files, packages } = importsOf(file);
    if (packages.includes('vscode')) problems.push(`${path.relative(src, file)} imports vscode`);
    for (const f of files) {
      if (!['spend', 'core', 'catalog', 'shared'].includes(layer(f))) problems.push(`${path.relative(src, file)} imports ${path.relative(src, f)}`);
    }
  }
  assert.deepEqual(problems, []);
  assert.ok(sourceFiles(path.join(src, 'spend')).length > 5, 'the folder was read');
});

test('the spend worker and the CLI take the spend model from src/spend, never from the client', () => {
  for (const entry of ['worker/spendWorker.ts', 'cli/spend.ts']) {
    const { files } = importsOf(path.join(src, entry));
    const fromClient = files.filter((f) => layer(f) === 'client').map((f) => path.relative(src, f));
    assert.deepEqual(fromClient, [], entry);
  }
});

test('zod is imported as a namespace, so the bundles leave out its 259 KB of locale tables', () => {
  // `import { z } from 'zod'` binds zod's whole `z` namespace object, which the bundler must keep
  // with every locale; `import * as z` lets it keep only what is used (server bundle 931 → 580 KB).
  const named = sourceFiles(src).filter((f) => /^\s*import\s+(type\s+)?\{[^}]*\bz\b[^}]*\}\s+from\s+['"]zod['"]/m.test(readFileSync(f, 'utf8')));
  assert.deepEqual(named.map((f) => path.relative(src, f)), []);
});
