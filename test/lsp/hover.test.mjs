// Hover over real LSP: the token count must equal Hugging Face's Rust tokenizer on the same
// tokenizer.json, and the prices must be the catalog's at the pinned time.
import test from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { startServer } from './lspClient.mjs';

const require = createRequire(import.meta.url);
const { Tokenizer } = require('tokenizers');
const reference = Tokenizer.fromFile(require.resolve('@lenml/tokenizer-deepseek_v4/models/tokenizer.json'));
async function referenceCount(text) {
  const enc = await reference.encode(text, null, { addSpecialTokens: false });
  return enc.getIds().length;
}

function positionOf(text, needle, delta = 1) {
  const offset = text.indexOf(needle) + delta;
  const before = text.slice(0, offset);
  return { line: before.split('\n').length - 1, character: offset - before.lastIndexOf('\n') - 1 };
}

const systemPrompt = 'You are a careful support agent for an online shop. 你好，请用中文回答。 Answer in at most three sentences and cite the policy section.';

test('prompt hover: exact token count, model from the call, miss/hit costs at off-peak, max_tokens output, thinking note', async () => {
  // 2026-11-23 11:00 UTC is Monday 19:00 in Beijing: off-peak, flash 0.003 / 0.15 / 0.60 USD per 1M.
  const server = await startServer({ now: '2026-11-23T11:00:00Z' });
  try {
    const text = `resp = client.chat.completions.create(\n    model="deepseek-v4-flash",\n    max_tokens=1000,\n    messages=[{"role": "system", "content": "${systemPrompt}"}],\n)\n`;
    const uri = await server.open('h.py', 'python', text);
    const hover = await server.hover(uri, positionOf(text, 'careful'));
    assert.ok(hover, 'expected a hover');
    const md = hover.contents.value;
    const tokens = await referenceCount(systemPrompt);
    assert.match(md, new RegExp(`\\*\\*${tokens} tokens\\*\\*`));
    // The price leads: this prompt's tokens at cache miss, per call and per 1,000 calls.
    const missUsd = (tokens * 0.15) / 1e6;
    const hitUsd = (tokens * 0.003) / 1e6;
    const lead = /^\*\*\$([\d.]+) per call\*\* · \$([\d.]+) per 1,000 calls/.exec(md.split('\n')[0]);
    assert.ok(lead, md.split('\n')[0]);
    assert.ok(Math.abs(Number(lead[1]) / missUsd - 1) < 0.03 && Math.abs(Number(lead[2]) / (missUsd * 1000) - 1) < 0.03, lead[0]);
    assert.match(md, /Sent by 1 call in this file: `deepseek-v4-flash`\./);
    // One compact table in $ per 1,000 calls: miss, hit, and the call's output up to max_tokens=1000
    // at 0.60 per 1M ($0.0006 a call, $0.6 per 1,000).
    const row = /\| this prompt \| \$([\d.]+) \| \$([\d.]+) \| \$0\.6 \|/.exec(md);
    assert.ok(row, md);
    assert.ok(Math.abs(Number(row[1]) / (missUsd * 1000) - 1) < 0.03 && Math.abs(Number(row[2]) / (hitUsd * 1000) - 1) < 0.03, row[0]);
    assert.match(md, /output, up to 1,000 tokens/);
    assert.match(md, /bounded by this call's max_tokens \(1,000\)/);
    assert.match(md, /Off-peak price now; peak from 2026-11-24 01:00 UTC/);
    assert.equal(md.match(/peak from/g).length, 1, 'peak and off-peak said once');
    assert.doesNotMatch(md, /starts with a placeholder/);
  } finally {
    await server.stop();
  }
});

test('prompt hover: placeholders are not counted and a leading placeholder in a system prompt warns about the prefix cache', async () => {
  const server = await startServer({ now: '2026-11-23T02:00:00Z' });
  try {
    const text = `MODEL = "deepseek-v4-pro"\nresp = client.chat.completions.create(model=MODEL, messages=[{"role": "system", "content": f"{today} {user_id}: ${systemPrompt}"}])\n`;
    const uri = await server.open('p.py', 'python', text);
    const md = (await server.hover(uri, positionOf(text, 'careful'))).contents.value;
    const tokens = await referenceCount(` : ${systemPrompt}`);
    assert.match(md, new RegExp(`\\*\\*${tokens} tokens\\*\\*`));
    assert.match(md, /2 placeholders are not counted/);
    assert.match(md, /Sent by 1 call in this file: `deepseek-v4-pro`/);
    assert.match(md, /Peak price now; off-peak from 2026-11-23 04:00 UTC/);
    // No max_tokens on a thinking model: the bound is the model's maximum output, and why.
    assert.match(md, /output, up to 384,000 tokens/);
    assert.match(md, /Reasoning is billed as output; with no max_tokens the worst case is the model's maximum output, 384,000 tokens/);
    assert.match(md, /starts with a placeholder/);
  } finally {
    await server.stop();
  }
});

test('model ID hover: lifecycle and the price table now', async () => {
  const server = await startServer({ now: '2026-11-23T02:00:00Z' });
  try {
    const text = 'resp = create(model="deepseek-chat")\nother = create(model="deepseek-v4-pro")\n';
    const uri = await server.open('m.py', 'python', text);
    const chat = (await server.hover(uri, positionOf(text, 'deepseek-chat', 3))).contents.value;
    // Status and date once, the replacements, then the rates in force now with their unit.
    // The retirement sentence is the diagnostic's, shown in the same box: the hover gives status and the exact instant.
    // The ID alone (what it once was is history), the exact instant and the dated source, linked, its title on hover.
    assert.match(chat, /^\*\*deepseek\\-chat\*\* — \*\*retired\*\* since 2026-07-24 15:59 UTC \(\[source\\, 2026\\-04\\-24\]\(https:\/\/api-docs\.deepseek\.com\/[^ )]+ "DeepSeek API news: [^"]+"\)\)\./);
    assert.doesNotMatch(chat, /was retired on/);
    assert.match(chat, /Use instead: `deepseek-flash`, `deepseek-v4-flash`, `deepseek-v4-pro`\./);
    assert.match(chat, /\| per 1M tokens, now \| cache miss \| cache hit \| output \|/);
    assert.match(chat, /\| USD \| \$0\.3 \| \$0\.006 \| \$1\.2 \|/);
    assert.match(chat, /Peak price now; off-peak from 2026-11-23 04:00 UTC\. Peak rates are ×2\./);
    const pro = (await server.hover(uri, positionOf(text, 'deepseek-v4-pro', 3))).contents.value;
    assert.match(pro, /\*\*current\*\* since 2026-04-24/);
    // One row, the user's currency: the hover must fit the editor's hover box.
    assert.match(pro, /\| USD \| \$1\.32 \| \$0\.044 \| \$3\.96 \|/);
    assert.doesNotMatch(pro, /\| CNY \|/);
  } finally {
    await server.stop();
  }
});

test('no hover on code that is neither a prompt nor a model ID', async () => {
  const server = await startServer({ now: '2026-11-23T02:00:00Z' });
  try {
    const text = 'x = compute(1, "short")\n';
    const uri = await server.open('n.py', 'python', text);
    assert.equal(await server.hover(uri, positionOf(text, 'compute')), null);
    assert.equal(await server.hover(uri, positionOf(text, 'short')), null);
  } finally {
    await server.stop();
  }
});

test('prompt files: a hover anywhere in a .prompt file gives the whole file\'s figures', async () => {
  const server = await startServer({ now: '2026-11-23T11:00:00Z' });
  try {
    const text = 'You are a release-notes writer.\nSummarise the merged pull requests below in five bullet points.\n请用简体中文回答。\n';
    const uri = await server.open('notes.prompt', 'plaintext', text);
    const md = (await server.hover(uri, { line: 1, character: 4 })).contents.value;
    assert.match(md, new RegExp(`\\*\\*${await referenceCount(text)} tokens\\*\\*`));
    assert.match(md, /priced for `deepseekCost.defaultModel`/);
  } finally {
    await server.stop();
  }
});
