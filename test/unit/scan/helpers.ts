import assert from 'node:assert/strict';
import { ParsedDocument, type ModelIdLiteral, type ScanLanguage } from '../../../src/core/scan';

/** The IDs the tests treat as known; the scanner takes any predicate. */
export const KNOWN_IDS = new Set(['deepseek-chat', 'deepseek-reasoner', 'deepseek-coder', 'deepseek-v4-flash', 'deepseek-v4-pro', 'deepseek-flash']);
export const isId = (id: string): boolean => KNOWN_IDS.has(id);

/** Offset of `inner` inside the first occurrence of `context` in `src` (both must exist). */
export function offsetOf(src: string, context: string, inner: string = context, nth = 0): number {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = src.indexOf(context, at + 1);
    assert.ok(at >= 0, `context not found: ${context}`);
  }
  const k = context.indexOf(inner);
  assert.ok(k >= 0, `inner not in context: ${inner}`);
  return at + k;
}

/** Scans and checks the range invariant every caller relies on: the content range reads `written`. */
export async function scanIds(language: ScanLanguage, src: string): Promise<ModelIdLiteral[]> {
  const doc = await ParsedDocument.create(language, src);
  try {
    const ids = doc.modelIdLiterals(isId);
    for (const l of ids) {
      assert.equal(src.slice(l.contentStart, l.contentEnd), l.written, `range of ${l.written}`);
      assert.ok(l.start <= l.contentStart && l.contentEnd <= l.end, 'content inside literal');
    }
    return ids;
  } finally {
    doc.dispose();
  }
}

/** [written, contentStart] pairs, the shape most assertions compare. */
export function summary(ids: ModelIdLiteral[]): [string, number][] {
  return ids.map((l) => [l.written, l.contentStart]);
}

export { seededRng as seeded } from '../../support/seededRng';
