// Call sites over real LSP: only calls that go to DeepSeek's own API get DeepSeek's verdicts, and
// the hover of a model ID on another provider says which provider serves it.
import test from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './lspClient.mjs';

const ERROR = 1, INFORMATION = 3;

function positionOf(text, needle, into = 0, occurrence = 0) {
  let idx = -1;
  for (let i = 0; i <= occurrence; i++) idx = text.indexOf(needle, idx + 1);
  const offset = idx + into;
  const before = text.slice(0, offset);
  return { line: before.split('\n').length - 1, character: offset - before.lastIndexOf('\n') - 1 };
}

const openrouter = `from openai import OpenAI
client = OpenAI(base_url="https://openrouter.ai/api/v1", api_key=os.environ["OPENROUTER_API_KEY"])
resp = client.chat.completions.create(model="deepseek/deepseek-chat", messages=[])
`;

const mixed = `import OpenAI from 'openai';
const deepseek = new OpenAI({ baseURL: 'https://api.deepseek.com', apiKey: process.env.DEEPSEEK_API_KEY });
const router = new OpenAI({ baseURL: 'https://openrouter.ai/api/v1', apiKey: process.env.OPENROUTER_API_KEY });
await router.chat.completions.create({ model: 'deepseek/deepseek-chat', messages: [] });
await deepseek.chat.completions.create({ model: 'deepseek-chat', messages: [] });
if (model === 'deepseek-reasoner') console.log('legacy');
`;

test('an OpenRouter file gets no error, and its hover names OpenRouter', async () => {
  const server = await startServer({ now: '2026-12-01T10:00:00Z' });
  try {
    const uri = await server.open('router.py', 'python', openrouter);
    const report = await server.diagnostics(uri);
    assert.deepEqual(report.items, []);
    const hover = (await server.hover(uri, positionOf(openrouter, 'deepseek/deepseek-chat', 12))).contents.value;
    assert.match(hover, /on \*\*OpenRouter\*\*/);
    assert.match(hover, /DeepSeek's dates and prices do not apply/);
    assert.doesNotMatch(hover, /retired/);
  } finally {
    await server.stop();
  }
});

test('a mixed file gets exactly the official call\'s error, with provider and role in the data', async () => {
  const server = await startServer({ now: '2026-12-01T10:00:00Z' });
  try {
    const uri = await server.open('mixed.ts', 'typescript', mixed);
    const { items } = await server.diagnostics(uri);
    assert.equal(items.length, 1);
    assert.equal(items[0].severity, ERROR);
    assert.deepEqual(items[0].range.start, positionOf(mixed, "'deepseek-chat', messages", 1));
    assert.equal(items[0].data.provider, 'deepseek');
    assert.equal(items[0].data.role, 'request');
    const official = (await server.hover(uri, positionOf(mixed, "'deepseek-chat', messages", 4))).contents.value;
    assert.match(official, /\*\*retired\*\* since /);
  } finally {
    await server.stop();
  }
});

test('a test file that only names an old ID is marked as information; code that does not parse gets a note', async () => {
  const server = await startServer({ now: '2026-12-01T10:00:00Z' });
  try {
    const fixture = 'LEGACY = "deepseek-chat"\n';
    const uri = await server.open('tests/test_models.py', 'python', fixture);
    const { items } = await server.diagnostics(uri);
    assert.deepEqual(items.map((d) => [d.severity, d.data.role]), [[INFORMATION, 'value']]);
    const broken = 'fn f() { let s = "oops;\n let m = "deepseek-chat"; }\n';
    const brokenUri = await server.open('src/lib.rs', 'rust', broken);
    const notes = (await server.diagnostics(brokenUri)).items;
    assert.equal(notes.length, 1);
    assert.equal(notes[0].code, 'unparsed-region');
    assert.equal(notes[0].severity, INFORMATION);
    assert.match(notes[0].message, /deepseek-chat on line 2 was not checked: the code around it does not parse/);
  } finally {
    await server.stop();
  }
});
