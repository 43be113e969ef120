import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ParsedDocument, type ScanLanguage } from '../../../src/core/scan';
import { isId, seeded } from './helpers';

function pythonFile(lines: number): { src: string; ids: number } {
  const out: string[] = ['MODEL = "deepseek-v4-pro"'];
  let ids = 1;
  for (let i = 1; i < lines; i++) {
    if (i % 50 === 0) {
      out.push(`r${i} = client.create(model="deepseek-chat", messages=[{"role": "user", "content": f"q${i} {x}"}])`);
      ids++;
    } else if (i % 7 === 0) out.push(`# deepseek-chat note ${i}`);
    else out.push(`v${i} = compute(${i}, "text ${i}") + ${i}`);
  }
  return { src: out.join('\n') + '\n', ids };
}

function typescriptFile(lines: number): { src: string; ids: number } {
  const out: string[] = ["const MODEL = 'deepseek-v4-pro';"];
  let ids = 1;
  for (let i = 1; i < lines; i++) {
    if (i % 50 === 0) {
      out.push(`const r${i} = await c.create({ model: "deepseek-reasoner", messages: [{ role: "user", content: \`q${i} \${x}\` }] });`);
      ids++;
    } else if (i % 7 === 0) out.push(`// deepseek-chat note ${i}`);
    else out.push(`const v${i}: number = compute(${i}, 'text ${i}');`);
  }
  return { src: out.join('\n') + '\n', ids };
}

for (const [language, make] of [['python', pythonFile], ['typescript', typescriptFile]] as const) {
  test(`a 10,000-line ${language} file: every ID and prompt is found`, async () => {
    const { src, ids } = make(10_000);
    const doc = await ParsedDocument.create(language, src);
    try {
      assert.equal(doc.modelIdLiterals(isId).length, ids);
      assert.equal(doc.promptLiterals().length, ids - 1);
      const at = src.lastIndexOf('q9950');
      const p = doc.promptAt(at);
      assert.equal(p?.placeholders, 1);
      assert.ok(p?.model?.written.startsWith('deepseek-'));
    } finally {
      doc.dispose();
    }
  });
}

const odd: [string, string][] = [
  ['NUL bytes', 'a = "deepseek-chat"\0\0\0b = "x\0y"\n"deepseek-reasoner"\n'],
  ['lone surrogates', 'a = "\uD800deepseek-chat\uDC00"\nb = "deepseek-chat"\n\uDFFF\n'],
  ['unterminated strings', 'a = "deepseek-chat\nb = `deepseek-chat\nc = """deepseek-chat\n'],
  ['deep nesting', '['.repeat(3000) + '"deepseek-chat"' + ']'.repeat(3000)],
];

const languages: ScanLanguage[] = ['python', 'typescript', 'tsx', 'javascript', 'go', 'java', 'rust', 'json', 'yaml', 'toml', 'dotenv', 'markdown', 'prompt-file', 'fallback'];

for (const [what, src] of odd) {
  test(`odd input does not crash any scanner: ${what}`, async () => {
    for (const language of languages) {
      const doc = await ParsedDocument.create(language, src);
      try {
        for (const l of doc.modelIdLiterals(isId)) assert.equal(src.slice(l.contentStart, l.contentEnd), l.written, language);
        doc.promptLiterals({ promptMinLength: 1 });
        for (let i = 0; i <= src.length; i += 31) doc.promptAt(i, { promptMinLength: 1 });
        doc.update(src + '\0"deepseek-chat"', [{ rangeOffset: src.length, rangeLength: 0, text: '\0"deepseek-chat"' }]);
        doc.modelIdLiterals(isId);
      } finally {
        doc.dispose();
      }
    }
  });
}

test('binary-looking input of 1 MB finishes', { timeout: 60_000 }, async () => {
  const rand = seeded(42);
  let src = '';
  for (let i = 0; i < 1_000_000; i++) src += String.fromCharCode(Math.floor(rand() * 0x10000));
  for (const language of ['python', 'typescript', 'yaml', 'markdown', 'dotenv', 'fallback'] as ScanLanguage[]) {
    const doc = await ParsedDocument.create(language, src);
    try {
      assert.ok(Array.isArray(doc.modelIdLiterals(isId)));
      doc.literalAt(500_000);
    } finally {
      doc.dispose();
    }
  }
});
