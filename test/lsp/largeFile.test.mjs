// A file large enough to be parsed a statement at a time, driven over LSP the way an editor does:
// open, quick fix, a quote typed that breaks the syntax and taken out again, hovers and lenses. At
// every step the edited document answers exactly as the same text opened fresh in another file.
import test from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './lspClient.mjs';

const NOW = '2026-11-23T10:00:00Z';

function pythonModule(functions) {
  const out = ['from openai import OpenAI', 'client = OpenAI(base_url="https://api.deepseek.com")', 'router = OpenAI(base_url="https://openrouter.ai/api/v1")', ''];
  for (let i = 0; i < functions; i++) {
    out.push(`def step_${i}(records, settings):`, `    """Adjusts the running totals for step ${i}."""`, '    total = 0', '    for record in records:', `        total += record.amount * ${i % 7}`);
    if (i % 10 === 0) out.push(`    return client.chat.completions.create(model="deepseek-chat", messages=[{"role": "user", "content": "Summarise step ${i} in one line."}])`);
    else if (i % 10 === 5) out.push('    return router.chat.completions.create(model="deepseek/deepseek-chat", messages=[])');
    else if (i % 10 === 7) out.push('    if settings.model in ("deepseek-chat", "deepseek-reasoner"):', '        return None');
    out.push('    return total', '', '');
  }
  return out.join('\n');
}

function positionAt(text, offset) {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

/** The same text opened fresh: what every answer of the edited document must equal. */
async function fresh(server, text, n) {
  const uri = await server.open(`fresh-${n}.py`, 'python', text);
  const diagnostics = (await server.diagnostics(uri)).items;
  const lenses = await server.codeLenses(uri);
  await server.close(uri);
  return { diagnostics, lenses: lenses.length };
}

const view = (items) => items.map((d) => `${d.range.start.line}:${d.range.start.character} ${d.code} ${d.severity} ${d.message}`);

test('a large Python file, edited over LSP, answers as the same text opened fresh', { timeout: 120_000 }, async () => {
  const server = await startServer({ now: NOW });
  try {
    let text = pythonModule(400);
    assert.ok(text.length > 40_000, `${text.length} characters: parsed a statement at a time`);
    const uri = await server.open('large.py', 'python', text);
    let step = 0;
    const check = async (what) => {
      const edited = (await server.diagnostics(uri)).items;
      const expected = await fresh(server, text, step++);
      assert.deepEqual(view(edited), view(expected.diagnostics), what);
      assert.equal((await server.codeLenses(uri)).length, expected.lenses, `${what}: lenses`);
      return edited;
    };
    const first = await check('as opened');
    // Only the official client's calls: the OpenRouter ones and the comparisons are not errors.
    assert.equal(first.filter((d) => d.code === 'retired-model').length, 40);

    // The quick fix on the last finding, applied as the editor applies it.
    const last = first.filter((d) => d.code === 'retired-model').at(-1);
    const actions = await server.codeActions(uri, last.range, [last], ['quickfix']);
    const fix = actions.find((a) => a.edit?.changes?.[uri]?.length);
    assert.ok(fix, 'a quick fix with an edit');
    for (const e of [...fix.edit.changes[uri]].sort((a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character)) {
      const lines = text.split('\n');
      const start = lines.slice(0, e.range.start.line).join('\n').length + (e.range.start.line ? 1 : 0) + e.range.start.character;
      const end = lines.slice(0, e.range.end.line).join('\n').length + (e.range.end.line ? 1 : 0) + e.range.end.character;
      text = text.slice(0, start) + e.newText + text.slice(end);
      await server.change(uri, [{ range: e.range, text: e.newText }]);
    }
    const fixed = await check('after the quick fix');
    assert.equal(fixed.filter((d) => d.code === 'retired-model').length, 39);

    // A quote typed in the middle (the syntax breaks), then taken out again.
    const at = text.indexOf('total = 0', Math.floor(text.length / 2)) + 'total = '.length;
    text = text.slice(0, at) + '"' + text.slice(at);
    await server.change(uri, [{ range: { start: positionAt(text, at), end: positionAt(text, at) }, text: '"' }]);
    await check('with an unterminated string in the middle');
    await server.change(uri, [{ range: { start: positionAt(text, at), end: positionAt(text, at + 1) }, text: '' }]);
    text = text.slice(0, at) + text.slice(at + 1);
    assert.deepEqual(view(await check('with the quote taken out')), view(fixed));

    // The hover of an ID near the end, and of an OpenRouter slug, come from their own statements.
    const lastId = text.lastIndexOf('model="deepseek-chat"') + 'model="'.length + 3;
    const hover = await server.hover(uri, positionAt(text, lastId));
    assert.match(hover.contents.value, /deepseek-chat/);
    const slug = text.lastIndexOf('deepseek/deepseek-chat') + 12;
    assert.match((await server.hover(uri, positionAt(text, slug))).contents.value, /OpenRouter/);
  } finally {
    await server.stop();
  }
});
