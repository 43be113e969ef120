// Held out: per call, the input tokens and prices computed independently — the conversation
// written out by hand with DeepSeek-V4's special tokens, counted whole, priced with the per-1M
// rates of DeepSeek's price page typed in here — must equal what the CodeLens computes.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { shippedCatalogData } from '../../../src/catalog';
import { estimateCall, jsonCost } from '../../../src/core/estimate/callEstimate';
import { ParsedDocument, scanLanguageFor } from '../../../src/core/scan';
import { countTokens } from '../../../src/core/tokenizer';

const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'calls');
// Saturday 2026-12-05 12:00 UTC: off-peak (weekends are off-peak since 2026-08-16).
const AT = new Date('2026-12-05T12:00:00Z');
const FLASH_USD = { miss: 0.15, hit: 0.003, out: 0.6 };
const PRO_USD = { miss: 0.66, hit: 0.022, out: 1.98 };
const FLASH_CNY = { miss: 1, hit: 0.02, out: 4 };
const BOS = '<｜begin▁of▁sentence｜>';
const U = '<｜User｜>';
const A = '<｜Assistant｜>';
const EOS = '<｜end▁of▁sentence｜>';
const SYS = 'You are a careful support assistant for a bicycle shop.\nAnswer in two short paragraphs and never invent part numbers.';

async function estimates(name: string) {
  const src = readFileSync(join(FIXTURES, name), 'utf8');
  const doc = await ParsedDocument.create(scanLanguageFor('', name), src);
  try {
    const catalog = shippedCatalogData();
    return doc.callSites().map((c) => estimateCall(c, { catalog, at: AT, defaultModel: 'deepseek-v4-flash', currencies: ['USD', 'CNY'], count: (t) => countTokens(t) }));
  } finally {
    doc.dispose();
  }
}

function close(actual: number | null | undefined, expected: number, what: string) {
  assert.ok(actual !== null && actual !== undefined && Math.abs(actual - expected) <= 1e-12 + Math.abs(expected) * 1e-9, `${what}: ${actual} != ${expected}`);
}

test('Python, system constant + run-time user turn, max_tokens 800 via a constant (flash)', async () => {
  const e = (await estimates('support_bot.py'))[1];
  const whole = countTokens(`${BOS}${SYS}${U}${A}<think>`);
  assert.equal(e.inputTokens, countTokens(SYS));
  assert.equal(e.inputTokens + e.templateTokens, whole);
  assert.deepEqual([e.provider, e.model, e.modelSource, e.maxTokens, e.unknownParts, e.thinking], ['deepseek', 'deepseek-v4-flash', 'constant', 800, 1, true]);
  const usd = jsonCost(e, 'USD')!;
  close(usd.miss, (whole * FLASH_USD.miss) / 1e6, 'miss');
  close(usd.hit, (whole * FLASH_USD.hit) / 1e6, 'hit');
  close(usd.maxOutput, (800 * FLASH_USD.out) / 1e6, 'output');
  close(jsonCost(e, 'CNY')!.miss, (whole * FLASH_CNY.miss) / 1e6, 'CNY miss');
});

test('Python, few-shot list of constants, no max_tokens: the bound is the model maximum (pro)', async () => {
  const e = (await estimates('support_bot.py'))[2];
  const whole = countTokens(`${BOS}${SYS}${U}Which chain fits an 11-speed cassette?${A}</think>An 11-speed chain, 5.5 mm wide.${EOS}${U}${A}<think>`);
  assert.equal(e.inputTokens + e.templateTokens, whole);
  assert.deepEqual([e.model, e.maxTokens, e.outputBound, e.outputBoundSource], ['deepseek-v4-pro', null, 384000, 'model-maximum']);
  const usd = jsonCost(e, 'USD')!;
  close(usd.miss, (whole * PRO_USD.miss) / 1e6, 'miss');
  close(usd.maxOutput, (384000 * PRO_USD.out) / 1e6, 'output');
});

test('Python, imported constant and thinking disabled: only the template is known', async () => {
  const e = (await estimates('support_bot.py'))[4];
  assert.equal(e.inputTokens, 0);
  assert.equal(e.templateTokens, countTokens(`${BOS}${U}${A}</think>`));
  assert.equal(e.thinking, false);
  assert.deepEqual(e.importedNames, ['SHARED_RULES']);
});

test('TypeScript, template literal of two constants (flash, max_completion_tokens 300)', async () => {
  const e = (await estimates('support_bot.ts'))[3];
  const whole = countTokens(`${BOS}${SYS}\nBe warm but brief.${U}Customer question: ${A}<think>`);
  assert.equal(e.inputTokens + e.templateTokens, whole);
  close(jsonCost(e, 'USD')!.miss, (whole * FLASH_USD.miss) / 1e6, 'miss');
  close(jsonCost(e, 'USD')!.maxOutput, (300 * FLASH_USD.out) / 1e6, 'output');
});

test('Go, Java and Rust calls price the same system constant for their own model', async () => {
  const short = 'You are a careful support assistant for a bicycle shop. Answer briefly.';
  const whole = countTokens(`${BOS}${short}${U}${A}<think>`);
  const [go] = await estimates('support_bot.go');
  const [javaPro, javaFlash] = await estimates('SupportBot.java');
  const [rustJson, rustPro] = await estimates('support_bot.rs');
  for (const e of [go, javaPro, javaFlash, rustJson, rustPro]) assert.equal(e.inputTokens + e.templateTokens, whole, e.model);
  close(jsonCost(javaPro, 'USD')!.maxOutput, (700 * PRO_USD.out) / 1e6, 'java output');
  close(jsonCost(rustPro, 'USD')!.miss, (whole * PRO_USD.miss) / 1e6, 'rust pro miss');
  close(jsonCost(go, 'USD')!.maxOutput, (600 * FLASH_USD.out) / 1e6, 'go output');
});

test('a call to another provider is not DeepSeek\'s and has no DeepSeek price', async () => {
  const doc = await ParsedDocument.create('python', 'from openai import OpenAI\nc = OpenAI(base_url="https://openrouter.ai/api/v1")\nc.chat.completions.create(model="deepseek/deepseek-v4-pro", messages=[{"role": "user", "content": "hi"}])\n');
  try {
    const e = estimateCall(doc.callSites()[0], { catalog: shippedCatalogData(), at: AT, defaultModel: 'deepseek-v4-flash', currencies: ['USD'], count: (t) => countTokens(t) });
    assert.equal(e.provider, 'openrouter');
    assert.equal(e.deepseek, false);
    assert.equal(jsonCost(e, 'USD'), null);
  } finally {
    doc.dispose();
  }
});
