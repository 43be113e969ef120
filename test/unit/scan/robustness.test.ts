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

/**
 * Each language: a well-formed line that names a model, placed after the bad input. The product's
 * promise is that one bad line never hides the rest of a file: that ID must be checked, or named in
 * the "could not be checked" note. Prompt files read models only from their front matter.
 */
const after: Record<ScanLanguage, (bad: string) => string> = {
  python: (bad) => `${bad}\n\nmodel = "deepseek-v4-pro"\n`,
  typescript: (bad) => `${bad}\n\nconst model = "deepseek-v4-pro";\n`,
  tsx: (bad) => `${bad}\n\nconst model = "deepseek-v4-pro";\n`,
  javascript: (bad) => `${bad}\n\nconst model = "deepseek-v4-pro";\n`,
  go: (bad) => `${bad}\n\nvar model = "deepseek-v4-pro"\n`,
  java: (bad) => `${bad}\n\nclass A { String model = "deepseek-v4-pro"; }\n`,
  rust: (bad) => `${bad}\n\nconst MODEL: &str = "deepseek-v4-pro";\n`,
  json: (bad) => `${bad}\n\n{"model": "deepseek-v4-pro"}\n`,
  yaml: (bad) => `${bad}\n\nmodel: deepseek-v4-pro\n`,
  toml: (bad) => `${bad}\n\nmodel = "deepseek-v4-pro"\n`,
  dotenv: (bad) => `${bad}\n\nMODEL=deepseek-v4-pro\n`,
  markdown: (bad) => `${bad}\n\n\`\`\`python\nmodel = "deepseek-v4-pro"\n\`\`\`\n`,
  'prompt-file': (bad) => `---\n${bad}\n\nmodel: deepseek-v4-pro\n---\nSummarise the ticket.\n`,
  fallback: (bad) => `${bad}\n\nmodel = "deepseek-v4-pro"\n`,
} as Record<ScanLanguage, (bad: string) => string>;

for (const [what, bad] of odd) {
  test(`odd input never hides a later model ID, in any scanner: ${what}`, async () => {
    for (const [language, wrap] of Object.entries(after) as [ScanLanguage, (bad: string) => string][]) {
      const src = wrap(bad);
      const at = src.lastIndexOf('deepseek-v4-pro');
      const doc = await ParsedDocument.create(language, src);
      try {
        const ids = doc.modelIdLiterals(isId);
        for (const l of ids) assert.equal(src.slice(l.contentStart, l.contentEnd), l.written, language);
        const checked = ids.some((l) => l.contentStart === at);
        const noted = doc.unreadableCandidates(isId).includes(at);
        assert.ok(checked || noted, `${language}: the ID after ${what} is neither checked nor noted`);
        // Prompt queries over the same text answer without throwing and within the text.
        for (const p of doc.promptLiterals({ promptMinLength: 1 })) assert.ok(p.end <= src.length, language);
        // An edit after the bad input is seen: the appended ID is one more checked or noted candidate.
        const before = ids.length + doc.unreadableCandidates(isId).length;
        const edited = `${src}\n"deepseek-chat"\n`;
        doc.update(edited, [{ rangeOffset: src.length, rangeLength: 0, text: '\n"deepseek-chat"\n' }]);
        const afterEdit = doc.modelIdLiterals(isId).length + doc.unreadableCandidates(isId).length;
        if (!['markdown', 'prompt-file', 'dotenv', 'yaml'].includes(language)) assert.equal(afterEdit, before + 1, `${language}: appended ID after ${what}`);
      } finally {
        doc.dispose();
      }
    }
  });
}

test('1 MB of binary-looking input finishes, and an ID after it is checked or noted', { timeout: 60_000 }, async () => {
  const rand = seeded(42);
  let bad = '';
  for (let i = 0; i < 1_000_000; i++) bad += String.fromCharCode(Math.floor(rand() * 0x10000));
  for (const language of ['python', 'typescript', 'yaml', 'markdown', 'dotenv', 'fallback'] as ScanLanguage[]) {
    const src = after[language](bad);
    const at = src.lastIndexOf('deepseek-v4-pro');
    const doc = await ParsedDocument.create(language, src);
    try {
      const checked = doc.modelIdLiterals(isId).some((l) => l.contentStart === at);
      assert.ok(checked || doc.unreadableCandidates(isId).includes(at), `${language}: the ID after 1 MB of noise`);
      assert.equal(doc.literalAt(at)?.contentStart ?? at, at, language);
    } finally {
      doc.dispose();
    }
  }
});

test('a code block that does not parse in Markdown gets the same note as a source file', async () => {
  const src = '# Setup\n\n```python\nprompt = "unterminated\nclient.create(model=deepseek-chat)\n```\n';
  const doc = await ParsedDocument.create('markdown', src);
  try {
    assert.deepEqual(doc.unreadableCandidates(isId), [src.indexOf('deepseek-chat')]);
  } finally {
    doc.dispose();
  }
});
