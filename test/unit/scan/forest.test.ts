// Parsing a large file a statement at a time must answer exactly as one tree for the whole file
// does: the statement starts the lexers find are checked against the real parse, and a document
// parsed piecewise is compared with one parsed whole after every one of many random edits.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parserFor, type Grammar } from '../../../src/core/scan/runtime';
import { TreeScanner } from '../../../src/core/scan/tree-scanner';
import { SyntaxForest } from '../../../src/core/scan/forest';
import { python } from '../../../src/core/scan/dialects/python';
import { javascript } from '../../../src/core/scan/dialects/javascript';
import { go } from '../../../src/core/scan/dialects/go';
import { rust } from '../../../src/core/scan/dialects/rust';
import { pythonStatementStarts } from '../../../src/core/scan/statements/pythonStarts';
import { scriptStatementStarts } from '../../../src/core/scan/statements/scriptStarts';
import { goStatementStarts } from '../../../src/core/scan/statements/goStarts';
import { rustStatementStarts } from '../../../src/core/scan/statements/rustStarts';
import type { StatementStarts } from '../../../src/core/scan/statements/lexing';
import type { Dialect } from '../../../src/core/scan/dialect';
import { isId, seeded } from './helpers';

const PYTHON = `"""Module docstring.
client = OpenAI()  # at column 0 inside a string: not a statement
"""
import os
from openai import OpenAI

client = OpenAI(base_url="https://api.deepseek.com", api_key=os.environ["DEEPSEEK_API_KEY"])
router = OpenAI(base_url="https://openrouter.ai/api/v1")
LEGACY = ("deepseek-chat",
"deepseek-reasoner")  # column 0 inside brackets
total = 1 + \\
2
# deepseek-chat in a comment

@decorator
@other(
    "deepseek-coder")
def ask(question):
    if question in ("deepseek-chat", "deepseek-reasoner"):
        return None
    return client.chat.completions.create(
        model="deepseek-chat",
        messages=[{"role": "system", "content": "You are a careful assistant who answers questions about invoices, receipts and the totals on them, in the user's own language."}],
    )
# a comment at column 0 inside a function
    pass

class Agent:
    MODEL = "deepseek-v4-flash"

    def run(self):
        return router.chat.completions.create(model="deepseek/deepseek-chat", messages=[])

try:
    x = client.chat.completions.create(model='deepseek-reasoner', messages=[])
except Exception:
    pass
finally:
    done = True
if __name__ == "__main__":
    print(ask("hi"))
else:
    MODEL = 'deepseek-v4-pro'
s = '''
def not_code():
    "deepseek-chat"
'''
assert validate("deepseek-reasoner") is False
`

const TYPESCRIPT = `#!/usr/bin/env node
import OpenAI from "openai";
import {
  helper,
} from "./helper";

const client = new OpenAI({ baseURL: "https://api.deepseek.com", apiKey: process.env.DEEPSEEK_API_KEY });
const router = new OpenAI({ baseURL: "https://openrouter.ai/api/v1" });
const re = /["'\`]deepseek-chat/g;
const half = total / 2 / 'x'.length;
const doc = \`
export const fake = "deepseek-reasoner";
\${client ? \`nested \${"deepseek-chat"}\` : ""}
const alsoFake = 1;
\`;
/* a block comment
export const commented = "deepseek-chat";
*/
const chained = client
  .chat;
const sum = 1 +
2;
let later
later = 3

@Injectable()
export class Service {
  model = "deepseek-v4-flash";
  async run(): Promise<unknown> {
    return client.chat.completions.create({
      model: "deepseek-chat",
      messages: [{ role: "system", content: "You are a careful assistant who answers questions about invoices, receipts and the totals on them, in the user's own language." }],
    });
  }
}
if (["deepseek-chat", "deepseek-reasoner"].includes(name)) {
  console.log("old");
}
else {
  void router.chat.completions.create({ model: "deepseek/deepseek-chat", messages: [] });
}
export function check(m: string): boolean {
  switch (m) {
    case "deepseek-reasoner":
      return false;
  }
  return m === "deepseek-chat";
}
expect(validate("deepseek-chat")).toBe(false);
const s = 'it\\'s "deepseek-chat"';
export default {
  model: "deepseek-reasoner",
};
`;

const GO = `// Package agent calls DeepSeek.
package agent

import (
\t"context"
\t"os"

\topenai "github.com/sashabaranov/go-openai"
)

const legacy = "deepseek-chat"

var raw = \`
func notCode() string {
\treturn "deepseek-reasoner"
}
\`

var known = map[string]bool{
\t"deepseek-chat":     true,
\t"deepseek-reasoner": true,
}

func newClient() *openai.Client {
\tcfg := openai.DefaultConfig(os.Getenv("DEEPSEEK_API_KEY"))
\tcfg.BaseURL = "https://api.deepseek.com"
\treturn openai.NewClientWithConfig(cfg)
}

/* a block comment
func commented() string { return "deepseek-chat" }
*/
func Ask(ctx context.Context, c *openai.Client) (openai.ChatCompletionResponse, error) {
\tr := '"'
\t_ = r
\treturn c.CreateChatCompletion(ctx, openai.ChatCompletionRequest{
\t\tModel: "deepseek-chat",
\t\tMessages: []openai.ChatCompletionMessage{
\t\t\t{Role: openai.ChatMessageRoleSystem, Content: "You are a careful assistant who answers questions about invoices, receipts and the totals on them, in the user's own language."},
\t\t},
\t})
}

func check(m string) bool {
\tswitch m {
\tcase "deepseek-reasoner":
\t\treturn false
\t}
\treturn m == "deepseek-chat"
}

type Agent struct {
\tModel string
}

var defaultAgent = Agent{Model: "deepseek-v4-flash"}
`;

const RUST = `//! Calls DeepSeek.
#![allow(dead_code)]
use async_openai::{config::OpenAIConfig, types::CreateChatCompletionRequestArgs, Client};

const LEGACY: &str = "deepseek-chat";

static RAW: &str = r#"
fn not_code() -> &'static str {
    "deepseek-reasoner"
}
"#;

/* a block /* nested */ comment
fn commented() -> &'static str { "deepseek-chat" }
*/
/// Builds the client.
#[inline]
fn client() -> Client<OpenAIConfig> {
    let config = OpenAIConfig::new().with_api_base("https://api.deepseek.com").with_api_key(std::env::var("DEEPSEEK_API_KEY").unwrap());
    Client::with_config(config)
}

struct Agent<'a> {
    model: &'a str,
}

impl<'a> Agent<'a>
where
    'a: 'static,
{
    fn quote(&self) -> char {
        '"'
    }
}

async fn ask(c: &Client<OpenAIConfig>) -> Result<(), Box<dyn std::error::Error>> {
    let request = CreateChatCompletionRequestArgs::default()
        .model("deepseek-chat")
        .messages([ChatCompletionRequestSystemMessageArgs::default().content("You are a careful assistant who answers questions about invoices, receipts and the totals on them, in the user's own language.").build()?.into()])
        .build()?;
    let _ = c.chat().create(request).await?;
    Ok(())
}

fn check(m: &str) -> bool {
    match m {
        "deepseek-reasoner" => false,
        _ => m == "deepseek-chat",
    }
}

fn escaped() -> char {
    '\\''
}

static DEFAULT_AGENT: Agent = Agent { model: "deepseek-v4-flash" };
`;

/** The line-start offsets of the top-level statements of the real parse (comments left out). */
async function realStarts(grammar: Grammar, text: string): Promise<Set<number>> {
  const parser = await parserFor(grammar);
  const tree = parser.parse(text);
  assert.ok(tree && !tree.rootNode.hasError, `${grammar} fixture parses`);
  const out = new Set<number>([0]);
  for (const c of tree.rootNode.namedChildren) {
    if (!c || /comment|hash_bang/.test(c.type)) continue;
    const lineStart = text.lastIndexOf('\n', c.startIndex - 1) + 1;
    if (lineStart === c.startIndex) out.add(c.startIndex);
  }
  tree.delete();
  return out;
}

function lexedStarts(lexer: StatementStarts, text: string): { offset: number; row: number }[] {
  const out: { offset: number; row: number }[] = [];
  lexer(text, 0, 0, (offset, row) => {
    out.push({ offset, row });
    return true;
  });
  return out;
}

/** The lines the lexer says start a statement. */
function startLines(lexer: StatementStarts, text: string): string[] {
  return lexedStarts(lexer, text).map((s) => text.slice(s.offset).split('\n')[0]);
}

for (const [name, grammar, lexer, text] of [
  ['Python', 'python', pythonStatementStarts, PYTHON],
  ['TypeScript', 'typescript', scriptStatementStarts, TYPESCRIPT],
  ['Go', 'go', goStatementStarts, GO],
  ['Rust', 'rust', rustStatementStarts, RUST],
] as const) {
  test(`${name}: every statement start the lexer finds is one in the real parse, with its row`, async () => {
    const real = await realStarts(grammar, text);
    const lexed = lexedStarts(lexer, text);
    for (const { offset, row } of lexed) {
      assert.ok(real.has(offset), `${name}: ${JSON.stringify(text.slice(offset, offset + 30))} is not a statement start`);
      assert.equal(row, text.slice(0, offset).split('\n').length - 1, `row of ${JSON.stringify(text.slice(offset, offset + 20))}`);
    }
    // And it finds most of them (fewer only makes pieces larger, but none would make pieces pointless).
    assert.ok(lexed.length >= real.size * 0.6, `${name}: ${lexed.length} of ${real.size} starts`);
  });
}

test('Python: lines that continue a statement are never starts', () => {
  const cases: [string, string][] = [
    ['decorator', '@dec\ndef f():\n    pass\n'],
    ['else', 'if x:\n    a = 1\nelse:\n    a = 2\n'],
    ['elif', 'if x:\n    a = 1\nelif y:\n    a = 2\n'],
    ['except', 'try:\n    a = 1\nexcept E:\n    a = 2\n'],
    ['finally', 'try:\n    a = 1\nfinally:\n    a = 2\n'],
    ['bracket', 'a = (\n1)\n'],
    ['backslash', 'a = 1 + \\\n2\n'],
    ['triple string', 's = """\nx = 1\n"""\n'],
  ];
  for (const [what, text] of cases) {
    const starts = startLines(pythonStatementStarts, text);
    assert.deepEqual(starts, [], `${what}: ${JSON.stringify(starts)}`);
  }
  // An unterminated one-line string ends at its line, as Python reads it: the next line is a statement.
  assert.deepEqual(lexedStarts(pythonStatementStarts, 'a = "open\nb = 1\n').map((s) => s.offset), [10]);
});

test('TypeScript: lines that continue a statement are never starts', () => {
  const cases: [string, string][] = [
    ['decorator', '@Component({\n  x: 1,\n})\nexport class A {}\n'],
    ['else', 'if (x) {\n}\nelse {\n}\n'],
    ['operator at end', 'const a = 1 +\nb;\n'],
    ['dot chain', 'const a = b\n.c;\n'],
    ['keyword at end', 'export default\nfoo;\n'],
    ['from', 'import { a }\nfrom "x";\n'],
    ['template', 'const t = `\nconst x = 1;\n`;\n'],
    ['template expression', 'const t = `${\nfoo}`;\n'],
    ['nested template', 'const t = `${`\nconst y = 1;\n`}`;\n'],
    ['block comment', '/*\nconst x = 1;\n*/\n'],
    ['regex with quote', 'const r = /"/;\nconst q = "\nx";\n'],
    ['paren', 'foo(\nbar)\n'],
  ];
  for (const [what, text] of cases) {
    const starts = startLines(scriptStatementStarts, text);
    const expected = what === 'regex with quote' ? ['const q = "', 'x";'] : [];
    assert.deepEqual(starts, expected, `${what}: ${JSON.stringify(starts)}`);
  }
});

/** Edits a person (or a paste) makes, including ones that break the syntax or move statement starts. */
const SNIPPETS = ['x', ' ', '"', "'", '"""', '`', '${', '}', '(', ')', '\n', '\n\n', '    ', '#', '//', '/*', '*/', '\\', '@dec\n', 'deepseek-chat', '"deepseek-reasoner"', 'model="deepseek-chat", ', '\nelse:\n', '\nfoo = 1\n', '\nconst z = 2;\n', 'r#"', '"#', "'a", '#[derive(Debug)]\n', '\nwhere\n', '\nfunc f() {}\n', ''];

async function compareUnderEdits(grammar: Grammar, dialect: Dialect, base: string, seed: number, edits: number): Promise<{ piecewiseAnswers: number; answers: number }> {
  const parser = await parserFor(grammar);
  // The body is repeated so the file has many statements and the lookups cross pieces.
  // (Without what may only come once: a shebang, Go's package clause and imports.)
  const body = base.startsWith('#!') ? base.slice(base.indexOf('\n') + 1) : grammar === 'go' ? base.slice(base.indexOf('const legacy')) : grammar === 'rust' ? base.slice(base.indexOf('const LEGACY')) : base;
  let text = base + '\n' + [body, body, body].join('\n');
  const whole = new TreeScanner(parser, dialect, text, 'code', grammar, { minPiecewiseLength: Number.POSITIVE_INFINITY });
  const pieces = new TreeScanner(parser, dialect, text, 'code', grammar, { minPiecewiseLength: 0 });
  const rand = seeded(seed);
  let piecewiseAnswers = 0;
  let answers = 0;
  type Change = { rangeOffset: number; rangeLength: number; text: string };
  const apply = (...changes: Change[]) => {
    // Several changes in one notification (multi-cursor typing) are applied in order, as LSP says.
    for (const change of changes) text = text.slice(0, change.rangeOffset) + change.text + text.slice(change.rangeOffset + change.rangeLength);
    whole.update(text, changes);
    pieces.update(text, changes);
  };
  const answers_ = (scanner: TreeScanner, probe: number) => ({
    literal: JSON.stringify(scanner.literalAt(probe)),
    ids: scanner.modelIdLiterals(isId),
    unreadable: JSON.stringify(scanner.unreadableCandidates(isId)),
    calls: JSON.stringify(scanner.callSites()),
    prompts: JSON.stringify(scanner.promptLiterals(100)),
  });
  const compare = (label: string) => {
    // The truth is a fresh whole parse of the text; both documents kept up to date by edits must agree with it.
    const fresh = new TreeScanner(parser, dialect, text, 'code', grammar, { minPiecewiseLength: Number.POSITIVE_INFINITY });
    const probe = Math.floor(rand() * text.length);
    try {
      const truth = answers_(fresh, probe);
      for (const [side, scanner] of [['piecewise', pieces], ['edited whole', whole]] as const) {
        const got = answers_(scanner, probe);
        const at = `${label}, ${side}`;
        const i = got.ids.findIndex((l, k) => JSON.stringify(l) !== JSON.stringify(truth.ids[k]));
        if (i >= 0 || got.ids.length !== truth.ids.length) {
          // Name the first literal that differs, with its line, rather than two long lists.
          const k = i >= 0 ? i : Math.min(got.ids.length, truth.ids.length);
          const offset = got.ids[k]?.start ?? truth.ids[k]?.start ?? 0;
          const line = text.slice(text.lastIndexOf('\n', offset - 1) + 1, text.indexOf('\n', offset));
          assert.deepEqual(got.ids[k], truth.ids[k], `${at}: model ID ${k} of ${truth.ids.length} on ${JSON.stringify(line)}`);
        }
        assert.equal(got.literal, truth.literal, `${at}: literal at ${probe}`);
        assert.equal(got.unreadable, truth.unreadable, `${at}: unreadable`);
        assert.equal(got.calls, truth.calls, `${at}: calls`);
        assert.equal(got.prompts, truth.prompts, `${at}: prompts`);
      }
    } finally {
      fresh.dispose();
    }
    answers++;
    if ((pieces as unknown as { forest: SyntaxForest }).forest.piecewise) piecewiseAnswers++;
  };
  try {
    compare(`${grammar} seed ${seed} as opened`);
    for (let i = 1; i <= edits; i++) {
      const start = Math.floor(rand() * text.length);
      const rangeLength = rand() < 0.4 ? Math.min(Math.floor(rand() * 12), text.length - start) : 0;
      const inserted = SNIPPETS[Math.floor(rand() * SNIPPETS.length)];
      const removed = text.slice(start, start + rangeLength);
      apply({ rangeOffset: start, rangeLength, text: inserted });
      compare(`${grammar} seed ${seed} after edit ${i}`);
      if (rand() < 0.15) {
        // Two lines typed into at once, then taken out again together.
        const a = text.indexOf('\n', Math.floor(rand() * text.length)) + 1;
        const b = text.indexOf('\n', a + 1) + 1;
        if (a > 0 && b > a) {
          apply({ rangeOffset: a, rangeLength: 0, text: 'x' }, { rangeOffset: b + 1, rangeLength: 0, text: 'x' });
          compare(`${grammar} seed ${seed} after a two-cursor edit at ${i}`);
          apply({ rangeOffset: b + 1, rangeLength: 1, text: '' }, { rangeOffset: a, rangeLength: 1, text: '' });
          compare(`${grammar} seed ${seed} after undoing a two-cursor edit at ${i}`);
        }
      }
      // An edit that breaks the syntax is undone (as a person fixes a typo), and half the others, so
      // the file keeps coming back to a state that parses and the pieces are tested from there.
      const broken = (whole as unknown as { forest: SyntaxForest }).forest.hasError;
      if (broken || rand() < 0.5) {
        apply({ rangeOffset: start, rangeLength: inserted.length, text: removed });
        compare(`${grammar} seed ${seed} after undoing edit ${i}`);
      }
    }
  } finally {
    whole.dispose();
    pieces.dispose();
  }
  return { piecewiseAnswers, answers };
}

for (const [grammar, dialect, base] of [
  ['python', python, PYTHON],
  ['typescript', javascript, TYPESCRIPT],
  ['tsx', javascript, TYPESCRIPT],
  ['go', go, GO],
  ['rust', rust, RUST],
  ['javascript', javascript, TYPESCRIPT.replace(/: Promise<unknown>|: string|: boolean/g, '').replace('@Injectable()\n', '')],
] as const) {
  test(`${grammar}: parsed piecewise, a document answers as one parsed whole, over random edits`, { timeout: 120_000 }, async () => {
    let piecewise = 0;
    let answers = 0;
    for (const seed of [1, 2, 3, 4]) {
      const r = await compareUnderEdits(grammar, dialect, base, seed, 40);
      piecewise += r.piecewiseAnswers;
      answers += r.answers;
    }
    // Many answers must really come from pieces, or the comparison says nothing about them.
    assert.ok(piecewise > answers / 4, `${grammar}: ${piecewise} of ${answers} answers were piecewise`);
  });
}

test('a piece that does not parse makes the forest one tree, and a fixed file goes back to pieces', async () => {
  const parser = await parserFor('python');
  const text = Array.from({ length: 50 }, (_, i) => `v${i} = call("deepseek-chat", ${i})`).join('\n') + '\n';
  const forest = new SyntaxForest(parser, text, pythonStatementStarts, { minPiecewiseLength: 0 });
  try {
    assert.equal(forest.piecewise, true);
    assert.equal(forest.descendantForIndex(text.indexOf('v10'))?.text, 'v10');
    const at = text.indexOf('v20 = call(') + 'v20 = call('.length;
    const broken = text.slice(0, at) + '"' + text.slice(at);
    forest.update(broken, [{ rangeOffset: at, rangeLength: 0, text: '"' }]);
    assert.equal(forest.piecewise, false, 'the edited statement does not parse');
    assert.equal(forest.hasError, true);
    forest.update(text, [{ rangeOffset: at, rangeLength: 1, text: '' }]);
    assert.equal(forest.piecewise, true, 'fixed');
    assert.equal(forest.hasError, false);
    assert.equal(forest.descendantForIndex(text.indexOf('v49'))?.text, 'v49');
  } finally {
    forest.dispose();
  }
});

test('a change that does not fit the new text is not trusted: the document is read afresh', async () => {
  const parser = await parserFor('python');
  const line = (i: number, id: string) => `v${i} = call(model="${id}", n=${i})\n`;
  const text = Array.from({ length: 40 }, (_, i) => line(i, 'deepseek-v4-pro')).join('');
  const doc = new TreeScanner(parser, python, text, 'code', 'python', { minPiecewiseLength: 0 });
  try {
    assert.equal(doc.modelIdLiterals(isId).length, 40);
    // The client says it changed line 3, but the text it sends changed line 30 (a missed event).
    const at = text.indexOf(line(30, 'deepseek-v4-pro')) + 'v30 = call(model="'.length;
    const sent = text.slice(0, at) + 'deepseek-chat' + text.slice(at + 'deepseek-v4-pro'.length);
    const claimed = text.indexOf(line(3, 'deepseek-v4-pro')) + 'v3 = call(model="'.length;
    doc.update(sent, [{ rangeOffset: claimed, rangeLength: 'deepseek-v4-pro'.length, text: 'deepseek-chat' }]);
    const ids = doc.modelIdLiterals(isId);
    assert.equal(ids.length, 40);
    const lineOf = (offset: number) => sent.slice(sent.lastIndexOf('\n', offset) + 1, offset);
    assert.deepEqual(ids.filter((l) => l.value === 'deepseek-chat').map((l) => lineOf(l.start)), ['v30 = call(model=']);
  } finally {
    doc.dispose();
  }
});

test('whole-file evidence is kept across an edit only when the edit cannot change it', async () => {
  const { FileEvidence } = await import('../../../src/core/scan/sites');
  const src = 'client = OpenAI(base_url="https://api.deepseek.com")\nvalue = compute(data)\nresp = client.create(model="deepseek-chat")\n';
  const evidence = () => {
    const e = new FileEvidence();
    e.bindings.set('client', []);
    e.constants.set('data', null);
    const url = src.indexOf('https://');
    e.noteRead(url, url + 'https://api.deepseek.com'.length);
    return e;
  };
  const at = (s: string, k = 1) => src.indexOf(s) + k;
  const keeps = (rangeOffset: number, text: string, rangeLength = 0) => evidence().survives(src, { rangeOffset, rangeLength, text });
  assert.equal(keeps(at('value'), 'x'), true, 'typing inside a plain name');
  assert.equal(keeps(at('compute(data'), 'x'), true, 'a line that only reads a looked-up name');
  assert.equal(keeps(at('api.deepseek'), 'x'), false, 'typing inside a URL that was read');
  assert.equal(keeps(at('value'), '#'), false, 'a comment character');
  assert.equal(keeps(src.indexOf('value'), 'data', 'value'.length), false, 'the line now assigns to a looked-up name (`data = compute(data)`)');
  assert.equal(keeps(src.indexOf('value'), 'datum', 'value'.length), true, 'an assignment to another name');
  // Where an edit changed the syntax (statements re-read), far from the edit itself.
  const region = (s: string) => ({ from: src.indexOf(s), to: src.indexOf(s) + s.length });
  assert.equal(evidence().survivesRegions(src, [region('value = compute(data)')]), true, 'a statement that reads no evidence');
  assert.equal(evidence().survivesRegions(src, [region('client = OpenAI(')]), false, 'a statement holding a URL that was read');
  const withUrl = src + 'other = "http://localhost:11434"\n';
  assert.equal(evidence().survivesRegions(withUrl, [{ from: withUrl.indexOf('other'), to: withUrl.length }]), false, 'a statement whose URL may now be code');
});
