// Runs lintFile over many files on every core: worker threads take chunks of the (sorted) file list
// as they finish the last one, and the outcomes come back in the list's order, so the output is
// the same whatever the number of workers. Small runs stay in this thread (a worker costs a start-up).
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { type FileOutcome, type LintContext, lintFile } from './lintFile';

/** Files per message: large enough that messaging is noise, small enough to even out the cores. */
const CHUNK = 256;
/** Below this many files one thread is faster than starting workers. */
export const PARALLEL_FROM = 1024;

export interface LintWorkerData {
  catalog: LintContext['catalog'];
  at: string;
  maxFileSizeKB: number;
}

export type LintWorkerRequest = { chunk: number; files: string[] };
export type LintWorkerReply = { chunk: number; outcomes: FileOutcome[] } | { chunk: number; error: string };

/** The worker bundle beside the CLI bundle; absent when running from source, then all runs stay in-thread. */
export function lintWorkerScript(): string | undefined {
  const script = path.join(__dirname, 'lintWorker.js');
  return existsSync(script) ? script : undefined;
}

async function inThread(files: readonly string[], ctx: LintContext): Promise<FileOutcome[]> {
  const out: FileOutcome[] = [];
  for (const f of files) out.push(await lintFile(f, ctx));
  return out;
}

export async function lintFiles(files: readonly string[], ctx: LintContext, jobs: number): Promise<FileOutcome[]> {
  const script = lintWorkerScript();
  if (jobs < 2 || files.length < PARALLEL_FROM || !script) return inThread(files, ctx);
  const chunks: string[][] = [];
  for (let i = 0; i < files.length; i += CHUNK) chunks.push(files.slice(i, i + CHUNK));
  const results: FileOutcome[][] = new Array(chunks.length);
  const workerData: LintWorkerData = { catalog: ctx.catalog, at: ctx.at.toISOString(), maxFileSizeKB: ctx.maxFileSizeKB };
  const workers = Array.from({ length: Math.min(jobs, chunks.length) }, () => new Worker(script, { workerData, name: 'deepseek-lint' }));
  let next = 0;
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const give = () => {
              if (next >= chunks.length) return resolve();
              const chunk = next++;
              worker.postMessage({ chunk, files: chunks[chunk] } satisfies LintWorkerRequest);
            };
            worker.on('message', (m: LintWorkerReply) => {
              if ('error' in m) return reject(new Error(m.error));
              results[m.chunk] = m.outcomes;
              give();
            });
            worker.on('error', reject);
            worker.on('exit', (code) => (next < chunks.length || results.some((r) => r === undefined) ? reject(new Error(`lint worker exited with code ${code}`)) : resolve()));
            give();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results.flat();
}
