// `deepseek-cost estimate --format json` lists each chat call beside the prompts, computed by the
// CodeLens's own function, with exactly the documented keys.
import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTree, runCli } from './helpers';

const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'calls');
const KEYS = ['file', 'line', 'column', 'provider', 'model', 'modelSource', 'inputTokens', 'templateTokens', 'unknownParts', 'maxTokens', 'usd', 'cny'];

test('estimate --format json: calls with their messages\' tokens, the template\'s, and prices per currency', async () => {
  const router = 'from openai import OpenAI\nc = OpenAI(base_url="https://openrouter.ai/api/v1")\nc.chat.completions.create(model="deepseek/deepseek-v4-pro", messages=[{"role": "user", "content": "hi"}])\n';
  const { dir, cleanup } = makeTree({ 'bot.py': readFileSync(join(FIXTURES, 'support_bot.py'), 'utf8'), 'router.py': router });
  try {
    const { code, stdout } = await runCli(['estimate', '.', '--format', 'json', '--at', '2026-12-05T12:00:00Z'], dir);
    assert.equal(code, 0);
    const out = JSON.parse(stdout);
    assert.ok(Array.isArray(out.prompts), 'prompts stay');
    const bot = out.calls.filter((c: { file: string }) => c.file === 'bot.py');
    assert.equal(bot.length, 6);
    for (const c of out.calls) assert.deepEqual(Object.keys(c), KEYS);
    const constant = bot[1];
    assert.deepEqual([constant.line, constant.column, constant.provider, constant.model, constant.modelSource, constant.maxTokens, constant.unknownParts, constant.templateTokens], [35, 12, 'deepseek', 'deepseek-v4-flash', 'constant', 800, 1, 4]);
    const input = constant.inputTokens + constant.templateTokens;
    assert.ok(Math.abs(constant.usd.miss - (input * 0.15) / 1e6) < 1e-15);
    assert.ok(Math.abs(constant.usd.maxOutput - (800 * 0.6) / 1e6) < 1e-15);
    assert.ok(Math.abs(constant.cny.hit - (input * 0.02) / 1e6) < 1e-15);
    // No max_tokens: the output is priced at the model's maximum.
    assert.ok(Math.abs(bot[2].usd.maxOutput - (384000 * 1.98) / 1e6) < 1e-12);
    assert.equal(bot[2].maxTokens, null);
    const other = out.calls.find((c: { file: string }) => c.file === 'router.py');
    assert.deepEqual([other.provider, other.usd, other.cny], ['openrouter', null, null]);
    const text = await runCli(['estimate', 'bot.py', '--at', '2026-12-05T12:00:00Z'], dir);
    assert.match(text.stdout, /^bot\.py:35:12: call · deepseek-v4-flash · \d+ input tokens \+ 1 part known at run time · up to 800 output tokens · at most \$[\d.]+ per call/m);
  } finally {
    cleanup();
  }
});
