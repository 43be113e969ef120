// Proxy logs for the spend status bar: the fixture log with its times moved to "just now" (a
// tracker may count only recent requests), and fresh DeepSeek responses to append while it runs.
import { randomUUID } from 'node:crypto';
import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { e2eFixtures } from './paths.mjs';

export const fixtureLogPath = join(e2eFixtures, 'proxy-usage.jsonl');

/**
 * Copies the fixture log to `dest`, spacing its `created` times a minute apart ending at `now`.
 * @returns {string} dest
 */
export function writeFixtureLog(dest, now = Date.now()) {
  const lines = readFileSync(fixtureLogPath, 'utf8').split('\n').filter((l) => l.trim());
  const nowSeconds = Math.floor(now / 1000);
  const rebased = lines.map((line, i) => {
    const body = JSON.parse(line);
    body.created = nowSeconds - (lines.length - i) * 60;
    return JSON.stringify(body);
  });
  mkdirSync(dirname(dest), { recursive: true });
  writeFileSync(dest, rebased.join('\n') + '\n');
  return dest;
}

/**
 * One OpenAI-format DeepSeek chat completion body with usage, as a logging proxy records it.
 * @param {{ model?: string, cacheHitTokens?: number, cacheMissTokens: number, completionTokens: number, reasoningTokens?: number, created?: number, content?: string }} usage
 */
export function deepseekResponse(usage) {
  const { model = 'deepseek-v4-flash', cacheHitTokens = 0, cacheMissTokens, completionTokens, reasoningTokens, content = 'Done.' } = usage;
  const promptTokens = cacheHitTokens + cacheMissTokens;
  return {
    id: randomUUID(),
    object: 'chat.completion',
    created: usage.created ?? Math.floor(Date.now() / 1000),
    model,
    choices: [{ index: 0, message: { role: 'assistant', content }, logprobs: null, finish_reason: 'stop' }],
    usage: {
      prompt_tokens: promptTokens,
      completion_tokens: completionTokens,
      total_tokens: promptTokens + completionTokens,
      prompt_tokens_details: { cached_tokens: cacheHitTokens },
      ...(reasoningTokens ? { completion_tokens_details: { reasoning_tokens: reasoningTokens } } : {}),
      prompt_cache_hit_tokens: cacheHitTokens,
      prompt_cache_miss_tokens: cacheMissTokens,
    },
    system_fingerprint: 'fp_9954b31ca7_prod0820_fp8_kvcache_20260402',
  };
}

/** Appends one response line (a complete line, as a proxy flushes it). */
export function appendResponse(logPath, usage) {
  const body = deepseekResponse(usage);
  appendFileSync(logPath, JSON.stringify(body) + '\n');
  return body;
}

/** A plausible request: mostly cached context, a few thousand new tokens, some output. */
export function randomUsage(random = Math.random) {
  const pro = random() < 0.3;
  const hit = Math.round(random() * 120_000);
  return {
    model: pro ? 'deepseek-v4-pro' : 'deepseek-v4-flash',
    cacheHitTokens: hit,
    cacheMissTokens: 2_000 + Math.round(random() * 40_000),
    completionTokens: 200 + Math.round(random() * 6_000),
  };
}
