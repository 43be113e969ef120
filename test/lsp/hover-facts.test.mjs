// Hovers say what a figure rests on and where the facts end, over real LSP: which tokenizer made a
// count (and that V4.1-served models may be billed differently), a user's tokenizer.json loaded at
// run time, the model version serving an ID, conflicting sources, a year without a holiday
// calendar and an old catalog.
import test from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { startServer } from './lspClient.mjs';

const require = createRequire(import.meta.url);
/** Hovers backslash-escape punctuation from catalog and settings text; these tests read the text. */
const ESCAPED = /\\([!-/:-@[-`{-~])/g;
const { Tokenizer } = require('tokenizers');
const v4File = require.resolve('@lenml/tokenizer-deepseek_v4/models/tokenizer.json');
const reference = Tokenizer.fromFile(v4File);
async function referenceCount(text) {
  return (await reference.encode(text, null, { addSpecialTokens: false })).getIds().length;
}

function positionOf(text, needle, delta = 1) {
  const offset = text.indexOf(needle) + delta;
  const before = text.slice(0, offset);
  return { line: before.split('\n').length - 1, character: offset - before.lastIndexOf('\n') - 1 };
}

const prompt = 'You are a meticulous code reviewer. 请指出每个问题所在的行号，并给出修改建议。 Keep every comment under forty words and never repeat the diff.';
const call = (model) => `r = client.chat.completions.create(model="${model}", messages=[{"role": "system", "content": "${prompt}"}])\n`;

async function promptHover(server, name, model) {
  const text = call(model);
  const uri = await server.open(name, 'python', text);
  return (await server.hover(uri, positionOf(text, 'meticulous'))).contents.value.replace(ESCAPED, '$1');
}

test('a V4.1-served model: the count is V4\'s tokenizer and may differ from what DeepSeek bills; V4-Pro: exact', async () => {
  const server = await startServer({ now: '2026-11-23T11:00:00Z' });
  try {
    const flash = await promptHover(server, 'f.py', 'deepseek-flash');
    assert.match(flash, new RegExp(`\\*\\*${await referenceCount(prompt)} tokens\\*\\*`));
    assert.match(flash, /Tokens counted with DeepSeek-V4's tokenizer \(bundled\); DeepSeek-V4\.1-Flash-1017 serves deepseek-flash with DeepSeek-V4\.1's, so the bill may differ \(`deepseekCost\.tokenizers`\)/);
    const legacy = await promptHover(server, 'l.py', 'deepseek-v4-flash');
    assert.match(legacy, /DeepSeek-V4\.1-Flash-1017 serves deepseek-v4-flash/);
    const pro = await promptHover(server, 'p.py', 'deepseek-v4-pro');
    assert.match(pro, /Tokens counted with DeepSeek-V4's tokenizer \(bundled\), the one DeepSeek-V4-Pro-0813 uses: exact\./);
    assert.doesNotMatch(pro, /the bill may differ/);
    // Before V4.1 (2026-09-10 04:00 UTC) the legacy name was V4-Flash itself: exact.
  } finally {
    await server.stop();
  }
  const early = await startServer({ now: '2026-09-01T11:00:00Z' });
  try {
    assert.match(await promptHover(early, 'e.py', 'deepseek-v4-flash'), /the one DeepSeek-V4-Flash uses: exact\./);
  } finally {
    await early.stop();
  }
});

test('deepseekCost.tokenizers: the file is loaded off the hover\'s path, then counts; an unsupported file is named and the bundled tokenizer stays', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ds-lsp-tokenizer-'));
  const bad = path.join(dir, 'nfc.json');
  const json = JSON.parse(readFileSync(v4File, 'utf8'));
  json.normalizer = { type: 'NFC' };
  writeFileSync(bad, JSON.stringify(json));
  const server = await startServer({
    now: '2026-11-23T11:00:00Z',
    settings: { tokenizers: { 'DeepSeek-V4.1-Flash-1017': v4File, 'deepseek-v4-pro': bad } },
  });
  try {
    const expected = await referenceCount(prompt);
    let md = await promptHover(server, 'u.py', 'deepseek-flash');
    const deadline = Date.now() + 20_000;
    // The first hover answers at once with the bundled count while the file loads in the background.
    while (!/your tokenizer\.json/.test(md) && Date.now() < deadline) {
      assert.match(md, /Your tokenizer file for this model is still loading; the bundled tokenizer counted\./);
      await new Promise((r) => setTimeout(r, 200));
      md = (await server.hover(server.uri('u.py'), positionOf(call('deepseek-flash'), 'meticulous'))).contents.value.replace(ESCAPED, '$1');
    }
    assert.match(md, /Tokens counted with your tokenizer\.json for DeepSeek-V4\.1-Flash-1017 \(`deepseekCost\.tokenizers`\)\./);
    assert.match(md, new RegExp(`\\*\\*${expected} tokens\\*\\*`), 'the loaded file counts exactly as the Rust engine does on it');
    assert.doesNotMatch(md, /the bill may differ/);

    let pro = await promptHover(server, 'b.py', 'deepseek-v4-pro');
    while (/still loading/.test(pro) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 200));
      pro = (await server.hover(server.uri('b.py'), positionOf(call('deepseek-v4-pro'), 'meticulous'))).contents.value.replace(ESCAPED, '$1');
    }
    assert.match(pro, /Your tokenizer file for this model cannot be used: the engine does not support it: its normalizer \(NFC\) is not supported/);
    assert.match(pro, /the bundled tokenizer counted/);
    assert.match(pro, new RegExp(`\\*\\*${expected} tokens\\*\\*`));
  } finally {
    await server.stop();
  }
});

test('model-ID hover: the version serving the ID, and the recorded conflict about v4-pro', async () => {
  const server = await startServer({ now: '2026-11-23T11:00:00Z' });
  try {
    const text = 'a = create(model="deepseek-flash")\nb = create(model="deepseek-v4-pro")\nc = create(model="deepseek-v4-flash-vision-exp")\n';
    const uri = await server.open('v.py', 'python', text);
    const flash = (await server.hover(uri, positionOf(text, 'deepseek-flash', 3))).contents.value.replace(ESCAPED, '$1');
    assert.match(flash, /Served by \*\*DeepSeek-V4\.1-Flash-1017\*\* since 2026-10-17 · tokenizer: DeepSeek-V4\.1 \(not bundled\)/);
    assert.doesNotMatch(flash, /Sources disagree/);
    const pro = (await server.hover(uri, positionOf(text, 'deepseek-v4-pro', 3))).contents.value.replace(ESCAPED, '$1');
    assert.match(pro, /Served by \*\*DeepSeek-V4-Pro-0813\*\* since 2026-10-17 · tokenizer: DeepSeek-V4 \(bundled\)/);
    assert.match(pro, /Sources disagree: some third parties say deepseek-v4-pro has been routed to V4\.1-Flash.*The product follows DeepSeek's page/);
    const vision = (await server.hover(uri, positionOf(text, 'vision-exp', 3))).contents.value.replace(ESCAPED, '$1');
    assert.match(vision, /\*\*legacy\*\* since /);
    assert.match(vision, /\| USD \| \$0\.15 \| \$0\.003 \| \$0\.6 \|/);
    assert.match(vision, /Off-peak price now/);
    assert.doesNotMatch(flash, /prices as of/, 'a catalog younger than 60 days says nothing about its age');
  } finally {
    await server.stop();
  }
});

test('a year without a holiday calendar and a catalog older than 60 days: one quiet line each, in both hovers', async () => {
  // Monday 2027-02-01 10:00 Beijing: weekday peak applied, 2027's holidays unknown, catalog 62 days old.
  const server = await startServer({ now: '2027-02-01T02:00:00Z' });
  try {
    const text = 'a = create(model="deepseek-flash")\n' + call('deepseek-flash');
    const uri = await server.open('y.py', 'python', text);
    const model = (await server.hover(uri, positionOf(text, 'deepseek-flash', 3))).contents.value.replace(ESCAPED, '$1');
    const promptMd = (await server.hover(uri, positionOf(text, 'meticulous'))).contents.value.replace(ESCAPED, '$1');
    for (const md of [model, promptMd]) {
      assert.match(md, /Assumption: holiday calendar for 2027 not published yet: weekday peak hours applied on every weekday\./);
      assert.match(md, /_prices as of 2026-12-01; check for an update_/);
    }
    assert.match(promptMd, /Peak price now/);
    assert.equal(server.messages.filter((m) => /prices as of|holiday/.test(m.message)).length, 0, 'never a popup');
  } finally {
    await server.stop();
  }
});
