// Debian's chromium driven by playwright-core: headless, a fresh profile, and a resolver that
// answers only for 127.0.0.1 so the browser looks up no outside host.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumPath, scratchDir } from './paths.mjs';
import { onCleanup } from './processes.mjs';

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-breakpad',
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
];

/**
 * @param {{ root?: string, headless?: boolean, viewport?: { width: number, height: number } }} [options]
 * @returns {Promise<{ browser: import('playwright-core').Browser, context: import('playwright-core').BrowserContext, page: import('playwright-core').Page, close: () => Promise<void> }>}
 */
export async function launchBrowser(options = {}) {
  const root = options.root ?? scratchDir('chromium');
  const xdg = join(root, 'xdg');
  mkdirSync(xdg, { recursive: true });
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    headless: options.headless ?? true,
    args: chromiumArgs,
    // Chromium writes crash-report folders under XDG_CONFIG_HOME even with a temporary profile.
    env: { ...process.env, XDG_CONFIG_HOME: join(xdg, 'config'), XDG_CACHE_HOME: join(xdg, 'cache') },
    // Our own signal handlers close the browser and stop code-server together.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1440, height: 900 } });
  const page = await context.newPage();
  let closing;
  const close = () => (closing ??= browser.close().catch(() => {}));
  onCleanup(close);
  return { browser, context, page, close };
}
