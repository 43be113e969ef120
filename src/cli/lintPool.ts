// Runs lintFile over many files on every core. Files are handed over while the walk still runs:
// once a tree proves large, worker threads start (their start-up overlaps the rest of the walk)
// and take chunks of files in turn. Outcomes are keyed by file, so the caller's order (sorted
// paths) and so the output are the same whatever the number of workers. Small runs stay in this
// thread, where a worker's start-up would cost more than it saves.
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { type FileOutcome, type LintContext, canSearchBytes, lintFile } from './lintFile';
import type { PathProblem } from './walk';
import { currentLocale, type Locale } from '../core/locale';

/** Files per message: large enough that messaging is noise, small enough to even out the cores. */
const CHUNK = 128;
/** Below this many files one thread is faster than starting workers. */
export const PARALLEL_FROM = 1024;

export interface LintWorkerData extends Omit<LintContext, 'at'> {
  mode: 'files';
  at: string;
  /** The CLI's locale: the worker's findings are worded in it. */
  locale: Locale;
}

/** A worker that walks its share of `dirs` (see walkShare) and screens every file it finds. */
export interface WalkWorkerData {
  mode: 'walk';
  dirs: string[];
  me: number;
  threads: number;
  cwd: string;
  maxFileSizeKB: number;
  byteSearch: boolean;
  /** The CLI's locale: reasons a file was left out are worded in it. */
  locale: Locale;
}

export type WalkWorkerReply =
  /** Files that may name a model: the caller checks them (one thread loads the grammars, not every worker). */
  | { kind: 'check'; files: string[] }
  /** The share is walked: how many files were clean, the outcomes worth reporting, unreadable folders. */
  | { kind: 'done'; clean: number; notable: [string, FileOutcome][]; problems: PathProblem[] }
  | { kind: 'error'; error: string };

export type LintWorkerRequest = { chunk: number; files: string[] };
export type LintWorkerReply = { chunk: number; outcomes: FileOutcome[] } | { chunk: number; error: string };

/** The worker bundle beside the CLI bundle; absent when running from source, then all runs stay in-thread. */
export function lintWorkerScript(): string | undefined {
  const script = path.join(__dirname, 'lintWorker.js');
  return existsSync(script) ? script : undefined;
}

export class LintRun {
  private readonly seen = new Set<string>();
  private pending: string[] = [];
  private workers: Worker[] = [];
  private readonly chunks: string[][] = [];
  private readonly replies: Promise<void>[] = [];
  private readonly waiting = new Map<number, { resolve: () => void; reject: (err: Error) => void }>();
  private readonly outcomes = new Map<string, FileOutcome>();
  private readonly script: string | undefined;

  constructor(
    private readonly ctx: LintContext,
    private readonly jobs: number,
  ) {
    this.script = jobs >= 2 ? lintWorkerScript() : undefined;
  }

  /** A file to check; repeated files are checked once. */
  add(file: string): void {
    if (this.seen.has(file)) return;
    this.seen.add(file);
    this.pending.push(file);
    if (this.script && this.workers.length === 0 && this.seen.size >= PARALLEL_FROM) this.start(this.script);
    if (this.workers.length && this.pending.length >= CHUNK) this.dispatch();
  }

  /** Every outcome, once every file added has been checked. */
  async finish(): Promise<Map<string, FileOutcome>> {
    try {
      if (this.workers.length) {
        this.dispatch();
        await Promise.all(this.replies);
      } else {
        for (const f of this.pending) this.outcomes.set(f, await lintFile(f, this.ctx));
      }
      return this.outcomes;
    } finally {
      await Promise.all(this.workers.map((w) => w.terminate()));
    }
  }

  private start(script: string): void {
    const workerData: LintWorkerData = { ...this.ctx, mode: 'files', at: this.ctx.at.toISOString(), locale: currentLocale() };
    this.workers = Array.from({ length: this.jobs }, () => {
      const worker = new Worker(script, { workerData, name: 'deepseek-lint' });
      worker.on('message', (m: LintWorkerReply) => {
        const waiter = this.waiting.get(m.chunk);
        if (!waiter) return;
        this.waiting.delete(m.chunk);
        if ('error' in m) return waiter.reject(new Error(m.error));
        const files = this.chunks[m.chunk];
        for (let i = 0; i < m.outcomes.length; i++) this.outcomes.set(files[i], m.outcomes[i]);
        waiter.resolve();
      });
      const fail = (err: Error) => {
        for (const w of this.waiting.values()) w.reject(err);
        this.waiting.clear();
      };
      worker.on('error', fail);
      worker.on('exit', (code) => fail(new Error(`a lint worker stopped (exit code ${code})`)));
      return worker;
    });
  }

  /** Sends the pending files as one chunk, to the workers in turn (the walk runs on this thread, so no worker can ask). */
  private dispatch(): void {
    if (this.pending.length === 0) return;
    const chunk = this.chunks.length;
    const files = this.pending;
    this.pending = [];
    this.chunks.push(files);
    const worker = this.workers[chunk % this.workers.length];
    this.replies.push(new Promise<void>((resolve, reject) => this.waiting.set(chunk, { resolve, reject })));
    worker.postMessage({ chunk, files } satisfies LintWorkerRequest);
  }
}

/** What a walk of whole trees found: outcomes worth reporting by file, how many files were clean, unreadable folders. */
export interface TreeLint {
  outcomes: Map<string, FileOutcome>;
  clean: number;
  problems: PathProblem[];
}

/**
 * Lints whole directory trees (none inside another) on `jobs` threads that walk, read and search
 * at once, each its own share of the trees. Most files never name DeepSeek: they are read and
 * searched where they are found and only counted. The few that may name a model come back here and
 * are checked on this thread, while the walk goes on.
 */
export async function lintTrees(dirs: string[], ctx: LintContext, jobs: number, script: string): Promise<TreeLint> {
  const outcomes = new Map<string, FileOutcome>();
  const problems: PathProblem[] = [];
  let clean = 0;
  let checking: Promise<void> = Promise.resolve();
  let failure: unknown;
  const check = (files: string[]) => {
    checking = checking.then(async () => {
      try {
        for (const f of files) {
          if (failure !== undefined) return;
          const outcome = await lintFile(f, ctx);
          if (outcome.kind === 'scanned' && outcome.findings.length === 0 && !outcome.fixed) clean++;
          else outcomes.set(f, outcome);
        }
      } catch (err) {
        failure ??= err;
      }
    });
  };
  const workers: Worker[] = [];
  try {
    await Promise.all(
      Array.from({ length: jobs }, (_, me) => {
        const workerData: WalkWorkerData = { mode: 'walk', dirs, me, threads: jobs, cwd: ctx.cwd, maxFileSizeKB: ctx.maxFileSizeKB, byteSearch: canSearchBytes(ctx.catalog), locale: currentLocale() };
        const worker = new Worker(script, { workerData, name: 'deepseek-lint-walk' });
        workers.push(worker);
        return new Promise<void>((resolve, reject) => {
          let done = false;
          worker.on('message', (m: WalkWorkerReply) => {
            if (m.kind === 'check') check(m.files);
            else if (m.kind === 'error') reject(new Error(m.error));
            else {
              done = true;
              clean += m.clean;
              for (const [f, o] of m.notable) outcomes.set(f, o);
              problems.push(...m.problems);
              resolve();
            }
          });
          worker.on('error', reject);
          worker.on('exit', (code) => (done ? resolve() : reject(new Error(`a lint worker stopped (exit code ${code})`))));
        });
      }),
    );
    await checking;
    if (failure !== undefined) throw failure;
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  problems.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { outcomes, clean, problems };
}
