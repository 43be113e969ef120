// The reference: Hugging Face's Rust `tokenizers` (native, test-only) on the same tokenizer.json.
import { createRequire } from 'node:module';
import { Tokenizer } from 'tokenizers';

const localRequire = createRequire(__filename);

export function tokenizerJsonPath(): string {
  return localRequire.resolve('@lenml/tokenizer-deepseek_v4/models/tokenizer.json');
}

let rust: Tokenizer | undefined;

export function rustTokenizer(): Tokenizer {
  return (rust ??= Tokenizer.fromFile(tokenizerJsonPath()));
}

/** Rust ids for each text, no special tokens added (batched: one native call per chunk). */
export async function rustEncode(texts: readonly string[]): Promise<number[][]> {
  const out: number[][] = [];
  for (let i = 0; i < texts.length; i += 500) {
    const encodings = await rustTokenizer().encodeBatch(texts.slice(i, i + 500), { addSpecialTokens: false });
    for (const e of encodings) out.push(e.getIds());
  }
  return out;
}

/** Index of the first differing id, or -1 when equal. */
export function firstDifference(a: readonly number[], b: readonly number[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return i;
  return a.length === b.length ? -1 : n;
}

export function describeMismatch(label: string, text: string, ours: readonly number[], theirs: readonly number[]): string {
  const at = firstDifference(ours, theirs);
  const show = text.length > 300 ? `${JSON.stringify(text.slice(0, 300))}… (${text.length} chars)` : JSON.stringify(text);
  return [
    `${label}: ids differ from the Rust engine at token ${at}`,
    `  text: ${show}`,
    `  ours:  ${JSON.stringify(ours.slice(Math.max(0, at - 3), at + 5))} (${ours.length} tokens)`,
    `  rust:  ${JSON.stringify(theirs.slice(Math.max(0, at - 3), at + 5))} (${theirs.length} tokens)`,
  ].join('\n');
}
