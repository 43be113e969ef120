// One editor session = a fresh code-server profile with the VSIX installed, a private copy of the
// sample workspace, a proxy log wired into deepseekCost.usageLogs, and (optionally) chromium on
// the workbench. stop() tears everything down and is safe to call from any path.
import { copyFileSync, cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser } from './browser.mjs';
import { createProfile, installExtension, startCodeServer, workbenchUrl } from './code-server.mjs';
import { fixtureWorkspace, scratchDir } from './paths.mjs';
import { onCleanup } from './processes.mjs';
import { writeFixtureLog } from './usage-log.mjs';
import { Workbench } from './workbench.mjs';

/**
 * @param {{
 *   vsix?: string,                 VSIX to install (omit to start without the extension)
 *   workspaceSource?: string,      folder copied to a private workspace (default: test/fixtures/workspace)
 *   settings?: Record<string, unknown>,
 *   usageLog?: boolean,            write the fixture proxy log and point deepseekCost.usageLogs at it (default true)
 *   browser?: boolean,             launch chromium on the workbench (default true)
 *   screenshotDir?: string,
 *   logDir?: string,               where code-server.log and browser-console.log are copied on stop
 *   keepProfile?: boolean,         leave the temp profile on disk after stop (default: KEEP_PROFILE env)
 *   locale?: string,               the editor's display language (code-server --locale), e.g. 'zh-cn'
 *   extraVsix?: string[],          other VSIX files to install first (a language pack for `locale`)
 *   prepareProfile?: (profile) => void, called once the extensions are installed, before code-server starts
 * }} [options]
 */
export async function startSession(options = {}) {
  const timings = {};
  const t0 = performance.now();
  const root = scratchDir('session');
  const workspace = join(root, 'workspace');
  cpSync(options.workspaceSource ?? fixtureWorkspace, workspace, { recursive: true });
  const usageLog = options.usageLog === false ? undefined : writeFixtureLog(join(root, 'logs', 'proxy-usage.jsonl'));
  const settings = { ...(usageLog ? { 'deepseekCost.usageLogs': [usageLog] } : {}), ...options.settings };
  const profile = createProfile({ root, settings });

  let server;
  let browser;
  let stopping;
  const keep = options.keepProfile ?? Boolean(process.env.KEEP_PROFILE);
  // One teardown, shared: a signal handler and the failing start-up path may both ask for it, and
  // each caller must wait until it has finished (or the process exits before the folder is gone).
  const stop = () =>
    (stopping ??= (async () => {
      await browser?.close();
      await server?.stop();
      if (options.logDir) {
        mkdirSync(options.logDir, { recursive: true });
        for (const name of ['code-server.log', 'browser-console.log']) {
          if (existsSync(join(root, name))) copyFileSync(join(root, name), join(options.logDir, name));
        }
      }
      if (!keep) rmSync(root, { recursive: true, force: true });
    })());
  onCleanup(stop);

  try {
    for (const other of options.extraVsix ?? []) await installExtension(profile, other);
    if (options.vsix) timings.installMs = (await installExtension(profile, options.vsix)).ms;
    options.prepareProfile?.(profile);
    server = await startCodeServer(profile, { workspace, extraArgs: options.locale ? ['--locale', options.locale] : [] });
    timings.serverReadyMs = server.readyMs;
    const url = workbenchUrl(server.url, workspace);
    let workbench;
    if (options.browser !== false) {
      browser = await launchBrowser({ root: join(root, 'chromium') });
      workbench = new Workbench(browser.page, {
        screenshotDir: options.screenshotDir ?? join(root, 'screenshots'),
        consoleLog: join(root, 'browser-console.log'),
      });
      timings.workbenchReadyMs = await workbench.open(url);
    }
    timings.sessionReadyMs = performance.now() - t0;
    return { profile, workspace, usageLog, server, url, browser, page: browser?.page, workbench, timings, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
