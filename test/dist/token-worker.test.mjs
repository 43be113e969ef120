// The built token worker counts a selection as the tokenizer does and prices it, off the thread that
// asks: the asking thread keeps running timers while a multi-megabyte selection is counted.
import test from 'node:test';
import assert from 'node:assert/strict';
import { Worker } from 'node:worker_threads';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { countTokens } from '../../src/core/tokenizer/index.ts';

const script = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist', 'tokenWorker.js');

function ask(worker, message) {
  return new Promise((resolve) => {
    const on = (m) => {
      if (m.id !== message.id) return;
      worker.off('message', on);
      resolve(m);
    };
    worker.on('message', on);
    worker.postMessage(message);
  });
}

test('dist/tokenWorker.js: exact count, cache-miss input price in the chosen currency, a clear error for nothing priced', async () => {
  const worker = new Worker(script);
  try {
    const text = 'You are a meticulous support analyst. 请用中文回答。\n'.repeat(3);
    const usd = await ask(worker, { id: 1, text, model: 'deepseek-v4-pro', currency: 'USD' });
    assert.equal(usd.result.tokens, countTokens(text));
    assert.ok(usd.result.cost > 0, JSON.stringify(usd));
    const cny = await ask(worker, { id: 2, text, model: 'deepseek-v4-pro', currency: 'CNY' });
    assert.equal(cny.result.tokens, usd.result.tokens);
    assert.notEqual(cny.result.cost, usd.result.cost, 'CNY comes from its own table');
    const unknown = await ask(worker, { id: 3, text, model: 'not-a-deepseek-model', currency: 'USD' });
    assert.equal(unknown.result.cost, undefined);
    const bad = await ask(worker, { id: 4, text: 'x', model: 'deepseek-v4-pro', currency: 'USD', catalogOverrides: { models: 'nonsense' } });
    assert.equal(bad.result.tokens, 1, 'an invalid override leaves the shipped catalog in force');
  } finally {
    await worker.terminate();
  }
});

test('dist/tokenWorker.js: a 4 MB selection is counted while the asking thread keeps ticking', async () => {
  const worker = new Worker(script);
  try {
    await ask(worker, { id: 0, text: 'warm up', model: 'deepseek-v4-flash', currency: 'USD' });
    const text = 'The quick brown fox jumps over the lazy dog; 敏捷的棕色狐狸跳过了懒狗。\n'.repeat(60_000);
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    const answer = await ask(worker, { id: 1, text, model: 'deepseek-v4-flash', currency: 'USD' });
    clearInterval(timer);
    assert.ok(answer.result.tokens > 500_000, String(answer.result.tokens));
    assert.ok(ticks >= 3, `the asking thread ran ${ticks} timer ticks during the count`);
  } finally {
    await worker.terminate();
  }
});
