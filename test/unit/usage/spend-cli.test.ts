// deepseek-cost spend, run in-process with captured output.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { test } from 'node:test';
import { runSpend } from '../../../src/cli/spend';
import { FLASH_USD_JUL, PRO_USD_JUL, assertClose, copyFixture, cost, tempDir } from './helpers';

async function run(argv: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const code = await runSpend(argv, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), cwd });
  return { code, stdout, stderr };
}

test('--format json prints one object with full-precision totals, by model and by day', async (t) => {
  const dir = tempDir(t);
  copyFixture('ccr.log', dir);
  copyFixture('litellm-payload.jsonl', dir);
  const { code, stdout, stderr } = await run(['ccr.log', 'litellm-payload.jsonl', '--format', 'json', '--tz', 'UTC'], dir);
  assert.equal(code, 0, stderr);
  const r = JSON.parse(stdout);
  const flash = cost(24576, 312, 187, FLASH_USD_JUL) + cost(8960, 40, 100, FLASH_USD_JUL);
  const pro = cost(0, 1000, 100, PRO_USD_JUL) + cost(0, 100, 20, PRO_USD_JUL);
  assertClose(r.total, flash + pro);
  assert.equal(r.currency, 'USD');
  assert.equal(r.requests, 4);
  assert.equal(r.unpriced, 0);
  assert.equal(r.noSplit, 0);
  assert.equal(r.errors, 2);
  assert.equal(r.skippedLines, 0);
  assertClose(r.cacheHitRate, (24576 + 8960) / (24576 + 8960 + 312 + 40 + 1000 + 100));
  assertClose(r.byModel['deepseek-v4-flash'].cost, flash);
  assert.deepEqual(Object.keys(r.byModel['deepseek-v4-pro']).sort(), ['cacheHitTokens', 'cacheMissTokens', 'cost', 'outputTokens', 'reasoningTokens', 'requests', 'toolCalls', 'toolCost', 'toolUnpriced', 'unpriced']);
  assert.equal(r.byModel['deepseek-v4-pro'].reasoningTokens, 10);
  assert.deepEqual(Object.keys(r.byDay), ['2026-07-15']);
  assertClose(r.byDay['2026-07-15'].total, flash + pro);
});

test('--since/--until and --currency CNY; an unpriced model shows null cost, never 0', async (t) => {
  const dir = tempDir(t);
  copyFixture('ccr.log', dir);
  const { code, stdout } = await run(['ccr.log', '--format', 'json', '--currency', 'CNY', '--since', '2026-07-15T09:30:00Z'], dir);
  assert.equal(code, 0);
  const r = JSON.parse(stdout);
  assert.equal(r.requests, 1); // only ccr-b (10:00 UTC); V4-Pro has no CNY price in July
  assert.equal(r.unpriced, 1);
  assert.equal(r.total, 0);
  assert.equal(r.byModel['deepseek-v4-pro'].cost, null);
});

test('text format is a table with totals and the caveats', async (t) => {
  const dir = tempDir(t);
  copyFixture('oneapi.log', dir);
  const { code, stdout } = await run(['oneapi.log', '--log-tz', 'Asia/Shanghai'], dir);
  assert.equal(code, 0);
  assert.match(stdout, /^model\s+requests\s+cache hit\s+cache miss\s+output\s+reasoning\s+cost$/m);
  assert.match(stdout, /deepseek-reasoner\s+1\s+0\s+2,000\s+900/);
  assert.match(stdout, /total \$0\.0007 over 2 requests/);
  assert.match(stdout, /2 requests logged without a cache split: priced as all cache-miss, an upper bound/);
  assert.match(stdout, /^1 API error \(no usage, not billed\)$/m);
});

test('a missing log is reported on stderr, the others are still totalled, exit 1', async (t) => {
  const dir = tempDir(t);
  copyFixture('oneapi.log', dir);
  const { code, stdout, stderr } = await run(['nope.log', 'oneapi.log', join(dir, 'none-*.log'), '--format', 'json'], dir);
  assert.equal(code, 1);
  assert.match(stderr, /nope\.log: file not found/);
  assert.match(stderr, /none-\*\.log: no file matches/);
  assert.equal(JSON.parse(stdout).requests, 2);
});

test('bad usage exits 2 with a message', async (t) => {
  const dir = tempDir(t);
  for (const argv of [[], ['x.log', '--currency', 'EUR'], ['x.log', '--format', 'xml'], ['x.log', '--tz', 'Mars/Olympus'], ['x.log', '--since', 'yesterday'], ['x.log', '--bogus']]) {
    const { code, stderr } = await run(argv, dir);
    assert.equal(code, 2, argv.join(' '));
    assert.match(stderr, /^deepseek-cost spend: \S/, argv.join(' '));
  }
});

test('--format json: records left out by reason and provider, every request by provider, requests without an id', async (t) => {
  const dir = tempDir(t);
  for (const f of ['anthropic-body.jsonl', 'ccr-v3-rows.jsonl', 'anthropic-tail.sse']) copyFixture(f, dir);
  const { code, stdout, stderr } = await run(['anthropic-body.jsonl', 'ccr-v3-rows.jsonl', 'anthropic-tail.sse', '--format', 'json', '--claude-settings', 'none'], dir);
  assert.equal(code, 0, stderr);
  const r = JSON.parse(stdout);
  assert.deepEqual(r.excluded, { requests: 2, byReason: { 'not-deepseek': 1, 'other-provider': 1 }, byProvider: { anthropic: 1, openrouter: 1 } });
  assert.deepEqual(r.byProvider, { deepseek: 4, anthropic: 1, openrouter: 1 });
  assert.equal(r.withoutId, 1);
  assert.equal(r.requests, 4);
});

test('text: what was left out and why, in words, with singulars right; a one-line file with no usage says "1 line"', async (t) => {
  const dir = tempDir(t);
  copyFixture('anthropic-body.jsonl', dir);
  writeFileSync(join(dir, 'other.log'), '{"hello": "world"}\n');
  const { stdout, stderr } = await run(['anthropic-body.jsonl', 'other.log', '--claude-settings', 'none'], dir);
  assert.match(stdout, /total \$\S+ over 1 request,/);
  assert.match(stdout, /^1 request left out: not DeepSeek \(Claude model names with no sign that DeepSeek served them\)$/m);
  assert.match(stdout, /^ {2}served by: anthropic 1$/m);
  assert.match(stderr, /other\.log: 1 line, none with usage \(unsupported format\?\)/);
});

test('a compressed log is reported as compressed, in which format, with what to do', async (t) => {
  const dir = tempDir(t);
  writeFileSync(join(dir, 'proxy.log.gz'), gzipSync(Buffer.from('{"usage": {}}\n')));
  const { code, stderr } = await run(['proxy.log.gz'], dir);
  assert.equal(code, 1);
  assert.match(stderr, /proxy\.log\.gz: compressed \(gzip\): decompress it \(gunzip\) or point at the uncompressed log/);
});
