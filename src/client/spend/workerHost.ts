// Runs the spend worker (tailer + ledger) on its own thread so reading multi-GB logs never blocks the
// extension host. A crashed worker is restarted quietly a few times with growing pauses; after that
// the tracker shows the error and waits for a settings change or a window reload.
import { Worker } from 'node:worker_threads';
import type * as vscode from 'vscode';
import type { HostToWorker, SnapshotMessage, SpendWorkerData, WorkerConfig, WorkerToHost } from '../../spend/workerProtocol';
import { currentLocale } from '../../core/locale';
import { SPEND_WORKER_LIMITS } from '../../shared/protocol';

const MAX_RESTARTS = 4;
const FIRST_RESTART_DELAY_MS = 1000;

export interface WorkerHostEvents {
  snapshot(message: SnapshotMessage): void;
  /** The worker stopped for good (undefined: it is running again). */
  failure(message: string | undefined): void;
  /** Something to tell the user once (the spend history was rebuilt). */
  notice(message: string): void;
}

export class SpendWorkerHost {
  private worker: Worker | undefined;
  private config: WorkerConfig | undefined;
  private restarts = 0;
  private restartTimer: NodeJS.Timeout | undefined;
  private disposed = false;

  constructor(
    private readonly scriptPath: string,
    private readonly log: vscode.LogOutputChannel,
    private readonly events: WorkerHostEvents,
  ) {}

  /** Starts reading every log from the start with this configuration (an empty source list stops the worker). */
  configure(config: WorkerConfig): void {
    this.config = config;
    this.restarts = 0;
    if (config.sources.length === 0) {
      this.stop();
      return;
    }
    if (!this.worker) this.start();
    else this.post({ type: 'configure', config });
  }

  setSessionStart(sessionStart: number): void {
    if (this.config) this.config = { ...this.config, sessionStart };
    this.post({ type: 'session', sessionStart });
  }

  dispose(): void {
    this.disposed = true;
    this.stop();
  }

  private start(): void {
    if (this.disposed || !this.config) return;
    let worker: Worker;
    try {
      worker = new Worker(this.scriptPath, { name: 'deepseek-spend', stdout: false, stderr: false, resourceLimits: SPEND_WORKER_LIMITS, workerData: { locale: currentLocale() } satisfies SpendWorkerData });
    } catch (err) {
      this.fail(`could not start the spend worker: ${String(err)}`);
      return;
    }
    this.worker = worker;
    worker.on('message', (m: WorkerToHost) => this.onMessage(m));
    worker.on('error', (err) => this.log.error(`spend worker: ${err.stack ?? String(err)}`));
    worker.on('exit', (code) => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      if (this.disposed) return;
      this.scheduleRestart(`the spend worker exited with code ${code}`);
    });
    this.events.failure(undefined);
    this.post({ type: 'configure', config: this.config });
  }

  private scheduleRestart(reason: string): void {
    if (this.restarts >= MAX_RESTARTS) {
      this.fail(`${reason}; stopped after ${MAX_RESTARTS} restarts (change a setting or reload the window to try again)`);
      return;
    }
    const delay = FIRST_RESTART_DELAY_MS * 2 ** this.restarts++;
    this.log.warn(`spend: ${reason}; restarting in ${delay} ms`);
    this.restartTimer = setTimeout(() => this.start(), delay);
  }

  private fail(message: string): void {
    this.log.error(`spend: ${message}`);
    this.events.failure(message);
  }

  private onMessage(m: WorkerToHost): void {
    if (m.type === 'snapshot') this.events.snapshot(m);
    else if (m.type === 'notice') {
      this.log.warn(`spend: ${m.message}`);
      this.events.notice(m.message);
    } else if (m.level === 'error') this.log.error(`spend worker: ${m.message}`);
    else if (m.level === 'warn') this.log.warn(`spend worker: ${m.message}`);
    else this.log.info(`spend worker: ${m.message}`);
  }

  private post(message: HostToWorker): void {
    try {
      this.worker?.postMessage(message);
    } catch (err) {
      // Only data that cannot be cloned gets here: a bug, reported rather than thrown into a caller.
      this.stop();
      this.fail(`could not send the configuration to the spend worker: ${String(err)}`);
    }
  }

  private stop(): void {
    clearTimeout(this.restartTimer);
    const worker = this.worker;
    this.worker = undefined;
    if (worker) void worker.terminate();
  }
}
