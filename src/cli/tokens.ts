// deepseek-cost tokens: exact DeepSeek token counts, for a file, stdin, or a JSONL batch.
import { createReadStream, promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as readline from 'node:readline';
import { parseArgs } from 'node:util';
import { countTokens } from '../core/tokenizer';
import { type CliIO, UsageError } from './io';

export const TOKENS_USAGE = `usage: deepseek-cost tokens [FILE | -]
       deepseek-cost tokens --jsonl FILE

Counts DeepSeek-V4 tokens exactly (no BOS token), for a file or standard input.
--jsonl reads lines {"text": "..."} and prints {"tokens": N} for each, in order; a bad line prints {"error": "..."} and the run exits 1.`;

export async function runTokens(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { jsonl: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    io.stdout(TOKENS_USAGE + '\n');
    return 0;
  }
  if (values.jsonl !== undefined) {
    if (positionals.length) throw new UsageError('--jsonl takes no other file');
    return countJsonl(values.jsonl, io);
  }
  if (positionals.length > 1) throw new UsageError('give one FILE, or - for standard input');
  const target = positionals[0] ?? '-';
  let text: string;
  if (target === '-') {
    if (!io.stdin) throw new UsageError('standard input is not available');
    text = await io.stdin();
  } else {
    try {
      text = await fs.readFile(path.resolve(io.cwd, target), 'utf8');
    } catch (err) {
      io.stderr(`deepseek-cost tokens: cannot read ${target} (${(err as NodeJS.ErrnoException).code ?? String(err)})\n`);
      return 1;
    }
  }
  io.stdout(`${countTokens(text)}\n`);
  return 0;
}

async function countJsonl(file: string, io: CliIO): Promise<number> {
  const full = path.resolve(io.cwd, file);
  try {
    await fs.access(full);
  } catch {
    io.stderr(`deepseek-cost tokens: cannot read ${file}\n`);
    return 1;
  }
  let failed = 0;
  let lineNo = 0;
  const lines = readline.createInterface({ input: createReadStream(full, { encoding: 'utf8' }), crlfDelay: Infinity });
  for await (const line of lines) {
    lineNo++;
    if (line.trim() === '') continue;
    let text: unknown;
    try {
      text = (JSON.parse(line) as { text?: unknown }).text;
    } catch {
      text = undefined;
    }
    if (typeof text !== 'string') {
      failed++;
      io.stdout(JSON.stringify({ error: `line ${lineNo}: expected {"text": "..."}` }) + '\n');
      continue;
    }
    io.stdout(JSON.stringify({ tokens: countTokens(text) }) + '\n');
  }
  if (failed) io.stderr(`deepseek-cost tokens: ${failed} line${failed === 1 ? '' : 's'} could not be read\n`);
  return failed ? 1 : 0;
}
