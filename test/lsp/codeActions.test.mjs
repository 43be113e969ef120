// Quick fixes and the fix-all source action over real LSP, checked by applying their edits.
import test from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits, startServer } from './lspClient.mjs';

test('quick fixes: preferred deepseek-flash with thinking off, then v4-flash and v4-pro; the edit keeps quotes and prefix', async () => {
  const server = await startServer({ now: '2026-11-23T10:00:00Z' });
  try {
    const text = "resp = client.chat.completions.create(model='deepseek/deepseek-chat', messages=[])\n";
    const uri = await server.open('q.py', 'python', text);
    const { items } = await server.diagnostics(uri);
    const actions = await server.codeActions(uri, items[0].range, items, ['quickfix']);
    const off = 'turn thinking off: extra_body={"thinking": {"type": "disabled"}}';
    assert.deepEqual(actions.map((a) => [a.title, !!a.isPreferred]), [
      [`Use deepseek-flash and ${off}`, true],
      [`Use deepseek-v4-flash and ${off}`, false],
      ['Use deepseek-v4-pro', false],
      ['Ignore deepseek-chat on this line', false],
      ['Fix all DeepSeek model IDs in this file', false],
    ]);
    const fixed = applyEdits(text, actions[0].edit.changes[uri]);
    assert.equal(fixed, "resp = client.chat.completions.create(model='deepseek/deepseek-flash', extra_body={\"thinking\": {\"type\": \"disabled\"}}, messages=[])\n");
    assert.equal(applyEdits(text, actions[2].edit.changes[uri]), "resp = client.chat.completions.create(model='deepseek/deepseek-v4-pro', messages=[])\n");
  } finally {
    await server.stop();
  }
});

test('deepseek-reasoner: the flash fix says thinking is the default', async () => {
  const server = await startServer({ now: '2026-11-23T10:00:00Z' });
  try {
    const uri = await server.open('r.ts', 'typescript', 'const m = { model: "deepseek-reasoner" };\n');
    const { items } = await server.diagnostics(uri);
    const actions = await server.codeActions(uri, items[0].range, items, ['quickfix']);
    assert.equal(actions[0].title, 'Use deepseek-flash (thinking is the V4 default)');
    assert.equal(actions[0].isPreferred, true);
  } finally {
    await server.stop();
  }
});

test('fix all: one source action fixes every ID in the file with its preferred replacement', async () => {
  const server = await startServer({ now: '2026-11-23T10:00:00Z' });
  try {
    const text = [
      'a = f(model="deepseek-chat")',
      "b = f(model='deepseek-reasoner')",
      'c = f(model="""deepseek-coder""")',
      'd = f(model="deepseek-v4-pro")',
      'e = f(model=r"deepseek/deepseek-chat")',
      '',
    ].join('\n');
    const uri = await server.open('all.py', 'python', text);
    await server.diagnostics(uri);
    const actions = await server.codeActions(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, [], ['source.fixAll']);
    assert.equal(actions.length, 1);
    assert.equal(actions[0].title, 'Fix all DeepSeek model IDs in this file');
    assert.equal(actions[0].kind, 'source.fixAll.deepseekCost');
    assert.equal(
      applyEdits(text, actions[0].edit.changes[uri]),
      [
        'a = f(model="deepseek-flash")',
        "b = f(model='deepseek-flash')",
        'c = f(model="""deepseek-flash""")',
        'd = f(model="deepseek-v4-pro")',
        'e = f(model=r"deepseek/deepseek-flash")',
        '',
      ].join('\n'),
    );
  } finally {
    await server.stop();
  }
});

test('no fix is offered for a diagnostic whose text has since changed', async () => {
  const server = await startServer({ now: '2026-11-23T10:00:00Z' });
  try {
    const uri = await server.open('s.py', 'python', 'a = f(model="deepseek-chat")\n');
    const { items } = await server.diagnostics(uri);
    await server.change(uri, [{ range: items[0].range, text: 'deepseek-v4-pro' }]);
    const actions = await server.codeActions(uri, items[0].range, items, ['quickfix']);
    assert.deepEqual(actions, []);
  } finally {
    await server.stop();
  }
});

test('a client that drops diagnostic.data still gets the fixes for the range', async () => {
  const server = await startServer({ now: '2026-11-23T10:00:00Z' });
  try {
    const text = 'a = f(model="deepseek-chat")\n';
    const uri = await server.open('nodata.py', 'python', text);
    const { items } = await server.diagnostics(uri);
    const stripped = items.map(({ data: _data, ...rest }) => rest);
    const actions = await server.codeActions(uri, stripped[0].range, stripped, ['quickfix']);
    // `f(...)` is no SDK call this product knows: the title says thinking stays on, and only the ID changes.
    const stays = '(thinking stays on: add {"thinking": {"type": "disabled"}} to the request)';
    assert.deepEqual(actions.map((a) => a.title), [`Use deepseek-flash ${stays}`, `Use deepseek-v4-flash ${stays}`, 'Use deepseek-v4-pro', 'Ignore deepseek-chat on this line', 'Fix all DeepSeek model IDs in this file']);
    assert.equal(applyEdits(text, actions[0].edit.changes[uri]), 'a = f(model="deepseek-flash")\n');
  } finally {
    await server.stop();
  }
});
