// A line that would cost far more memory parsed than it weighs (deep or dense nesting, directly or
// in a body embedded as a string) is skipped with its reason before it is decoded; an ordinary
// long line is still read.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { shippedCatalogData } from '../../../src/catalog';
import { LineParser, UsageFollower } from '../../../src/core/usage';
import { MAX_LINE_CONTAINERS, exceedsContainerBudget } from '../../../src/core/usage/jsonBudget';
import { tempDir } from './helpers';

const env = { catalog: shippedCatalogData(), logTimezone: 'UTC' };
const N = MAX_LINE_CONTAINERS + 10;
const REASON = `more than ${MAX_LINE_CONTAINERS.toLocaleString('en-US')} JSON objects and arrays in one line`;

function usage(id: string, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ id, object: 'chat.completion', created: 1784106000, model: 'deepseek-v4-flash', usage: { prompt_tokens: 10, completion_tokens: 1 }, ...extra });
}

test('deep nesting, dense nesting, a nested body embedded as a string and \\u-escaped brackets are over budget', () => {
  const parser = new LineParser(env);
  // Each line names token counts, so the marker prefilter lets it through to the budget check.
  const lines = [
    `{"prompt_tokens":1,"usage":${'['.repeat(N)}${']'.repeat(N)}}`,
    `{"prompt_tokens":1,"usage":[${'[],'.repeat(N)}[]]}`,
    JSON.stringify({ response: `{"prompt_tokens":1,"usage":${'['.repeat(N)}${']'.repeat(N)}}` }),
    `{"response":"{\\"prompt_tokens\\":1,\\"usage\\":${'\\u005B'.repeat(N)}${']'.repeat(N)}}"}`,
    `[INFO] 2026/07/15 - 17:00:00 | record consume log: params={"usage":${'{"a":'.repeat(N)}1${'}'.repeat(N)}}`,
  ];
  for (const line of lines) {
    const r = parser.parseBytes(Buffer.from(line), 0);
    assert.deepEqual(r, { kind: 'unparsable', reason: REASON }, line.slice(0, 40));
  }
});

test('a long line with few containers is parsed as usual', () => {
  const parser = new LineParser(env);
  // 3 MB of prompt text with brackets, inside the budget.
  const prompt = 'x = [1, 2]; '.repeat(250_000);
  const line = Buffer.from(usage('long', { prompt }));
  assert.ok(line.length > MAX_LINE_CONTAINERS);
  assert.equal(exceedsContainerBudget(line), false);
  const r = parser.parseBytes(line, 0);
  assert.equal(r.kind, 'usage');
});

test('the tracker skips an over-budget line, names why, and reads the lines after it', async (t) => {
  const dir = tempDir(t);
  const log = join(dir, 'proxy.jsonl');
  writeFileSync(log, `${usage('a')}\n{"prompt_tokens":1,"usage":${'['.repeat(N)}${']'.repeat(N)}}\n${usage('b')}\n`);
  const tracker = new UsageFollower({ patterns: [log], catalog: env.catalog, currency: 'USD', timeZone: 'UTC', logTimezone: 'UTC', sessionStart: 0 });
  const s = await tracker.refresh();
  assert.equal(s.session.requests, 2);
  assert.deepEqual(s.sources[0].files[0].skipped, { [REASON]: 1 });
});
