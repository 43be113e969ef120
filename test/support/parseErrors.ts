// Counts tree-sitter ERROR and MISSING nodes in a text with the grammars the product ships: a fix
// must never leave a file that parses worse than before.
import { type Grammar, parserFor } from '../../src/core/scan/runtime';

export async function parseErrors(grammar: string, text: string): Promise<number> {
  const parser = await parserFor(grammar as Grammar);
  const tree = parser.parse(text)!;
  try {
    let count = 0;
    const cursor = tree.rootNode.walk();
    for (;;) {
      if (cursor.nodeType === 'ERROR' || cursor.currentNode.isMissing) count++;
      if (cursor.gotoFirstChild() || cursor.gotoNextSibling()) continue;
      let done = false;
      for (;;) {
        if (!cursor.gotoParent()) { done = true; break; }
        if (cursor.gotoNextSibling()) break;
      }
      if (done) break;
    }
    cursor.delete();
    return count;
  } finally {
    tree.delete();
  }
}
