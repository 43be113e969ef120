import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ParsedDocument, type PromptLiteral, type ScanLanguage } from '../../../src/core/scan';
import { offsetOf } from './helpers';

const fixtures = join(__dirname, '..', '..', 'fixtures', 'scan');

async function promptIn(language: ScanLanguage, src: string, needle: string, minLength = 200): Promise<PromptLiteral | undefined> {
  const doc = await ParsedDocument.create(language, src);
  try {
    const p = doc.promptAt(offsetOf(src, needle), { promptMinLength: minLength });
    if (p) {
      for (const piece of p.pieces) assert.ok(p.start <= piece.start && piece.end <= p.end, 'pieces inside the prompt range');
      if (p.model) assert.equal(src.slice(p.model.start, p.model.end), p.model.written, 'model range reads the written model');
    }
    return p;
  } finally {
    doc.dispose();
  }
}

function fixture(name: string): string {
  return readFileSync(join(fixtures, name), 'utf8');
}

test('python: implicit concatenation in parentheses, \\u escapes, system role, model via constant, max_completion_tokens', async () => {
  const src = fixture('openai_chat.py');
  const p = await promptIn('python', src, 'You are helpful.');
  assert.ok(p);
  assert.equal(p.text, 'You are helpful. Answer in 中文.\n');
  assert.equal(p.pieces.length, 2);
  assert.equal(p.reason, 'position');
  assert.equal(p.isSystemOrFirstMessage, true);
  assert.deepEqual(p.model && [p.model.written, p.model.via], ['deepseek-v4-pro', 'constant']);
  assert.equal(p.model?.start, offsetOf(src, 'MODEL = "deepseek-v4-pro"', 'deepseek-v4-pro'));
  assert.equal(p.maxTokens, 2048);
});

test('python: f-string placeholder first, .format fields and escaped braces, + with a variable, raw strings', async () => {
  const src = fixture('openai_chat.py');
  const f = await promptIn('python', src, '{question} please');
  assert.deepEqual([f?.text, f?.placeholders, f?.startsWithPlaceholder, f?.isSystemOrFirstMessage], [' please', 1, true, false]);

  const fmt = await promptIn('python', src, 'Q: {q}');
  assert.deepEqual([fmt?.text, fmt?.placeholders, fmt?.startsWithPlaceholder], ['Q:  {literal}', 1, false]);

  const plus = await promptIn('python', src, '"Sys "');
  assert.deepEqual([plus?.text, plus?.placeholders, plus?.isSystemOrFirstMessage, plus?.maxTokens], ['Sys  end', 1, true, 10]);

  const raw = await promptIn('python', src, 'raw \\n text');
  assert.deepEqual([raw?.text, raw?.model?.written, raw?.model?.via], ['raw \\n text', 'deepseek-chat', 'argument']);
});

test('python: LangChain message classes and (role, text) tuples', async () => {
  const src = fixture('openai_chat.py');
  assert.equal((await promptIn('python', src, 'lc sys'))?.isSystemOrFirstMessage, true);
  const human = await promptIn('python', src, 'lc human');
  assert.deepEqual([human?.reason, human?.isSystemOrFirstMessage], ['position', false]);
  assert.equal((await promptIn('python', src, 'tuple sys'))?.isSystemOrFirstMessage, true);
  assert.equal(await promptIn('python', src, '"system", "tuple'), undefined, 'the role word itself is not a prompt');
});

test('python: escapes (\\x, \\U, octal, line continuation) and long strings count by length only', async () => {
  const long = 'x'.repeat(250);
  const src = `a = "\\x41\\U0001F600\\101\\\nB"\nb = "${long}"\nc = "short"\n`;
  const doc = await ParsedDocument.create('python', src);
  try {
    assert.equal(doc.literalAt(5)?.value, 'A😀AB');
    assert.equal(doc.promptAt(5), undefined, 'a short string outside a prompt position is not a prompt');
    assert.equal(doc.promptAt(5, { promptMinLength: 3 })?.reason, 'length');
    const byLength = doc.promptAt(offsetOf(src, long));
    assert.deepEqual([byLength?.reason, byLength?.text.length, byLength?.model], ['length', 250, undefined]);
    assert.deepEqual(doc.promptLiterals().map((p) => p.text), [long]);
  } finally {
    doc.dispose();
  }
});

test('typescript: template with substitution and escapes joined by +, first message, constant model, max_tokens', async () => {
  const src = fixture('chat.ts');
  const p = await promptIn('typescript', src, 'Hello ${name}');
  assert.ok(p);
  assert.equal(p.text, 'Hello , 😀Anext tail');
  assert.deepEqual([p.placeholders, p.startsWithPlaceholder, p.isSystemOrFirstMessage, p.maxTokens], [1, false, true, 512]);
  assert.deepEqual(p.model && [p.model.written, p.model.via], ['deepseek-v4-pro', 'constant']);
  assert.equal(p.pieces.length, 2);
});

test('typescript: system key, camelCase maxTokens, provider call as model, LangChain classes and tuples', async () => {
  const src = fixture('chat.ts');
  const sys = await promptIn('typescript', src, 'Be brief.');
  assert.deepEqual([sys?.isSystemOrFirstMessage, sys?.maxTokens, sys?.model?.written, sys?.pieces[0].key], [true, 100, 'deepseek-chat', 'system']);
  const starts = await promptIn('typescript', src, '${q} first');
  assert.deepEqual([starts?.startsWithPlaceholder, starts?.isSystemOrFirstMessage], [true, true]);
  const sdk = await promptIn('typescript', src, 'Tell me');
  assert.deepEqual([sdk?.model?.written, sdk?.model?.via, sdk?.isSystemOrFirstMessage], ['deepseek-reasoner', 'argument', false]);
  assert.equal((await promptIn('typescript', src, 'You are a bot'))?.isSystemOrFirstMessage, true);
  assert.equal((await promptIn('typescript', src, '"hi"'))?.isSystemOrFirstMessage, false);
  assert.equal((await promptIn('typescript', src, 'tuple sys'))?.isSystemOrFirstMessage, true);
  assert.equal(await promptIn('typescript', src, "role: 'user'"), undefined);
});

test('javascript: the same structures parse with the JavaScript grammar', async () => {
  const src = 'const r = await client.chat.completions.create({ model: "deepseek-chat", messages: [{ role: "system", content: "js \\u00e9" }] });';
  const p = await promptIn('javascript', src, 'js \\u00e9');
  assert.deepEqual([p?.text, p?.isSystemOrFirstMessage, p?.model?.written], ['js é', true, 'deepseek-chat']);
});

test('go: struct fields, role constants, + with raw strings, MaxTokens, openai.F and SystemMessage helpers', async () => {
  const src = fixture('chat.go');
  const p = await promptIn('go', src, 'You are \\"Go\\"');
  assert.deepEqual([p?.text, p?.isSystemOrFirstMessage, p?.maxTokens], ['You are "Go"\traw\\n', true, 300]);
  assert.deepEqual(p?.model && [p.model.written, p.model.via], ['deepseek-chat', 'constant']);
  const user = await promptIn('go', src, '"hi"');
  assert.deepEqual([user?.reason, user?.isSystemOrFirstMessage], ['position', false]);
  const helper = await promptIn('go', src, 'go sys');
  assert.deepEqual([helper?.isSystemOrFirstMessage, helper?.model?.written, helper?.model?.via], [true, 'deepseek-v4-flash', 'argument']);
  assert.equal((await promptIn('go', src, 'go user'))?.isSystemOrFirstMessage, false);
});

test('java: builder chains see the whole chain, new Message(role, text), text blocks, SystemMessage.from, Map.of', async () => {
  const src = fixture('Chat.java');
  const sys = await promptIn('java', src, 'Java sys');
  assert.deepEqual([sys?.text, sys?.placeholders, sys?.isSystemOrFirstMessage, sys?.maxTokens], ['Java sys\n', 1, true, 700]);
  assert.deepEqual(sys?.model && [sys.model.written, sys.model.via], ['deepseek-reasoner', 'constant']);
  const block = await promptIn('java', src, 'Hello');
  assert.deepEqual([block?.text, block?.isSystemOrFirstMessage], ['Hello\n  there\tyou\n', false]);
  assert.equal(await promptIn('java', src, '"system", "Java'), undefined, 'the role argument is not a prompt');
  assert.equal((await promptIn('java', src, 'builder sys'))?.isSystemOrFirstMessage, true);
  assert.equal((await promptIn('java', src, 'lc4j sys'))?.isSystemOrFirstMessage, true);
  const map = await promptIn('java', src, 'map prompt');
  assert.deepEqual([map?.model?.written, map?.maxTokens], ['deepseek-chat', 5]);
});

test('rust: builder chains, struct literals with conversions, vec!/json! token trees, escapes', async () => {
  const src = fixture('chat.rs');
  const b = await promptIn('rust', src, 'rust sys');
  assert.deepEqual([b?.text, b?.isSystemOrFirstMessage, b?.maxTokens, b?.model?.written, b?.model?.via], ['rust sys 中cont', true, 512, 'deepseek-v4-pro', 'constant']);
  const s = await promptIn('rust', src, 'raw "q"');
  assert.deepEqual([s?.text, s?.isSystemOrFirstMessage, s?.maxTokens, s?.model?.written], ['raw "q"', true, 64, 'deepseek-chat']);
  const j = await promptIn('rust', src, 'json macro');
  assert.deepEqual([j?.text, j?.model?.written, j?.isSystemOrFirstMessage], ['json macro', 'deepseek-v4-flash', true]);
});

test('yaml: block scalars | and >-, double-quoted escapes and escaped line breaks, model and max_tokens from the document', async () => {
  const src = fixture('chat.yaml');
  const lit = await promptIn('yaml', src, 'You are YAML');
  assert.deepEqual([lit?.text, lit?.isSystemOrFirstMessage, lit?.model?.written, lit?.maxTokens], ['You are YAML.\nSecond line.\n', true, 'deepseek-chat', 256]);
  assert.equal((await promptIn('yaml', src, 'folded'))?.text, 'folded text\npara');
  assert.equal((await promptIn('yaml', src, 'dq'))?.text, 'dq é joined');
  assert.equal(await promptIn('yaml', src, 'single'), undefined, 'a short list item under another key is not a prompt');
  assert.equal((await promptIn('yaml', src, 'single', 5))?.text, "single 'quoted'");
});

test('json: escapes, system key, first message', async () => {
  const src = fixture('chat.json');
  const p = await promptIn('json', src, 'JSON');
  assert.deepEqual([p?.text, p?.isSystemOrFirstMessage, p?.model?.written, p?.maxTokens], ['JSON é\n', true, 'deepseek-v4-pro', 99]);
  assert.equal((await promptIn('json', src, '"u"'))?.isSystemOrFirstMessage, false);
  assert.equal((await promptIn('json', src, '"top"'))?.isSystemOrFirstMessage, true);
});

test('toml: multi-line basic strings with line-ending backslash, literal strings, underscores in numbers', async () => {
  const src = fixture('chat.toml');
  const p = await promptIn('toml', src, 'Multi');
  assert.deepEqual([p?.text, p?.isSystemOrFirstMessage, p?.model?.written, p?.maxTokens], ['Multi line', true, 'deepseek-chat', 1000]);
  assert.equal((await promptIn('toml', src, 'literal'))?.text, 'literal \\n');
});

test('content blocks: Anthropic system blocks and OpenAI content parts count by position', async () => {
  const src = [
    'client.messages.create(model="deepseek-chat", system=[{"type": "text", "text": "block sys"}],',
    '    messages=[{"role": "user", "content": [{"type": "text", "text": "part one"}]},',
    '              {"role": "user", "content": [{"type": "text", "text": "part two"}]}])',
    'other = {"text": "not a prompt"}',
  ].join('\n');
  const sys = await promptIn('python', src, 'block sys');
  assert.deepEqual([sys?.reason, sys?.isSystemOrFirstMessage, sys?.model?.written], ['position', true, 'deepseek-chat']);
  const first = await promptIn('python', src, 'part one');
  assert.deepEqual([first?.reason, first?.isSystemOrFirstMessage], ['position', true]);
  const second = await promptIn('python', src, 'part two');
  assert.deepEqual([second?.reason, second?.isSystemOrFirstMessage], ['position', false]);
  assert.equal(await promptIn('python', src, 'not a prompt'), undefined);
});

test('model resolution: none when the call has no model, or the constant is not a plain string', async () => {
  const src = 'M = get_model()\nclient.create(model=M, messages=[{"role": "user", "content": "a"}])\nclient.create(messages=[{"role": "user", "content": "b"}])\n';
  assert.equal((await promptIn('python', src, '"a"'))?.model, undefined);
  assert.equal((await promptIn('python', src, '"b"'))?.model, undefined);
});

test('markdown fences: prompts map back to document offsets', async () => {
  const src = 'Intro text.\n\n```python\nclient.create(model="deepseek-chat", system="fenced system")\n```\n';
  const doc = await ParsedDocument.create('markdown', src);
  try {
    const p = doc.promptAt(offsetOf(src, 'fenced system'));
    assert.equal(p?.text, 'fenced system');
    assert.equal(src.slice(p!.pieces[0].contentStart, p!.pieces[0].contentEnd), 'fenced system');
    assert.equal(src.slice(p!.model!.start, p!.model!.end), 'deepseek-chat');
    assert.equal(doc.promptAt(offsetOf(src, 'Intro')), undefined);
    assert.equal(doc.promptLiterals().length, 1);
  } finally {
    doc.dispose();
  }
});

test('dotenv: prompt-named keys, model and max tokens from the same file', async () => {
  const src = 'DEEPSEEK_MODEL=deepseek-chat\nMAX_TOKENS=128\nSYSTEM_PROMPT="You are env.\\nBe short."\nOTHER=x\n';
  const doc = await ParsedDocument.create('dotenv', src);
  try {
    const p = doc.promptAt(offsetOf(src, 'You are env'));
    assert.deepEqual([p?.text, p?.isSystemOrFirstMessage, p?.model?.written, p?.maxTokens], ['You are env.\nBe short.', true, 'deepseek-chat', 128]);
    assert.equal(doc.promptAt(offsetOf(src, '=x', 'x')), undefined);
  } finally {
    doc.dispose();
  }
});

test('prompt files: the body after the front matter, template placeholders dropped, model and max_tokens from the front matter', async () => {
  const src = '---\nname: Demo\nmodel:\n  api: chat\n  configuration:\n    azure_deployment: deepseek-v4-pro\n  parameters:\n    max_tokens: 3000\n---\n{{context}}\nsystem:\nYou answer {{ question }} briefly.\n';
  const doc = await ParsedDocument.create('prompt-file', src);
  try {
    const p = doc.promptAt(offsetOf(src, 'You answer'));
    assert.ok(p);
    assert.equal(p.text, '\nsystem:\nYou answer  briefly.\n');
    assert.deepEqual([p.placeholders, p.startsWithPlaceholder, p.reason, p.isSystemOrFirstMessage, p.maxTokens], [2, true, 'prompt-file', true, 3000]);
    assert.equal(src.slice(p.model!.start, p.model!.end), 'deepseek-v4-pro');
    assert.equal(doc.promptAt(offsetOf(src, 'name: Demo')), undefined);
  } finally {
    doc.dispose();
  }
  const plain = await ParsedDocument.create('prompt-file', 'Just a prompt.\n');
  assert.deepEqual(plain.promptLiterals().map((p) => [p.text, p.start]), [['Just a prompt.\n', 0]]);
  plain.dispose();
});

test('literalAt: the literal under the cursor with its key, or nothing outside strings', async () => {
  const src = 'client.create(model="deepseek-chat", max_tokens=5)  # "not a literal"\n';
  const doc = await ParsedDocument.create('python', src);
  try {
    const lit = doc.literalAt(offsetOf(src, 'deepseek-chat', 'chat'));
    assert.deepEqual([lit?.value, lit?.key, src.slice(lit!.start, lit!.end)], ['deepseek-chat', 'model', '"deepseek-chat"']);
    assert.equal(doc.literalAt(offsetOf(src, 'not a literal')), undefined);
    assert.equal(doc.literalAt(offsetOf(src, 'max_tokens')), undefined);
  } finally {
    doc.dispose();
  }
});

test('the full prompt list (deepseek-cost estimate) contains every prompt the hover finds', async () => {
  const { readFileSync, readdirSync } = await import('node:fs');
  const path = await import('node:path');
  const { scanLanguageFor } = await import('../../../src/core/scan');
  const dir = path.join(__dirname, '..', '..', 'fixtures', 'scan');
  for (const file of readdirSync(dir)) {
    const text = readFileSync(path.join(dir, file), 'utf8');
    const doc = await ParsedDocument.create(scanLanguageFor('', file), text);
    try {
      const listed = new Set(doc.promptLiterals({ promptMinLength: 40 }).map((p) => `${p.start}:${p.end}:${p.text}`));
      for (let offset = 0; offset < text.length; offset++) {
        const p = doc.promptAt(offset, { promptMinLength: 40 });
        if (p) assert.ok(listed.has(`${p.start}:${p.end}:${p.text}`), `${file}: the prompt at ${offset} is missing from the list`);
      }
    } finally {
      doc.dispose();
    }
  }
});

test('a short prompt after a long one in a messages list is listed as the hover finds it', async () => {
  const long = 'x'.repeat(300);
  const text = `resp = client.chat.completions.create(model="deepseek-v4-pro", messages=["${long}", "Answer briefly."])\n`;
  const doc = await ParsedDocument.create('python', text);
  try {
    const offset = text.indexOf('Answer briefly') + 2;
    const atHover = doc.promptAt(offset);
    assert.ok(atHover, 'the hover finds the short prompt');
    assert.ok(doc.promptLiterals().some((p) => p.start === atHover.start && p.text === atHover.text), 'the list has it too');
  } finally {
    doc.dispose();
  }
});
