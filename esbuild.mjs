// Bundles the three entry points and lays their data files beside them:
//   dist/extension.js  VS Code client (vscode stays external)
//   dist/server.js     language server (entry src/server/main.ts), started by the client over IPC (or stdio in tests)
//   dist/cli.js        deepseek-cost's entry point, loading dist/cliMain.js (the CLI) through V8's code cache
//   dist/spendWorker.js the session-spend tailer (a worker thread of the extension host)
//   dist/lintWorker.js  a worker thread of deepseek-cost lint
//   dist/tokenWorker.js the selection token counter (a worker thread of the extension host)
// plus dist/grammars/*.wasm (tree-sitter) and the tokenizer data. --production minifies;
// every build prints each bundle's size so growth is visible in review.
import * as esbuild from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync, chmodSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
/** `--outdir=DIR` and `--only=cli,server` let the CLI package build its own copy without touching dist/. */
const flag = (name) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const outdir = flag('outdir') ?? 'dist';
const only = flag('only')?.split(',');
/** The version is written once, in package.json; every bundle gets it from here (see src/shared/protocol.ts). */
const { version } = JSON.parse(readFileSync('package.json', 'utf8'));

/** Grammar wasm files shipped with the official npm grammar packages, copied beside the bundles. */
const grammarFiles = {
  'tree-sitter-python.wasm': 'tree-sitter-python/tree-sitter-python.wasm',
  'tree-sitter-javascript.wasm': 'tree-sitter-javascript/tree-sitter-javascript.wasm',
  'tree-sitter-typescript.wasm': 'tree-sitter-typescript/tree-sitter-typescript.wasm',
  'tree-sitter-tsx.wasm': 'tree-sitter-typescript/tree-sitter-tsx.wasm',
  'tree-sitter-go.wasm': 'tree-sitter-go/tree-sitter-go.wasm',
  'tree-sitter-java.wasm': 'tree-sitter-java/tree-sitter-java.wasm',
  'tree-sitter-rust.wasm': 'tree-sitter-rust/tree-sitter-rust.wasm',
  'tree-sitter-json.wasm': 'tree-sitter-json/tree-sitter-json.wasm',
  'tree-sitter-yaml.wasm': '@tree-sitter-grammars/tree-sitter-yaml/tree-sitter-yaml.wasm',
  'tree-sitter-toml.wasm': '@tree-sitter-grammars/tree-sitter-toml/tree-sitter-toml.wasm',
};

function copyAssets() {
  mkdirSync(join(outdir, 'grammars'), { recursive: true });
  for (const [name, spec] of Object.entries(grammarFiles)) {
    copyFileSync(require.resolve(spec), join(outdir, 'grammars', name));
  }
  copyFileSync(join(dirname(require.resolve('web-tree-sitter')), 'tree-sitter.wasm'), join(outdir, 'tree-sitter.wasm'));
  // SQLite for claude-code-router v3's database, loaded by the spend worker and the CLI only when one is read.
  copyFileSync(join(dirname(require.resolve('node-sqlite3-wasm')), 'node-sqlite3-wasm.wasm'), join(outdir, 'node-sqlite3-wasm.wasm'));
  // The dashboard's stylesheet, loaded by the webview from dist/ (its CSP allows only the extension's own files).
  copyFileSync('src/webview/dashboard.css', join(outdir, 'dashboard.css'));
}

async function buildTokenizerData() {
  // The compact tokenizer tables are derived from the shipped tokenizer.json at build time.
  const script = './scripts/build-tokenizer-data.mjs';
  if (!existsSync(script)) return;
  const { buildTokenizerData: build } = await import(script);
  await build(join(outdir, 'tokenizer'));
}

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: production ? false : 'linked',
  minify: production,
  metafile: true,
  logLevel: 'warning',
  legalComments: 'linked',
  define: { DEEPSEEK_COST_VERSION: JSON.stringify(version) },
};

const entries = [
  { entryPoints: { extension: 'src/client/extension.ts' }, external: ['vscode'] },
  { entryPoints: { server: 'src/server/main.ts' } },
  // deepseek-cost's entry point is a few lines that load the CLI bundle through V8's code cache.
  { entryPoints: { cli: 'src/cli/launch.ts' }, banner: { js: '#!/usr/bin/env node' } },
  { entryPoints: { cliMain: 'src/cli/cli.ts' } },
  // The spend tracker's tailer and ledger run in a worker thread, off the extension host's main thread.
  { entryPoints: { spendWorker: 'src/worker/spendWorker.ts' } },
  // deepseek-cost lint checks large trees on every core.
  { entryPoints: { lintWorker: 'src/worker/lintWorker.ts' } },
  // The spend dashboard's page (a webview): Chart.js and our script in one file, no remote content.
  { entryPoints: { dashboard: 'src/webview/dashboard.ts' }, platform: 'browser', format: 'iife', target: 'es2022' },
  // Token counts of an editor selection, off the extension host's main thread.
  { entryPoints: { tokenWorker: 'src/worker/tokenWorker.ts' } },
]
  .filter((e) => existsSync(Object.values(e.entryPoints)[0]))
  .filter((e) => !only || only.includes(Object.keys(e.entryPoints)[0]));

function reportSizes(metafile) {
  for (const [file, info] of Object.entries(metafile.outputs)) {
    if (file.endsWith('.map')) continue;
    console.log(`  ${file.padEnd(28)} ${(info.bytes / 1024).toFixed(1).padStart(8)} KB`);
  }
}

mkdirSync(outdir, { recursive: true });
copyAssets();
await buildTokenizerData();

/**
 * Watch-mode output for the editor's problem matcher (.vscode/tasks.json): one "build started" /
 * "build finished" pair around a rebuild of any bundle, and each error as `✘ [ERROR] message`
 * followed by `    file:line:column:`.
 */
function watchReporter() {
  let active = 0;
  return {
    name: 'watch-reporter',
    setup(build) {
      build.onStart(() => {
        if (active++ === 0) console.log('[watch] build started');
      });
      build.onEnd((result) => {
        for (const { text, location } of result.errors) {
          console.error(`✘ [ERROR] ${text}`);
          if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
        }
        if (--active === 0) console.log('[watch] build finished');
      });
    },
  };
}

if (watch) {
  const reporter = watchReporter();
  for (const entry of entries) {
    const ctx = await esbuild.context({ ...common, ...entry, outdir, plugins: [reporter] });
    await ctx.watch();
  }
  console.log('watching for changes…');
} else {
  console.log(`bundles (${production ? 'production' : 'development'}):`);
  for (const entry of entries) {
    const result = await esbuild.build({ ...common, ...entry, outdir });
    reportSizes(result.metafile);
  }
  if (existsSync(join(outdir, 'cli.js'))) chmodSync(join(outdir, 'cli.js'), 0o755);
  for (const f of ['tree-sitter.wasm']) {
    console.log(`  ${join(outdir, f).padEnd(28)} ${(statSync(join(outdir, f)).size / 1024).toFixed(1).padStart(8)} KB`);
  }
}
