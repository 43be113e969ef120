// The editor caps diagnostics per file (deepseekCost.maxDiagnosticsPerFile); the CLI never does.
import test from 'node:test';
import assert from 'node:assert/strict';
import { defaultLintSettings } from '../../../src/shared/settings';
import { makeTree, runCli } from './helpers';

test('lint reports every finding in a file, beyond the editor cap', async () => {
  const n = defaultLintSettings.maxDiagnosticsPerFile * 2 + 7;
  const { dir, cleanup } = makeTree({ 'many.json': `[${Array.from({ length: n }, () => '"deepseek-chat"').join(',')}]\n` });
  try {
    const r = await runCli(['lint', 'many.json', '--format', 'json', '--at', '2026-11-23T00:00:00Z'], dir);
    assert.equal(r.code, 1);
    const { findings } = JSON.parse(r.stdout);
    assert.equal(findings.length, n);
    assert.ok(findings.every((f: { code: string }) => f.code === 'retired-model'));
  } finally {
    cleanup();
  }
});
