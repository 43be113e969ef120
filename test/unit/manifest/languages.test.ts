// The language registry is the one source of the served languages: every table derived from it
// (and the manifest's activation events, which cannot import it) must agree with it.
import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import manifest from '../../../package.json';
import { SERVED_LANGUAGES, activationEvents, languageFor } from '../../../src/core/languages';
import { scanLanguageFor } from '../../../src/core/scan';
import { scanLanguageForFence } from '../../../src/core/scan/language';
import { findFences } from '../../../src/core/scan/markdown';
import { grammarOf, treeScannerLanguages } from '../../../src/core/scan/factory';
import { GRAMMARS } from '../../../src/core/scan/runtime';
import { servedDocuments } from '../../../src/client/documentSelector';
import { isServedFile, languageIdForFile } from '../../../src/cli/sourceFiles';
import { commentLexerFor } from '../../../src/core/lint/comments';

const root = path.resolve(__dirname, '..', '..', '..');

test("the manifest's activation events are the registry's", () => {
  const expected = activationEvents();
  assert.deepEqual(manifest.activationEvents, expected, `package.json "activationEvents" should be:\n${JSON.stringify(expected, null, 2)}`);
});

test('the document selector serves every language id (file and untitled) and every file-name glob', () => {
  const filters = servedDocuments();
  for (const l of SERVED_LANGUAGES) {
    for (const scheme of ['file', 'untitled']) assert.ok(filters.some((f) => f.scheme === scheme && f.language === l.id), `${l.id} (${scheme}) missing from the selector`);
    for (const g of l.fileNames) assert.ok(filters.some((f) => f.pattern === `**/${g}`), `${g} missing from the selector`);
  }
  const ids = new Set(SERVED_LANGUAGES.map((l) => l.id));
  for (const f of filters) if (f.language) assert.ok(ids.has(f.language), `selector serves ${f.language}, which the registry does not`);
});

test('a document of every language id gets its scanner (by id, with an uninformative name)', () => {
  for (const l of SERVED_LANGUAGES) assert.equal(scanLanguageFor(l.id, 'untitled'), l.scanner, l.id);
});

test('the CLI walk picks every registered extension and file name, with the language the editor would use', () => {
  const firstFor = new Map<string, string>();
  for (const l of SERVED_LANGUAGES) for (const e of l.extensions) if (!firstFor.has(e)) firstFor.set(e, l.id);
  for (const [ext, id] of firstFor) {
    const file = `/repo/src/some-file.${ext}`;
    const expected = languageFor('', file)!;
    assert.ok(isServedFile(file), `${file} is not walked`);
    assert.equal(languageIdForFile(file), expected.id, file);
    assert.equal(scanLanguageFor('', file), expected.scanner, file);
    // Only a file-name glob may take an extension from its row (`x.prompt` is a prompt file either way).
    if (expected.id !== id) assert.ok(expected.fileNames.length > 0, `${ext} is claimed by ${id} but read as ${expected.id}`);
  }
  const examples: Record<string, string> = { '.env': 'dotenv', '.env.*': 'dotenv', '*.env': 'dotenv', '*.prompt.md': 'prompt', '*.prompt': 'prompt', '*.prompty': 'prompty' };
  for (const l of SERVED_LANGUAGES) {
    for (const g of l.fileNames) {
      const name = g.replace('*', 'example');
      assert.ok(isServedFile(`/repo/${name}`), `${name} is not walked`);
      assert.equal(languageIdForFile(`/repo/${name}`), examples[g] ?? l.id, name);
    }
  }
  assert.ok(!isServedFile('/repo/notes.txt'));
  assert.ok(!isServedFile('/repo/Makefile'));
});

test('every fence name reads its block with the row scanner, in a real Markdown document', () => {
  for (const l of SERVED_LANGUAGES) {
    for (const fence of l.fences) {
      assert.equal(scanLanguageForFence(fence), l.scanner, fence);
      const [block] = findFences(`# x\n\n\`\`\`${fence} title="a"\nx\n\`\`\`\n`);
      assert.equal(block.language, l.scanner, fence);
    }
  }
  assert.equal(scanLanguageForFence('brainfuck'), 'fallback');
});

test('grammars: every tree scanner has its grammar from the registry, loaded by the runtime and shipped by the build', () => {
  const registryGrammars = new Set(SERVED_LANGUAGES.flatMap((l) => (l.grammar ? [l.grammar] : [])));
  assert.deepEqual([...registryGrammars].sort(), [...GRAMMARS].sort());
  for (const s of treeScannerLanguages()) assert.ok(grammarOf(s), `${s} has a dialect but no grammar in the registry`);
  for (const l of SERVED_LANGUAGES) {
    if (l.grammar) {
      assert.equal(grammarOf(l.scanner), l.grammar, `${l.id}: two rows give ${l.scanner} different grammars`);
      assert.ok(treeScannerLanguages().includes(l.scanner), `${l.id}: grammar ${l.grammar} but no dialect reads it`);
    }
  }
  const build = readFileSync(path.join(root, 'esbuild.mjs'), 'utf8');
  const shipped = new Set([...build.matchAll(/'tree-sitter-([a-z]+)\.wasm':/g)].map((m) => m[1]));
  assert.deepEqual([...shipped].sort(), [...registryGrammars].sort(), 'esbuild.mjs grammarFiles must ship exactly the registry grammars');
});

test('every row names a comment syntax the suppression comments understand', () => {
  for (const l of SERVED_LANGUAGES) assert.ok(commentLexerFor(l.comments), `${l.id}: no comment lexer for ${l.comments}`);
});

test('ids, extensions and fences are each claimed once', () => {
  const seen = (list: string[]) => list.filter((x, i) => list.indexOf(x) !== i);
  assert.deepEqual(seen(SERVED_LANGUAGES.map((l) => l.id)), []);
  assert.deepEqual(seen(SERVED_LANGUAGES.flatMap((l) => l.extensions)), []);
  assert.deepEqual(seen(SERVED_LANGUAGES.flatMap((l) => l.fences)), []);
});
