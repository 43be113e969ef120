// Compiles DeepSeek-V4's tokenizer.json (7 MB of JSON, ~1 s and ~200 MB to parse) into one small
// binary file that the runtime tokenizer maps straight into typed arrays.
//
// Usage: node scripts/build-tokenizer-data.mjs [outDir]   (esbuild.mjs calls buildTokenizerData)
//
// The runtime engine hand-codes the pre-tokenizer rather than running the regexes, so this script
// refuses to build when tokenizer.json departs from the shape that engine implements: a changed
// pattern must fail the build, never silently change token counts.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const DATA_FILE_NAME = 'deepseek-v4.bin';
export const FORMAT_VERSION = 1;
const MAGIC = 'DSTK';

/** Code-point classes shared with src/core/tokenizer/charClass.ts (keep the numbers in sync). */
export const CharClass = { Other: 0, Letter: 1, Mark: 2, Number: 3, Punct: 4, Symbol: 5, Space: 6 };

/** The pre-tokenizer the runtime engine implements (see src/core/tokenizer/preTokenize.ts). */
const EXPECTED_SPLITS = [
  '\\p{N}{1,3}',
  '[\u4e00-\u9fa5\u3040-\u309f\u30a0-\u30ff]+',
  "[!\"#$%&'()*+,\\-./:;<=>?@\\[\\\\\\]^_`{|}~][A-Za-z]+|[^\r\n\\p{L}\\p{P}\\p{S}]?[\\p{L}\\p{M}]+| ?[\\p{P}\\p{S}]+[\r\n]*|\\s*[\r\n]+|\\s+(?!\\S)|\\s+",
];

const require = createRequire(import.meta.url);

export function sourceTokenizerPath() {
  return require.resolve('@lenml/tokenizer-deepseek_v4/models/tokenizer.json');
}

/** GPT-2's reversible byte → printable character table used by ByteLevel pre-tokenizers. */
function byteLevelAlphabet() {
  const printable = [];
  for (let b = 0x21; b <= 0x7e; b++) printable.push(b);
  for (let b = 0xa1; b <= 0xac; b++) printable.push(b);
  for (let b = 0xae; b <= 0xff; b++) printable.push(b);
  const chars = new Array(256);
  for (const b of printable) chars[b] = String.fromCodePoint(b);
  let extra = 0;
  for (let b = 0; b < 256; b++) {
    if (chars[b] === undefined) chars[b] = String.fromCodePoint(256 + extra++);
  }
  return chars;
}

function fail(message) {
  throw new Error(`build-tokenizer-data: ${message}`);
}

function checkShape(json) {
  const norm = json.normalizer;
  if (norm && !(norm.type === 'Sequence' && Array.isArray(norm.normalizers) && norm.normalizers.length === 0)) {
    fail(`unsupported normalizer ${JSON.stringify(norm)}`);
  }
  const pre = json.pre_tokenizer;
  if (pre?.type !== 'Sequence' || pre.pretokenizers?.length !== EXPECTED_SPLITS.length + 1) {
    fail('pre_tokenizer is not the expected Sequence of three Splits + ByteLevel');
  }
  EXPECTED_SPLITS.forEach((pattern, i) => {
    const p = pre.pretokenizers[i];
    if (p.type !== 'Split' || p.pattern?.Regex !== pattern || p.behavior !== 'Isolated' || p.invert !== false) {
      fail(`pre_tokenizer step ${i} differs from the one the engine implements: ${JSON.stringify(p)}`);
    }
  });
  const bl = pre.pretokenizers[EXPECTED_SPLITS.length];
  if (bl.type !== 'ByteLevel' || bl.add_prefix_space !== false || bl.use_regex !== false) {
    fail(`unexpected ByteLevel step ${JSON.stringify(bl)}`);
  }
  const m = json.model;
  if (m?.type !== 'BPE' || m.dropout != null || m.unk_token != null || m.continuing_subword_prefix != null ||
      m.end_of_word_suffix != null || m.byte_fallback || m.ignore_merges) {
    fail('model is not a plain byte-level BPE');
  }
  for (const t of json.added_tokens) {
    if (t.lstrip || t.rstrip || t.single_word) fail(`added token ${t.content} uses lstrip/rstrip/single_word`);
  }
}

/**
 * The Rust engine runs the Split regexes with Oniguruma, whose tables are Unicode 16.0 (characters
 * new in Unicode 17 are unassigned to it; the exhaustive code-point test in
 * test/unit/tokenizer shows which version matches). Taking the classes from the same version's
 * data, rather than this Node's ICU, keeps the build independent of the Node that runs it.
 */
export const UNICODE_VERSION = '16.0.0';

/** Run-length table of the Unicode classes the split regexes use. */
async function charClassRuns() {
  const load = async (path) => (await import(`@unicode/unicode-${UNICODE_VERSION}/${path}/ranges.mjs`)).default;
  const sources = [
    [CharClass.Letter, 'General_Category/Letter'],
    [CharClass.Mark, 'General_Category/Mark'],
    [CharClass.Number, 'General_Category/Number'],
    [CharClass.Punct, 'General_Category/Punctuation'],
    [CharClass.Symbol, 'General_Category/Symbol'],
    // Oniguruma's \s is Unicode White_Space (it matches U+0085, not U+FEFF), unlike JavaScript's \s.
    [CharClass.Space, 'Binary_Property/White_Space'],
  ];
  const table = new Uint8Array(0x110000);
  for (const [cls, path] of sources) {
    for (const { begin, end } of await load(path)) {
      for (let cp = begin; cp < end; cp++) {
        if (table[cp] !== CharClass.Other) fail(`U+${cp.toString(16)} is in two classes`);
        table[cp] = cls;
      }
    }
  }
  const starts = [];
  const classes = [];
  for (let cp = 0; cp < table.length; cp++) {
    if (cp === 0 || table[cp] !== table[cp - 1]) {
      starts.push(cp);
      classes.push(table[cp]);
    }
  }
  return { starts, classes };
}

/** Builds the binary image: header JSON + merge pairs + class runs. */
export async function compileTokenizerJson(jsonText) {
  const sha256 = createHash('sha256').update(jsonText).digest('hex');
  const json = JSON.parse(typeof jsonText === 'string' ? jsonText : jsonText.toString('utf8'));
  checkShape(json);
  const vocab = json.model.vocab;
  const alphabet = byteLevelAlphabet();
  const byteIds = alphabet.map((ch, b) => {
    const id = vocab[ch];
    if (id === undefined) fail(`byte ${b} has no vocabulary entry`);
    return id;
  });
  const merges = json.model.merges;
  const pairs = new Uint32Array(merges.length * 2);
  // Every merge result's id is firstMergeId + rank in this vocabulary, so results need no storage;
  // the check keeps that an asserted fact rather than an assumption.
  const firstMergeId = vocab[merges[0].split(' ').join('')];
  const vocabSize = Object.keys(vocab).length;
  merges.forEach((merge, rank) => {
    const parts = typeof merge === 'string' ? merge.split(' ') : merge;
    if (parts.length !== 2) fail(`merge ${rank} is not a pair`);
    const [a, b] = parts;
    const ia = vocab[a];
    const ib = vocab[b];
    if (ia === undefined || ib === undefined) fail(`merge ${rank} uses unknown tokens`);
    if (vocab[a + b] !== firstMergeId + rank) fail(`merge ${rank} result id is not firstMergeId + rank`);
    pairs[2 * rank] = ia;
    pairs[2 * rank + 1] = ib;
  });
  // Ids neither bytes nor merge results must be added tokens, so decode can rebuild every token.
  const covered = new Set(byteIds);
  for (const t of json.added_tokens) covered.add(t.id);
  for (const id of Object.values(vocab)) {
    if (!covered.has(id) && (id < firstMergeId || id >= firstMergeId + merges.length)) {
      fail(`vocabulary id ${id} is neither a byte, a merge result nor an added token`);
    }
  }
  const runs = await charClassRuns();
  const header = {
    format: FORMAT_VERSION,
    source: '@lenml/tokenizer-deepseek_v4/models/tokenizer.json',
    sourceSha256: sha256,
    unicodeVersion: UNICODE_VERSION,
    vocabSize,
    mergeCount: merges.length,
    firstMergeId,
    byteIds,
    // [content, id, special, normalized]; matched in two passes like the Rust AddedVocabulary.
    addedTokens: json.added_tokens.map((t) => [t.content, t.id, t.special, t.normalized]),
    preTokenizerSplits: EXPECTED_SPLITS,
    sections: {},
  };
  const sectionBytes = [
    ['mergePairs', Buffer.from(pairs.buffer, pairs.byteOffset, pairs.byteLength)],
    ['classStarts', Buffer.from(Uint32Array.from(runs.starts).buffer)],
    ['classValues', Buffer.from(Uint8Array.from(runs.classes))],
  ];
  // Section offsets depend on the header length, which depends on the offsets: iterate to a fixpoint.
  let headerBuf = Buffer.alloc(0);
  for (let attempt = 0; attempt < 4; attempt++) {
    let offset = align4(12 + headerBuf.length);
    for (const [name, buf] of sectionBytes) {
      header.sections[name] = { offset, length: buf.length };
      offset = align4(offset + buf.length);
    }
    const next = Buffer.from(JSON.stringify(header), 'utf8');
    if (next.length === headerBuf.length) { headerBuf = next; break; }
    headerBuf = next;
  }
  const end = Object.values(header.sections).reduce((m, s) => Math.max(m, s.offset + s.length), 0);
  const out = Buffer.alloc(align4(end));
  out.write(MAGIC, 0, 'latin1');
  out.writeUInt32LE(FORMAT_VERSION, 4);
  out.writeUInt32LE(headerBuf.length, 8);
  headerBuf.copy(out, 12);
  if (align4(12 + headerBuf.length) !== header.sections.mergePairs.offset) fail('header layout did not settle');
  for (const [name, buf] of sectionBytes) {
    // Typed arrays are written in the machine's order; every platform VS Code ships on is little-endian.
    buf.copy(out, header.sections[name].offset);
  }
  return out;
}

function align4(n) {
  return (n + 3) & ~3;
}

/**
 * Writes `<outDir>/deepseek-v4.bin` unless it is already newer than both tokenizer.json and this
 * script. Returns the output path.
 */
export async function buildTokenizerData(outDir, options = {}) {
  const source = options.source ?? sourceTokenizerPath();
  const outFile = join(resolve(outDir), DATA_FILE_NAME);
  const self = fileURLToPath(import.meta.url);
  if (existsSync(outFile)) {
    const outTime = statSync(outFile).mtimeMs;
    if (outTime > statSync(source).mtimeMs && outTime > statSync(self).mtimeMs) return outFile;
  }
  const image = await compileTokenizerJson(readFileSync(source));
  mkdirSync(dirname(outFile), { recursive: true });
  // Write-then-rename so concurrent builds (parallel test processes) never see a partial file.
  const tmp = `${outFile}.${process.pid}.${Date.now()}.tmp`;
  writeFileSync(tmp, image);
  renameSync(tmp, outFile);
  return outFile;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outDir = process.argv[2] ?? join('dist', 'tokenizer');
  const started = performance.now();
  const file = await buildTokenizerData(outDir);
  console.log(`${file} (${(statSync(file).size / 1024).toFixed(1)} KB, ${(performance.now() - started).toFixed(0)} ms)`);
}
