// Compiles the integration suite (TypeScript) to out/test/integration/ for the extension host.
// mocha and vscode stay external: the extension host provides vscode, mocha loads from node_modules.
import * as esbuild from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const integrationOutDir = resolve(here, '../../out/test/integration');

export async function buildIntegrationSuite() {
  const suite = readdirSync(join(here, 'suite')).filter((f) => f.endsWith('.ts')).map((f) => join(here, 'suite', f));
  rmSync(integrationOutDir, { recursive: true, force: true });
  await esbuild.build({
    entryPoints: [join(here, 'index.ts'), ...suite],
    outdir: integrationOutDir,
    outbase: here,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'inline',
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
  });
  return join(integrationOutDir, 'index.js');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(`built ${await buildIntegrationSuite()}`);
}
