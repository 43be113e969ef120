// The spend dashboard in a real VS Code (code-server + Chromium) with the packaged VSIX: it opens
// from the command palette, its chart draws the numbers its table shows (read from the webview's
// DOM: the chart's per-model totals it drew, and the table rows), it is screenshotted in a dark and
// a light theme, and Reset Spend Session asks first (cancelling keeps the total).
// Screenshots and logs land in test-output/e2e/dashboard/.
import assert from 'node:assert/strict';
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { extensionId, outputDir, packagedVsixPath, startSession, stopAll } from './harness/index.mjs';

const outDir = outputDir('e2e', 'dashboard');
for (const f of readdirSync(outDir)) if (f.endsWith('.png')) rmSync(join(outDir, f));
const statusItemId = `${extensionId()}.spend`;
const money = /[$¥]\s?\d/;
const timings = {};
/** @type {Awaited<ReturnType<typeof startSession>>} */
let session;

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

/** The webview frame that holds the dashboard (webviews are nested iframes in code-server). */
async function dashboardFrame(w, page) {
  return w.waitFor('the dashboard webview frame', async () => {
    for (const frame of page.frames()) {
      try {
        if (await frame.$('#chart')) return frame;
      } catch {
        // A frame navigating or gone: look at the others.
      }
    }
    return undefined;
  });
}

/** The chart's drawn per-model totals and the table's rows, once both are filled. */
async function chartAndTable(w, frame) {
  return w.waitFor('the chart and the table to be filled', async () => {
    const read = await frame.evaluate(() => {
      const canvas = document.getElementById('chart');
      const rows = [...document.querySelectorAll('#table-body tr')].map((tr) => ({ model: tr.dataset.model, cost: Number(tr.dataset.cost), cells: [...tr.children].map((c) => c.textContent) }));
      return { totals: canvas?.dataset.totals, label: canvas?.getAttribute('aria-label') ?? '', rows, width: canvas?.width ?? 0 };
    });
    return read.totals && read.rows.length > 0 && read.width > 0 ? { ...read, totals: JSON.parse(read.totals) } : undefined;
  });
}

before(async () => {
  session = await startSession({ vsix: packagedVsixPath(), screenshotDir: outDir, logDir: outDir });
  await session.workbench.screenshot('workbench-ready');
}, { timeout: 300_000 });

after(async () => {
  await session?.stop();
  await stopAll();
  writeFileSync(join(outDir, 'timings.json'), JSON.stringify(timings, null, 2) + '\n');
});

test('the dashboard opens, and its chart draws the numbers its table shows, in a dark and a light theme', { timeout: 240_000 }, async () => {
  await step('dashboard-dark', async (w, page) => {
    await w.waitForStatusItem(statusItemId, (t) => money.test(t), 'a spend amount in the status bar');
    await w.runCommand('DeepSeek Cost Lens: Show Spend Dashboard');
    const frame = await dashboardFrame(w, page);
    const { totals, label, rows } = await chartAndTable(w, frame);
    const fromTable = {};
    for (const r of rows) fromTable[r.model] = (fromTable[r.model] ?? 0) + r.cost;
    assert.deepEqual(Object.keys(totals).sort(), Object.keys(fromTable).sort(), 'the same models in the chart and the table');
    for (const [model, total] of Object.entries(totals)) {
      assert.ok(Math.abs(total - fromTable[model]) < 1e-9, `${model}: chart ${total}, table ${fromTable[model]}`);
      assert.ok(label.includes(model), `the chart's accessible name names ${model}: ${label}`);
    }
    assert.ok(Object.values(totals).some((t) => t > 0), 'the fixture log has priced requests');
    assert.ok(rows.every((r) => r.cells.length === 10), 'every row has all ten columns');
  });
  await step('dashboard-light', async (w, page) => {
    const frame = await dashboardFrame(w, page);
    const before = await frame.evaluate(() => document.body.className);
    await w.runCommand('Preferences: Toggle between Light/Dark Themes');
    await w.waitFor('the webview to take the light theme', async () => {
      const now = await frame.evaluate(() => document.body.className).catch(() => before);
      return now !== before && /vscode-light/.test(now);
    });
    // Redrawn in the new colours, still with the same numbers.
    const { totals } = await chartAndTable(w, frame);
    assert.ok(Object.keys(totals).length > 0);
  });
});

test('Reset Spend Session asks first, naming the amount; cancelling keeps the total', { timeout: 120_000 }, async () => {
  await step('reset-asks-first', async (w, page) => {
    const before = await w.waitForStatusItem(statusItemId, (t) => money.test(t), 'a spend amount in the status bar');
    await w.runCommand('DeepSeek Cost Lens: Reset Spend Session');
    const dialog = page.locator('.monaco-dialog-box').first();
    await dialog.waitFor({ timeout: w.timeoutMs });
    const text = await dialog.innerText();
    assert.match(text, /Reset the session total of [$¥]\s?\d/, text);
    await session.workbench.screenshot('reset-dialog');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden', timeout: w.timeoutMs });
    assert.equal(await w.statusItemText(statusItemId), before, 'the session total is unchanged');
  });
});
