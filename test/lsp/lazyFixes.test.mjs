// A fix that also turns the call's thinking off sends only its ID edit with the diagnostic; the
// thinking edit is found when a code action asks, from the same version's parse, and a diagnostic
// of an older version gets its fixes from the current one.
import test from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits, startServer } from './lspClient.mjs';

const off = 'extra_body={"thinking": {"type": "disabled"}}';

test('the thinking edit is completed by the code action, also for fix-all and for an older version', async () => {
  const server = await startServer({ now: '2026-11-23T10:00:00Z' });
  try {
    const text = 'resp = client.chat.completions.create(model="deepseek-chat", messages=[])\nother = client.chat.completions.create(model="deepseek-chat", messages=[])\n';
    const uri = await server.open('lazy.py', 'python', text);
    const { items } = await server.diagnostics(uri);
    assert.equal(items.length, 2);
    // In the diagnostic: the ID edit only, marked as waiting for the call's thinking edit.
    const [flash] = items[0].data.fixes;
    assert.equal(flash.id, 'deepseek-flash');
    assert.equal(flash.thinkingPending, true);
    assert.deepEqual(flash.edits.map((e) => e.newText), ['deepseek-flash']);
    assert.equal(items[0].data.fixes.find((f) => f.id === 'deepseek-v4-pro').thinkingPending, undefined);

    const actions = await server.codeActions(uri, items[0].range, [items[0]], ['quickfix']);
    assert.equal(actions[0].title, `Use deepseek-flash and turn thinking off: ${off}`);
    assert.equal(applyEdits(text, actions[0].edit.changes[uri]).split('\n')[0], `resp = client.chat.completions.create(model="deepseek-flash", ${off}, messages=[])`);

    const [all] = await server.codeActions(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, [], ['source.fixAll.deepseekCost']);
    assert.equal(applyEdits(text, all.edit.changes[uri]), text.replaceAll('model="deepseek-chat", ', `model="deepseek-flash", ${off}, `));

    // An edit above both calls: the old diagnostic's fixes come from this version, edits shifted.
    await server.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'import os\n' }]);
    const moved = await server.codeActions(uri, { start: { line: 2, character: 0 }, end: { line: 2, character: 80 } }, [items[1]], ['quickfix']);
    const now = `import os\n${text}`;
    assert.equal(moved[0].title, `Use deepseek-flash and turn thinking off: ${off}`);
    assert.equal(applyEdits(now, moved[0].edit.changes[uri]).split('\n')[2], `other = client.chat.completions.create(model="deepseek-flash", ${off}, messages=[])`);
  } finally {
    await server.stop();
  }
});
