// Copies the README's screenshots from the last end-to-end run (test-output/e2e/first-run/, written by
// test/e2e/first-run.test.mjs) into media/screenshots/, so what the README shows is what users get.
//   npm run test:e2e && node scripts/readme-screenshots.mjs
// media/screenshots/ is left out of the VSIX by .vscodeignore (only media/*.png ships).
import { copyFileSync, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(fileURLToPath(import.meta.url), '..', '..');
const from = join(root, 'test-output', 'e2e', 'first-run');
const to = join(root, 'media', 'screenshots');

/** README name ← the e2e step whose screenshot it is (files are `NN-<step>.png`). */
const CHOSEN = {
  'hover-retired-id.png': 'hover-retired-id',
  'problems.png': 'problems-short-message',
  'walkthrough.png': 'walkthrough-budget',
  'selection-tokens.png': 'selection-tokens',
  'spend-tooltip.png': 'spend-tooltip',
};

if (!existsSync(from)) {
  console.error(`readme-screenshots: ${from} does not exist; run npm run test:e2e first`);
  process.exit(1);
}
const files = readdirSync(from);
mkdirSync(to, { recursive: true });
let missing = 0;
for (const [target, stepName] of Object.entries(CHOSEN)) {
  const source = files.find((f) => f.replace(/^\d+-/, '') === `${stepName}.png`);
  if (!source) {
    console.error(`readme-screenshots: no screenshot of step ${stepName} in ${from} (did that step fail?)`);
    missing += 1;
    continue;
  }
  copyFileSync(join(from, source), join(to, target));
  console.log(`  ${target.padEnd(24)} ← ${source} (${Math.round(statSync(join(to, target)).size / 1024)} KB)`);
}
process.exit(missing ? 1 : 0);
