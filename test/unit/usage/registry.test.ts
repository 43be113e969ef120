// Every registered format has a fixture, and every line of every fixture reads the same through the
// string path (parse), the byte path the tailer uses (parseBytes, with the marker prefilter) and the
// tailer itself. A format whose markers miss one of its lines fails here, by name.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { shippedCatalogData } from '../../../src/catalog';
import { LineParser, SpendLedger, type LineResult } from '../../../src/core/usage';
import { OBJECT_FORMATS, TEXT_FORMATS } from '../../../src/core/usage/formats/registry';
import { FIXTURES, assertClose, spendOf } from './helpers';

const FIXTURE_OF: Record<string, string[]> = {
  'ccr-pino': ['ccr.log'],
  'claude-code': ['claude-code.jsonl'],
  'litellm-payload': ['litellm-payload.jsonl'],
  helicone: ['helicone.jsonl'],
  'newapi-table': ['newapi-table.jsonl'],
  'ccr-v3-db': ['ccr-v3-rows.jsonl'],
  'dsh-session': ['dsh-session.jsonl'],
  'responses-body': ['responses.jsonl'],
  'responses-sse': ['responses.jsonl'],
  openai: ['openai-bodies.jsonl', 'openai-stream.sse', 'pretty-array.json'],
  'anthropic-body': ['anthropic-body.jsonl'],
  'anthropic-sse': ['anthropic-stream.sse', 'anthropic-tail.sse'],
  'error-body': ['openai-bodies.jsonl'],
  'newapi-text': ['newapi.log', 'newapi-kv.log', 'oneapi.log'],
};

const env = { catalog: shippedCatalogData(), logTimezone: 'UTC' };
const FILE_TIME = Date.parse('2026-07-15T12:00:00Z');

function strip(r: LineResult): unknown {
  return JSON.parse(JSON.stringify(r));
}

test('every registered format has a fixture', () => {
  for (const f of [...OBJECT_FORMATS, ...TEXT_FORMATS]) assert.ok(FIXTURE_OF[f.id], `format ${f.id} has no fixture in registry.test.ts`);
});

for (const name of [...new Set(Object.values(FIXTURE_OF).flat())]) {
  test(`${name}: string path, byte path and tailer agree line by line`, async (t) => {
    const lines = readFileSync(join(FIXTURES, name)).toString('latin1').split('\n');
    const bytesOf = (l: string) => Buffer.from(l, 'latin1');
    const byString = new LineParser(env);
    const byBytes = new LineParser(env);
    const ledger = new SpendLedger({ catalog: env.catalog, currency: 'USD', timeZone: 'UTC', sessionStart: 0 });
    let usage = 0;
    for (const [i, l] of lines.entries()) {
      if (i === lines.length - 1 && l === '') break;
      const a = byString.parse(bytesOf(l).toString('utf8'), FILE_TIME);
      const b = byBytes.parseBytes(bytesOf(l), FILE_TIME);
      assert.deepEqual(strip(b), strip(a), `${name}:${i + 1}: the byte path read ${b.kind}, the string path ${a.kind}`);
      for (const r of [a, ...byString.takeExtra()]) {
        ledger.accept(r);
        if (r.kind === 'usage') usage++;
      }
      byBytes.takeExtra();
    }
    assert.ok(usage > 0 || name === 'oneapi.log', `${name} yields usage`);
    const tailed = await spendOf(t, [name], { mtime: new Date(FILE_TIME) });
    assertClose(tailed.totals.cost, ledger.totals().cost, `${name} cost`);
    assert.equal(tailed.totals.requests, ledger.totals().requests, `${name} requests`);
  });
}
