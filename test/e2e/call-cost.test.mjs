// What a call costs, in a real VS Code (code-server + chromium, 1440×900, default font), with the
// packaged VSIX: the CodeLens above each DeepSeek call and its breakdown, the prompt hover priced
// for the call, and no hover that needs scrolling (content height measured against its box).
// Screenshots and logs in test-output/e2e/call-cost/.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { outputDir, packagedVsixPath, repoRoot, selectors, startSession, stopAll } from './harness/index.mjs';

const outDir = outputDir('e2e', 'call-cost');
for (const f of readdirSync(outDir)) if (f.endsWith('.png')) rmSync(join(outDir, f));
const measured = {};
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
  return { line: line + 1, column: lines[line].indexOf(needle) + 1 };
}

before(async () => {
  session = await startSession({
    vsix: packagedVsixPath(),
    workspaceSource: join(repoRoot, 'test', 'fixtures', 'calls'),
    usageLog: false,
    screenshotDir: outDir,
    logDir: outDir,
  });
}, { timeout: 300_000 });

after(async () => {
  await session?.stop();
  await stopAll();
  writeFileSync(join(outDir, 'hover-metrics.json'), JSON.stringify(measured, null, 2) + '\n');
});

test('a CodeLens above each DeepSeek call; clicking it lists the cost per message', { timeout: 180_000 }, async () => {
  await step('codelens', async (w) => {
    await w.quickOpen('support_bot.py');
    const titles = await w.waitFor('six call lenses', async () => {
      const t = await w.codeLensTitles();
      return t.length >= 6 && t;
    });
    assert.match(titles[1], /^deepseek-v4-flash · \d+ input tokens \+ 1 part known at run time · up to 800 output tokens · at most \$[\d.]+ per call · \$[\d.,]+ per 1,000 calls$/);
  });
  await step('codelens-breakdown', async (w, page) => {
    await page.locator(`${selectors.editor} .codelens-decoration a`).nth(1).click();
    const rows = page.locator(selectors.quickInputRow);
    await rows.first().waitFor({ timeout: w.timeoutMs });
    const text = (await rows.allInnerTexts()).join('\n');
    assert.match(text, /system: \d+ tokens/);
    assert.match(text, /through SYSTEM_PROMPT/);
    assert.match(text, /chat template: 4 tokens/);
  });
  await session.page.keyboard.press('Escape');
});

test('the prompt hover leads with the price and fits its box', { timeout: 180_000 }, async () => {
  await step('prompt-hover', async (w) => {
    const at = lineOf('support_bot.py', 'careful support');
    await w.goTo(at.line, at.column + 8);
    const text = await w.hoverAtCursor(/per 1,000 calls/);
    assert.match(text.split("\n")[0], /^\$[\d.]+ per call · \$[\d.]+ per 1,000 calls \(\d+ tokens, cache miss/);
    assert.match(text, /Used by 3 calls in this file/);
    const m = await w.hoverScrollMetrics();
    measured.promptHover = m;
    assert.ok(m.contentHeight <= m.boxHeight + 1, `prompt hover content ${m.contentHeight}px in a ${m.boxHeight}px box: it scrolls`);
  });
  await session.page.keyboard.press('Escape');
});

test('the model-ID hover of a retired ID shows status, replacement and prices without scrolling', { timeout: 180_000 }, async () => {
  await step('model-id-hover', async (w) => {
    await w.quickOpen('legacy.py');
    const at = lineOf('legacy.py', 'deepseek-chat');
    await w.goTo(at.line, at.column + 3);
    const text = await w.hoverAtCursor(/per 1M tokens/);
    assert.match(text, /retired/);
    assert.match(text, /Use instead:/);
    // The diagnostic's message and the hover share one box: the retirement sentence appears once.
    assert.equal(text.match(/was retired on/g)?.length, 1, 'the retirement sentence once');
    const m = await w.hoverScrollMetrics();
    measured.modelIdHover = m;
    assert.ok(m.contentHeight <= m.boxHeight + 1, `model-ID hover content ${m.contentHeight}px in a ${m.boxHeight}px box: it scrolls`);
  });
});
