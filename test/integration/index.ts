// Entry point the extension host loads (extensionTestsPath): records the extension's activation
// time, then runs every compiled suite file with mocha and rejects when a test fails.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { recordActivation } from './activation';

type MochaCtor = typeof import('mocha');

function loadMocha(): MochaCtor {
  // mocha 12 is an ES module; require() of it yields the namespace with the class on default.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const loaded = require('mocha') as MochaCtor & { default?: MochaCtor };
  return loaded.default ?? loaded;
}

export async function run(): Promise<void> {
  await recordActivation();
  const Mocha = loadMocha();
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'spec' });
  const suiteDir = path.join(__dirname, 'suite');
  for (const file of fs.readdirSync(suiteDir).filter((f) => f.endsWith('.test.js')).sort()) {
    mocha.addFile(path.join(suiteDir, file));
  }
  await mocha.loadFilesAsync();
  const failures = await new Promise<number>((resolve) => mocha.run(resolve));
  if (failures > 0) throw new Error(`${failures} integration test(s) failed`);
}
