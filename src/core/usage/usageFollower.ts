// Follows the usage logs into totals: tailer → per-file line parser → ledger. The editor's worker,
// the CLI and the agent tools share it (the editor's status-bar side is client/spend/tracker.ts).
import type { Catalog, Currency } from '../../catalog';
import { SpendLedger } from './ledger';
import { LineParser } from './lineParser';
import { expandHome } from './paths';
import { LogTailer, type FileSink, type TailedFileInfo } from './tailer';
import { machineTimeZone } from './time';
import type { LineResult, SpendSnapshot } from './types';

export interface UsageFollowerOptions {
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
  /** `ANTHROPIC_BASE_URL` from the user's Claude Code settings (see readClaudeBaseUrl): evidence for Claude names. */
  anthropicBaseUrl?: string;
  since?: number;
  until?: number;
  chunkBytes?: number;
  maxLineBytes?: number;
  pollMs?: number;
  /** See TailerOptions.databaseIntervalMs. */
  databaseIntervalMs?: number;
  sweepMs?: number;
  /** See TailerOptions.onPass. */
  onPass?: () => void;
  /** See TailerOptions.resume (progress kept in the spend store). */
  resume?: (path: string) => TailedFileInfo | undefined;
  /** Every usage or error record the ledger took, with the file it came from (for the spend store). */
  onRecord?: (path: string, result: Extract<LineResult, { kind: 'usage' | 'error' }>) => void;
}

export class UsageFollower {
  readonly ledger: SpendLedger;
  readonly tailer: LogTailer;

  constructor(options: UsageFollowerOptions, onUpdate?: (snapshot: SpendSnapshot) => void, onError?: (error: unknown) => void) {
    const zone = options.timeZone ?? machineTimeZone();
    const env = { catalog: options.catalog, logTimezone: options.logTimezone ?? machineTimeZone(), anthropicBaseUrl: options.anthropicBaseUrl };
    this.ledger = new SpendLedger({
      catalog: options.catalog, currency: options.currency, timeZone: zone, sessionStart: options.sessionStart ?? Date.now(), since: options.since, until: options.until,
    });
    const ledger = this.ledger;
    this.tailer = new LogTailer({
      patterns: options.patterns.map((p) => expandHome(p)),
      chunkBytes: options.chunkBytes,
      maxLineBytes: options.maxLineBytes,
      pollMs: options.pollMs,
      databaseIntervalMs: options.databaseIntervalMs,
      sweepMs: options.sweepMs,
      resume: options.resume,
      onPass: options.onPass,
      sinkFor(path): FileSink {
        const parser = new LineParser(env);
        const onRecord = options.onRecord;
        const accept = (r: LineResult): LineResult => {
          const out = ledger.accept(r);
          if (onRecord && (out.kind === 'usage' || out.kind === 'error')) onRecord(path, out);
          return out;
        };
        return {
          line(bytes, fileTime) {
            let out = accept(parser.parseBytes(bytes, fileTime));
            // A JSON array of bodies completes several requests on one line.
            for (const more of parser.takeExtra()) {
              const r = accept(more);
              if (out.kind !== 'usage' && r.kind === 'usage') out = r;
            }
            return out;
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
