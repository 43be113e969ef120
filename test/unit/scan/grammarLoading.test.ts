// Each grammar costs the language server memory for the rest of the session, so a document loads
// only the grammars it needs: a Markdown file those of its fences, and an edit that opens a fence of
// another language loads that one before the document is read again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ParsedDocument } from '../../../src/core/scan';
import { type Grammar, GRAMMARS, loadedParser } from '../../../src/core/scan/runtime';
import { isId } from './helpers';

const loaded = () => GRAMMARS.filter((g: Grammar) => loadedParser(g));

test('a Markdown document loads the grammars of its fences only; an edit opening another fence loads that one', async () => {
  // This file runs in a process of its own: nothing is loaded before.
  assert.deepEqual(loaded(), []);
  const text = '# Notes\n\n```python\nclient.create(model="deepseek-chat")\n```\n';
  const doc = await ParsedDocument.create('markdown', text);
  try {
    assert.deepEqual(loaded(), ['python']);
    assert.deepEqual(doc.modelIdLiterals(isId).map((l) => l.written), ['deepseek-chat']);

    const added = '\n```rust\nlet r = Req { model: "deepseek-reasoner".into() };\n```\n';
    const next = text + added;
    await doc.prepare(next);
    assert.deepEqual(loaded(), ['python', 'rust']);
    doc.update(next, [{ rangeOffset: text.length, rangeLength: 0, text: added }]);
    const fresh = await ParsedDocument.create('markdown', next);
    try {
      assert.deepEqual(doc.modelIdLiterals(isId), fresh.modelIdLiterals(isId));
      assert.deepEqual(doc.modelIdLiterals(isId).map((l) => [l.written, l.role]), [['deepseek-chat', 'request'], ['deepseek-reasoner', 'request']]);
    } finally {
      fresh.dispose();
    }
    assert.deepEqual(loaded(), ['python', 'rust']);
  } finally {
    doc.dispose();
  }
});

test('a fence read before its grammar was loaded is read with the grammar on the next edit', async () => {
  const text = '```go\nreq := Req{Model: "deepseek-chat"}\n```\n';
  const doc = await ParsedDocument.create('markdown', 'intro\n');
  try {
    assert.equal(loadedParser('go'), undefined);
    // No prepare: the fence's grammar is not there, so the fence is read as text for now.
    doc.update(text, [{ rangeOffset: 0, rangeLength: 6, text }]);
    const before = doc.modelIdLiterals(isId);
    await doc.prepare(text + '\n');
    doc.update(text + '\n', [{ rangeOffset: text.length, rangeLength: 0, text: '\n' }]);
    const fresh = await ParsedDocument.create('markdown', text + '\n');
    try {
      assert.deepEqual(doc.modelIdLiterals(isId), fresh.modelIdLiterals(isId));
      assert.equal(doc.modelIdLiterals(isId)[0]?.role, 'request', 'read by the Go grammar (the text reading has no role)');
      assert.notEqual(before[0]?.role, 'request');
    } finally {
      fresh.dispose();
    }
  } finally {
    doc.dispose();
  }
});
