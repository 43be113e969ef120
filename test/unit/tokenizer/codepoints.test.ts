// Character classes: every BMP code point (new characters arrive there one at a time, e.g. U+20C1
// in Unicode 17), every third of plane 1, every seventh of the ideograph planes 2-3, the tags and
// variation selectors of plane 14, and a sample of the rest must encode as in the Rust engine. This is what pins the class table to the
// Unicode version of the Rust engine's regex library.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadDeepSeekTokenizer } from '../../../src/core/tokenizer';
import { describeMismatch, firstDifference, rustEncode } from './rustReference';

/** Contexts in which each class (letter, mark, number, punct/symbol, space, other) splits differently. */
function probes(c: string): string {
  return ['x' + c + 'x', ' ' + c + '\n', c + c + c + c + '!', '\t' + c].join('\u4e00');
}

function codePoints(): number[] {
  const out: number[] = [];
  for (let cp = 0; cp < 0x110000; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    const plane = cp >>> 16;
    if (plane === 0 || (cp >= 0xe0000 && cp < 0xe1000) || (plane === 1 && cp % 3 === 0) || (plane <= 3 && cp % 7 === 0) || cp % 251 === 0) out.push(cp);
  }
  return out;
}

test('code points across all planes encode as in the Rust engine', async () => {
  const tok = loadDeepSeekTokenizer(undefined, { cacheEntries: 1024 });
  const cps = codePoints();
  const PER_STRING = 64;
  const texts: string[] = [];
  for (let i = 0; i < cps.length; i += PER_STRING) {
    // '\u4e00' is a CJK piece of its own, so probes never merge across it.
    texts.push(cps.slice(i, i + PER_STRING).map((cp) => probes(String.fromCodePoint(cp))).join('\u4e00'));
  }
  const expected = await rustEncode(texts);
  for (let k = 0; k < texts.length; k++) {
    const ours = tok.encode(texts[k]!);
    if (firstDifference(ours, expected[k]!) === -1) continue;
    // Narrow down to the first code point that differs, for a readable failure.
    for (const cp of cps.slice(k * PER_STRING, (k + 1) * PER_STRING)) {
      const text = probes(String.fromCodePoint(cp));
      const [theirs] = await rustEncode([text]);
      const mine = tok.encode(text);
      if (firstDifference(mine, theirs!) !== -1) assert.fail(describeMismatch(`U+${cp.toString(16).toUpperCase()}`, text, mine, theirs!));
    }
    assert.fail(describeMismatch(`code points from U+${cps[k * PER_STRING]!.toString(16)}`, texts[k]!, ours, expected[k]!));
  }
});
