// Checks the real-editor infrastructure alone: code-server + chromium render the workbench on the
// sample workspace, with no extension or with the VSIX given as the first argument.
//   node test/e2e/workbench-smoke.mjs [path/to/extension.vsix]
import { join } from 'node:path';
import { outputDir, startSession, stopAll } from './harness/index.mjs';

const vsix = process.argv[2];
const dir = outputDir('e2e', 'smoke');
let exitCode = 0;
try {
  const session = await startSession({ vsix, screenshotDir: dir, logDir: dir });
  const { workbench, timings } = session;
  await workbench.quickOpen('app.py');
  const shot = await workbench.screenshot('workbench');
  const problems = await workbench.problemCounts();
  console.log(JSON.stringify({ timings: Object.fromEntries(Object.entries(timings).map(([k, v]) => [k, Math.round(v)])), problems, screenshot: shot }, null, 2));
  await session.stop();
} catch (error) {
  console.error(error);
  exitCode = 1;
} finally {
  await stopAll();
}
console.log(`logs: ${join(dir, 'code-server.log')}`);
process.exit(exitCode);
