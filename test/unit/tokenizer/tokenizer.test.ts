// Known strings, the piece cache, decode, the data file and the build script.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { countTokens, encodeTokens, getDeepSeekTokenizer, loadDeepSeekTokenizer } from '../../../src/core/tokenizer';
import { PieceCache } from '../../../src/core/tokenizer/pieceCache';
import { rustEncode, rustTokenizer, tokenizerJsonPath } from './rustReference';

// Imported at run time: the build script is plain ESM that esbuild.mjs runs with node.
const buildScript = path.resolve(__dirname, '../../../scripts/build-tokenizer-data.mjs');
type BuildModule = {
  buildTokenizerData(outDir: string): Promise<string>;
  compileTokenizerJson(json: string): Promise<Buffer>;
  DATA_FILE_NAME: string;
};
const loadBuildModule = (): Promise<BuildModule> => import(pathToFileURL(buildScript).href) as Promise<BuildModule>;

const KNOWN = [
  'Hello, world!',
  'DeepSeek-V4 costs ¥2 per 1M input tokens (cache miss).',
  '深度求索的模型价格是多少？',
  '<think>\nLet me think about 12345678 things.\n</think>\n\nAnswer: 42',
  '<｜begin▁of▁sentence｜><｜User｜>hi<｜Assistant｜>',
  '｜DSML｜function_calls',
  'const x = arr.map((v) => v * 2);\r\n\treturn x;',
  '👨‍👩‍👧‍👦 👍🏽 🇯🇵',
  '   leading spaces and trailing   ',
  'x\ud800y',
];

test('counts of known strings match the Rust engine', async () => {
  const expected = await rustEncode(KNOWN);
  KNOWN.forEach((text, i) => {
    assert.equal(countTokens(text), expected[i]!.length, JSON.stringify(text));
    assert.deepEqual(encodeTokens(text), expected[i], JSON.stringify(text));
  });
});

test('special tokens become single ids, truncated ones do not', async () => {
  const tok = getDeepSeekTokenizer();
  const rust = rustTokenizer();
  for (const special of ['<think>', '</think>', '<｜begin▁of▁sentence｜>', '｜DSML｜', '<｜User｜>']) {
    const id = rust.tokenToId(special);
    assert.equal(typeof id, 'number', special);
    assert.deepEqual(tok.encode(`a${special}b`), [...tok.encode('a'), id, ...tok.encode('b')], special);
    const truncated = special.slice(0, -1);
    assert.deepEqual(tok.encode(truncated), (await rustEncode([truncated]))[0], truncated);
    assert.ok(!tok.encode(truncated).includes(id!), truncated);
  }
});

test('no BOS is added and empty text has no tokens', () => {
  const tok = getDeepSeekTokenizer();
  assert.deepEqual(tok.encode(''), []);
  assert.equal(tok.count(''), 0);
  const bos = rustTokenizer().tokenToId('<｜begin▁of▁sentence｜>');
  assert.notEqual(tok.encode('Hello')[0], bos);
});

test('the shared tokenizer is loaded once', () => {
  assert.equal(getDeepSeekTokenizer(), getDeepSeekTokenizer());
});

test('repeated pieces are served from the cache', () => {
  const tok = loadDeepSeekTokenizer();
  assert.equal(tok.cache.size, 0);
  tok.encode('tokenizer tokenizer tokenizer');
  // "tokenizer" and " tokenizer" are the only distinct pieces.
  assert.equal(tok.cache.size, 2);
  const first = tok.encode(' tokenizer');
  assert.equal(tok.cache.size, 2);
  assert.deepEqual(first, tok.encode(' tokenizer'));
});

test('the cache stays within its bound and results stay exact', async () => {
  const tok = loadDeepSeekTokenizer(undefined, { cacheEntries: 100 });
  const words = Array.from({ length: 1000 }, (_, i) => ` word${String.fromCharCode(97 + (i % 26))}${i.toString(36)}`);
  const text = words.join('');
  const expected = (await rustEncode([text]))[0]!;
  assert.deepEqual(tok.encode(text), expected);
  assert.ok(tok.cache.size <= 100, `cache holds ${tok.cache.size}`);
  assert.deepEqual(tok.encode(text), expected);
});

test('PieceCache evicts the oldest entries first', () => {
  const cache = new PieceCache(4);
  for (const k of ['a', 'b', 'c', 'd']) cache.set(k, 1);
  cache.set('e', 2);
  assert.equal(cache.get('a'), undefined);
  assert.equal(cache.get('e'), 2);
  assert.equal(cache.get('d'), 1);
  assert.ok(cache.size <= 4);
});

test('decode() matches the Rust decoder', async () => {
  const tok = getDeepSeekTokenizer();
  const rust = rustTokenizer();
  for (const text of KNOWN) {
    const ids = tok.encode(text);
    assert.equal(tok.decode(ids), await rust.decode(ids, false), JSON.stringify(text));
    assert.equal(tok.decode(ids, { skipSpecialTokens: true }), await rust.decode(ids, true), JSON.stringify(text));
  }
  // Token boundaries inside a UTF-8 sequence decode to U+FFFD the same way.
  const split = tok.encode('中文').slice(0, 1);
  assert.equal(tok.decode(split), await rust.decode(split, false));
});

test('the data records the sha256 of the tokenizer.json it was built from', () => {
  const tok = getDeepSeekTokenizer();
  const sha = createHash('sha256').update(readFileSync(tokenizerJsonPath())).digest('hex');
  assert.equal(tok.info.sourceSha256, sha);
  assert.equal(tok.info.addedTokens, 1283);
  assert.equal(tok.info.vocabSize, rustTokenizer().getVocabSize(true));
});

test('the build script writes a small file once and skips when up to date', async () => {
  const { buildTokenizerData, DATA_FILE_NAME } = await loadBuildModule();
  const dir = mkdtempSync(path.join(tmpdir(), 'dsk-tok-'));
  try {
    const file = await buildTokenizerData(dir);
    assert.equal(path.basename(file), DATA_FILE_NAME);
    const first = statSync(file);
    assert.ok(first.size < 2 * 1024 * 1024, `data is ${first.size} bytes`);
    await buildTokenizerData(dir);
    assert.equal(statSync(file).mtimeMs, first.mtimeMs, 'an up-to-date file was rewritten');
    const tok = loadDeepSeekTokenizer(dir);
    assert.deepEqual(tok.encode(KNOWN.join('\n')), (await rustEncode([KNOWN.join('\n')]))[0]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the build refuses a tokenizer.json whose pre-tokenizer the engine does not implement', async () => {
  const { compileTokenizerJson } = await loadBuildModule();
  const json = JSON.parse(readFileSync(tokenizerJsonPath(), 'utf8')) as { pre_tokenizer: { pretokenizers: Array<{ pattern?: { Regex: string } }> } };
  json.pre_tokenizer.pretokenizers[0]!.pattern!.Regex = '\\p{N}{1,4}';
  await assert.rejects(compileTokenizerJson(JSON.stringify(json)), /pre_tokenizer step 0/);
});
