// The run-time path for `deepseekCost.tokenizers`: a tokenizer.json read and compiled when a user
// points at it. Proved exact the same way as the bundled tables: V4's file, loaded the run-time way,
// against Hugging Face's Rust engine on the exactness corpus. Files the engine cannot reproduce are
// refused with a message that names the feature.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { UserTokenizers, loadDeepSeekTokenizer, loadUserTokenizer, tokenizerFileFor } from '../../../src/core/tokenizer';
import { readTokenizerData, resolveDataFile } from '../../../src/core/tokenizer/tokenizerData';
import { tokenizerDataFromJson } from '../../../src/core/tokenizer/tokenizerJson';
import { generateCorpus } from './corpus';
import { describeMismatch, firstDifference, rustEncode, tokenizerJsonPath } from './rustReference';

const v4Text = readFileSync(tokenizerJsonPath(), 'utf8');
const v4Json = JSON.parse(v4Text) as Record<string, unknown> & { added_tokens: Array<{ content: string }> };
const SEED = 0x5eed_2026;
const corpus = generateCorpus(SEED, 6000, v4Json.added_tokens.map((t) => t.content));
const dir = mkdtempSync(join(tmpdir(), 'ds-user-tokenizer-'));

function writeVariant(name: string, change: (j: Record<string, unknown>) => void): string {
  const j = structuredClone(v4Json) as Record<string, unknown>;
  change(j);
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(j));
  return file;
}

test('the run-time compile of V4\'s tokenizer.json gives the same tables as the build', () => {
  const bundled = readTokenizerData(resolveDataFile());
  const runtime = tokenizerDataFromJson(v4Text, bundled, tokenizerJsonPath());
  assert.deepEqual(runtime.header.byteIds, bundled.header.byteIds);
  assert.deepEqual(runtime.header.addedTokens, bundled.header.addedTokens);
  assert.equal(runtime.header.firstMergeId, bundled.header.firstMergeId);
  assert.equal(runtime.header.vocabSize, bundled.header.vocabSize);
  assert.equal(runtime.header.sourceSha256, bundled.header.sourceSha256);
  assert.equal(runtime.header.sourceSha256, createHash('sha256').update(v4Text).digest('hex'));
  assert.ok(Buffer.from(runtime.mergePairs.buffer, runtime.mergePairs.byteOffset, runtime.mergePairs.byteLength).equals(
    Buffer.from(bundled.mergePairs.buffer, bundled.mergePairs.byteOffset, bundled.mergePairs.byteLength),
  ));
});

test('V4\'s file loaded at run time gives the Rust engine\'s ids on 6,000 seeded strings', async () => {
  const tok = await loadUserTokenizer(tokenizerJsonPath());
  assert.equal(tok.info.dataFile, tokenizerJsonPath());
  const texts = corpus.map((c) => c.text);
  const expected = await rustEncode(texts);
  for (let i = 0; i < texts.length; i++) {
    const ours = tok.encode(texts[i]!);
    if (firstDifference(ours, expected[i]!) !== -1) assert.fail(describeMismatch(`corpus[${i}] (${corpus[i]!.kind}, seed ${SEED})`, texts[i]!, ours, expected[i]!));
    if (tok.count(texts[i]!) !== expected[i]!.length) assert.fail(`count of corpus[${i}] differs from Rust`);
  }
});

test('a file with a feature the engine lacks is refused with a message naming it', async () => {
  const cases: Array<[string, (j: Record<string, unknown>) => void, RegExp]> = [
    ['nfc.json', (j) => (j.normalizer = { type: 'NFC' }), /normalizer \(NFC\)/],
    ['split.json', (j) => ((j.pre_tokenizer as { pretokenizers: Array<{ pattern: { Regex: string } }> }).pretokenizers[0]!.pattern.Regex = '\\p{N}{1,2}'), /pre-tokenizer step 1/],
    ['wordpiece.json', (j) => ((j.model as { type: string }).type = 'WordPiece'), /model is WordPiece, not BPE/],
    ['fallback.json', (j) => ((j.model as { byte_fallback: boolean }).byte_fallback = true), /byte fallback/],
    ['lstrip.json', (j) => ((j.added_tokens as Array<{ lstrip: boolean }>)[0]!.lstrip = true), /lstrip/],
  ];
  for (const [name, change, message] of cases) {
    const file = writeVariant(name, change);
    await assert.rejects(loadUserTokenizer(file), (err: Error) => {
      assert.match(err.message, /^the engine does not support it: /, name);
      assert.match(err.message, message, name);
      return true;
    });
  }
  const notJson = join(dir, 'broken.json');
  writeFileSync(notJson, '{"model": ');
  await assert.rejects(loadUserTokenizer(notJson), /not JSON/);
  await assert.rejects(loadUserTokenizer(join(dir, 'missing.json')), /does not exist/);
  await assert.rejects(loadUserTokenizer('relative/tokenizer.json'), /must be absolute/);
  await assert.rejects(loadUserTokenizer(dir), /directory/);
});

test('UserTokenizers loads in the background: loading first, then ready or failed; the bundled tokenizer is untouched', async () => {
  const users = new UserTokenizers();
  const first = users.get(tokenizerJsonPath());
  assert.equal(first.state, 'loading', 'the first ask never waits for the file');
  const done = await users.load(tokenizerJsonPath());
  assert.equal(done.state, 'ready');
  assert.equal(users.get(tokenizerJsonPath()), done);
  const bad = await users.load(join(dir, 'missing.json'));
  assert.equal(bad.state, 'failed');
  assert.match(bad.state === 'failed' ? bad.message : '', /does not exist/);
  assert.equal(loadDeepSeekTokenizer().count('hello world'), 2);
});

test('a file that failed is tried again after the retry delay, and used once it is fixed', async () => {
  const users = new UserTokenizers(0);
  const file = join(dir, 'later.json');
  const failed = await users.load(file);
  assert.equal(failed.state, 'failed');
  writeFileSync(file, v4Text);
  assert.equal(users.get(file).state, 'failed', 'the failure stays visible while the retry runs');
  let state = users.get(file);
  for (let i = 0; i < 100 && state.state !== 'ready'; i++) {
    await new Promise((r) => setTimeout(r, 100));
    state = users.get(file);
  }
  assert.equal(state.state, 'ready');
  assert.equal(state.state === 'ready' && state.tokenizer.count('hello world'), 2);
  const patient = new UserTokenizers(60_000);
  const missing = join(dir, 'still-missing.json');
  await patient.load(missing);
  writeFileSync(missing, v4Text);
  patient.get(missing);
  await new Promise((r) => setTimeout(r, 300));
  assert.equal(patient.get(missing).state, 'failed', 'no retry before the delay');
});

test('the configured file is found by model ID, then version, then catalog tokenizer key', () => {
  const files = { 'deepseek-flash': '/a.json', 'DeepSeek-V4.1-Flash-1017': '/b.json', 'deepseek-v4.1': '/c.json' };
  assert.deepEqual(tokenizerFileFor(files, ['deepseek-flash', 'DeepSeek-V4.1-Flash-1017', 'deepseek-v4.1']), { key: 'deepseek-flash', file: '/a.json' });
  assert.deepEqual(tokenizerFileFor(files, ['deepseek-v4-flash', 'DeepSeek-V4.1-Flash-1017', 'deepseek-v4.1']), { key: 'DeepSeek-V4.1-Flash-1017', file: '/b.json' });
  assert.deepEqual(tokenizerFileFor(files, ['deepseek-v4-flash', 'DeepSeek-V4.1-Flash', 'deepseek-v4.1']), { key: 'deepseek-v4.1', file: '/c.json' });
  assert.equal(tokenizerFileFor(files, ['deepseek-v4-pro', undefined, undefined]), undefined);
  assert.equal(tokenizerFileFor({}, ['constructor']), undefined, 'inherited object keys are not settings');
});
