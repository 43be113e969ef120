// The extension in a real VS Code (code-server + chromium) whose display language is 简体中文
// (`--locale zh-cn`): the diagnostic, the hovers and the status bar's tooltip are in Chinese, with
// ¥ amounts and Beijing time beside UTC. VS Code keeps the display language English (and so
// vscode.env.language 'en') unless a language pack for it is installed; the real pack cannot be
// fetched offline, so a stub pack (test/e2e/fixtures/zh-cn-language-pack, no translations of VS
// Code itself) declares zh-cn. Installing a pack from the command line does not register it with the
// server's language-pack cache (only an install inside a running editor does), so the test writes
// that cache entry, languagepacks.json, as the editor would. VS Code's own menus stay English; only
// the extension's strings are checked. Screenshots and logs land in test-output/e2e/zh-cn/.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { e2eFixtures, extensionId, outputDir, packagedVsixPath, repoRoot, scratchDir, selectors, startSession, stopAll } from './harness/index.mjs';

const outDir = outputDir('e2e', 'zh-cn');
for (const f of readdirSync(outDir)) if (f.endsWith('.png')) rmSync(join(outDir, f));
const statusItemId = `${extensionId()}.spend`;
const han = /\p{Script=Han}/u;
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

/** The stub language pack as a VSIX, packaged offline by the same vsce as the product. */
let packDir;
function languagePackVsix() {
  const dir = (packDir = scratchDir('language-pack'));
  cpSync(join(e2eFixtures, 'zh-cn-language-pack'), join(dir, 'pack'), { recursive: true });
  const vsix = join(dir, 'zh-cn-language-pack.vsix');
  const vsce = join(repoRoot, 'node_modules', '@vscode', 'vsce', 'vsce');
  execFileSync(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--out', vsix], { cwd: join(dir, 'pack'), stdio: 'ignore' });
  return vsix;
}

before(async () => {
  session = await startSession({
    vsix: packagedVsixPath(),
    extraVsix: [languagePackVsix()],
    prepareProfile: (profile) => {
      const pack = readdirSync(profile.extensionsDir).find((d) => d.includes('zh-cn-language-pack-stub'));
      assert.ok(pack, 'the stub language pack is installed');
      const translations = join(profile.extensionsDir, pack, 'translations', 'main.i18n.json');
      const entry = { hash: 'stub-0.0.1', extensions: [{ extensionIdentifier: { id: 'deepseek-cost-lens-tests.zh-cn-language-pack-stub' }, version: '0.0.1' }], translations: { vscode: translations }, label: '中文(简体)' };
      writeFileSync(join(profile.userDataDir, 'languagepacks.json'), JSON.stringify({ 'zh-cn': entry }));
    },
    locale: 'zh-cn',
    settings: { 'deepseekCost.currency': 'CNY' },
    screenshotDir: outDir,
    logDir: outDir,
  });
  await session.workbench.screenshot('workbench-ready');
}, { timeout: 300_000 });

after(async () => {
  await session?.stop();
  await stopAll();
  if (packDir) rmSync(packDir, { recursive: true, force: true });
  writeFileSync(join(outDir, 'timings.json'), JSON.stringify(timings, null, 2) + '\n');
});

test('a retired model ID: the diagnostic and the model hover are in Chinese, with Beijing time beside UTC', { timeout: 150_000 }, async () => {
  await step('diagnostic-and-model-hover', async (w, page) => {
    await w.quickOpen('src/client.ts');
    await page.waitForSelector(selectors.squiggleError, { timeout: 60_000 });
    // The diagnostic's part shows first, ours once the server answers: wait for both.
    const hover = await w.hover('deepseek-chat', /已于 2026-07-24 下线[\s\S]*缓存命中/);
    // The diagnostic's short sentence, then the model hover: Beijing time beside UTC, advice and prices.
    assert.match(hover, /deepseek-chat 已于 2026-07-24 下线 — 请改用 deepseek-flash/);
    assert.match(hover, /自 2026-07-24 15:59 UTC（北京时间 23:59） 起已下线/);
    assert.match(hover, /deepseek-flash 默认开启思考模式。在 JavaScript 或 TypeScript/);
    assert.match(hover, /缓存命中/);
    assert.doesNotMatch(hover, /was retired on/);
  });
});

test('a prompt hover: tokens, 缓存命中/缓存未命中 and ¥ prices', { timeout: 150_000 }, async () => {
  await step('prompt-hover', async (w) => {
    await w.quickOpen('app.py');
    const hover = await w.hover('You are a meticulous support analyst', /每次调用 ¥/);
    assert.match(hover, /\d[\d,]*\s*tokens/);
    assert.match(hover, /缓存未命中/);
    assert.match(hover, /（CNY）/);
    assert.match(hover, /¥\d/);
    assert.match(hover, /分词器/);
  });
});

test('the status bar tooltip is in Chinese', { timeout: 150_000 }, async () => {
  await step('status-bar-tooltip', async (w) => {
    await w.waitForStatusItem(statusItemId, (t) => /[$¥]\s?\d/.test(t), 'a spend amount in the status bar');
    const tooltip = await w.statusItemTooltip(statusItemId, /DeepSeek 花费/);
    assert.match(tooltip, /本次会话/);
    assert.match(tooltip, /缓存命中率/);
    assert.match(tooltip, /日志来源/);
    assert.match(tooltip, han);
    assert.doesNotMatch(tooltip, /Cache hit rate|Log sources/);
  });
});
