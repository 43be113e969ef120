// Our ids must equal the Rust engine's on a large seeded corpus; the first mismatch fails the test
// and prints the string.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadDeepSeekTokenizer } from '../../../src/core/tokenizer';
import { generateCorpus } from './corpus';
import { describeMismatch, firstDifference, rustEncode, tokenizerJsonPath } from './rustReference';

const specials = (JSON.parse(readFileSync(tokenizerJsonPath(), 'utf8')) as { added_tokens: Array<{ content: string }> })
  .added_tokens.map((t) => t.content);

const SEED = 0x5eed_2026;
const corpus = generateCorpus(SEED, 6000, specials);

test('corpus covers every kind and both length extremes', () => {
  const kinds = new Set(corpus.map((c) => c.kind));
  for (const k of ['english', 'chinese', 'code', 'mixed', 'emoji', 'whitespace', 'digits', 'punct', 'special', 'odd', 'script', 'japanese', 'long', 'single-char']) {
    assert.ok(kinds.has(k), `missing ${k}`);
  }
  assert.ok(corpus.length >= 5000);
  assert.ok(corpus.some((c) => c.text.length === 20000));
  assert.ok(corpus.some((c) => c.text.length === 1));
});

test('encode() gives the Rust engine ids on 6,000 seeded strings', async () => {
  const tok = loadDeepSeekTokenizer();
  const texts = corpus.map((c) => c.text);
  const expected = await rustEncode(texts);
  for (let i = 0; i < texts.length; i++) {
    const ours = tok.encode(texts[i]!);
    if (firstDifference(ours, expected[i]!) !== -1) {
      assert.fail(describeMismatch(`corpus[${i}] (${corpus[i]!.kind}, seed ${SEED})`, texts[i]!, ours, expected[i]!));
    }
  }
});

test('count() equals the Rust token count on the same strings, with a cache small enough to churn', async () => {
  // A 64-entry cache evicts constantly, so cached and freshly merged pieces mix in every string.
  const tok = loadDeepSeekTokenizer(undefined, { cacheEntries: 64 });
  const texts = corpus.map((c) => c.text);
  const expected = await rustEncode(texts);
  for (let i = 0; i < texts.length; i++) {
    const n = tok.count(texts[i]!);
    if (n !== expected[i]!.length) {
      assert.fail(describeMismatch(`count of corpus[${i}] (${corpus[i]!.kind})`, texts[i]!, tok.encode(texts[i]!), expected[i]!));
    }
  }
  assert.ok(tok.cache.size <= 64);
});
