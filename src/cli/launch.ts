// deepseek-cost's entry point (dist/cli.js): a few lines that load the CLI bundle (dist/cliMain.js)
// through V8's code cache, then run it. Kept apart from the bundle so that the one file compiled on
// every start is this small one.
import { join } from 'node:path';
import { requireWithCodeCache } from '../shared/codeCache';

const cli = requireWithCodeCache(join(__dirname, 'cliMain.js')) as { start(): void };
cli.start();
