// Copies the README's screenshots from the last end-to-end run (test-output/e2e/, written by the
// test/e2e/*.test.mjs flows) into media/screenshots/, so what the README shows is what users get.
//   npm run test:e2e && node scripts/readme-screenshots.mjs
// media/screenshots/ is left out of the VSIX by .vscodeignore (only media/*.png ships).
import { copyFileSync, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(fileURLToPath(import.meta.url), '..', '..');
const e2e = join(root, 'test-output', 'e2e');
const to = join(root, 'media', 'screenshots');

/** README name ← [the e2e flow's folder, the step whose screenshot it is] (files are `NN-<step>.png`). */
const CHOSEN = {
  'hover-retired-id.png': ['call-cost', 'model-id-hover'],
  'problems.png': ['first-run', 'problems-short-message'],
  'walkthrough.png': ['first-run', 'walkthrough-budget'],
  'selection-tokens.png': ['first-run', 'selection-tokens'],
  'spend-tooltip.png': ['first-run', 'spend-tooltip'],
  'quick-fix.png': ['.', 'quick-fix'],
  'codelens.png': ['call-cost', 'codelens-breakdown'],
  'prompt-hover.png': ['call-cost', 'prompt-hover'],
  'dashboard-dark.png': ['dashboard', 'dashboard-dark'],
  'dashboard-light.png': ['dashboard', 'dashboard-light'],
};

if (!existsSync(e2e)) {
  console.error(`readme-screenshots: ${e2e} does not exist; run npm run test:e2e first`);
  process.exit(1);
}
mkdirSync(to, { recursive: true });
let missing = 0;
for (const [target, [flow, stepName]] of Object.entries(CHOSEN)) {
  const from = join(e2e, flow);
  const source = existsSync(from) ? readdirSync(from).find((f) => f.replace(/^\d+-/, '') === `${stepName}.png`) : undefined;
  if (!source) {
    console.error(`readme-screenshots: no screenshot of step ${stepName} in ${from} (did that step fail?)`);
    missing += 1;
    continue;
  }
  copyFileSync(join(from, source), join(to, target));
  console.log(`  ${target.padEnd(24)} ← ${flow}/${source} (${Math.round(statSync(join(to, target)).size / 1024)} KB)`);
}
process.exit(missing ? 1 : 0);
