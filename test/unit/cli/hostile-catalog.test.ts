// A --catalog override with inherited names or a non-ID replacement is bad usage (exit 2, one clear
// message), never a crash halfway through and never code written from it.
import test from 'node:test';
import assert from 'node:assert/strict';
import { makeTree, runCli } from './helpers';

const period = { from: '2026-09-10T04:00:00Z', family: 'flash', currency: 'USD', offPeak: { cacheHit: 1, cacheMiss: 1, output: 1 }, source: 'ds-pricing' };
const overrides = {
  'source.json': { pricePeriods: [{ ...period, source: 'toString' }] },
  'peak.json': { pricePeriods: [{ ...period, peakRule: 'constructor', peakMultiplier: 2 }] },
  'replacement.json': {
    models: [{ id: 'deepseek-chat', displayName: 'Chat', lifecycle: [{ from: '2026-01-01T00:00:00Z', status: 'retired', source: 'ds-pricing', replacements: [{ id: 'x"); __import__("os").system("id"); ("', title: 'Use it' }] }] }],
  },
};
const messages: Record<string, RegExp> = {
  'source.json': /unknown source "toString"/,
  'peak.json': /unknown peak rule "constructor"/,
  'replacement.json': /replacements\.0\.id: must be a model ID/,
};

test('lint, estimate and spend reject a hostile --catalog with exit 2 and say why', async () => {
  const files: Record<string, string> = {
    'a.py': `x = f(model="deepseek-chat")\nSYSTEM = """${'Answer briefly and cite the source. '.repeat(8)}"""\n`,
    'usage.jsonl': `${JSON.stringify({ id: 'r1', object: 'chat.completion', created: 1795000000, model: 'deepseek-v4-flash', usage: { prompt_tokens: 10, completion_tokens: 5 } })}\n`,
  };
  for (const [name, body] of Object.entries(overrides)) files[name] = JSON.stringify(body);
  const { dir, cleanup } = makeTree(files);
  try {
    for (const name of Object.keys(overrides)) {
      for (const args of [['lint', 'a.py'], ['estimate', 'a.py'], ['spend', 'usage.jsonl']]) {
        const r = await runCli([...args, '--catalog', name], dir);
        assert.equal(r.code, 2, `${args[0]} --catalog ${name}: ${r.stderr}`);
        assert.match(r.stderr, /shipped catalog stays in force/);
        assert.match(r.stderr, messages[name]);
        assert.doesNotMatch(r.stdout, /__import__/);
      }
    }
  } finally {
    cleanup();
  }
});
