// Runs the integration suite inside a real VS Code workbench served by code-server: the extension
// is loaded from this repository (extensionDevelopmentPath) and the compiled suite from
// out/test/integration (extensionTestsPath); the exit code comes back through the page's
// codeAutomationExit. Expects dist/ built (npm run test:integration builds it).
//   node test/integration/run-in-code-server.mjs
import { cpSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';
import {
  createProfile,
  extensionManifest,
  fixtureWorkspace,
  launchBrowser,
  outputDir,
  repoRoot,
  scratchDir,
  startCodeServer,
  stopAll,
  workbenchUrl,
  writeFixtureLog,
} from '../e2e/harness/index.mjs';
import { buildIntegrationSuite } from './build.mjs';

const timeoutMs = Number(process.env.INTEGRATION_TIMEOUT_MS ?? 300_000);
const remote = (path) => `vscode-remote://remote${path}`;

async function main() {
  const main = extensionManifest().main;
  if (!main || !existsSync(join(repoRoot, main))) throw new Error(`${main} is missing: run npm run build first`);
  const testsIndex = await buildIntegrationSuite();

  const root = scratchDir('integration');
  const workspace = join(root, 'workspace');
  cpSync(fixtureWorkspace, workspace, { recursive: true });
  const usageLog = writeFixtureLog(join(root, 'logs', 'proxy-usage.jsonl'));
  const profile = createProfile({ root, settings: { 'deepseekCost.usageLogs': [usageLog] } });
  const logDir = outputDir('integration');

  const started = performance.now();
  const server = await startCodeServer(profile, { workspace });
  const { page } = await launchBrowser({ root: join(root, 'chromium') });

  let settle;
  const exited = new Promise((resolve) => (settle = resolve));
  // Registered before the workbench loads: it looks these up when the suite ends and for logs.
  await page.exposeFunction('codeAutomationExit', (code) => settle(Number(code)));
  await page.exposeFunction('codeAutomationLog', (type, message) => {
    // The extension host forwards console calls as [format, ...args].
    const text = Array.isArray(message) ? format(...message) : String(message);
    (type === 'error' ? console.error : console.log)(text);
  });
  page.on('pageerror', (error) => console.error(`[page error] ${error.message}`));

  const url = workbenchUrl(server.url, workspace, [
    ['extensionDevelopmentPath', remote(repoRoot)],
    ['extensionTestsPath', remote(testsIndex.replace(/\.js$/, ''))],
  ]);
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  const timer = setTimeout(() => settle(null), timeoutMs);
  const code = await exited;
  clearTimeout(timer);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  await page.screenshot({ path: join(logDir, 'last.png') }).catch(() => {});
  cpSync(profile.logFile, join(logDir, 'code-server.log'));
  await stopAll();
  rmSync(root, { recursive: true, force: true });
  if (code === null) {
    console.error(`integration: no result within ${timeoutMs} ms (see test-output/integration/)`);
    return 1;
  }
  console.log(`integration: exit code ${code} after ${seconds} s`);
  return code;
}

let exitCode = 1;
try {
  exitCode = await main();
} catch (error) {
  console.error(error);
} finally {
  await stopAll();
}
process.exit(exitCode);
