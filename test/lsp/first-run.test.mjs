// What a new user's editor sees from the server: a settings problem is logged once per change however
// many files pull settings, the VS Code client gets problems as its own notification (to show with
// actions) and validates catalog overrides itself, and every fix tells the client it was applied.
import test from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './lspClient.mjs';

const PY = 'x = f(model="deepseek-chat")\n';
const BAD_CATALOG = { catalogOverrides: { models: [{ id: 'x' }] } };

test('an invalid catalog override is logged once per change, not once per file or pull', async () => {
  const server = await startServer({ now: '2026-11-23T10:00:00Z', settings: BAD_CATALOG });
  try {
    const uris = [await server.open('a.py', 'python', PY), await server.open('b.py', 'python', PY), await server.open('c.py', 'python', PY)];
    for (const uri of uris) await server.diagnostics(uri);
    const lines = () => server.logs.filter((l) => /catalogOverrides is invalid/.test(l)).length;
    assert.equal(lines(), 1, server.logs.join('\n'));
    await server.setSettings({ ...BAD_CATALOG, currency: 'CNY' });
    for (const uri of uris) await server.diagnostics(uri);
    assert.equal(lines(), 2, 'one more line for the one change');
    assert.equal(server.messages.filter((m) => /catalogOverrides is invalid/.test(m.message)).length, 1, 'one notification for one distinct problem');
  } finally {
    await server.stop();
  }
});

test('the VS Code client gets settings problems as its notification and no catalog report; fixes carry the applied command', async () => {
  const server = await startServer({ now: '2026-11-23T10:00:00Z', settings: { ...BAD_CATALOG, maxFileSizeKB: -3 }, initializationOptions: { vscodeClient: true } });
  const problems = [];
  server.connection.onNotification('deepseekCost/settingsProblem', (p) => problems.push(p.message));
  try {
    const a = await server.open('a.py', 'python', PY);
    await server.open('b.py', 'python', PY);
    const [d] = (await server.diagnostics(a)).items;
    await server.diagnostics(server.uri('b.py'));
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(problems.length, 1, JSON.stringify(problems));
    assert.match(problems[0], /deepseekCost\.maxFileSizeKB/);
    assert.equal(server.messages.length, 0, 'no plain popup without actions');
    assert.ok(!server.logs.some((l) => /catalogOverrides/.test(l)), 'the client validates catalog overrides itself');
    const actions = await server.codeActions(a, d.range, [d]);
    const fixes = actions.filter((x) => /^(Use |Fix all)/.test(x.title));
    assert.equal(actions.find((x) => /^Ignore/.test(x.title))?.command, undefined, 'an ignore comment is not a fix');
    assert.ok(fixes.length >= 2, JSON.stringify(actions.map((x) => x.title)));
    for (const f of fixes) assert.equal(f.command?.command, 'deepseekCost.internal.fixApplied', f.title);
  } finally {
    await server.stop();
  }
});

test('other clients get no client-only command on fixes', async () => {
  const server = await startServer({ now: '2026-11-23T10:00:00Z' });
  try {
    const a = await server.open('a.py', 'python', PY);
    const [d] = (await server.diagnostics(a)).items;
    const actions = await server.codeActions(a, d.range, [d]);
    assert.ok(actions.length > 0);
    for (const x of actions) assert.equal(x.command, undefined, x.title);
  } finally {
    await server.stop();
  }
});
