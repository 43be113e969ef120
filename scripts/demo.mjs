// npm run demo: packages the extension, installs the VSIX into a fresh code-server on 127.0.0.1,
// opens the sample workspace (retired model IDs, long prompts in Python, TypeScript and YAML) with the
// getting-started walkthrough open, as after an install, and
// feeds a proxy log with a new DeepSeek response every few seconds so the spend status bar moves.
// Prints the URL to open; Ctrl+C stops everything.
//   node scripts/demo.mjs [--no-package] [--interval <seconds>]
import { spawnSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  appendResponse,
  createProfile,
  fixtureWorkspace,
  installExtension,
  onCleanup,
  packagedVsixPath,
  randomUsage,
  repoRoot,
  scratchDir,
  startCodeServer,
  stopAll,
  workbenchUrl,
  writeFixtureLog,
} from '../test/e2e/harness/index.mjs';

const { values } = parseArgs({
  options: {
    'no-package': { type: 'boolean', default: false },
    interval: { type: 'string', default: '5' },
  },
});
const intervalMs = Math.max(1, Number(values.interval)) * 1000;

if (!values['no-package']) {
  const result = spawnSync('npm', ['run', 'package'], { cwd: repoRoot, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error('demo: npm run package failed');
    process.exit(1);
  }
}

const root = scratchDir('demo');
let server;
onCleanup(async () => {
  await server?.stop();
  rmSync(root, { recursive: true, force: true });
});
const workspace = join(root, 'sample-project');
cpSync(fixtureWorkspace, workspace, { recursive: true });
const usageLog = writeFixtureLog(join(root, 'logs', 'deepseek-proxy.jsonl'));
// As a user who has just installed it: the walkthrough opens once (the test harness keeps it closed).
const profile = createProfile({ root, settings: { 'deepseekCost.usageLogs': [usageLog], 'workbench.welcomePage.walkthroughs.openOnInstall': true } });

try {
  const vsix = packagedVsixPath();
  const { ms } = await installExtension(profile, vsix);
  console.log(`installed ${vsix} in ${Math.round(ms)} ms`);
  server = await startCodeServer(profile, { workspace });
  let requests = 0;
  const timer = setInterval(() => {
    const body = appendResponse(usageLog, randomUsage());
    requests += 1;
    const u = body.usage;
    console.log(`  + ${body.model}: ${u.prompt_cache_hit_tokens} cached + ${u.prompt_cache_miss_tokens} new prompt tokens, ${u.completion_tokens} output (${requests} appended)`);
  }, intervalMs);
  onCleanup(async () => clearInterval(timer));

  console.log(`
DeepSeek Cost Lens demo is running.
  open:       ${workbenchUrl(server.url, workspace)}
  workspace:  ${workspace}
  proxy log:  ${usageLog} (a new response every ${intervalMs / 1000} s)
  server log: ${profile.logFile}
Press Ctrl+C to stop.
`);
} catch (error) {
  console.error(`demo: ${error instanceof Error ? error.message : error}`);
  await stopAll();
  process.exit(1);
}
