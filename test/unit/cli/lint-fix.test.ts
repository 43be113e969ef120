// deepseek-cost lint --fix and --fix-dry-run on a throwaway project: the preferred fixes in place
// (thinking edits included), a unified diff that changes nothing, lint's exit code after fixing,
// every fixed file still parsing, and a second run changing nothing.
import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { applyPatch, parsePatch } from 'diff';
import { makeTree, runCli } from './helpers';
import { parseErrors } from '../../support/parseErrors';

const AT = ['--at', '2026-12-01T00:00:00Z'];

const FILES: Record<string, string> = {
  'app/main.py': 'from openai import OpenAI\nclient = OpenAI(base_url="https://api.deepseek.com")\nr = client.chat.completions.create(\n    model="deepseek-chat",\n    messages=[{"role": "user", "content": "hi"}],\n)\n',
  'app/reasoner.py': 'r = client.chat.completions.create(model="deepseek-reasoner", messages=m)\n',
  'app/web.ts': "import OpenAI from 'openai';\nconst r = await client.chat.completions.create({\n  model: 'deepseek-chat',\n  messages,\n});\n",
  'proxy/config.yaml': 'model_list:\n  - model_name: chat\n    litellm_params:\n      model: deepseek/deepseek-chat\n',
  'bodies/req.json': '{"model": "deepseek-chat", "messages": []}\n',
  'bodies/req.go': 'package req\n\nvar Body = map[string]interface{}{"model": "deepseek-chat", "messages": nil}\n',
  'app/agent.py': 'agent = Agent(model="deepseek-coder")\n',
  'app/clean.py': 'm = "deepseek-v4-pro"\n',
};

const EXPECTED: Record<string, string> = {
  'app/main.py': 'from openai import OpenAI\nclient = OpenAI(base_url="https://api.deepseek.com")\nr = client.chat.completions.create(\n    model="deepseek-flash",\n    extra_body={"thinking": {"type": "disabled"}},\n    messages=[{"role": "user", "content": "hi"}],\n)\n',
  'app/reasoner.py': 'r = client.chat.completions.create(model="deepseek-flash", messages=m)\n',
  'app/web.ts': "import OpenAI from 'openai';\nconst r = await client.chat.completions.create({\n  model: 'deepseek-flash',\n  // @ts-expect-error DeepSeek's thinking parameter is not in the OpenAI SDK's types\n  thinking: { type: 'disabled' },\n  messages,\n});\n",
  'proxy/config.yaml': 'model_list:\n  - model_name: chat\n    litellm_params:\n      model: deepseek/deepseek-flash\n      thinking: {"type": "disabled"}\n',
  'bodies/req.json': '{"model": "deepseek-flash", "thinking": {"type": "disabled"}, "messages": []}\n',
  'bodies/req.go': 'package req\n\nvar Body = map[string]interface{}{"model": "deepseek-flash", "thinking": map[string]interface{}{"type": "disabled"}, "messages": nil}\n',
  'app/agent.py': 'agent = Agent(model="deepseek-flash")\n',
  'app/clean.py': 'm = "deepseek-v4-pro"\n',
};

const GRAMMAR: Record<string, string> = { '.py': 'python', '.ts': 'typescript', '.yaml': 'yaml', '.json': 'json', '.go': 'go' };

function read(dir: string, rel: string): string {
  return readFileSync(path.join(dir, rel), 'utf8');
}

test('lint --fix applies the preferred fixes in place, every fixed file parses, a second run changes nothing', async () => {
  const { dir, cleanup } = makeTree(FILES);
  try {
    const before = await runCli(['lint', ...AT, '.'], dir);
    assert.equal(before.code, 1);
    const fixed = await runCli(['lint', '--fix', ...AT, '.'], dir);
    assert.equal(fixed.stderr, '7 files fixed\n');
    // Nothing is left to report, so lint's exit code after fixing is 0.
    assert.equal(fixed.code, 0, fixed.stdout);
    assert.match(fixed.stdout, /^0 findings \(0 errors, 0 warnings\) in 8 files scanned\n$/);
    for (const [rel, expected] of Object.entries(EXPECTED)) {
      const text = read(dir, rel);
      assert.equal(text, expected, rel);
      const grammar = GRAMMAR[path.extname(rel)];
      assert.equal(await parseErrors(grammar, text), 0, `${rel} still parses`);
    }
    const again = await runCli(['lint', '--fix', ...AT, '.'], dir);
    assert.equal(again.stderr, '0 files fixed\n');
    assert.equal(again.code, 0);
    for (const [rel, expected] of Object.entries(EXPECTED)) assert.equal(read(dir, rel), expected, `${rel} unchanged by a second --fix`);
  } finally {
    cleanup();
  }
});

test('lint --fix exits as lint does on what remains: a finding with no replacement keeps its error', async () => {
  // A catalog where deepseek-chat is retired with nothing to move to: nothing to write, so it stays.
  const override = {
    models: [{ id: 'deepseek-chat', displayName: 'deepseek-chat', lifecycle: [{ from: '2026-01-01T00:00:00Z', status: 'retired', source: 'ds-news-v4' }] }],
  };
  const { dir, cleanup } = makeTree({ 'a.py': 'r = client.chat.completions.create(model="deepseek-chat", messages=m)\n', 'b.py': FILES['app/reasoner.py'], 'override.json': JSON.stringify(override) });
  try {
    const fixed = await runCli(['lint', '--fix', '--format', 'json', '--catalog', 'override.json', ...AT, 'a.py', 'b.py'], dir);
    assert.equal(fixed.code, 1, fixed.stderr);
    const out = JSON.parse(fixed.stdout);
    assert.deepEqual(out.findings.map((f: { file: string; code: string; replacements: string[] }) => [f.file, f.code, f.replacements]), [['a.py', 'retired-model', []]]);
    assert.equal(read(dir, 'b.py'), EXPECTED['app/reasoner.py']);
    assert.equal(read(dir, 'a.py'), 'r = client.chat.completions.create(model="deepseek-chat", messages=m)\n');
  } finally {
    cleanup();
  }
});

test('lint --fix-dry-run prints a unified diff of exactly the --fix edits and changes nothing', async () => {
  const { dir, cleanup } = makeTree(FILES);
  try {
    const dry = await runCli(['lint', '--fix-dry-run', ...AT, '.'], dir);
    assert.equal(dry.stderr, '7 files would be fixed\n');
    assert.equal(dry.code, 0);
    for (const [rel, text] of Object.entries(FILES)) assert.equal(read(dir, rel), text, `${rel} untouched`);
    const patches = parsePatch(dry.stdout);
    assert.equal(patches.length, 7);
    for (const p of patches) {
      const rel = p.oldFileName!.replace(/^a\//, '');
      assert.equal(p.newFileName, `b/${rel}`);
      assert.equal(applyPatch(FILES[rel], p), EXPECTED[rel], `the diff for ${rel} is the --fix edit`);
    }
    assert.match(dry.stdout, /^\+    extra_body=\{"thinking": \{"type": "disabled"\}\},$/m);
  } finally {
    cleanup();
  }
});

test('lint --fix never writes an override replacement that is not a model ID', async () => {
  const injection = 'x"); __import__("os").system("id"); ("';
  const override = {
    models: [
      { id: 'deepseek-chat', displayName: 'deepseek-chat', lifecycle: [{ from: '2026-01-01T00:00:00Z', status: 'retired', source: 'ds-news-v4', replacements: [{ id: injection, title: 'Use it' }] }] },
      { id: injection, displayName: 'injected', lifecycle: [{ from: '2026-01-01T00:00:00Z', status: 'current', source: 'ds-news-v4' }] },
    ],
  };
  const text = 'r = client.chat.completions.create(model="deepseek-chat", messages=m)\n';
  const { dir, cleanup } = makeTree({ 'a.py': text, 'override.json': JSON.stringify(override) });
  try {
    const r = await runCli(['lint', '--fix', '--catalog', 'override.json', ...AT, 'a.py'], dir);
    assert.doesNotMatch(read(dir, 'a.py'), /__import__|system\(/);
    assert.equal(await parseErrors('python', read(dir, 'a.py')), 0);
    assert.doesNotMatch(r.stdout, /__import__/);
  } finally {
    cleanup();
  }
});

test('--fix and --fix-dry-run together are bad usage', async () => {
  const { dir, cleanup } = makeTree({ 'a.py': FILES['app/reasoner.py'] });
  try {
    const r = await runCli(['lint', '--fix', '--fix-dry-run', '.'], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /cannot be used together/);
    assert.equal(read(dir, 'a.py'), FILES['app/reasoner.py']);
  } finally {
    cleanup();
  }
});
