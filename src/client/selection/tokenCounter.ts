// Talks to the token worker: one request in flight per purpose, answers to superseded requests
// dropped. The worker starts on the first selection and stays for the session (its tokenizer tables
// load once); a worker that dies is started again on the next request.
import { Worker } from 'node:worker_threads';
import type * as vscode from 'vscode';
import type { SelectionCost } from '../../core/estimate/selectionCost';
import type { TokenHostToWorker, TokenWorkerToHost } from './tokenProtocol';

export class TokenCounter {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (r: SelectionCost | undefined) => void; reject: (e: Error) => void }>();

  constructor(
    private readonly scriptPath: string,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  count(request: Omit<TokenHostToWorker, 'id'>): Promise<SelectionCost | undefined> {
    const id = this.nextId++;
    const worker = this.ensureWorker();
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ ...request, id } satisfies TokenHostToWorker);
    });
  }

  /** Answers to requests older than `id` are no longer wanted: they resolve undefined when they come. */
  supersede(): void {
    for (const [, p] of this.pending) p.resolve(undefined);
    this.pending.clear();
  }

  dispose(): void {
    this.supersede();
    void this.worker?.terminate();
    this.worker = undefined;
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.scriptPath, { name: 'deepseek-tokens', stdout: false, stderr: false });
    worker.on('message', (m: TokenWorkerToHost) => {
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      if (m.error !== undefined) p.reject(new Error(m.error));
      else p.resolve(m.result);
    });
    worker.on('error', (err) => this.log.error(`token worker: ${err.stack ?? String(err)}`));
    worker.on('exit', () => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      for (const [, p] of this.pending) p.reject(new Error('the token worker stopped'));
      this.pending.clear();
    });
    this.worker = worker;
    return worker;
  }
}
