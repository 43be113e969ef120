// Incremental reparsing must give exactly what a fresh parse of the same text gives, including
// when edits land around multi-byte characters (CJK, emoji surrogate pairs) or split them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ParsedDocument, type ScanLanguage, type TextChange } from '../../../src/core/scan';
import { isId, seeded } from './helpers';

const bases: Record<string, [ScanLanguage, string]> = {
  python: ['python', 'MODEL = "deepseek-chat"  # 模型 😀\nclient.create(model=MODEL, messages=[{"role": "system", "content": "你好 😀 deepseek"}], max_tokens=9)\nx = f"{a} 中文 {b}"\n'],
  typescript: ['typescript', 'const m = "deepseek-reasoner"; // 注释 🎉\nawait c.create({ model: m, messages: [{ role: "system", content: `中文 ${x} 😀` }] });\ntype T = "deepseek-chat";\n'],
  tsx: ['tsx', 'const el = <Chat model="deepseek-chat">文字 😀</Chat>;\nconst p = { system: "系统 🎉" };\n'],
  go: ['go', 'package main\nconst Model = "deepseek-chat" // 模型\nvar r = Req{Model: Model, Messages: []Msg{{Role: "system", Content: "中文 😀"}}}\n'],
  java: ['java', 'class A { static final String M = "deepseek-chat"; // 😀\n void f() { b.model(M).content("中文 🎉").build(); } }\n'],
  rust: ['rust', 'const M: &str = "deepseek-chat"; // 😀\nfn f() { let r = Req { model: M.to_string(), content: "中文 🎉".into() }; }\n'],
  json: ['json', '{"model": "deepseek-chat", "messages": [{"role": "system", "content": "中文 😀"}]}\n'],
  yaml: ['yaml', 'model: deepseek-chat # 😀\nmessages:\n  - role: system\n    content: "中文 🎉"\n'],
  toml: ['toml', 'model = "deepseek-chat" # 😀\n[p]\nsystem = "中文 🎉"\n'],
  markdown: ['markdown', '# 标题 😀\n```python\nm = "deepseek-chat"\n```\n文字 deepseek-chat\n```ts\nconst s = { system: "系统" };\n```\n'],
  dotenv: ['dotenv', '# 😀\nMODEL=deepseek-chat\nSYSTEM_PROMPT="中文 🎉"\n'],
};

const snippets = ['"deepseek-chat"', "'deepseek-v4-pro'", 'deepseek-reasoner', '中文', '😀', '🎉x', '\n', '"', "'", '`', '{', '}', '(', ')', ',', ' ', 'content: "hi"', 'system=', '# ', '```', '\r\n', '\uD83D', 'x'];

function randomChange(rand: () => number, text: string): TextChange {
  const at = Math.floor(rand() * (text.length + 1));
  const len = rand() < 0.5 ? 0 : Math.min(text.length - at, Math.floor(rand() * 6));
  const insert = rand() < 0.2 ? '' : snippets[Math.floor(rand() * snippets.length)];
  return { rangeOffset: at, rangeLength: len, text: insert };
}

function apply(text: string, c: TextChange): string {
  return text.slice(0, c.rangeOffset) + c.text + text.slice(c.rangeOffset + c.rangeLength);
}

for (const [name, [language, base]] of Object.entries(bases)) {
  test(`incremental edits equal a fresh parse: ${name}`, async () => {
    const rand = seeded(name.length * 7919 + 17);
    const doc = await ParsedDocument.create(language, base);
    let text = base;
    try {
      for (let step = 0; step < 60; step++) {
        // LSP can batch several changes; each offset is relative to the text after the previous one.
        const changes: TextChange[] = [];
        const count = 1 + Math.floor(rand() * 3);
        for (let i = 0; i < count; i++) {
          const c = randomChange(rand, text);
          changes.push(c);
          text = apply(text, c);
        }
        doc.update(text, changes);
        const fresh = await ParsedDocument.create(language, text);
        try {
          assert.equal(doc.text, text);
          assert.deepEqual(doc.modelIdLiterals(isId), fresh.modelIdLiterals(isId), `model IDs after step ${step}`);
          assert.deepEqual(doc.promptLiterals({ promptMinLength: 4 }), fresh.promptLiterals({ promptMinLength: 4 }), `prompts after step ${step}`);
          const probe = Math.floor(rand() * (text.length + 1));
          assert.deepEqual(doc.literalAt(probe), fresh.literalAt(probe), `literal at ${probe} after step ${step}`);
        } finally {
          fresh.dispose();
        }
      }
    } finally {
      doc.dispose();
    }
  });
}

test('inconsistent change lists fall back to a full parse instead of corrupting the tree', async () => {
  const doc = await ParsedDocument.create('python', 'a = "deepseek-chat"\n');
  doc.update('b = "deepseek-reasoner"\n', [{ rangeOffset: 100, rangeLength: 3, text: 'zz' }]);
  assert.deepEqual(doc.modelIdLiterals(isId).map((l) => l.written), ['deepseek-reasoner']);
  doc.update('c = "deepseek-v4-pro"\n', []);
  assert.deepEqual(doc.modelIdLiterals(isId).map((l) => l.written), ['deepseek-v4-pro']);
  doc.dispose();
  assert.throws(() => doc.modelIdLiterals(isId), /dispose/);
});

test('results are cached per text and invalidated by an edit', async () => {
  const doc = await ParsedDocument.create('typescript', 'const a = "deepseek-chat";\n');
  const first = doc.modelIdLiterals(isId);
  assert.equal(doc.modelIdLiterals(isId), first, 'same array while the text is unchanged');
  doc.update('const a = "deepseek-chat";\nconst b = "deepseek-coder";\n', [{ rangeOffset: 27, rangeLength: 0, text: 'const b = "deepseek-coder";\n' }]);
  assert.deepEqual(doc.modelIdLiterals(isId).map((l) => l.written), ['deepseek-chat', 'deepseek-coder']);
  doc.dispose();
});

// After an edit, model-ID answers are partly carried over from the previous text (see idReuse.ts).
// On the same incremental tree, that must equal a full recomputation, on documents large enough for
// the carried-over part to matter.
for (const [name, [language, base]] of Object.entries(bases)) {
  if (language === 'markdown' || language === 'dotenv') continue;
  test(`carried-over model IDs equal a full recomputation: ${name}`, async () => {
    const rand = seeded(name.length * 104729 + 3);
    const big = language === 'json' ? `[${Array(20).fill(base.trim()).join(',\n')}]\n` : base.repeat(20);
    const doc = await ParsedDocument.create(language, big);
    const twin = await ParsedDocument.create(language, big);
    let text = big;
    try {
      doc.modelIdLiterals(isId);
      for (let step = 0; step < 80; step++) {
        const changes: TextChange[] = [];
        const count = 1 + Math.floor(rand() * 2);
        for (let i = 0; i < count; i++) {
          const c = randomChange(rand, text);
          changes.push(c);
          text = apply(text, c);
        }
        doc.update(text, changes);
        twin.update(text, changes);
        // A new function each time defeats every cache, so the twin recomputes from scratch.
        assert.deepEqual(doc.modelIdLiterals(isId), twin.modelIdLiterals((w) => isId(w)), `after step ${step}`);
      }
    } finally {
      doc.dispose();
      twin.dispose();
    }
  });
}
