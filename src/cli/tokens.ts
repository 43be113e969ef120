// deepseek-cost tokens: exact DeepSeek token counts, for a file, stdin, or a JSONL batch.
import { createReadStream, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { countTokens } from '../core/tokenizer';
import { type CliIO, UsageError } from './io';
import { type Parsed, subcommand } from './subcommand';

export const TOKENS_USAGE = `usage: deepseek-cost tokens [FILE | -]
       deepseek-cost tokens --jsonl FILE

Counts DeepSeek-V4 tokens exactly (no BOS token), for a file or standard input.
--jsonl reads lines {"text": "..."} and prints {"tokens": N} for each, in order; a bad line prints {"error": "..."} and the run exits 1.
A line longer than 64 MiB stops the run with a message and exit status 3 (the lines before it are printed),
as does a FILE longer than 256 MiB.`;

/** The longest FILE counted: well inside what one string can hold. Never read further. */
export const MAX_TEXT_BYTES = 256 << 20;

/** The longest --jsonl line read; the same cap as a usage log line. Longer lines are not buffered. */
export const MAX_JSONL_LINE_BYTES = 64 << 20;

const OPTIONS = {
  jsonl: { type: 'string' },
} as const;

export const runTokens = subcommand<typeof OPTIONS>({ name: 'tokens', usage: TOKENS_USAGE, options: OPTIONS, run: tokensCommand });

async function tokensCommand({ values, positionals }: Parsed<typeof OPTIONS>, io: CliIO): Promise<number> {
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
    let read: string | undefined;
    try {
      read = await readText(path.resolve(io.cwd, target), MAX_TEXT_BYTES);
    } catch (err) {
      io.stderr(`deepseek-cost tokens: cannot read ${target} (${(err as NodeJS.ErrnoException).code ?? String(err)})\n`);
      return 1;
    }
    if (read === undefined) {
      io.stderr(`deepseek-cost tokens: ${target} is longer than ${MAX_TEXT_BYTES >> 20} MiB; split it and add the counts\n`);
      return 3;
    }
    text = read;
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
  const onLine = (line: string): void => {
    lineNo++;
    if (line.trim() === '') return;
    let text: unknown;
    try {
      text = (JSON.parse(line) as { text?: unknown }).text;
    } catch {
      text = undefined;
    }
    if (typeof text !== 'string') {
      failed++;
      io.stdout(JSON.stringify({ error: `line ${lineNo}: expected {"text": "..."}` }) + '\n');
      return;
    }
    io.stdout(JSON.stringify({ tokens: countTokens(text) }) + '\n');
  };
  const tooLong = await splitLines(full, MAX_JSONL_LINE_BYTES, onLine);
  if (tooLong) {
    io.stderr(`deepseek-cost tokens: ${file}: line ${lineNo + 1} is longer than ${MAX_JSONL_LINE_BYTES >> 20} MiB; stopped there (split the text, or count a file with "deepseek-cost tokens FILE")\n`);
    return 3;
  }
  if (failed) io.stderr(`deepseek-cost tokens: ${failed} line${failed === 1 ? '' : 's'} could not be read\n`);
  return failed ? 1 : 0;
}

/** The file's text, or undefined (having stopped reading) when it is longer than `maxBytes`. */
async function readText(file: string, maxBytes: number): Promise<string | undefined> {
  const stream = createReadStream(file, { highWaterMark: 1 << 20 });
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > maxBytes) return undefined;
      chunks.push(chunk);
    }
  } finally {
    stream.destroy();
  }
  return Buffer.concat(chunks, size).toString('utf8');
}

/**
 * Hands each line (without its newline or a trailing CR) to `onLine`, holding at most one line of
 * `maxBytes`. Resolves to true, having stopped reading, when a line is longer than that.
 */
async function splitLines(file: string, maxBytes: number, onLine: (line: string) => void): Promise<boolean> {
  const stream = createReadStream(file, { highWaterMark: 1 << 20 });
  let pieces: Buffer[] = [];
  let held = 0;
  const emit = (last: Buffer): void => {
    let line = pieces.length ? Buffer.concat([...pieces, last]) : last;
    if (line.length > 0 && line[line.length - 1] === 0x0d) line = line.subarray(0, line.length - 1);
    pieces = [];
    held = 0;
    onLine(line.toString('utf8'));
  };
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      let i = 0;
      for (let nl = chunk.indexOf(0x0a); nl !== -1; nl = chunk.indexOf(0x0a, i)) {
        if (held + nl - i > maxBytes) return true;
        emit(chunk.subarray(i, nl));
        i = nl + 1;
      }
      if (held + chunk.length - i > maxBytes) return true;
      if (i < chunk.length) {
        pieces.push(chunk.subarray(i));
        held += chunk.length - i;
      }
    }
    if (held > 0) emit(Buffer.alloc(0));
    return false;
  } finally {
    stream.destroy();
  }
}
