// Speaks real LSP to dist/server.js: diagnostics, their severities over time, settings, edits.
import test from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './lspClient.mjs';

const ERROR = 1, WARNING = 2, INFORMATION = 3, HINT = 4;

const python = `from openai import OpenAI

client = OpenAI(base_url="https://api.deepseek.com")
# deepseek-chat in a comment is not a finding
resp = client.chat.completions.create(
    model="deepseek-chat",
    messages=[{"role": "user", "content": "hello, we moved off deepseek-chat"}],
)
other = client.chat.completions.create(model='deepseek/deepseek-reasoner', messages=[])
ok = client.chat.completions.create(model="deepseek-v4-pro", messages=[])
`;

const ts = `import OpenAI from "openai";
const client = new OpenAI({ baseURL: "https://api.deepseek.com/deepseek-chat" });
const a = await client.chat.completions.create({ model: "deepseek-chat", messages: [] });
const b = await client.chat.completions.create({ model: \`deepseek-coder\`, messages: [] });
type Model = 'deepseek-reasoner' | 'deepseek-v4-pro';
const deepseek_chat = 1;
`;

function lineOf(text, needle, occurrence = 0) {
  let idx = -1;
  for (let i = 0; i <= occurrence; i++) idx = text.indexOf(needle, idx + 1);
  const before = text.slice(0, idx);
  return { line: before.split('\n').length - 1, character: idx - before.lastIndexOf('\n') - 1 };
}

test('retired IDs are errors with one short message; the prefix and comments behave', async () => {
  const server = await startServer({ now: '2026-11-23T10:00:00Z' });
  try {
    const uri = await server.open('a.py', 'python', python);
    const report = await server.diagnostics(uri);
    assert.equal(report.kind, 'full');
    const items = report.items;
    assert.deepEqual(items.map((d) => d.data.written), ['deepseek-chat', 'deepseek/deepseek-reasoner']);
    const chat = items[0];
    assert.equal(chat.severity, ERROR);
    assert.equal(chat.code, 'retired-model');
    // One short sentence and nothing else: VS Code prints related information inside the hover's
    // capped box and as extra rows in Problems; the hover gives the instant, the advice and the source.
    assert.equal(chat.message, 'deepseek-chat was retired on 2026-07-24 — use deepseek-flash');
    assert.equal(chat.relatedInformation, undefined);
    assert.match(chat.codeDescription.href, /README\.md#retired-model$/);
    assert.equal(items[1].message, 'deepseek/deepseek-reasoner was retired on 2026-07-24 — use deepseek/deepseek-flash');
    assert.deepEqual(chat.range.start, lineOf(python, 'deepseek-chat",'));
    assert.equal(chat.range.end.character - chat.range.start.character, 'deepseek-chat'.length);
    const reasoner = items[1];
    assert.equal(reasoner.range.end.character - reasoner.range.start.character, 'deepseek/deepseek-reasoner'.length);
    // The catalog's deepseek-v4-flash is itself legacy by now: the preferred fix follows it to deepseek-flash.
    assert.deepEqual(reasoner.data.fixes.map((f) => [f.id, f.preferred]), [['deepseek-flash', true], ['deepseek-v4-flash', false], ['deepseek-v4-pro', false]]);
    assert.equal(reasoner.data.fixes[0].edits[0].newText, 'deepseek/deepseek-flash');
  } finally {
    await server.stop();
  }
});

test('TypeScript: string, template literal and string-literal type; not URLs or identifiers', async () => {
  const server = await startServer({ now: '2026-11-23T10:00:00Z' });
  try {
    const uri = await server.open('a.ts', 'typescript', ts);
    const { items } = await server.diagnostics(uri);
    assert.deepEqual(items.map((d) => [d.data.written, d.range.start.line]), [['deepseek-chat', 2], ['deepseek-coder', 3], ['deepseek-reasoner', 4]]);
    assert.ok(items.every((d) => d.severity === ERROR));
  } finally {
    await server.stop();
  }
});

test('severity follows the date: deprecated is a warning before retirement, nothing before deprecation', async () => {
  for (const [now, expected] of [
    ['2026-03-01T00:00:00Z', []],
    ['2026-05-01T00:00:00Z', [WARNING]],
    ['2026-07-24T15:58:59Z', [WARNING]],
    ['2026-07-24T15:59:00Z', [ERROR]],
  ]) {
    const server = await startServer({ now });
    try {
      const uri = await server.open('t.py', 'python', 'm = call(model="deepseek-chat")\n');
      const { items } = await server.diagnostics(uri);
      assert.deepEqual(items.map((d) => d.severity), expected, `at ${now}`);
    } finally {
      await server.stop();
    }
  }
});

test('deepseek-v4-flash gets a hint only after 2026-09-10 04:00 UTC; v4-pro and deepseek-flash nothing', async () => {
  const text = 'a = {"model": "deepseek-v4-flash"}\nb = {"model": "deepseek-v4-pro"}\nc = {"model": "deepseek-flash"}\n';
  let server = await startServer({ now: '2026-09-10T03:59:00Z' });
  try {
    const uri = await server.open('f.py', 'python', text);
    assert.deepEqual((await server.diagnostics(uri)).items, []);
  } finally {
    await server.stop();
  }
  server = await startServer({ now: '2026-09-10T04:00:00Z' });
  try {
    const uri = await server.open('f.py', 'python', text);
    const { items } = await server.diagnostics(uri);
    assert.equal(items.length, 1);
    assert.equal(items[0].severity, HINT);
    assert.equal(items[0].code, 'legacy-model-name');
    assert.deepEqual(items[0].data.fixes.map((f) => f.edits.map((e) => e.newText)), [['deepseek-flash']]);
  } finally {
    await server.stop();
  }
});

test('severity settings apply, "off" removes findings, and an invalid setting is reported and defaulted', async () => {
  const server = await startServer({ now: '2026-11-23T10:00:00Z', settings: { severity: { retired: 'information' } } });
  try {
    const uri = await server.open('s.py', 'python', 'x = f(model="deepseek-chat")\n');
    assert.deepEqual((await server.diagnostics(uri)).items.map((d) => d.severity), [INFORMATION]);
    await server.setSettings({ severity: { retired: 'off' } });
    assert.deepEqual((await server.diagnostics(uri)).items, []);
    await server.setSettings({ severity: { retired: 'loud' }, maxFileSizeKB: -3 });
    assert.deepEqual((await server.diagnostics(uri)).items.map((d) => d.severity), [ERROR]);
    const warnings = server.messages.map((m) => m.message).join('\n');
    assert.match(warnings, /deepseekCost\.severity/);
    assert.match(warnings, /deepseekCost\.maxFileSizeKB/);
  } finally {
    await server.stop();
  }
});

test('an invalid catalog override is reported and the shipped catalog stays in force; a valid one applies', async () => {
  const server = await startServer({ now: '2026-11-23T10:00:00Z', settings: { catalogOverrides: { models: [{ id: 'x' }] } } });
  try {
    const uri = await server.open('o.py', 'python', 'x = f(model="deepseek-chat")\ny = f(model="deepseek-v3")\n');
    assert.deepEqual((await server.diagnostics(uri)).items.map((d) => d.data.written), ['deepseek-chat']);
    assert.match(server.messages.map((m) => m.message).join('\n'), /catalogOverrides is invalid, the shipped catalog stays in force/);
    await server.setSettings({
      catalogOverrides: {
        models: [{ id: 'deepseek-v3', displayName: 'DeepSeek-V3', lifecycle: [{ from: '2025-01-01T00:00:00Z', status: 'retired', source: 'ds-pricing', replacements: [{ id: 'deepseek-v4-pro', title: 'Use deepseek-v4-pro' }] }] }],
      },
    });
    assert.deepEqual((await server.diagnostics(uri)).items.map((d) => d.data.written), ['deepseek-chat', 'deepseek-v3']);
  } finally {
    await server.stop();
  }
});

test('incremental edits move and update diagnostics; unchanged results are reported as unchanged', async () => {
  const server = await startServer({ now: '2026-11-23T10:00:00Z' });
  try {
    const text = 'import x\n\nm = f(model="deepseek-v4-pro")\n';
    const uri = await server.open('e.py', 'python', text);
    const first = await server.diagnostics(uri);
    assert.deepEqual(first.items, []);
    assert.equal((await server.diagnostics(uri, first.resultId)).kind, 'unchanged');
    // Replace "v4-pro" with "chat", then insert two lines (with Chinese text) above it.
    const start = lineOf(text, 'v4-pro');
    await server.change(uri, [{ range: { start, end: { line: start.line, character: start.character + 6 } }, text: 'chat' }]);
    await server.change(uri, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: '# 模型迁移 🚀\nprint("你好")\n' }]);
    const after = await server.diagnostics(uri, first.resultId);
    assert.equal(after.kind, 'full');
    assert.equal(after.items.length, 1);
    assert.equal(after.items[0].range.start.line, 4);
    assert.equal(after.items[0].data.written, 'deepseek-chat');
  } finally {
    await server.stop();
  }
});

test('a file over the size limit is skipped with a note when it mentions DeepSeek', async () => {
  const server = await startServer({ now: '2026-11-23T10:00:00Z', settings: { maxFileSizeKB: 1 } });
  try {
    const big = 'x = f(model="deepseek-chat")\n' + '# filler line for size\n'.repeat(100);
    const uri = await server.open('big.py', 'python', big);
    const { items } = await server.diagnostics(uri);
    assert.equal(items.length, 1);
    assert.equal(items[0].code, 'file-skipped');
    assert.match(items[0].message, /is over the 1 KB limit \(deepseekCost\.maxFileSizeKB\)/);
    const quiet = await server.open('big2.py', 'python', '# filler line for size\n'.repeat(100));
    assert.deepEqual((await server.diagnostics(quiet)).items, []);
  } finally {
    await server.stop();
  }
});

test('a file that never names a model gets none, and names typed in later are found', async () => {
  const server = await startServer({ now: '2026-11-23T10:00:00Z' });
  try {
    const uri = await server.open('late.py', 'python', 'x = 1\n');
    assert.deepEqual((await server.diagnostics(uri)).items, []);
    await server.change(uri, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: 'r = f(model="deepseek-chat")\n' }]);
    assert.deepEqual((await server.diagnostics(uri)).items.map((d) => [d.data.written, d.range.start.line]), [['deepseek-chat', 1]]);
    await server.change(uri, [{ range: { start: { line: 1, character: 13 }, end: { line: 1, character: 26 } }, text: 'gpt' }]);
    assert.deepEqual((await server.diagnostics(uri)).items, []);
    await server.change(uri, [{ range: { start: { line: 1, character: 13 }, end: { line: 1, character: 16 } }, text: 'deepseek-coder' }]);
    assert.deepEqual((await server.diagnostics(uri)).items.map((d) => d.data.written), ['deepseek-coder']);
  } finally {
    await server.stop();
  }
});
