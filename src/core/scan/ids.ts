// Model ID literals. A full walk over every string costs as much as the parse itself on large
// files, so candidates come from a plain text search and only those positions touch the tree.
import type { ModelIdLiteral, StringLiteral } from './types';
import { splitModelString } from '../../catalog/providers';

/** Every model ID this scanner can report contains this word; the catalog's IDs all do. */
export const CANDIDATE = /deepseek/gi;

/** The ID check shared by every language: the whole decoded value, written exactly as it reads. */
export function asModelId(lit: StringLiteral, src: string, isId: (idWithoutPrefix: string) => boolean): ModelIdLiteral | undefined {
  if (lit.placeholders > 0) return undefined;
  const raw = src.slice(lit.contentStart, lit.contentEnd);
  let { contentStart, contentEnd } = lit;
  if (raw !== lit.value) {
    // Text blocks and block scalars drop surrounding line breaks and indentation: the ID itself is
    // still written verbatim, so narrow the range to it. Anything else (an escape inside the ID,
    // `deepseek\x2dchat`) would make a text replacement unsafe; skip it.
    if (raw.trim() !== lit.value) return undefined;
    contentStart += raw.length - raw.trimStart().length;
    contentEnd = contentStart + lit.value.length;
  }
  const written = lit.value;
  if (!isModelString(written, isId)) return undefined;
  return { ...lit, contentStart, contentEnd, written };
}

/** A model string: a known ID, optionally behind a router prefix (`deepseek/`, `ollama_chat/`, `deepseek:`). */
export function isModelString(written: string, isId: (idWithoutPrefix: string) => boolean): boolean {
  const { prefix, id } = splitModelString(written);
  return id.length > 0 && isId(id) && (!prefix || ROUTER_PREFIX_SHAPE.test(prefix));
}

/**
 * A router prefix is one to four name segments, each ending in `/` or `:` (`deepseek/`,
 * `openrouter/deepseek/`, `deepseek:`, `accounts/fireworks/models/`): a URL or a path is not.
 */
const ROUTER_PREFIX_SHAPE = /^(?:[A-Za-z][\w.\-]*[\/:]){1,4}$/;

const WORD = /[\w.\-]*/y;

/**
 * Offsets of candidate IDs for the tree lookups: only words that are themselves a known ID (the
 * `deepseek/` prefix is matched by the word after it), so identifiers, hostnames and prose words
 * like `deepseek_client` or `api.deepseek.com` never touch the tree.
 */
export function candidateOffsets(src: string, isId: (idWithoutPrefix: string) => boolean): number[] {
  const out: number[] = [];
  const re = new RegExp(CANDIDATE.source, 'gi');
  for (let m = re.exec(src); m; m = re.exec(src)) {
    WORD.lastIndex = m.index;
    const word = WORD.exec(src)?.[0] ?? '';
    if (isId(word)) out.push(m.index);
  }
  return out;
}

/** Whether the text has any candidate at all: most files never mention DeepSeek and need no parse. */
export function mentionsModelId(src: string, isId: (idWithoutPrefix: string) => boolean): boolean {
  const re = new RegExp(CANDIDATE.source, 'gi');
  for (let m = re.exec(src); m; m = re.exec(src)) {
    WORD.lastIndex = m.index;
    if (isId(WORD.exec(src)?.[0] ?? '')) return true;
  }
  return false;
}
