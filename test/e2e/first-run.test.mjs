// The first five minutes of a new user, in a real VS Code (code-server + chromium) with the packaged
// VSIX installed: the walkthrough opens by itself after install and each step ticks only when its
// action really happened, in the order a user goes through them; a selection shows its exact token
// count in the status bar; the Problems panel shows the short message. Screenshots and logs land in
// test-output/e2e/first-run/ (scripts/readme-screenshots.mjs copies some into the README's folder).
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { extensionId, outputDir, packagedVsixPath, selectors, startSession, stopAll, writeFixtureLog } from './harness/index.mjs';
import { countTokens } from '../../src/core/tokenizer/index.ts';

const outDir = outputDir('e2e', 'first-run');
for (const f of readdirSync(outDir)) if (f.endsWith('.png')) rmSync(join(outDir, f));
const spendItemId = `${extensionId()}.spend`;
const selectionItemId = `${extensionId()}.deepseekCost.selectionTokens`;
const STEPS = ['retiredIds', 'severities', 'promptHover', 'addUsageLog', 'setBudget'];
/** @type {Awaited<ReturnType<typeof startSession>>} */
let session;

async function step(name, body) {
  try {
    await body(session.workbench, session.page);
    await session.workbench.screenshot(name);
  } catch (error) {
    await session?.workbench?.screenshot(`${name}-FAILED`).catch(() => {});
    throw error;
  }
}

function lineOf(relativePath, needle) {
  const lines = readFileSync(join(session.workspace, relativePath), 'utf8').split('\n');
  const line = lines.findIndex((l) => l.includes(needle));
  assert.ok(line >= 0, `${needle} not found in ${relativePath}`);
  return { line: line + 1, column: lines[line].indexOf(needle) + 1, text: lines[line] };
}

/** Ticked steps, in walkthrough order: each step may only tick after the ones before it. */
async function ticked() {
  const state = await session.workbench.walkthroughSteps();
  return STEPS.filter((s) => state[s]);
}

/**
 * Runs a command from the palette, once more if the first palette lost keystrokes (a toast or a
 * closing picker can take the first keys on a loaded machine): Escape closes whatever was left open.
 */
async function command(w, title) {
  await w.page.keyboard.press('Escape');
  try {
    await w.withTimeout(20_000, () => w.runCommand(title));
  } catch {
    await w.page.keyboard.press('Escape');
    await w.runCommand(title);
  }
}

/**
 * Runs a command that opens a picker of its own (titled `pickerTitle`): the palette's widget is
 * reused by the picker, so this waits for the picker's title rather than for the palette to close.
 */
async function commandWithPicker(w, title, pickerTitle) {
  const { page } = w;
  await page.keyboard.press('Escape');
  await page.keyboard.press('F1');
  await page.waitForSelector(selectors.quickInputBox, { state: 'visible', timeout: w.timeoutMs });
  await page.keyboard.type(title);
  await page.locator(`${selectors.quickInputRow}.focused`, { hasText: title }).first().waitFor({ timeout: w.timeoutMs });
  await page.keyboard.press('Enter');
  await page.locator(selectors.quickInput, { hasText: pickerTitle }).first().waitFor({ timeout: w.timeoutMs });
}

/** Reopens the walkthrough with its command, as a user would after closing it. */
async function showWalkthrough(w) {
  await command(w, 'DeepSeek Cost Lens: Open Walkthrough');
  await w.waitForWalkthrough('Get started with DeepSeek Cost Lens');
}

before(async () => {
  // No usage log yet: adding one is a step. The walkthrough opens on install, as for a user.
  session = await startSession({
    vsix: packagedVsixPath(),
    usageLog: false,
    settings: { 'workbench.welcomePage.walkthroughs.openOnInstall': true },
    screenshotDir: outDir,
    logDir: outDir,
  });
}, { timeout: 300_000 });

after(async () => {
  await session?.stop();
  await stopAll();
});

test('the walkthrough opens by itself after install, with no step ticked and no literal backticks', { timeout: 150_000 }, async () => {
  await step('walkthrough-opened', async (w, page) => {
    await w.waitForWalkthrough('Get started with DeepSeek Cost Lens');
    await page.waitForSelector(selectors.walkthroughStepCheck('retiredIds'), { state: 'attached', timeout: w.timeoutMs });
    assert.deepEqual(await ticked(), []);
    const text = await page.locator(selectors.walkthrough).first().innerText();
    assert.doesNotMatch(text, /`/, 'step descriptions render no Markdown code marks literally');
  });
});

test('Fix All with no file open says so and ticks nothing', { timeout: 150_000 }, async () => {
  await step('fix-all-no-file', async (w, page) => {
    // The walkthrough is a webview-like editor, not a text editor: no file is open in the active editor.
    await command(w, 'DeepSeek Cost Lens: Fix All DeepSeek Model IDs in This File');
    await page.locator(selectors.notification, { hasText: /Open a file that uses DeepSeek model IDs first/ }).first().waitFor({ timeout: w.timeoutMs });
    await showWalkthrough(w);
    assert.deepEqual(await ticked(), []);
  });
});

test('a quick fix really applied ticks the first step', { timeout: 150_000 }, async () => {
  await step('walkthrough-fix', async (w, page) => {
    await w.quickOpen('app.py');
    // The language server starts with the first Python file: its diagnostics come first, then Ctrl+.
    await page.waitForSelector(selectors.squiggleError, { timeout: w.timeoutMs });
    const at = lineOf('app.py', 'deepseek-chat');
    await w.goTo(at.line, at.column + 2);
    await w.quickFix(/^Use deepseek-flash and turn thinking off/);
    await w.saveEdit();
    await showWalkthrough(w);
    await w.waitForWalkthroughStep('retiredIds');
    assert.deepEqual(await ticked(), ['retiredIds']);
  });
});

test('choosing Information for legacy names ticks the severities step', { timeout: 150_000 }, async () => {
  await step('walkthrough-severity', async (w, page) => {
    // From the editor, as a user would: a picker opened over the walkthrough closes when it re-renders.
    await w.quickOpen('app.py');
    await commandWithPicker(w, 'DeepSeek Cost Lens: Choose How Legacy Model Names Are Shown…', 'How should legacy DeepSeek model names be shown?');
    await page.keyboard.type('Information');
    await w.pickQuickInputRow('Information');
    await showWalkthrough(w);
    await w.waitForWalkthroughStep('severities');
    assert.deepEqual(await ticked(), ['retiredIds', 'severities']);
  });
});

test('a cost hover shown ticks the hover step', { timeout: 150_000 }, async () => {
  await step('walkthrough-hover', async (w) => {
    await w.quickOpen('app.py');
    const hover = await w.hover('You are a meticulous support analyst', /tokens/i);
    assert.match(hover, /\d[\d,.]*\s*tokens/i);
    await showWalkthrough(w);
    await w.waitForWalkthroughStep('promptHover');
    assert.deepEqual(await ticked(), ['retiredIds', 'severities', 'promptHover']);
  });
});

test('a usage log being read ticks the log step', { timeout: 150_000 }, async () => {
  await step('walkthrough-log', async (w) => {
    const log = writeFixtureLog(join(session.profile.root, 'logs', 'proxy-usage.jsonl'));
    // deepseekCost.usageLogs is a machine setting: in code-server it lives in the machine settings file.
    const machine = join(session.profile.userDataDir, 'Machine', 'settings.json');
    const current = existsSync(machine) ? JSON.parse(readFileSync(machine, 'utf8')) : {};
    writeFileSync(machine, JSON.stringify({ ...current, 'deepseekCost.usageLogs': [log] }, null, 2) + '\n');
    await w.waitForStatusItem(spendItemId, (t) => /[$¥]\s?\d/.test(t), 'a spend amount in the status bar');
    await showWalkthrough(w);
    await w.waitForWalkthroughStep('addUsageLog');
    assert.deepEqual(await ticked(), ['retiredIds', 'severities', 'promptHover', 'addUsageLog']);
  });
});

test('a budget set ticks the last step; the tooltip shows how much of it is used', { timeout: 150_000 }, async () => {
  await step('walkthrough-budget', async (w, page) => {
    await w.quickOpen('app.py');
    await commandWithPicker(w, 'DeepSeek Cost Lens: Set Spend Budget…', 'Set a DeepSeek spend budget');
    // The amount's input box follows in the same widget: wait for its title, not for the widget to close.
    await page.locator(`${selectors.quickInputRow}.focused`, { hasText: 'Session budget' }).first().waitFor({ timeout: w.timeoutMs });
    await page.keyboard.press('Enter');
    await page.locator(selectors.quickInput, { hasText: 'Session budget in' }).first().waitFor({ timeout: w.timeoutMs });
    // fill() sets the whole value at once: keystrokes typed while the box is still being swapped in are lost.
    await page.fill(selectors.quickInputBox, '1000');
    await page.waitForFunction((sel) => document.querySelector(sel)?.value === '1000', selectors.quickInputBox, { timeout: w.timeoutMs });
    await page.keyboard.press('Enter');
    await page.waitForSelector(selectors.quickInput, { state: 'hidden', timeout: w.timeoutMs });
    // The budget has landed when the spend tooltip shows it; only then is the step's tick due.
    const tooltip = await w.statusItemTooltip(spendItemId, /Session budget/);
    console.log(`spend tooltip: ${tooltip.split('\n').find((l) => /Session budget/.test(l))}`);
    await page.mouse.move(0, 0);
    await showWalkthrough(w);
    await w.waitForWalkthroughStep('setBudget');
    assert.deepEqual(await ticked(), STEPS);
  });
  await step('spend-tooltip', async (w) => {
    const tooltip = await w.statusItemTooltip(spendItemId, /Session budget/);
    assert.match(tooltip, /Session budget: [$¥][\d.,]+ of \$1,000\.00 \([\d.]+% used, [$¥][\d.,]+ left\)/);
  });
});

test('a selection shows its exact DeepSeek token count and input cost in the status bar', { timeout: 150_000 }, async () => {
  await step('selection-tokens', async (w) => {
    await w.quickOpen('app.py');
    const prompt = lineOf('app.py', 'You are a meticulous support analyst');
    await w.selectLine(prompt.line);
    const text = await w.waitForStatusItem(selectionItemId, (t) => /tokens/.test(t), 'the selection token count');
    const shown = Number(/([\d,]+) tokens/.exec(text)?.[1].replace(/,/g, ''));
    // Home selects from the first non-blank character: the count is that of the line without its indentation.
    assert.equal(shown, countTokens(prompt.text.trimStart()), text);
    assert.match(text, /· [$¥]\d/);
  });
  await step('selection-cleared', async (w, page) => {
    await page.keyboard.press('End');
    await page.waitForSelector(selectors.statusItem(selectionItemId), { state: 'hidden', timeout: w.timeoutMs });
  });
});

test('the hover on a retired ID leads with the short message; the Problems panel shows it alone', { timeout: 150_000 }, async () => {
  await step('hover-retired-id', async (w, page) => {
    await w.quickOpen('src/client.ts');
    // A hover computed before the file's diagnostics arrive never gains them: wait for the squiggle.
    await page.waitForSelector(selectors.squiggleError, { timeout: w.timeoutMs });
    // The diagnostic's part shows first; ours follows once the server answers: wait for both.
    const hover = await w.hover('deepseek-chat', /was retired on 2026-07-24 — use[\s\S]*retired since 2026-07-24 15:59 UTC/);
    assert.match(hover, /deepseek-chat was retired on 2026-07-24 — use deepseek-flash/);
    // Our hover follows the message: the exact instant, TypeScript's way to keep thinking off, no Python advice.
    assert.match(hover, /retired since 2026-07-24 15:59 UTC \(source, 2026-04-24\)/);
    assert.match(hover, /thinking: \{ type: 'disabled' \}/);
    assert.doesNotMatch(hover, /extra_body/);
  });
  await step('problems-short-message', async (w) => {
    const rows = await w.problemsRows(/deepseek-chat was retired on 2026-07-24 — use deepseek-flash/);
    const row = rows.find((r) => r.includes('deepseek-chat was retired on 2026-07-24'));
    assert.ok(row, JSON.stringify(rows));
    assert.doesNotMatch(row, /extra_body|thinking|Source:/, 'the details are not in the message line');
  });
});
