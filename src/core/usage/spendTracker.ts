// Wires the pieces the editor and the CLI share: tailer → per-file line parser → ledger.
import type { Catalog, Currency } from '../../catalog';
import { SpendLedger } from './ledger';
import { LineParser } from './lineParser';
import { expandHome } from './paths';
import { LogTailer, type FileSink } from './tailer';
import { machineTimeZone } from './time';
import type { SpendSnapshot } from './types';

export interface SpendTrackerOptions {
  /** Files or globs as the user wrote them (`~` is expanded here; `${workspaceFolder}` is the editor's job). */
  patterns: string[];
  catalog: Catalog;
  currency: Currency;
  /** Zone of the user's local days; default the machine's. */
  timeZone?: string;
  /** Zone of logs that write local times without a zone (new-api); default the machine's. */
  logTimezone?: string;
  /** Default: now. */
  sessionStart?: number;
  since?: number;
  until?: number;
  chunkBytes?: number;
  maxLineBytes?: number;
  pollMs?: number;
  sweepMs?: number;
}

export class SpendTracker {
  readonly ledger: SpendLedger;
  readonly tailer: LogTailer;

  constructor(options: SpendTrackerOptions, onUpdate?: (snapshot: SpendSnapshot) => void, onError?: (error: unknown) => void) {
    const zone = options.timeZone ?? machineTimeZone();
    const env = { catalog: options.catalog, logTimezone: options.logTimezone ?? machineTimeZone() };
    this.ledger = new SpendLedger({
      catalog: options.catalog, currency: options.currency, timeZone: zone, sessionStart: options.sessionStart ?? Date.now(), since: options.since, until: options.until,
    });
    const ledger = this.ledger;
    this.tailer = new LogTailer({
      patterns: options.patterns.map((p) => expandHome(p)),
      chunkBytes: options.chunkBytes,
      maxLineBytes: options.maxLineBytes,
      pollMs: options.pollMs,
      sweepMs: options.sweepMs,
      sinkFor(): FileSink {
        const parser = new LineParser(env);
        return {
          line(bytes, fileTime) {
            return ledger.accept(parser.parseBytes(bytes, fileTime));
          },
          reset: () => parser.reset(),
        };
      },
      onChange: onUpdate ? () => onUpdate(this.snapshot()) : undefined,
      onError,
    });
  }

  /** Starts following the logs; `onUpdate` fires after each pass that read something. */
  start(): void {
    this.tailer.start();
  }

  stop(): void {
    this.tailer.stop();
  }

  /** Reads whatever is new now (the CLI calls this once). */
  async refresh(): Promise<SpendSnapshot> {
    await this.tailer.check();
    return this.snapshot();
  }

  snapshot(now: number = Date.now()): SpendSnapshot {
    return this.ledger.snapshot(now, this.tailer.sources());
  }
}
