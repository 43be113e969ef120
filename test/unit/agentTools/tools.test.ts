// The agent tools answer with the same core functions as the editor and the CLI: each test
// compares a tool's text with what lint, estimate, the hover's estimate or spend computes.
import test from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { runAgentTool } from '../../../src/agentTools/run';
import { findingLine } from '../../../src/cli/lint';
import { estimateLine } from '../../../src/cli/estimate';
import { priceAt } from '../../../src/catalog/resolve';
import { shippedCatalogData } from '../../../src/catalog/load';
import { currencyOrder, estimatePrompt } from '../../../src/core/estimate/promptEstimate';
import { formatMoney, formatRate } from '../../../src/core/money';
import { countTokens } from '../../../src/core/tokenizer';
import { makeTree, runCli } from '../cli/helpers';
import { context, PROJECT } from './helpers';

const AFTER_RETIREMENT = '2026-11-23T03:00:00Z'; // Monday 11:00 in Beijing: peak hours
const WHILE_DEPRECATED = '2026-05-04T18:00:00Z';
const catalog = shippedCatalogData();

test('checkModelId: a retired ID gets its date, replacements in preference order, how to keep its behaviour, and the source', async () => {
  const r = await runAgentTool('checkModelId', { modelId: 'deepseek-chat' }, context('/', AFTER_RETIREMENT));
  assert.equal(r.isError, false, r.text);
  assert.match(r.text, /^deepseek-chat on DeepSeek API at 2026-11-23 03:00 UTC: RETIRED since 2026-07-24 15:59 UTC \(requests with it fail\)\./);
  assert.match(r.text, /Replace with \(in preference order\): deepseek-v4-flash \(Use deepseek-v4-flash \(non-thinking\)\); deepseek-v4-pro/);
  assert.match(r.text, /"thinking": \{"type": "disabled"\}/);
  assert.match(r.text, /Source: .*, 2026-04-24: https:\/\/api-docs\.deepseek\.com\/news\/news260424/);
  assert.doesNotMatch(r.text, /Price|Non-thinking\./, 'a retired ID has no price or mode to quote');
});

test('checkModelId follows the time asked about: deprecated before the retirement, current before that', async () => {
  const deprecated = await runAgentTool('checkModelId', { modelId: 'deepseek-chat', at: WHILE_DEPRECATED }, context('/', AFTER_RETIREMENT));
  assert.match(deprecated.text, /DEPRECATED since 2026-04-24 00:00 UTC \(still served, retirement announced\); retired from 2026-07-24 15:59 UTC\./);
  const current = await runAgentTool('checkModelId', { modelId: 'deepseek-chat', at: '2026-01-01T00:00:00Z' }, context('/', AFTER_RETIREMENT));
  assert.match(current.text, /CURRENT since 2024-01-01 00:00 UTC; deprecated from 2026-04-24 00:00 UTC\./);
});

test('checkModelId: a legacy name keeps its router prefix in the replacement and quotes the price now with its source date', async () => {
  const at = new Date(AFTER_RETIREMENT);
  const r = await runAgentTool('checkModelId', { modelId: 'deepseek/deepseek-v4-flash' }, context('/', AFTER_RETIREMENT));
  assert.match(r.text, /LEGACY since 2026-09-10 04:00 UTC/);
  assert.match(r.text, /Replace with \(in preference order\): deepseek\/deepseek-flash /);
  const p = priceAt(catalog, 'deepseek-v4-flash', at, 'USD');
  assert.equal(p.kind, 'priced');
  if (p.kind !== 'priced') return;
  assert.equal(p.peak, true, 'the fixture time is in peak hours');
  const expected = `Price (USD per 1M tokens, peak price now; changes at 2026-11-23 04:00 UTC): cache hit ${formatRate(p.rates.cacheHit, 'USD')}, cache miss ${formatRate(p.rates.cacheMiss, 'USD')}, output ${formatRate(p.rates.output, 'USD')}.`;
  assert.ok(r.text.includes(expected), `${expected}\nnot in\n${r.text}`);
  assert.ok(r.text.includes(`dated ${catalog.sources[p.period.source].date}`), r.text);
  assert.match(r.text, /Price \(CNY per 1M tokens/);
});

test('checkModelId: unknown IDs list the current ones; unknown providers are an error that names the known ones', async () => {
  const unknown = await runAgentTool('checkModelId', { modelId: 'gpt-4o' }, context('/', AFTER_RETIREMENT));
  assert.equal(unknown.isError, false);
  assert.match(unknown.text, /: unknown\. "gpt-4o" is not a DeepSeek model ID in the catalog \(dated 2026-12-01\)/);
  assert.match(unknown.text, /Current IDs: deepseek-flash \(thinks by default\), deepseek-v4-pro \(thinks by default\)\./);
  const provider = await runAgentTool('checkModelId', { modelId: 'deepseek-chat', provider: 'some-router' }, context('/', AFTER_RETIREMENT));
  assert.equal(provider.isError, true);
  assert.match(provider.text, /Unknown provider "some-router"\. The catalog knows: deepseek \(DeepSeek API\), openrouter \(OpenRouter\)/);
  for (const named of ['deepseek', 'DeepSeek API', 'https://api.deepseek.com/v1']) {
    const official = await runAgentTool('checkModelId', { modelId: 'deepseek-chat', provider: named }, context('/', AFTER_RETIREMENT));
    assert.match(official.text, /^deepseek-chat on DeepSeek API at .*: RETIRED/, named);
  }
});

test('checkModelId on another provider: DeepSeek\'s retirement does not apply, and the answer says so', async () => {
  const ollama = await runAgentTool('checkModelId', { modelId: 'deepseek-coder', provider: 'ollama' }, context('/', AFTER_RETIREMENT));
  assert.equal(ollama.isError, false);
  assert.match(ollama.text, /^deepseek-coder on Ollama at 2026-11-23 03:00 UTC: not judged\. The catalog \(dated 2026-12-01\) holds no lifecycle dates or prices for Ollama; DeepSeek's retirements and prices apply only to DeepSeek API\. On DeepSeek API, deepseek-coder is retired/);
  assert.doesNotMatch(ollama.text, /Replace with/);
  const byUrl = await runAgentTool('checkModelId', { modelId: 'deepseek-chat', provider: 'http://localhost:11434/v1' }, context('/', AFTER_RETIREMENT));
  assert.match(byUrl.text, /on Ollama at/);
  // A router's prefix names the provider when none is given.
  const routed = await runAgentTool('checkModelId', { modelId: 'openrouter/deepseek/deepseek-chat' }, context('/', AFTER_RETIREMENT));
  assert.match(routed.text, /^openrouter\/deepseek\/deepseek-chat on OpenRouter at .*: not judged\./);
  const litellm = await runAgentTool('checkModelId', { modelId: 'deepseek/deepseek-chat' }, context('/', AFTER_RETIREMENT));
  assert.match(litellm.text, /^deepseek\/deepseek-chat on DeepSeek API at .*: RETIRED/);
});

test('lintFile gives exactly the lines of `deepseek-cost lint`, with the time and catalog date', async () => {
  const { dir, cleanup } = makeTree(PROJECT);
  try {
    const cli = await runCli(['lint', 'src/llm.ts', '--format', 'json', '--at', AFTER_RETIREMENT], dir);
    const expected = JSON.parse(cli.stdout).findings.map(findingLine);
    assert.equal(expected.length, 2, 'deepseek-reasoner (retired) and deepseek/deepseek-v4-flash (legacy)');
    const r = await runAgentTool('lintFile', { path: 'src/llm.ts' }, context(dir, AFTER_RETIREMENT));
    assert.equal(r.isError, false, r.text);
    const lines = r.text.split('\n');
    assert.deepEqual(lines.slice(0, expected.length), expected);
    assert.equal(lines[expected.length], '2 findings (1 errors, 0 warnings) in 1 file scanned, at 2026-11-23 03:00 UTC (catalog of 2026-12-01).');
    // deepseek-v4-flash is itself legacy by then: the preferred fix follows the catalog to deepseek-flash.
    assert.match(lines[0], /\(fix: deepseek-flash or deepseek-v4-flash or deepseek-v4-pro\)$/);
  } finally {
    cleanup();
  }
});

test('lintFile follows the severity settings, and an absolute path works too', async () => {
  const { dir, cleanup } = makeTree(PROJECT);
  try {
    const r = await runAgentTool('lintFile', { path: path.join(dir, 'src/llm.ts') }, context(dir, AFTER_RETIREMENT, { settings: { severity: { retired: 'warning', deprecated: 'warning', legacy: 'off' } } }));
    assert.match(r.text, /src\/llm\.ts:1:\d+: warning retired-model/);
    assert.doesNotMatch(r.text, /legacy-model-name/);
    assert.match(r.text, /1 finding \(0 errors, 1 warnings\)/);
  } finally {
    cleanup();
  }
});

test('lintFile and estimatePrompt read an editor\'s unsaved text instead of the disk when the host gives it', async () => {
  const { dir, cleanup } = makeTree(PROJECT);
  try {
    const edited = PROJECT['src/llm.ts'].replace("'deepseek-reasoner'", "'deepseek-v4-pro'").replace("'Plan the migration step by step.'", "'Plan the migration step by step, then list the risks.'");
    const unsaved = (file: string) => (file === path.join(dir, 'src/llm.ts') ? { text: edited, languageId: 'typescript' } : undefined);
    const ctx = context(dir, AFTER_RETIREMENT, { unsaved });
    const lint = await runAgentTool('lintFile', { path: 'src/llm.ts' }, ctx);
    assert.doesNotMatch(lint.text, /deepseek-reasoner/);
    assert.match(lint.text, /^1 finding \(0 errors, 0 warnings\)/m, 'only the legacy name is left');
    const onDisk = await runAgentTool('lintFile', { path: 'src/llm.ts' }, context(dir, AFTER_RETIREMENT));
    assert.match(onDisk.text, /retired-model/);
    const estimate = await runAgentTool('estimatePrompt', { file: 'src/llm.ts' }, ctx);
    assert.match(estimate.text, new RegExp(`^src/llm\\.ts:1:\\d+: ${countTokens('Plan the migration step by step, then list the risks.')} tokens \\(DeepSeek-V4 tokenizer\\) → deepseek-v4-pro:`, 'm'), estimate.text);
  } finally {
    cleanup();
  }
});

test('lintFile on a missing file is an error that says so; a clean file says nothing was found', async () => {
  const { dir, cleanup } = makeTree({ 'ok.py': 'model = "deepseek-v4-pro"\n' });
  try {
    const missing = await runAgentTool('lintFile', { path: 'nope.py' }, context(dir, AFTER_RETIREMENT));
    assert.equal(missing.isError, true);
    assert.match(missing.text, /Note: .*nope\.py/);
    const clean = await runAgentTool('lintFile', { path: 'ok.py' }, context(dir, AFTER_RETIREMENT));
    assert.equal(clean.isError, false);
    assert.match(clean.text, /No retired, deprecated or legacy DeepSeek model IDs found\./);
  } finally {
    cleanup();
  }
});

test('lintWorkspace equals `deepseek-cost lint .`: every language, .gitignore honoured, prose skipped', async () => {
  const { dir, cleanup } = makeTree(PROJECT);
  try {
    const cli = await runCli(['lint', '--format', 'json', '--at', AFTER_RETIREMENT], dir);
    const expected = JSON.parse(cli.stdout).findings.map(findingLine);
    const r = await runAgentTool('lintWorkspace', {}, context(dir, AFTER_RETIREMENT));
    assert.deepEqual(r.text.split('\n').slice(0, expected.length), expected);
    assert.deepEqual(expected.map((l: string) => l.split(':')[0]).sort(), ['app.py', 'config.yaml', 'src/llm.ts', 'src/llm.ts']);
    assert.doesNotMatch(r.text, /ignored\/old\.py|notes\.md:/);
    const some = await runAgentTool('lintWorkspace', { paths: ['src'] }, context(dir, AFTER_RETIREMENT));
    assert.match(some.text, /2 findings .* in 1 file scanned/);
  } finally {
    cleanup();
  }
});

test('estimatePrompt with text: the exact token count and the hover estimate\'s costs, with the price source date', async () => {
  const text = 'You are a careful assistant. Summarise the invoice below in two lines and name the customer.';
  const at = new Date(AFTER_RETIREMENT);
  const r = await runAgentTool('estimatePrompt', { text, model: 'deepseek-v4-pro', maxTokens: 2048 }, context('/', AFTER_RETIREMENT));
  assert.equal(r.isError, false, r.text);
  const e = estimatePrompt({ text, placeholders: 0, startsWithPlaceholder: false, isSystemOrFirstMessage: false, maxTokens: 2048, model: { written: 'deepseek-v4-pro', via: 'argument', start: 0, end: 0 } }, countTokens(text), catalog, at, 'deepseek-v4-flash', currencyOrder('USD'));
  assert.ok(r.text.startsWith(`${e.tokens} tokens (DeepSeek-V4 tokenizer, exact), ${text.length} characters → deepseek-v4-pro (from the "model" input), at 2026-11-23 03:00 UTC.`), r.text);
  const usd = e.currencies[0];
  assert.ok(r.text.includes(`USD: input at cache miss ${formatMoney(usd.inputMiss!, 'USD')} per call (${formatMoney(usd.inputMiss! * 1000, 'USD')} per 1,000), at cache hit ${formatMoney(usd.inputHit!, 'USD')} per call`), r.text);
  assert.ok(r.text.includes(`up to 2,048 output tokens ${formatMoney(usd.maxOutput!, 'USD')} per call`), r.text);
  assert.ok(r.text.includes(`price source dated ${usd.sourceDate}`), r.text);
  assert.match(r.text, /\nCNY: input at cache miss ¥/);
});

test('estimatePrompt with text and no model uses the default-model setting; currency CNY comes first when asked', async () => {
  const r = await runAgentTool('estimatePrompt', { text: 'Hello', currency: 'CNY' }, context('/', AFTER_RETIREMENT, { settings: { defaultModel: 'deepseek-v4-pro' } }));
  assert.match(r.text, /→ deepseek-v4-pro \(from the default model\)/);
  assert.match(r.text, /\nCNY: .*\nUSD: /);
  const unknown = await runAgentTool('estimatePrompt', { text: 'Hello', model: 'gpt-4o' }, context('/', AFTER_RETIREMENT));
  assert.match(unknown.text, /gpt-4o is not in the catalog, so it is not priced\./);
});

test('estimatePrompt with a file lists exactly what `deepseek-cost estimate` lists; line narrows it', async () => {
  const { dir, cleanup } = makeTree(PROJECT);
  try {
    const cli = await runCli(['estimate', 'app.py', '--format', 'json', '--at', AFTER_RETIREMENT], dir);
    const rows = JSON.parse(cli.stdout).prompts;
    assert.ok(rows.length >= 2, cli.stdout);
    const r = await runAgentTool('estimatePrompt', { file: 'app.py' }, context(dir, AFTER_RETIREMENT));
    assert.deepEqual(r.text.split('\n').slice(0, rows.length), rows.map(estimateLine));
    assert.match(r.text, new RegExp(`${rows.length} prompts in app\\.py, priced at 2026-11-23 03:00 UTC \\(price source dated \\d{4}-\\d{2}-\\d{2}`));
    const one = await runAgentTool('estimatePrompt', { file: 'app.py', line: 4 }, context(dir, AFTER_RETIREMENT));
    assert.deepEqual(one.text.split('\n')[0], estimateLine(rows.find((row: { line: number }) => row.line === 4)));
    assert.doesNotMatch(one.text, /^app\.py:5:/m);
    assert.match(one.text, /\n1 prompt in app\.py line 4/);
    const none = await runAgentTool('estimatePrompt', { file: 'app.py', line: 1 }, context(dir, AFTER_RETIREMENT));
    assert.match(none.text, /0 prompts in app\.py line 1.*\nThe file has 2 prompt literal\(s\), on lines 4, 5\./);
  } finally {
    cleanup();
  }
});

test('estimatePrompt: neither or both of text and file, or maxTokens with a file, is an error that says what to give', async () => {
  const ctx = context('/', AFTER_RETIREMENT);
  for (const input of [{}, { text: 'a', file: 'b.py' }]) {
    const r = await runAgentTool('estimatePrompt', input, ctx);
    assert.equal(r.isError, true);
    assert.match(r.text, /exactly one of "text".*or "file"/);
  }
  const r = await runAgentTool('estimatePrompt', { file: 'b.py', maxTokens: 5 }, ctx);
  assert.equal(r.isError, true);
  assert.match(r.text, /"maxTokens" goes with "text"/);
});

test('invalid input names the tool and the field; unknown fields are refused', async () => {
  const ctx = context('/', AFTER_RETIREMENT);
  const missing = await runAgentTool('checkModelId', {}, ctx);
  assert.equal(missing.isError, true);
  assert.match(missing.text, /^Invalid input for deepseek-cost_checkModelId: modelId: /);
  const extra = await runAgentTool('lintFile', { path: 'a.py', fix: true }, ctx);
  assert.match(extra.text, /Unrecognized key: "fix"/);
  const badTime = await runAgentTool('checkModelId', { modelId: 'deepseek-chat', at: 'yesterday' }, ctx);
  assert.match(badTime.text, /at: must be an ISO 8601 time/);
});
