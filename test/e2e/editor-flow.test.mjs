// The user flow in a real VS Code (code-server + chromium), with the packaged VSIX installed as a
// user installs it. Run with `npm run test:e2e` (builds and packages first); screenshots of every
// step, the editor's logs and timings.json land in test-output/e2e/.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import {
  appendResponse,
  extensionId,
  outputDir,
  packagedVsixPath,
  selectors,
  startSession,
  stopAll,
} from './harness/index.mjs';

const outDir = outputDir('e2e');
// Screenshots of an earlier run would read as this run's steps.
for (const f of readdirSync(outDir)) if (f.endsWith('.png')) rmSync(join(outDir, f));
const statusItemId = `${extensionId()}.spend`;
const money = /[$¥]\s?\d/;
const timings = {};
/** @type {Awaited<ReturnType<typeof startSession>>} */
let session;

/** Runs one step, timing it and leaving a screenshot of the editor whether it passed or failed. */
async function step(name, body) {
  const started = performance.now();
  try {
    await body(session.workbench, session.page);
    await session.workbench.screenshot(name);
  } catch (error) {
    await session?.workbench?.screenshot(`${name}-FAILED`).catch(() => {});
    throw error;
  } finally {
    timings[name] = Math.round(performance.now() - started);
  }
}

/** 1-based line and column of the first occurrence of `needle` in a workspace file on disk. */
function positionOf(relativePath, needle) {
  const lines = readFileSync(join(session.workspace, relativePath), 'utf8').split('\n');
  const line = lines.findIndex((l) => l.includes(needle));
  assert.ok(line >= 0, `${needle} not found in ${relativePath}`);
  return { line: line + 1, column: lines[line].indexOf(needle) + 1 };
}

const runStarted = performance.now();

before(async () => {
  session = await startSession({ vsix: packagedVsixPath(), screenshotDir: outDir, logDir: outDir });
  Object.assign(timings, Object.fromEntries(Object.entries(session.timings).map(([k, v]) => [k, Math.round(v)])));
  await session.workbench.screenshot('workbench-ready');
}, { timeout: 300_000 });

after(async () => {
  await session?.stop();
  await stopAll();
  timings.totalMs = Math.round(performance.now() - runStarted);
  writeFileSync(join(outDir, 'timings.json'), JSON.stringify(timings, null, 2) + '\n');
  console.log(`e2e timings (ms): ${JSON.stringify(timings)}`);
});

test('Python: a retired model ID is an error squiggle and counts in Problems', { timeout: 150_000 }, async () => {
  await step('python-diagnostic', async (w, page) => {
    await w.quickOpen('app.py');
    await page.waitForSelector(selectors.squiggleError, { timeout: 60_000 });
    const counts = await w.waitFor('an error in the Problems count', async () => {
      const c = await w.problemCounts();
      return c.errors >= 1 && c;
    });
    console.log(`Problems count: ${counts.label}`);
    // The wait saw a count; the row says which finding it is, where, with the short message.
    const rows = await w.problemsRows(/deepseek-chat was retired/);
    const row = rows.find((r) => /deepseek-chat was retired/.test(r));
    assert.match(row, /use deepseek-flash/);
    assert.match(row, /\[Ln 9, Col \d+\]/);
  });
});

test('TypeScript: a retired model ID is an error squiggle with a retirement message', { timeout: 150_000 }, async () => {
  await step('typescript-diagnostic', async (w, page) => {
    await w.quickOpen('src/client.ts');
    await page.waitForSelector(selectors.squiggleError, { timeout: 60_000 });
    const hover = await w.hover('deepseek-chat', /retired|no longer|deepseek-v4/i);
    assert.match(hover, /deepseek-chat/);
    // client.ts sends two retired IDs (deepseek-chat and deepseek-reasoner): both count.
    const counts = await w.problemCounts();
    assert.ok(counts.errors >= 2, `Problems shows ${counts.label}`);
  });
});

test('Hover on a long prompt literal shows its token count and a price', { timeout: 150_000 }, async () => {
  await step('prompt-hover', async (w) => {
    await w.quickOpen('app.py');
    const hover = await w.hover('You are a meticulous support analyst', /tokens/i);
    assert.match(hover, /\d[\d,.]*\s*tokens/i);
    assert.match(hover, money);
  });
});

test('Quick fix (Ctrl+.) moves deepseek-chat to deepseek-flash with thinking off, saved to disk', { timeout: 150_000 }, async () => {
  await step('quick-fix', async (w) => {
    await w.quickOpen('app.py');
    const at = positionOf('app.py', 'deepseek-chat');
    await w.goTo(at.line, at.column + 2);
    const offered = await w.quickFix(/^Use deepseek-flash and turn thinking off/);
    console.log(`quick fixes offered: ${JSON.stringify(offered)}`);
    await w.saveEdit();
    const onDisk = await w.waitFor('the fix on disk', () => {
      const text = readFileSync(join(session.workspace, 'app.py'), 'utf8');
      return text.includes('deepseek-flash') && text;
    });
    assert.match(onDisk, /model="deepseek-flash",\n\s+extra_body=\{"thinking": \{"type": "disabled"\}\},\n/);
    assert.equal(onDisk.split('"thinking"').length - 1, 1, 'thinking set exactly once');
    assert.doesNotMatch(onDisk, /deepseek-chat/);
  });
});

test('Status bar shows the spend from the proxy log and follows appended requests', { timeout: 150_000 }, async () => {
  await step('status-bar-spend', async (w) => {
    const before = await w.waitForStatusItem(statusItemId, (t) => money.test(t), 'a spend amount in the status bar');
    console.log(`status bar before: ${before}`);
    appendResponse(session.usageLog, { model: 'deepseek-v4-pro', cacheHitTokens: 12_000, cacheMissTokens: 900_000, completionTokens: 60_000 });
    const afterAppend = await w.waitForStatusItem(statusItemId, (t) => money.test(t) && t !== before, 'the status bar to change after a new request');
    console.log(`status bar after:  ${afterAppend}`);
    // The wait saw a different text; the amount itself must have grown (a request only adds spend).
    const amount = (t) => Number(t.match(/[$¥]\s?([\d,]+(?:\.\d+)?)/)[1].replace(/,/g, ''));
    assert.ok(amount(afterAppend) > amount(before), `${afterAppend} should be more than ${before}`);
  });
});
