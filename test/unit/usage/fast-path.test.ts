// The tailer's fast path (fixed-size chunks, the byte prefilter, decoding only lines that may carry
// usage) reads exactly the records that a full parse of every line reads, over every format's
// fixtures and the real samples, with lines and multi-byte characters split across chunk
// boundaries by chunks as small as a few bytes.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { shippedCatalogData } from '../../../src/catalog';
import { LineParser, type ParseEnv } from '../../../src/core/usage/lineParser';
import { LogTailer } from '../../../src/core/usage/tailer';
import type { LineResult } from '../../../src/core/usage/types';

const SHARED = join(__dirname, '..', '..', '..', '..', 'shared', 'examples');
const FOLDERS = [join(SHARED, 'logs'), join(SHARED, 'real-logs'), join(__dirname, '..', '..', 'fixtures', 'logs')];
const env: ParseEnv = { catalog: shippedCatalogData(), logTimezone: 'UTC', anthropicBaseUrl: 'https://api.deepseek.com/anthropic' };

type Read = Exclude<LineResult, { kind: 'ignored' } | { kind: 'unparsable' }>;
const kept = (r: LineResult): r is Read => r.kind === 'usage' || r.kind === 'error';

/** Every line decoded and parsed, no prefilter, the whole file in memory. */
function fullParse(file: string): Read[] {
  const parser = new LineParser(env);
  const fileTime = statSync(file).mtimeMs;
  const out: Read[] = [];
  const text = readFileSync(file, 'utf8');
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  else lines.pop(); // an unterminated last line waits for its newline, as the tailer does
  for (const line of lines) {
    const r = parser.parse(line, fileTime);
    if (kept(r)) out.push(r);
    out.push(...parser.takeExtra().filter(kept));
  }
  return out;
}

async function fastPath(file: string, chunkBytes: number): Promise<Read[]> {
  const out: Read[] = [];
  const tailer = new LogTailer({
    patterns: [file],
    chunkBytes,
    sinkFor: () => {
      const parser = new LineParser(env);
      return {
        line(bytes, fileTime) {
          const r = parser.parseBytes(bytes, fileTime);
          if (kept(r)) out.push(r);
          out.push(...parser.takeExtra().filter(kept));
          return r;
        },
        reset: () => parser.reset(),
      };
    },
  });
  await tailer.check();
  return out;
}

const fixtures = FOLDERS.flatMap((dir) => readdirSync(dir).filter((f) => /\.(jsonl|log|sse|json|csv)$/.test(f)).map((f) => join(dir, f)));

test('the fixtures of every format are all here', () => {
  assert.ok(fixtures.length >= 40, `${fixtures.length} fixture files`);
});

for (const file of fixtures) {
  test(`fast path = full parse: ${file.split('/').slice(-2).join('/')}`, async () => {
    const expected = fullParse(file);
    // Chunks of a few bytes split every line and character; on the multi-megabyte samples they would only slow the suite.
    const chunks = statSync(file).size > 256 * 1024 ? [1 << 20, 4093, 509] : [1 << 20, 4096, 61, 7];
    for (const chunk of chunks) assert.deepEqual(await fastPath(file, chunk), expected, `chunks of ${chunk} bytes`);
  });
}

test('fast path = full parse with multi-byte UTF-8 at every chunk boundary', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dcl-fast-path-'));
  try {
    const file = join(dir, 'multibyte.jsonl');
    let text = '';
    for (let i = 0; i < 40; i++) {
      const content = '价格'.repeat(i % 5) + '🙂'.repeat(i % 3) + 'é'.repeat(i % 4);
      const body = { id: `mb-${i}`, object: 'chat.completion', created: 1_780_000_000 + i, model: 'deepseek-v4-flash', choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }], usage: { prompt_tokens: 100 + i, completion_tokens: 10 + i, prompt_cache_hit_tokens: i, prompt_cache_miss_tokens: 100 } };
      text += `{"time":"2026-07-01T00:00:${String(i).padStart(2, '0')}Z","note":"${content}","request":{"model":"deepseek-v4-flash","messages":[{"role":"user","content":"${content}"}]}}\n`;
      text += JSON.stringify({ time: `2026-07-01T00:01:${String(i).padStart(2, '0')}Z`, response: body }) + '\n';
    }
    writeFileSync(file, text);
    const expected = fullParse(file);
    assert.equal(expected.filter((r) => r.kind === 'usage').length, 40);
    for (let chunk = 3; chunk <= 13; chunk++) assert.deepEqual(await fastPath(file, chunk), expected, `chunks of ${chunk} bytes`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
