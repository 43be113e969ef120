// Suppression comments, the "Ignore … on this line" quick fix and .deepseekcostignore over real LSP.
import test from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { applyEdits, startServer } from './lspClient.mjs';

const now = '2026-11-23T10:00:00Z';
const lines = (items) => items.map((d) => d.range.start.line);

test('suppression comments: next line, same line, whole file; a marker inside a string is not one', async () => {
  const server = await startServer({ now });
  try {
    const py = [
      'a = f(model="deepseek-chat")',
      '# deepseek-cost-ignore-next-line',
      'b = f(model="deepseek-chat")',
      'c = f(model="deepseek-reasoner")  # deepseek-cost-ignore deepseek-reasoner',
      'd = f(model="deepseek-chat")  # deepseek-cost-ignore deepseek-reasoner',
      'note = "# deepseek-cost-ignore-next-line"',
      'e = f(model="deepseek-chat")',
      '',
    ].join('\n');
    assert.deepEqual(lines((await server.diagnostics(await server.open('s.py', 'python', py))).items), [0, 4, 6]);
    const ts = '// deepseek-cost-ignore-file -- examples of retired names\nconst a = { model: "deepseek-chat" };\n';
    assert.deepEqual((await server.diagnostics(await server.open('s.ts', 'typescript', ts))).items, []);
    const md = ['# Setup', '', '```properties', '# deepseek-cost-ignore-next-line', 'spring.ai.deepseek.chat.options.model=deepseek-chat', 'app.model=deepseek-reasoner', '```', ''].join('\n');
    assert.deepEqual(lines((await server.diagnostics(await server.open('s.md', 'markdown', md))).items), [5]);
    const props = 'spring.ai.deepseek.chat.options.model=deepseek-reasoner\n! deepseek-cost-ignore-next-line\nother.model=deepseek-chat\n';
    assert.deepEqual(lines((await server.diagnostics(await server.open('application.properties', 'properties', props))).items), [0]);
    // An edit that adds the comment takes effect on the next pull.
    const uri = await server.open('edit.py', 'python', 'x = f(model="deepseek-chat")\n');
    assert.equal((await server.diagnostics(uri)).items.length, 1);
    await server.change(uri, [{ range: { start: { line: 0, character: 28 }, end: { line: 0, character: 28 } }, text: '  # deepseek-cost-ignore' }]);
    assert.deepEqual((await server.diagnostics(uri)).items, []);
  } finally {
    await server.stop();
  }
});

async function ignoreFix(server, name, languageId, text) {
  const uri = await server.open(name, languageId, text);
  const { items } = await server.diagnostics(uri);
  assert.ok(items.length > 0, `${name}: expected a diagnostic`);
  const actions = await server.codeActions(uri, items[0].range, [items[0]], ['quickfix']);
  return { uri, items, actions, ignore: actions.find((a) => a.title.startsWith('Ignore ')) };
}

test('quick fix "Ignore deepseek-chat on this line" writes the comment of the language, and the diagnostic goes', async () => {
  const server = await startServer({ now });
  try {
    const cases = [
      ['i.py', 'python', 'def f():\n    return g(model="deepseek-chat")\n', 'def f():\n    # deepseek-cost-ignore-next-line deepseek-chat\n    return g(model="deepseek-chat")\n'],
      ['i.ts', 'typescript', 'const r = { model: "deepseek/deepseek-chat" };\n', '// deepseek-cost-ignore-next-line deepseek-chat\nconst r = { model: "deepseek/deepseek-chat" };\n'],
      ['i.yaml', 'yaml', 'llm:\n  model: deepseek-chat\n', 'llm:\n  # deepseek-cost-ignore-next-line deepseek-chat\n  model: deepseek-chat\n'],
      ['i.md', 'markdown', 'Run it:\n\n```go\nreq := Req{Model: "deepseek-chat"}\n```\n', 'Run it:\n\n```go\n// deepseek-cost-ignore-next-line deepseek-chat\nreq := Req{Model: "deepseek-chat"}\n```\n'],
      ['i.properties', 'properties', 'a=1\napp.model=deepseek-chat\n', 'a=1\n# deepseek-cost-ignore-next-line deepseek-chat\napp.model=deepseek-chat\n'],
    ];
    for (const [name, languageId, text, expected] of cases) {
      const { uri, ignore } = await ignoreFix(server, name, languageId, text);
      assert.ok(ignore, `${name}: no ignore action`);
      assert.equal(ignore.title, 'Ignore deepseek-chat on this line');
      assert.equal(ignore.isPreferred, false);
      const fixed = applyEdits(text, ignore.edit.changes[uri]);
      assert.equal(fixed, expected, name);
      const again = await server.open(`fixed-${name}`, languageId, fixed);
      assert.deepEqual((await server.diagnostics(again)).items, [], `${name}: still reported after the fix`);
    }
  } finally {
    await server.stop();
  }
});

test('the ignore fix adds an id to a next-line comment already above, and is not offered where no comment can go', async () => {
  const server = await startServer({ now });
  try {
    const text = '# deepseek-cost-ignore-next-line deepseek-reasoner\nx = f(model="deepseek-chat", fallback="deepseek-reasoner")\n';
    const { uri, ignore } = await ignoreFix(server, 'm.py', 'python', text);
    assert.equal(applyEdits(text, ignore.edit.changes[uri]), text.replace('deepseek-reasoner\n', 'deepseek-reasoner deepseek-chat\n'));
    const json = await ignoreFix(server, 'plain.json', 'json', '{"model": "deepseek-chat"}\n');
    assert.equal(json.ignore, undefined, 'plain JSON has no comments');
    assert.ok(json.actions.some((a) => a.title.startsWith('Use ')), 'the replacement fixes are still offered');
    const inBlock = await ignoreFix(server, 'block.yaml', 'yaml', 'model: |\n  deepseek-chat\nother: 1\n');
    assert.equal(inBlock.ignore, undefined, 'the line is inside a block scalar, where a # line is text');
  } finally {
    await server.stop();
  }
});

test('.deepseekcostignore at a workspace folder root: its globs are not checked, and a change is picked up', async () => {
  const root = mkdtempSync(path.join(tmpdir(), 'dcl-ignore-'));
  mkdirSync(path.join(root, 'testdata'), { recursive: true });
  const ignoreFile = path.join(root, '.deepseekcostignore');
  writeFileSync(ignoreFile, '# recorded responses\ntestdata/**/*.json\n');
  const server = await startServer({ now, workspaceFolders: [root] });
  try {
    for (let i = 0; i < 50 && server.registrations.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    assert.ok(server.registrations.some((r) => r.method === 'workspace/didChangeWatchedFiles' && JSON.stringify(r.registerOptions).includes('.deepseekcostignore')), 'the server watches the ignore file');
    const body = '{"model": "deepseek-chat"}\n';
    const ignored = await server.openFile(path.join(root, 'testdata', 'resp.json'), 'json', body);
    const checked = await server.openFile(path.join(root, 'config.json'), 'json', body);
    assert.deepEqual((await server.diagnostics(ignored)).items, []);
    assert.equal((await server.diagnostics(checked)).items.length, 1);

    writeFileSync(ignoreFile, '*.json\n!testdata/**\n');
    const before = server.refreshes;
    await server.watchedFilesChanged([{ file: ignoreFile, type: 2 }]);
    for (let i = 0; i < 50 && server.refreshes === before; i++) await new Promise((r) => setTimeout(r, 20));
    assert.ok(server.refreshes > before, 'the server asks the editor to pull diagnostics again');
    assert.equal((await server.diagnostics(ignored)).items.length, 1);
    assert.deepEqual((await server.diagnostics(checked)).items, []);

    rmSync(ignoreFile);
    await server.watchedFilesChanged([{ file: ignoreFile, type: 3 }]);
    for (let i = 0; i < 50; i++) {
      if ((await server.diagnostics(checked)).items.length === 1) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    assert.equal((await server.diagnostics(checked)).items.length, 1, 'deleting the file un-ignores');
  } finally {
    await server.stop();
    rmSync(root, { recursive: true, force: true });
  }
});
