// The data flow from prompt text to the chat call that sends it, per language, on fixtures of
// our own (test/fixtures/calls): direct literals, constants, lists of constants, f-strings /
// `.format` / template literals of a constant, constants shared by calls, imported constants.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ParsedDocument, scanLanguageFor, type CallSite } from '../../../src/core/scan';

const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'calls');

async function callsOf(name: string): Promise<{ src: string; calls: CallSite[]; line: (c: CallSite) => number }> {
  const src = readFileSync(join(FIXTURES, name), 'utf8');
  const doc = await ParsedDocument.create(scanLanguageFor('', name), src);
  try {
    const calls = doc.callSites();
    return { src, calls, line: (c) => src.slice(0, c.anchor).split('\n').length };
  } finally {
    doc.dispose();
  }
}

const SYSTEM_PY = 'You are a careful support assistant for a bicycle shop.\nAnswer in two short paragraphs and never invent part numbers.';
const shape = (c: CallSite) => c.messages.map((m) => [m.role, m.text, m.unknownParts]);

test('Python: a literal written in the call, with its model and max_tokens', async () => {
  const { calls, line } = await callsOf('support_bot.py');
  assert.equal(calls.length, 6);
  const direct = calls[0];
  assert.equal(line(direct), 26);
  assert.deepEqual([direct.model?.written, direct.model?.via, direct.maxTokens], ['deepseek-v4-flash', 'argument', 50]);
  assert.deepEqual(shape(direct), [['user', "Say hello to the shop's customers.", 0]]);
});

test('Python: a module constant in the messages, the model and max_tokens through constants', async () => {
  const { calls } = await callsOf('support_bot.py');
  const c = calls[1];
  assert.deepEqual([c.model?.written, c.model?.via, c.maxTokens], ['deepseek-v4-flash', 'constant', 800]);
  assert.deepEqual(shape(c), [['system', SYSTEM_PY, 0], ['user', '', 1]]);
  assert.equal(c.messages[0].sources[0].constant, 'SYSTEM_PROMPT');
});

test('Python: a list of constants spread into the messages', async () => {
  const { calls } = await callsOf('support_bot.py');
  const c = calls[2];
  assert.equal(c.model?.written, 'deepseek-v4-pro');
  assert.equal(c.maxTokens, undefined);
  assert.deepEqual(shape(c), [
    ['system', SYSTEM_PY, 0],
    ['user', 'Which chain fits an 11-speed cassette?', 0],
    ['assistant', 'An 11-speed chain, 5.5 mm wide.', 0],
    ['user', '', 1],
  ]);
});

test('Python: an f-string of constants puts their text in place; .format of a constant leaves its fields to run time', async () => {
  const { calls } = await callsOf('support_bot.py');
  const c = calls[3];
  assert.equal(c.maxTokens, 300);
  assert.deepEqual(shape(c), [
    ['system', `${SYSTEM_PY}\nBe warm but brief.`, 0],
    ['user', 'Customer question: \nReply as the shop.', 1],
  ]);
});

test('Python: a constant imported from another module is unknown here and named', async () => {
  const { calls } = await callsOf('support_bot.py');
  const c = calls[4];
  assert.deepEqual(c.importedNames, ['SHARED_RULES']);
  assert.deepEqual(shape(c), [['system', '', 1], ['user', '', 1]]);
  assert.equal(c.thinking, false, 'extra_body thinking disabled is read');
});

test('Python: a messages list held in a local variable', async () => {
  const { calls } = await callsOf('support_bot.py');
  assert.deepEqual(shape(calls[5]), [['system', 'Use metric units.', 0], ['user', '', 1]]);
  assert.equal(calls[5].maxTokens, 200);
});

test('Python: one constant used by several calls is found in each', async () => {
  const { calls } = await callsOf('support_bot.py');
  const users = calls.filter((c) => c.messages.some((m) => m.sources.some((s) => s.constant === 'SYSTEM_PROMPT')));
  assert.equal(users.length, 3);
  assert.deepEqual(users.map((c) => c.model?.written), ['deepseek-v4-flash', 'deepseek-v4-pro', 'deepseek-v4-flash']);
});

test('TypeScript: literal, constant, list of constants, template literal of constants, import, AI SDK system/prompt', async () => {
  const { calls } = await callsOf('support_bot.ts');
  assert.equal(calls.length, 6);
  const system = 'You are a careful support assistant for a bicycle shop.\nAnswer in two short paragraphs and never invent part numbers.';
  assert.deepEqual(shape(calls[0]), [['user', "Say hello to the shop's customers.", 0]]);
  assert.deepEqual([calls[1].model?.written, calls[1].model?.via, calls[1].maxTokens], ['deepseek-v4-flash', 'constant', 800]);
  assert.deepEqual(shape(calls[1]), [['system', system, 0], ['user', '', 1]]);
  assert.deepEqual(shape(calls[2]), [['system', system, 0], ['user', 'Which chain fits an 11-speed cassette?', 0], ['user', '', 1]]);
  assert.deepEqual(shape(calls[3]), [['system', `${system}\nBe warm but brief.`, 0], ['user', 'Customer question: ', 1]]);
  assert.equal(calls[3].maxTokens, 300);
  assert.deepEqual(calls[4].importedNames, ['SHARED_RULES']);
  assert.deepEqual([calls[5].model?.written, calls[5].maxTokens], ['deepseek-v4-flash', 400]);
  assert.deepEqual(shape(calls[5]), [['system', 'Be warm but brief.', 0], ['user', '', 1]]);
});

const SHORT = 'You are a careful support assistant for a bicycle shop. Answer briefly.';

test('Go: ChatCompletionMessage{Role, Content: constant} in a ChatCompletionRequest', async () => {
  const { calls } = await callsOf('support_bot.go');
  assert.equal(calls.length, 1);
  assert.deepEqual([calls[0].model?.written, calls[0].model?.via, calls[0].maxTokens], ['deepseek-v4-flash', 'constant', 600]);
  assert.deepEqual(shape(calls[0]), [['system', SHORT, 0], ['user', '', 1]]);
});

test('Java: the OpenAI SDK builder (.addSystemMessage(CONSTANT)) and a List.of(new ChatMessage(role, CONSTANT))', async () => {
  const { calls } = await callsOf('SupportBot.java');
  assert.equal(calls.length, 2);
  assert.deepEqual([calls[0].model?.written, calls[0].model?.via, calls[0].maxTokens], ['deepseek-v4-pro', 'constant', 700]);
  assert.deepEqual(shape(calls[0]), [['system', SHORT, 0], ['user', '', 1]]);
  assert.deepEqual([calls[1].model?.written, calls[1].model?.via], ['deepseek-v4-flash', 'argument']);
  assert.deepEqual(shape(calls[1]), [['system', SHORT, 0], ['user', '', 1]]);
});

test('Rust: a json! body and async-openai builders with a const', async () => {
  const { calls } = await callsOf('support_bot.rs');
  assert.equal(calls.length, 2);
  assert.deepEqual([calls[0].model?.written, calls[0].model?.via, calls[0].maxTokens], ['deepseek-v4-flash', 'constant', 500]);
  assert.deepEqual(shape(calls[0]), [['system', SHORT, 0], ['user', '', 1]]);
  assert.deepEqual([calls[1].model?.written, calls[1].maxTokens], ['deepseek-v4-pro', 512]);
  assert.deepEqual(shape(calls[1]), [['system', SHORT, 0], ['user', '', 1]]);
});

test('calls are computed once per text and again after an edit', async () => {
  const src = 'MODEL = "deepseek-v4-flash"\nP = "Be brief."\nclient.chat.completions.create(model=MODEL, messages=[{"role": "system", "content": P}])\n';
  const doc = await ParsedDocument.create('python', src);
  try {
    const first = doc.callSites();
    assert.equal(doc.callSites(), first, 'cached for the same text');
    const edited = src.replace('Be brief.', 'Be very brief.');
    const at = src.indexOf('brief');
    doc.update(edited, [{ rangeOffset: at, rangeLength: 0, text: 'very ' }]);
    assert.equal(doc.callSites()[0].messages[0].text, 'Be very brief.');
  } finally {
    doc.dispose();
  }
});

test('a messages value known only at run time counts as one unknown part; a file without calls has none', async () => {
  const doc = await ParsedDocument.create('python', 'def f(msgs):\n    return client.chat.completions.create(model="deepseek-v4-pro", messages=msgs)\n');
  try {
    const [c] = doc.callSites();
    assert.deepEqual([c.messages.length, c.unknownMessages], [0, 1]);
  } finally {
    doc.dispose();
  }
  const none = await ParsedDocument.create('python', 'x = {"system": "not a call"}\nprint("messages")\n');
  try {
    assert.deepEqual(none.callSites(), []);
  } finally {
    none.dispose();
  }
});
