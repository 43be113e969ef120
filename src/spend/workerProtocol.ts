// Messages between the extension host (workerHost.ts) and the spend worker (src/worker/spendWorker.ts),
// one type per direction. Everything is structured-clone data: no functions, no class instances.
import type { SpendSnapshot } from '../core/usage/types';
import type { Currency } from './amount';
import type { UnpricedReason } from '../core/unpricedWording';
import type { Locale } from '../core/locale';

export interface WorkerSourceConfig {
  /** The entry as the user wrote it; source states are reported under this name. */
  pattern: string;
  /** Absolute files or glob patterns it expanded to. */
  paths: string[];
}

export interface WorkerConfig {
  sources: WorkerSourceConfig[];
  sessionStart: number;
  currency: Currency;
  /** Zone for log times written without one. */
  logTimezone: string;
  /** Zone of "today" and of the report's days. */
  displayTimezone: string;
  /** `deepseekCost.catalogOverrides`, unvalidated (the worker merges it like the language server does). */
  catalogOverrides?: unknown;
  /** The spend history (SQLite) file in the extension's global storage; absent: keep nothing between runs. */
  storePath?: string;
}

/** Given once when the worker starts: the locale its sentences (source states, assumptions) are worded in. */
export interface SpendWorkerData {
  locale: Locale;
}

/** Host → worker. `configure` (re)starts reading from the start of every log; `session` only moves the session start. */
export type HostToWorker =
  | { type: 'configure'; config: WorkerConfig }
  | { type: 'session'; sessionStart: number };

export interface SnapshotMessage {
  type: 'snapshot';
  snapshot: SpendSnapshot;
  /** When the snapshot was taken (UTC ms): its "today" is the local day of this instant. */
  takenAt: number;
  /** False while the logs are still being read from the start: totals are still climbing. */
  initialReadDone: boolean;
  unpriced: { session: UnpricedReason[]; today: UnpricedReason[]; all: UnpricedReason[] };
}

/** Worker → host. */
export type WorkerToHost =
  | SnapshotMessage
  | { type: 'log'; level: 'info' | 'warn' | 'error'; message: string }
  /** Said to the user once (the spend history was moved aside and is being rebuilt). */
  | { type: 'notice'; message: string };
