// Turns a user's tokenizer.json (deepseekCost.tokenizers) into the tables the engine runs on, at run
// time. The engine hand-codes one pre-tokenizer and plain byte-level BPE, so a file is accepted only
// when it has exactly those features; the pre-tokenizer patterns and the Unicode class table are
// taken from the bundled data, so a file whose patterns differ is refused rather than miscounted.
// The same checks guard the build (scripts/build-tokenizer-data.mjs); a unit test keeps the two
// producing identical tables for V4's file.
import { createHash } from 'node:crypto';
import type { TokenizerData } from './tokenizerData';

/** A file the engine cannot reproduce exactly: the message says which feature, for the user. */
export class UnsupportedTokenizerError extends Error {}

type Json = Record<string, unknown>;

const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** GPT-2's reversible byte → printable character table used by ByteLevel pre-tokenizers. */
function byteLevelAlphabet(): string[] {
  const chars: string[] = new Array(256);
  let extra = 0;
  for (let b = 0; b < 256; b++) {
    const printable = (b >= 0x21 && b <= 0x7e) || (b >= 0xa1 && b <= 0xac) || (b >= 0xae && b <= 0xff);
    chars[b] = String.fromCodePoint(printable ? b : 256 + extra++);
  }
  return chars;
}

function refuse(message: string): never {
  throw new UnsupportedTokenizerError(message);
}

function checkShape(json: Json, splits: readonly string[]): void {
  const norm = json.normalizer;
  if (norm != null && !(isObj(norm) && norm.type === 'Sequence' && Array.isArray(norm.normalizers) && norm.normalizers.length === 0)) {
    refuse(`its normalizer (${describe(norm)}) is not supported: the engine runs none`);
  }
  const pre = json.pre_tokenizer;
  const steps = isObj(pre) && pre.type === 'Sequence' && Array.isArray(pre.pretokenizers) ? (pre.pretokenizers as unknown[]) : undefined;
  if (!steps || steps.length !== splits.length + 1) refuse(`its pre-tokenizer is not the Sequence of ${splits.length} Splits and a ByteLevel step the engine implements`);
  splits.forEach((pattern, i) => {
    const p = steps[i];
    if (!isObj(p) || p.type !== 'Split' || !isObj(p.pattern) || p.pattern.Regex !== pattern || p.behavior !== 'Isolated' || p.invert !== false) {
      refuse(`its pre-tokenizer step ${i + 1} differs from the one the engine implements`);
    }
  });
  const bl = steps[splits.length];
  if (!isObj(bl) || bl.type !== 'ByteLevel' || bl.add_prefix_space !== false || bl.use_regex !== false) refuse('its last pre-tokenizer step is not ByteLevel without prefix space or regex');
  const m = json.model;
  if (!isObj(m) || m.type !== 'BPE') refuse(`its model is ${isObj(m) ? String(m.type) : 'missing'}, not BPE`);
  if (m.dropout != null || m.unk_token != null || m.continuing_subword_prefix != null || m.end_of_word_suffix != null || m.byte_fallback || m.ignore_merges) {
    refuse('its BPE model uses dropout, an unknown token, subword affixes, byte fallback or ignore_merges');
  }
  if (!isObj(m.vocab) || !Array.isArray(m.merges)) refuse('its BPE model has no vocab or merges');
  if (!Array.isArray(json.added_tokens)) refuse('it has no added_tokens list');
  for (const t of json.added_tokens as unknown[]) {
    if (!isObj(t) || typeof t.content !== 'string' || typeof t.id !== 'number') refuse('an added token has no content or id');
    if (t.lstrip || t.rstrip || t.single_word) refuse(`added token ${JSON.stringify(t.content)} uses lstrip, rstrip or single_word`);
  }
}

function describe(v: unknown): string {
  return isObj(v) && typeof v.type === 'string' ? v.type : typeof v;
}

/**
 * Compiles tokenizer.json text into engine tables, reusing `base` (the bundled data) for the
 * pre-tokenizer patterns and the Unicode class table. Throws UnsupportedTokenizerError (with a
 * message for the user) when the file needs a feature the engine does not have.
 */
export function tokenizerDataFromJson(text: string, base: TokenizerData, file: string): TokenizerData {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    refuse(`it is not JSON (${(err as Error).message})`);
  }
  if (!isObj(json)) refuse('it is not a tokenizer.json object');
  checkShape(json, base.header.preTokenizerSplits);
  const model = json.model as { vocab: Record<string, number>; merges: Array<string | [string, string]> };
  const vocab = model.vocab;
  const byteIds = byteLevelAlphabet().map((ch, b) => {
    const id = vocab[ch];
    if (id === undefined) refuse(`byte ${b} has no vocabulary entry`);
    return id;
  });
  const merges = model.merges;
  if (merges.length === 0) refuse('it has no merges');
  const pairOf = (merge: string | [string, string]): string[] => (typeof merge === 'string' ? merge.split(' ') : merge);
  const firstMergeId = vocab[pairOf(merges[0]!).join('')];
  if (firstMergeId === undefined) refuse('the first merge has no vocabulary entry');
  const pairs = new Uint32Array(merges.length * 2);
  for (let rank = 0; rank < merges.length; rank++) {
    const parts = pairOf(merges[rank]!);
    if (parts.length !== 2) refuse(`merge ${rank} is not a pair`);
    const ia = vocab[parts[0]!];
    const ib = vocab[parts[1]!];
    if (ia === undefined || ib === undefined) refuse(`merge ${rank} uses tokens missing from the vocabulary`);
    // The engine derives a merge's result id from its rank; a file where that does not hold would miscount.
    if (vocab[parts[0]! + parts[1]!] !== firstMergeId + rank) refuse(`merge ${rank}'s result id is not in rank order, which the engine requires`);
    pairs[2 * rank] = ia;
    pairs[2 * rank + 1] = ib;
  }
  const added = (json.added_tokens as Array<{ content: string; id: number; special?: boolean; normalized?: boolean }>).map(
    (t) => [t.content, t.id, t.special === true, t.normalized === true] as [string, number, boolean, boolean],
  );
  const covered = new Set<number>(byteIds);
  for (const t of added) covered.add(t[1]);
  for (const id of Object.values(vocab)) {
    if (!covered.has(id) && (id < firstMergeId || id >= firstMergeId + merges.length)) refuse(`vocabulary id ${id} is neither a byte, a merge result nor an added token`);
  }
  return {
    header: {
      ...base.header,
      source: file,
      sourceSha256: createHash('sha256').update(text).digest('hex'),
      vocabSize: Object.keys(vocab).length,
      mergeCount: merges.length,
      firstMergeId,
      byteIds,
      addedTokens: added,
    },
    mergePairs: pairs,
    classStarts: base.classStarts,
    classValues: base.classValues,
    file,
  };
}
