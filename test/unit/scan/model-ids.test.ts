import { test } from 'node:test';
import assert from 'node:assert/strict';
import { offsetOf, scanIds, summary } from './helpers';

test('python: plain, raw, triple-quoted, placeholder-free f-strings, LiteLLM prefix; not comments, URLs, prose, pieces, bytes, dict keys', async () => {
  const src = [
    'MODEL = "deepseek-chat"',
    "B = 'deepseek-reasoner'",
    'C = r"deepseek-coder"',
    'D = """deepseek-v4-pro"""',
    'E = f"deepseek-v4-flash"',
    "F = 'deepseek/deepseek-chat'",
    '# MODEL = "deepseek-chat" in a comment',
    'deepseek_chat = 1',
    'U = "https://x/deepseek-chat"',
    'P = "we used deepseek-chat before"',
    'Q = "deepseek-" + "chat"',
    'G = f"deepseek-{x}"',
    'H = b"deepseek-chat"',
    'K = {"deepseek-chat": 0.14}',
    'N = "deepseek-chat-2"',
    'S = "DeepSeek-Chat"',
    'client.create(model="deepseek-chat")',
  ].join('\n');
  const ids = await scanIds('python', src);
  assert.deepEqual(summary(ids), [
    ['deepseek-chat', offsetOf(src, 'MODEL = "deepseek-chat"', 'deepseek-chat')],
    ['deepseek-reasoner', offsetOf(src, "'deepseek-reasoner'", 'deepseek-reasoner')],
    ['deepseek-coder', offsetOf(src, 'r"deepseek-coder"', 'deepseek-coder')],
    ['deepseek-v4-pro', offsetOf(src, '"""deepseek-v4-pro"""', 'deepseek-v4-pro')],
    ['deepseek-v4-flash', offsetOf(src, 'f"deepseek-v4-flash"', 'deepseek-v4-flash')],
    ['deepseek/deepseek-chat', offsetOf(src, "'deepseek/deepseek-chat'", 'deepseek/deepseek-chat')],
    ['deepseek-chat', offsetOf(src, 'model="deepseek-chat"', 'deepseek-chat')],
  ]);
  assert.equal(ids[6].key, 'model');
});

test('typescript: quotes, template without substitutions, literal types; not template with substitution, comments, identifiers, object keys', async () => {
  const src = [
    'const a = "deepseek-chat";',
    "const b = 'deepseek/deepseek-reasoner';",
    'const c = `deepseek-v4-pro`;',
    'type M = "deepseek-coder" | "deepseek-v4-flash";',
    'const d = `deepseek-${x}`;',
    '// "deepseek-chat"',
    '/* "deepseek-chat" */',
    'const deepseekChat = deepseek_chat;',
    'const e = "deepseek-" + "chat";',
    'const k = { "deepseek-chat": 1 };',
    'const s: string = "see https://api/deepseek-chat";',
    'const r = /deepseek-chat/;',
  ].join('\n');
  const ids = await scanIds('typescript', src);
  assert.deepEqual(summary(ids), [
    ['deepseek-chat', offsetOf(src, '"deepseek-chat";', 'deepseek-chat')],
    ['deepseek/deepseek-reasoner', offsetOf(src, "'deepseek/deepseek-reasoner'", 'deepseek/')],
    ['deepseek-v4-pro', offsetOf(src, '`deepseek-v4-pro`', 'deepseek-v4-pro')],
    ['deepseek-coder', offsetOf(src, '"deepseek-coder"', 'deepseek-coder')],
    ['deepseek-v4-flash', offsetOf(src, '"deepseek-v4-flash"', 'deepseek-v4-flash')],
  ]);
});

test('tsx and javascript: JSX attribute strings count, JSX text does not', async () => {
  const src = 'const x = <Chat model="deepseek-chat">deepseek-chat is old</Chat>;\nconst y = "deepseek-v4-pro";';
  const tsx = await scanIds('tsx', src);
  assert.deepEqual(summary(tsx), [
    ['deepseek-chat', offsetOf(src, 'model="deepseek-chat"', 'deepseek-chat')],
    ['deepseek-v4-pro', offsetOf(src, '"deepseek-v4-pro"', 'deepseek-v4-pro')],
  ]);
  const js = await scanIds('javascript', src);
  assert.deepEqual(summary(js), summary(tsx));
});

test('go: interpreted and raw strings; not comments or map keys', async () => {
  const src = [
    'package main',
    'const Model = "deepseek-chat"',
    'var raw = `deepseek/deepseek-reasoner`',
    '// "deepseek-chat"',
    'var prices = map[string]float64{"deepseek-chat": 0.14}',
    'var req = Req{Model: "deepseek-v4-pro"}',
    'var x = "deepseek-" + "chat"',
    'var u = "https://x/deepseek-chat"',
    'var p = "we used deepseek-chat before"',
    'var deepseekChat = fmt.Sprintf("deepseek-%s", v)',
  ].join('\n');
  const ids = await scanIds('go', src);
  assert.deepEqual(summary(ids), [
    ['deepseek-chat', offsetOf(src, '"deepseek-chat"\n', 'deepseek-chat')],
    ['deepseek/deepseek-reasoner', offsetOf(src, '`deepseek/deepseek-reasoner`', 'deepseek/')],
    ['deepseek-v4-pro', offsetOf(src, 'Model: "deepseek-v4-pro"', 'deepseek-v4-pro')],
  ]);
  assert.equal(ids[2].key, 'model');
});

test('java: strings and trivial text blocks; not comments or strings built from pieces', async () => {
  const src = [
    'class A {',
    '  static final String MODEL = "deepseek-chat";',
    '  // "deepseek-chat"',
    '  String b = """',
    '      deepseek-v4-pro""";',
    '  String c = "deepseek-" + "chat";',
    '  String u = "https://x/deepseek-chat", p = "we used deepseek-chat before";',
    '  int deepseekChat = 1;',
    '  void f() { builder.model("deepseek/deepseek-reasoner"); }',
    '}',
  ].join('\n');
  const ids = await scanIds('java', src);
  assert.deepEqual(summary(ids), [
    ['deepseek-chat', offsetOf(src, '"deepseek-chat";', 'deepseek-chat')],
    ['deepseek-v4-pro', offsetOf(src, 'deepseek-v4-pro' + '""' + '"', 'deepseek-v4-pro')],
    ['deepseek/deepseek-reasoner', offsetOf(src, '"deepseek/deepseek-reasoner"', 'deepseek/')],
  ]);
  assert.equal(ids[2].key, 'model');
});

test('rust: strings and raw strings r"" / r#""#; not byte strings, comments', async () => {
  const src = [
    'const MODEL: &str = "deepseek-chat";',
    'let a = r"deepseek-reasoner";',
    'let b = r#"deepseek/deepseek-v4-pro"#;',
    'let c = b"deepseek-chat";',
    '// "deepseek-chat"',
    'let d = format!("deepseek-{}", x);',
    'let e = json!({"model": "deepseek-v4-flash"});',
    'let u = "https://x/deepseek-chat"; let p = "we used deepseek-chat before"; let deepseek_chat = 1;',
  ].join('\n');
  const ids = await scanIds('rust', src);
  assert.deepEqual(summary(ids), [
    ['deepseek-chat', offsetOf(src, '"deepseek-chat";', 'deepseek-chat')],
    ['deepseek-reasoner', offsetOf(src, 'r"deepseek-reasoner"', 'deepseek-reasoner')],
    ['deepseek/deepseek-v4-pro', offsetOf(src, 'r#"deepseek/deepseek-v4-pro"#', 'deepseek/')],
    ['deepseek-v4-flash', offsetOf(src, '"deepseek-v4-flash"', 'deepseek-v4-flash')],
  ]);
});

test('json / jsonc: values only, never keys; comments ignored', async () => {
  const src = '{\n  // "deepseek-chat"\n  "deepseek-chat": {"model": "deepseek-chat"},\n  "list": ["deepseek/deepseek-reasoner", "a deepseek-chat b"]\n}';
  const ids = await scanIds('json', src);
  assert.deepEqual(summary(ids), [
    ['deepseek-chat', offsetOf(src, '"model": "deepseek-chat"', 'deepseek-chat')],
    ['deepseek/deepseek-reasoner', offsetOf(src, '"deepseek/deepseek-reasoner"', 'deepseek/')],
  ]);
  assert.equal(ids[0].key, 'model');
});

test('yaml: plain, single- and double-quoted scalars, flow sequences, block scalars; not keys, comments, prose', async () => {
  const src = [
    'block: |',
    '  deepseek-v4-flash',
    'model: deepseek-chat',
    "fallback: 'deepseek/deepseek-reasoner'",
    'other: "deepseek-v4-pro"',
    'list: [deepseek-coder, x]',
    'deepseek-chat: key-not-value',
    '# model: deepseek-chat',
    'note: we used deepseek-chat before',
    'url: https://x/deepseek-chat',
  ].join('\n');
  const ids = await scanIds('yaml', src);
  assert.deepEqual(summary(ids), [
    ['deepseek-v4-flash', offsetOf(src, '  deepseek-v4-flash', 'deepseek-v4-flash')],
    ['deepseek-chat', offsetOf(src, 'model: deepseek-chat', 'deepseek-chat')],
    ['deepseek/deepseek-reasoner', offsetOf(src, "'deepseek/deepseek-reasoner'", 'deepseek/')],
    ['deepseek-v4-pro', offsetOf(src, '"deepseek-v4-pro"', 'deepseek-v4-pro')],
    ['deepseek-coder', offsetOf(src, '[deepseek-coder', 'deepseek-coder')],
  ]);
});

test('toml: basic and literal strings, inline tables and arrays; not keys or comments', async () => {
  const src = [
    'model = "deepseek-chat"',
    '# model = "deepseek-chat"',
    '[llm]',
    "fallback = 'deepseek/deepseek-reasoner'",
    '"deepseek-chat" = 1',
    'list = ["deepseek-v4-pro"]',
    'inline = { model = "deepseek-v4-flash" }',
  ].join('\n');
  const ids = await scanIds('toml', src);
  assert.deepEqual(summary(ids), [
    ['deepseek-chat', offsetOf(src, 'model = "deepseek-chat"', 'deepseek-chat')],
    ['deepseek/deepseek-reasoner', offsetOf(src, "'deepseek/deepseek-reasoner'", 'deepseek/')],
    ['deepseek-v4-pro', offsetOf(src, '"deepseek-v4-pro"', 'deepseek-v4-pro')],
    ['deepseek-v4-flash', offsetOf(src, '"deepseek-v4-flash"', 'deepseek-v4-flash')],
  ]);
});

test('dotenv: bare, quoted, export, inline comments; not comment lines or keys', async () => {
  const src = [
    '# DEEPSEEK_MODEL=deepseek-chat',
    'DEEPSEEK_MODEL=deepseek-chat',
    'export FALLBACK="deepseek/deepseek-reasoner"',
    "OTHER = 'deepseek-v4-pro'   # trailing comment",
    'PLAIN=deepseek-v4-flash # comment',
    'deepseek-chat_KEY=1',
    'URL=https://x/deepseek-chat',
    'MULTI="line one',
    'MODEL=deepseek-chat inside a quoted value"',
  ].join('\n');
  const ids = await scanIds('dotenv', src);
  assert.deepEqual(summary(ids), [
    ['deepseek-chat', offsetOf(src, '\nDEEPSEEK_MODEL=deepseek-chat', 'deepseek-chat')],
    ['deepseek/deepseek-reasoner', offsetOf(src, '"deepseek/deepseek-reasoner"', 'deepseek/')],
    ['deepseek-v4-pro', offsetOf(src, "'deepseek-v4-pro'", 'deepseek-v4-pro')],
    ['deepseek-v4-flash', offsetOf(src, 'PLAIN=deepseek-v4-flash', 'deepseek-v4-flash')],
  ]);
});

test('markdown: only fenced code, parsed with the fence language; offsets map back; unknown fences use the fallback', async () => {
  const src = [
    '# Notes',
    'We used deepseek-chat before, and "deepseek-chat" in prose is not code.',
    '```python',
    'client.create(model="deepseek-chat")  # deepseek-reasoner',
    '```',
    '~~~ts',
    'const m = `deepseek/deepseek-v4-pro`;',
    '~~~',
    '```bash',
    'curl -d \'{"model": "deepseek-reasoner"}\' https://x/deepseek-chat',
    '```',
    '```',
    'plain deepseek-coder',
    '```',
  ].join('\n');
  const ids = await scanIds('markdown', src);
  assert.deepEqual(summary(ids), [
    ['deepseek-chat', offsetOf(src, 'model="deepseek-chat"', 'deepseek-chat')],
    ['deepseek/deepseek-v4-pro', offsetOf(src, '`deepseek/deepseek-v4-pro`', 'deepseek/')],
    ['deepseek-reasoner', offsetOf(src, '"model": "deepseek-reasoner"', 'deepseek-reasoner')],
  ]);
});

test('fallback languages: only quoted tokens that are exactly an ID, never prose or apostrophes', async () => {
  const src = [
    'var model = "deepseek-chat"; // C#',
    "$m = 'deepseek/deepseek-reasoner';",
    'We used deepseek-chat before.',
    "it's deepseek-chat's job",
    'say "deepseek-chat is old"',
    'url "https://x/deepseek-chat"',
  ].join('\n');
  const ids = await scanIds('fallback', src);
  assert.deepEqual(summary(ids), [
    ['deepseek-chat', offsetOf(src, '"deepseek-chat";', 'deepseek-chat')],
    ['deepseek/deepseek-reasoner', offsetOf(src, "'deepseek/deepseek-reasoner'", 'deepseek/')],
  ]);
});

test('prompt files: model IDs in the YAML front matter only', async () => {
  const src = '---\nname: x\nmodel:\n  api: chat\n  configuration:\n    azure_deployment: deepseek-chat\n---\nsystem:\nUse "deepseek-chat" wisely.\n';
  const ids = await scanIds('prompt-file', src);
  assert.deepEqual(summary(ids), [['deepseek-chat', offsetOf(src, 'azure_deployment: deepseek-chat', 'deepseek-chat')]]);
});

test('escaped IDs are not reported (a text replacement could not keep the escape)', async () => {
  const ids = await scanIds('python', 'a = "deepseek\\x2dchat"\nb = "deepseek-chat"');
  assert.deepEqual(ids.map((l) => l.written), ['deepseek-chat']);
});
