// Suppression comments in every served language with comments, found by the real scanner and
// removed by the shared suppression module; markers inside strings never count.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ParsedDocument, scanLanguageFor } from '../../../src/core/scan';
import { languageFor } from '../../../src/core/languages';
import { shippedCatalogData } from '../../../src/catalog';
import { modelIdPredicate } from '../../../src/core/lint/modelIdFindings';
import { documentFindings } from '../../../src/core/lint/documentFindings';
import { ignoreOnLineEdit } from '../../../src/core/lint/suppression';
import { defaultLintSettings } from '../../../src/shared/settings';

const catalog = shippedCatalogData();
const at = new Date('2026-11-23T00:00:00Z');

/** Lines (1-based) of the findings left after suppression. */
async function remaining(file: string, text: string, languageId = ''): Promise<number[]> {
  const row = languageFor(languageId, file)!;
  const doc = await ParsedDocument.create(scanLanguageFor(languageId, file), text);
  try {
    const found = documentFindings(doc.modelIdLiterals(modelIdPredicate(catalog)), text, row.comments, catalog, at, defaultLintSettings.severity);
    return found.map((f) => text.slice(0, f.start).split('\n').length);
  } finally {
    doc.dispose();
  }
}

/** Builds a file from lines; `%C` is replaced by the language's line comment. */
const lines = (...ls: string[]) => ls.join('\n') + '\n';

const cases: { file: string; languageId?: string; c: string; id: (s: string) => string; str: (s: string) => string }[] = [
  { file: 'a.py', c: '#', id: (s) => `m = f(model="${s}")`, str: (s) => `note = "${s}"` },
  { file: 'a.ts', c: '//', id: (s) => `const m = { model: "${s}" };`, str: (s) => `const note = "${s}";` },
  { file: 'a.tsx', c: '//', id: (s) => `const m = { model: "${s}" };`, str: (s) => 'const note = `' + s + '`;' },
  { file: 'a.js', c: '//', id: (s) => `const m = { model: '${s}' };`, str: (s) => `const note = '${s}';` },
  { file: 'a.go', c: '//', id: (s) => `var m = Req{Model: "${s}"}`, str: (s) => 'var note = `' + s + '`' },
  { file: 'A.java', c: '//', id: (s) => `String m = req.model("${s}");`, str: (s) => `String note = "${s}";` },
  { file: 'a.rs', c: '//', id: (s) => `let m = Req { model: "${s}" };`, str: (s) => `let note = r#"${s}"#;` },
  { file: 'a.jsonc', c: '//', id: (s) => `"model": "${s}",`, str: (s) => `"note": "${s}",` },
  { file: 'a.yaml', c: '#', id: (s) => `model: ${s}`, str: (s) => `note: "${s}"` },
  { file: 'a.toml', c: '#', id: (s) => `model = "${s}"`, str: (s) => `note = "${s}"` },
  { file: '.env', c: '#', id: (s) => `DEEPSEEK_MODEL=${s}`, str: (s) => `NOTE="${s}"` },
  { file: 'app.properties', c: '#', id: (s) => `app.model=${s}`, str: (s) => `app.note=${s}` },
];

function wrap(file: string, body: string): string {
  if (file === 'a.jsonc') return `{\n${body}"end": 1\n}\n`;
  if (file === 'A.java') return `class A {\nvoid f() {\n${body}}\n}\n`;
  if (file === 'a.rs' || file === 'a.go') return file === 'a.go' ? `package main\n${body}` : `fn main() {\n${body}}\n`;
  return body;
}

const offset = (file: string) => (file === 'a.jsonc' || file === 'a.rs' || file === 'a.go' ? 1 : file === 'A.java' ? 2 : 0);

for (const k of cases) {
  test(`${k.file}: next-line, same-line and file comments; a marker in a string is not one`, async () => {
    const o = offset(k.file);
    const body = lines(
      k.id('deepseek-chat'), // 1: reported
      `${k.c} deepseek-cost-ignore-next-line`,
      k.id('deepseek-chat'), // 3: ignored
      `${k.c} deepseek-cost-ignore-next-line deepseek-reasoner -- only that one`,
      k.id('deepseek-chat'), // 5: reported (another id)
      k.str(`${k.c} deepseek-cost-ignore-next-line`),
      k.id('deepseek-chat'), // 7: reported, the marker above is in a string
    );
    const sameLine = k.file === 'app.properties' ? '' : lines(`${k.id('deepseek-coder')} ${k.c} deepseek-cost-ignore`);
    const text = wrap(k.file, body + sameLine);
    assert.deepEqual(await remaining(k.file, text, k.languageId), [1, 5, 7].map((n) => n + o));
    const fileWide = wrap(k.file, lines(`${k.c} deepseek-cost-ignore-file`) + body);
    assert.deepEqual(await remaining(k.file, fileWide, k.languageId), []);
    const inString = wrap(k.file, lines(k.str(`${k.c} deepseek-cost-ignore-file`)) + body);
    assert.deepEqual(await remaining(k.file, inString, k.languageId), [2, 6, 8].map((n) => n + o));
  });
}

test('block comments count too (C-like languages)', async () => {
  const text = 'const a = { model: "deepseek-chat" }; /* deepseek-cost-ignore */\n/* deepseek-cost-ignore-next-line\n   spans lines */\nconst b = { model: "deepseek-chat" };\nconst c = { model: "deepseek-chat" };\n';
  assert.deepEqual(await remaining('a.ts', text), [5]);
});

test('plain JSON has no comments: a // line there is not a suppression (use .deepseekcostignore)', async () => {
  const text = '{\n// deepseek-cost-ignore-file\n"model": "deepseek-chat"\n}\n';
  assert.deepEqual(await remaining('a.json', text), [3]);
  assert.deepEqual(await remaining('a.jsonc', text), []);
});

test('YAML: # inside a block scalar or after a non-space is text, not a comment', async () => {
  const text = lines(
    'steps:',
    '  - run: |',
    '      echo "x" # deepseek-cost-ignore-file',
    '  - model: deepseek-chat',
    'url: http://host/#deepseek-cost-ignore-file',
    "note: 'it''s # deepseek-cost-ignore-file'",
    '# deepseek-cost-ignore-next-line',
    'model: deepseek-reasoner',
  );
  assert.deepEqual(await remaining('ci.yml', text), [4]);
  assert.deepEqual(await remaining('compose.yml', text, 'dockercompose'), [4]);
});

test('Python: a triple-quoted string holding the marker is not a comment', async () => {
  const text = lines('doc = """', '# deepseek-cost-ignore-file', '"""', 'm = f(model="deepseek-chat")');
  assert.deepEqual(await remaining('a.py', text), [4]);
});

test('properties: a # line that continues a value is not a comment', async () => {
  const text = lines('a.note=one \\', '  # deepseek-cost-ignore-file', 'app.model=deepseek-chat');
  assert.deepEqual(await remaining('a.properties', text), [3]);
  assert.deepEqual(await remaining('a.properties', lines('! deepseek-cost-ignore-file', 'app.model=deepseek-chat')), []);
});

test('Markdown: HTML comments in prose for the file, the fence language inside fences, inline code is not a comment', async () => {
  const fence = (lang: string, c: string) => lines('```' + lang, `${c} deepseek-cost-ignore-next-line`, lang === 'python' ? 'f(model="deepseek-chat")' : 'model: deepseek-chat', '```');
  const text = lines('# Notes', '`<!-- deepseek-cost-ignore-file -->` is how you would ignore a file.') + fence('python', '#') + fence('yaml', '#') + lines('```python', 'f(model="deepseek-reasoner")', '```');
  assert.deepEqual(await remaining('README.md', text), [12]);
  // `//` is not a Python comment: the suppression there does nothing.
  assert.deepEqual(await remaining('README.md', fence('python', '//')), [3]);
  assert.deepEqual(await remaining('README.md', lines('<!-- deepseek-cost-ignore-file -->') + fence('python', '//')), []);
});

test('prompt files: YAML comments in the front matter', async () => {
  const text = lines('---', 'model: deepseek-chat # deepseek-cost-ignore', 'fallback: deepseek-reasoner', '---', 'You are helpful. # deepseek-cost-ignore-file');
  assert.deepEqual(await remaining('chat.prompt.md', text, 'markdown'), [3]);
});

test('the quick fix edit: the language comment above the line with its indentation, merged into one already there', () => {
  const py = 'def f():\n    return g(model="deepseek-chat")\n';
  const f = { start: py.indexOf('deepseek-chat'), written: 'deepseek-chat', modelId: 'deepseek-chat' };
  assert.deepEqual(ignoreOnLineEdit(py, 'hash', f), { start: 9, end: 9, newText: '    # deepseek-cost-ignore-next-line deepseek-chat\n' });
  const ts = '  // deepseek-cost-ignore-next-line deepseek-reasoner\r\n  x({ a: "deepseek-reasoner", b: "deepseek/deepseek-chat" });\r\n';
  const g = { start: ts.indexOf('deepseek/deepseek-chat'), written: 'deepseek/deepseek-chat', modelId: 'deepseek-chat' };
  const edit = ignoreOnLineEdit(ts, 'c', g)!;
  assert.equal(ts.slice(0, edit.start) + edit.newText + ts.slice(edit.end), ts.replace('deepseek-reasoner\r\n', 'deepseek-reasoner deepseek-chat\r\n'));
  const md = '```yaml\nmodel: deepseek-chat\n```\n';
  assert.equal(ignoreOnLineEdit(md, 'markdown', { start: md.indexOf('deepseek-chat'), written: 'deepseek-chat', modelId: 'deepseek-chat' })?.newText, '# deepseek-cost-ignore-next-line deepseek-chat\n');
  // No line comments in plain JSON; a line inside a multi-line string cannot take one.
  assert.equal(ignoreOnLineEdit('{"model": "deepseek-chat"}', 'none', { start: 11, written: 'deepseek-chat', modelId: 'deepseek-chat' }), undefined);
  const inString = 'x = """\ndeepseek-chat\n"""\n';
  assert.equal(ignoreOnLineEdit(inString, 'hash', { start: 8, written: 'deepseek-chat', modelId: 'deepseek-chat' }), undefined);
});
