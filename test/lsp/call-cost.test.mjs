// What a call costs, over real LSP with the real server on stdio: a CodeLens per DeepSeek call
// (input counted as DeepSeek-V4 renders the conversation, checked against Hugging Face's Rust
// tokenizer), its breakdown, the setting that turns it off, and prompt hovers priced per call.
import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { startServer } from './lspClient.mjs';

const require = createRequire(import.meta.url);
const { Tokenizer } = require('tokenizers');
const reference = Tokenizer.fromFile(require.resolve('@lenml/tokenizer-deepseek_v4/models/tokenizer.json'));
const count = async (text) => (await reference.encode(text, null, { addSpecialTokens: false })).getIds().length;
const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'calls');
const fixture = (name) => readFileSync(path.join(FIXTURES, name), 'utf8');
// Saturday 2026-12-05 12:00 UTC: off-peak; flash USD 0.15 / 0.003 / 0.60 per 1M.
const NOW = '2026-12-05T12:00:00Z';
const BOS = '<｜begin▁of▁sentence｜>';
const SYS = 'You are a careful support assistant for a bicycle shop.\nAnswer in two short paragraphs and never invent part numbers.';

function positionOf(text, needle, delta = 1) {
  const offset = text.indexOf(needle) + delta;
  const before = text.slice(0, offset);
  return { line: before.split('\n').length - 1, character: offset - before.lastIndexOf('\n') - 1 };
}

test('Python: one lens per DeepSeek call, above the call, with tokens counted as DeepSeek renders the conversation', async () => {
  const server = await startServer({ now: NOW });
  try {
    const text = fixture('support_bot.py');
    const uri = await server.open('support_bot.py', 'python', text);
    const lenses = await server.codeLenses(uri);
    assert.deepEqual(lenses.map((l) => l.range.start.line + 1), [26, 35, 44, 49, 61, 71]);
    // The constant call: system constant, user turn at run time, max_tokens 800 through a constant.
    const tokens = await count(`${BOS}${SYS}<｜User｜><｜Assistant｜><think>`);
    const perCall = (tokens * 0.15 + 800 * 0.6) / 1e6;
    const title = new RegExp(`^deepseek-v4-flash · ${tokens} input tokens \\+ 1 part known at run time · up to 800 output tokens · at most \\$([\\d.]+) per call · \\$([\\d.,]+) per 1,000 calls$`).exec(lenses[1].command.title);
    assert.ok(title, lenses[1].command.title);
    assert.ok(Math.abs(Number(title[1]) / perCall - 1) < 0.03 && Math.abs(Number(title[2].replace(/,/g, '')) / (perCall * 1000) - 1) < 0.01, title[0]);
    assert.equal(lenses[1].command.command, 'deepseekCost.showCallBreakdown');
    const [breakdown] = lenses[1].command.arguments;
    assert.equal(breakdown.title, 'What one call to deepseek-v4-flash costs (line 35)');
    assert.deepEqual(breakdown.items.slice(0, 2).map((i) => i.label), [`system: ${await count(SYS)} tokens`, 'user: 0 tokens + 1 part known at run time']);
    assert.equal(breakdown.items[0].description, 'through SYSTEM_PROMPT');
    assert.match(breakdown.items.map((i) => i.label).join('\n'), /chat template: 4 tokens/);
    // No max_tokens on a thinking model: the bound is the model's maximum output.
    assert.match(lenses[2].command.title, /^deepseek-v4-pro · \d+ input tokens \+ 1 part known at run time · up to 384,000 output tokens/);
  } finally {
    await server.stop();
  }
});

test('TypeScript, Go, Java and Rust get their lenses; a call to another provider gets none', async () => {
  const server = await startServer({ now: NOW });
  try {
    const ts = await server.open('support_bot.ts', 'typescript', fixture('support_bot.ts'));
    assert.equal((await server.codeLenses(ts)).length, 6);
    const go = await server.open('support_bot.go', 'go', fixture('support_bot.go'));
    assert.match((await server.codeLenses(go))[0].command.title, /^deepseek-v4-flash · \d+ input tokens \+ 1 part known at run time · up to 600 output tokens/);
    const java = await server.open('SupportBot.java', 'java', fixture('SupportBot.java'));
    assert.deepEqual((await server.codeLenses(java)).map((l) => l.command.title.split(' · ')[0]), ['deepseek-v4-pro', 'deepseek-v4-flash']);
    const rust = await server.open('support_bot.rs', 'rust', fixture('support_bot.rs'));
    assert.deepEqual((await server.codeLenses(rust)).map((l) => l.command.title.split(' · ')[0]), ['deepseek-v4-flash', 'deepseek-v4-pro']);
    const other = await server.open('router.py', 'python', 'from openai import OpenAI\nc = OpenAI(base_url="https://openrouter.ai/api/v1")\nc.chat.completions.create(model="deepseek/deepseek-v4-pro", messages=[{"role": "user", "content": "hi"}])\n');
    assert.deepEqual(await server.codeLenses(other), []);
  } finally {
    await server.stop();
  }
});

test('deepseekCost.codeLens.enabled: false turns the lenses off; the currency setting picks the currency', async () => {
  const server = await startServer({ now: NOW, settings: { currency: 'CNY' } });
  try {
    const text = fixture('support_bot.py');
    const uri = await server.open('support_bot.py', 'python', text);
    assert.match((await server.codeLenses(uri))[0].command.title, /¥[\d.]+ per call/);
    await server.setSettings({ codeLens: { enabled: false } });
    assert.deepEqual(await server.codeLenses(uri), []);
  } finally {
    await server.stop();
  }
});

test('a constant used by several calls says so and prices each; the hover leads with the price', async () => {
  const server = await startServer({ now: NOW });
  try {
    const text = fixture('support_bot.py');
    const uri = await server.open('support_bot.py', 'python', text);
    const md = (await server.hover(uri, positionOf(text, 'careful support'))).contents.value;
    const tokens = await count(SYS);
    assert.match(md.split('\n')[0], new RegExp(`^\\*\\*\\$[\\d.]+ per call\\*\\* · \\$[\\d.]+ per 1,000 calls \\(\\*\\*${tokens} tokens\\*\\*, cache miss, \`deepseek-v4-flash\`\\) *$`));
    assert.match(md, /Used by 3 calls in this file: `deepseek-v4-flash` ×2, `deepseek-v4-pro`\./);
    // One row per call, each with its own model and output bound.
    assert.match(md, /\| USD per 1,000 calls \| cache miss \| cache hit \| output \(up to, tokens\) \|/);
    assert.match(md, /\| line 35, `deepseek-v4-flash` \|/);
    assert.match(md, /\| line 44, `deepseek-v4-pro` \| .* \| \$760\.32 \(384,000\) \|/);
    assert.match(md, /\| line 49, `deepseek-v4-flash` \|/);
    assert.equal(md.match(/price now/g).length, 1, 'peak or off-peak said once');
    // The f-string of constants in the call is priced for that call's model too.
    const fs = (await server.hover(uri, positionOf(text, '{TONE}'))).contents.value;
    assert.match(fs, /Sent by 1 call in this file: `deepseek-v4-flash`\./);
    assert.match(fs, /bounded by this call's max_tokens \(300\)/);
  } finally {
    await server.stop();
  }
});

test('a prompt constant no call in this file sends keeps the default model and says why', async () => {
  const server = await startServer({ now: NOW });
  try {
    const rules = 'Always answer politely. '.repeat(12);
    const text = `SHARED_RULES = "${rules}"\n`;
    const uri = await server.open('prompts_shared.py', 'python', text);
    const md = (await server.hover(uri, positionOf(text, 'politely'))).contents.value;
    assert.match(md, /No call in this file sends `SHARED_RULES`: priced for `deepseekCost.defaultModel` \(`deepseek-v4-flash`\)/);
    assert.match(md, /^\*\*\$[\d.]+ per call\*\*/);
  } finally {
    await server.stop();
  }
});

test('text from the file is shown as text: no icons in lens labels, no Markdown from a prompt', async () => {
  const server = await startServer({ now: NOW });
  try {
    const text = 'P = "$(alert) click [here](https://evil.example) **now**"\nclient.chat.completions.create(model="deepseek-v4-flash", messages=[{"role": "system", "content": P}])\n';
    const uri = await server.open('inject.py', 'python', text);
    const [lens] = await server.codeLenses(uri);
    const items = lens.command.arguments[0].items;
    assert.ok(items[0].detail.includes('click [here]'), 'the preview is the text itself');
    assert.ok(!items.some((i) => [i.label, i.description ?? '', i.detail ?? ''].some((t) => t.includes('$('))), 'no $(icon) syntax survives');
  } finally {
    await server.stop();
  }
});
