// Runs the same integration suite in VS Code desktop through @vscode/test-electron, for machines
// that can download VS Code (it fetches a build into .vscode-test/ on first use). On machines that
// reach only package registries use run-in-code-server.mjs instead.
//   node test/integration/run-desktop.mjs            (VSCODE_TEST_VERSION=stable|insiders|1.100.3)
// On a headless Linux box run it under xvfb-run.
import { runTests } from '@vscode/test-electron';
import { cpSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createProfile, extensionManifest, fixtureWorkspace, repoRoot, scratchDir, writeFixtureLog } from '../e2e/harness/index.mjs';
import { buildIntegrationSuite } from './build.mjs';

const main = extensionManifest().main;
if (!main || !existsSync(join(repoRoot, main))) {
  console.error(`${main} is missing: run npm run build first`);
  process.exit(1);
}
const testsIndex = await buildIntegrationSuite();

const root = scratchDir('integration-desktop');
const workspace = join(root, 'workspace');
cpSync(fixtureWorkspace, workspace, { recursive: true });
const usageLog = writeFixtureLog(join(root, 'logs', 'proxy-usage.jsonl'));
const profile = createProfile({ root, settings: { 'deepseekCost.usageLogs': [usageLog] } });

let exitCode = 1;
try {
  exitCode = await runTests({
    version: process.env.VSCODE_TEST_VERSION ?? 'stable',
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath: testsIndex,
    launchArgs: [
      workspace,
      '--user-data-dir', profile.userDataDir,
      '--extensions-dir', profile.extensionsDir,
      '--disable-extensions',
      '--disable-workspace-trust',
      '--skip-welcome',
      '--skip-release-notes',
    ],
  });
} catch (error) {
  console.error(`integration (desktop): ${error instanceof Error ? error.message : error}`);
} finally {
  rmSync(root, { recursive: true, force: true });
}
process.exit(exitCode);
