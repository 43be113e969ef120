import test from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { makeTree, runCli } from './helpers';

const require = createRequire(__filename);
const { Tokenizer } = require('tokenizers') as { Tokenizer: { fromFile(p: string): { encode(t: string, pair: null, o: { addSpecialTokens: boolean }): Promise<{ getIds(): number[] }> } } };
const reference = Tokenizer.fromFile(require.resolve('@lenml/tokenizer-deepseek_v4/models/tokenizer.json'));
const refCount = async (t: string) => (await reference.encode(t, null, { addSpecialTokens: false })).getIds().length;

test('tokens: a file, stdin, and --jsonl give the Rust reference counts; bad lines are reported, order kept', async () => {
  const texts = ['Hello, DeepSeek!', '你好，世界。今天天气很好。', 'def f(x):\n    return x ** 2  # 🚀', '<think>plan</think> done', ''];
  const jsonl = texts.map((t) => JSON.stringify({ text: t })).join('\n') + '\nnot json\n{"text": 5}\n';
  const { dir, cleanup } = makeTree({ 'p.txt': texts[1], 'batch.jsonl': jsonl });
  try {
    const file = await runCli(['tokens', 'p.txt'], dir);
    assert.equal(file.code, 0);
    assert.equal(file.stdout, `${await refCount(texts[1])}\n`);
    const stdin = await runCli(['tokens', '-'], dir, texts[2]);
    assert.equal(stdin.stdout, `${await refCount(texts[2])}\n`);
    const batch = await runCli(['tokens', '--jsonl', 'batch.jsonl'], dir);
    assert.equal(batch.code, 1);
    const lines = batch.stdout.trim().split('\n').map((l) => JSON.parse(l));
    const expected = [];
    for (const t of texts) expected.push({ tokens: await refCount(t) });
    assert.deepEqual(lines.slice(0, texts.length), expected);
    assert.match(lines[texts.length].error, /line 6/);
    assert.match(lines[texts.length + 1].error, /line 7/);
    assert.equal((await runCli(['tokens', 'nope.txt'], dir)).code, 1);
  } finally {
    cleanup();
  }
});

test('estimate --format json: each prompt with position, tokens, model and costs as the hover computes them', async () => {
  const system = 'You are a meticulous assistant for tax questions. Always state the year the rule applies to.';
  const src = `MODEL = "deepseek-v4-pro"\nresp = client.chat.completions.create(\n    model=MODEL,\n    max_tokens=2000,\n    messages=[{"role": "system", "content": "${system}"}],\n)\n`;
  const { dir, cleanup } = makeTree({ 'agent.py': src });
  try {
    // Monday 2026-11-23 02:00 UTC: peak, pro USD off-peak 0.022 / 0.66 / 1.98, doubled.
    const { code, stdout } = await runCli(['estimate', 'agent.py', '--format', 'json', '--at', '2026-11-23T02:00:00Z'], dir);
    assert.equal(code, 0);
    const out = JSON.parse(stdout);
    assert.equal(out.prompts.length, 1);
    const p = out.prompts[0];
    const tokens = await refCount(system);
    assert.deepEqual([p.file, p.line, p.tokens, p.model, p.modelSource, p.maxTokens], ['agent.py', 5, tokens, 'deepseek-v4-pro', 'constant', 2000]);
    const usd = p.currencies.find((c: { currency: string }) => c.currency === 'USD');
    assert.equal(usd.peak, true);
    assert.ok(Math.abs(usd.inputMiss - (tokens * 1.32) / 1e6) < 1e-15);
    assert.ok(Math.abs(usd.inputHit - (tokens * 0.044) / 1e6) < 1e-15);
    assert.ok(Math.abs(usd.maxOutput - (2000 * 3.96) / 1e6) < 1e-15);
    const text = await runCli(['estimate', '.', '--at', '2026-11-23T02:00:00Z'], dir);
    assert.match(text.stdout, new RegExp(`agent\\.py:5:\\d+: ${tokens} tokens \\(DeepSeek-V4 tokenizer\\) → deepseek-v4-pro: .* \\(peak\\)`));
    // The JSON says which tokenizer made the count and where the facts end.
    assert.deepEqual(p.tokenizer, { kind: 'bundled', countedWith: 'DeepSeek-V4', servedBy: 'DeepSeek-V4-Pro-0813', servedTokenizer: 'DeepSeek-V4', mayDiffer: false });
    assert.deepEqual(p.limits.conflicts.map((c: { id: string }) => c.id), ['v4-pro-routed-to-flash']);
    assert.equal((await runCli(['estimate'], dir)).code, 2);
    assert.equal((await runCli(['estimate', 'agent.py', '--currency', 'EUR'], dir)).code, 2);
  } finally {
    cleanup();
  }
});

test('estimate on a V4.1-served model says its count may differ; 2027 times carry the holiday assumption; --version prints the catalog date', async () => {
  const src = `r = client.chat.completions.create(model="deepseek-flash", messages=[{"role": "system", "content": "${'You are a careful assistant. '.repeat(10)}"}])\n`;
  const { dir, cleanup } = makeTree({ 'a.py': src });
  try {
    const text = await runCli(['estimate', 'a.py', '--at', '2027-02-01T02:00:00Z'], dir);
    assert.equal(text.code, 0);
    assert.match(text.stdout, /tokens \(DeepSeek-V4 tokenizer; DeepSeek-V4\.1-Flash-1017 may bill a different count\) → deepseek-flash/);
    assert.match(text.stdout, /^assumption: holiday calendar for 2027 not published yet: weekday peak hours applied on every weekday$/m);
    assert.match(text.stdout, /^prices as of 2026-12-01; check for an update$/m);
    const json = JSON.parse((await runCli(['estimate', 'a.py', '--format', 'json', '--at', '2027-02-01T02:00:00Z'], dir)).stdout);
    assert.equal(json.prompts[0].tokenizer.mayDiffer, true);
    assert.deepEqual(json.prompts[0].limits.assumptions.map((a: { year: number }) => a.year), [2027]);
    const before = JSON.parse((await runCli(['estimate', 'a.py', '--format', 'json', '--at', '2026-11-23T02:00:00Z'], dir)).stdout);
    assert.deepEqual(before.prompts[0].limits, { conflicts: [], assumptions: [] });
  } finally {
    cleanup();
  }
  const version = await runCli(['--version'], process.cwd());
  assert.equal(version.code, 0);
  assert.equal(version.stdout, '0.1.0 (catalog 2026-12-01)\n');
});
