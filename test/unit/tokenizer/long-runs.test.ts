// Long runs of one character take the run fast path (a repeated block plus an exactly merged
// remainder): the ids must still equal the Rust engine's, for every kind of character, for lengths
// on both sides of the fast path's threshold and of each block boundary, and inside other text.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadDeepSeekTokenizer } from '../../../src/core/tokenizer';
import { MIN_FAST_RUN } from '../../../src/core/tokenizer/repeatRuns';
import { describeMismatch, firstDifference, rustEncode } from './rustReference';

const CHARS = ['a', 'Z', ' ', '\n', '\t', '=', '-', '.', '*', 'é', 'ß', '中', 'あ', 'ア', '😀', '\u0301', '\u00a0', '\ud800', '0', '7', '<', '"'];

test('runs of one character: the Rust ids, around the threshold and far past it', async () => {
  const tok = loadDeepSeekTokenizer();
  const texts: string[] = [];
  for (const c of CHARS) {
    for (const n of [MIN_FAST_RUN - 1, MIN_FAST_RUN, MIN_FAST_RUN + 1, 5000, 5001, 5003, 5007, 5011, 5013, 6143, 8192, 20_011]) texts.push(c.repeat(n));
    texts.push(`x ${c.repeat(9000)} y`, `${c.repeat(7000)}b${c.repeat(7001)}`, `<think>${c.repeat(6000)}</think>`);
  }
  const expected = await rustEncode(texts);
  for (let i = 0; i < texts.length; i++) {
    const ours = tok.encode(texts[i]!);
    if (firstDifference(ours, expected[i]!) !== -1) assert.fail(describeMismatch(`text ${i}`, texts[i]!, ours, expected[i]!));
    assert.equal(tok.count(texts[i]!), expected[i]!.length);
  }
});
