// The spend worker: a worker_threads entry (bundled as dist/spendWorker.js) that follows the usage
// logs with the usage engine's tailer and ledger and posts snapshots to the extension host. Reading
// and parsing multi-GB logs here keeps the extension host's main thread free. Nothing here touches
// the network or reads API keys: it opens only the files the user listed.
import { parentPort, workerData } from 'node:worker_threads';
import { useLocale } from '../core/locale';
import { type Catalog, catalogWithOverrides } from '../catalog';
import { UsageFollower } from '../core/usage/usageFollower';
import { type StoreWriter, storedFollower } from '../core/usage/store/storedFollower';
import { readClaudeBaseUrlSync } from '../core/usage/claudeSettings';
import type { SpendSnapshot } from '../core/usage/types';
import { nextLocalMidnight, startOfLocalDay } from '../spend/localTime';
import { regroupSources } from '../spend/sourceStates';
import { totalsByModel } from '../spend/totals';
import { unpricedReasons } from '../spend/unpricedReasons';
import type { HostToWorker, SnapshotMessage, SpendWorkerData, WorkerConfig, WorkerToHost } from '../spend/workerProtocol';

/** At most four snapshots a second: the status bar needs no more, and each costs a structured clone. */
const MIN_POST_INTERVAL_MS = 250;
/**
 * Poll interval for logs in folders that cannot be watched (missing yet, or on a network or WSL
 * drive whose change events miss writes). Watched folders are never polled: events drive reads.
 */
const POLL_MS = 2000;

const port = parentPort;
if (!port) throw new Error('spendWorker must run as a worker thread');
const started = (workerData ?? {}) as Partial<SpendWorkerData>;
if (started.locale) useLocale(started.locale);

function send(message: WorkerToHost): void {
  port!.postMessage(message);
}

function log(level: 'info' | 'warn' | 'error', message: string): void {
  send({ type: 'log', level, message });
}

class SpendFeed {
  private tracker: UsageFollower | undefined;
  private storeWriter: StoreWriter | undefined;
  private config: WorkerConfig | undefined;
  private catalog: Catalog | undefined;
  private initialReadDone = false;
  private generation = 0;
  private lastPost = 0;
  private postTimer: NodeJS.Timeout | undefined;
  private midnightTimer: NodeJS.Timeout | undefined;

  configure(config: WorkerConfig): void {
    const prev = this.config;
    this.config = config;
    // Currency and session only re-total the remembered requests; anything that changes how lines
    // are read (sources, log zone, catalog) reads every log again from the start.
    if (this.tracker && prev && sameReading(prev, config)) {
      this.tracker.ledger.reconfigure({ currency: config.currency, sessionStart: config.sessionStart });
      this.schedulePost(true);
      return;
    }
    this.restart(config);
  }

  setSessionStart(sessionStart: number): void {
    if (!this.config || !this.tracker) return;
    this.config = { ...this.config, sessionStart };
    this.tracker.ledger.reconfigure({ sessionStart });
    this.schedulePost(true);
  }

  stop(): void {
    this.tracker?.stop();
    this.tracker = undefined;
    if (this.storeWriter) {
      try {
        this.storeWriter.store.close();
      } catch (error) {
        log('warn', `closing the spend history: ${String(error)}`);
      }
      this.storeWriter = undefined;
    }
    clearTimeout(this.postTimer);
    this.postTimer = undefined;
    clearTimeout(this.midnightTimer);
  }

  private restart(config: WorkerConfig): void {
    this.stop();
    const generation = ++this.generation;
    // An invalid override is reported by the extension itself, once per change: the shipped catalog stands in here.
    const { catalog } = catalogWithOverrides(config.catalogOverrides);
    this.catalog = catalog;
    this.initialReadDone = false;
    const options = {
      patterns: config.sources.flatMap((s) => s.paths),
      catalog,
      currency: config.currency,
      timeZone: config.displayTimezone,
      logTimezone: config.logTimezone,
      sessionStart: config.sessionStart,
      pollMs: POLL_MS,
      // Claude names count as DeepSeek's only with evidence; the user's Claude Code settings are some.
      anthropicBaseUrl: readClaudeBaseUrlSync(),
    };
    const onUpdate = () => this.schedulePost(false);
    const onError = (error: unknown) => log('error', `reading the usage logs failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    let tracker: UsageFollower;
    if (config.storePath) {
      const started = Date.now();
      const stored = storedFollower(config.storePath, { ...options, catalogOverrides: config.catalogOverrides, onUpdate, onError }, catalog);
      tracker = stored.follower;
      this.storeWriter = stored.writer;
      if (stored.notice) send({ type: 'notice', message: stored.notice });
      if (stored.unavailable) log('info', `spend history not used this time (${stored.unavailable}); reading the logs from their start`);
      else log('info', `loaded ${stored.loaded.requests} requests from the spend history in ${Date.now() - started} ms (${stored.image === 'none' ? 'totalled from the stored requests' : stored.image === 'merged' ? 'saved totals plus what was stored after them' : 'saved totals'})`);
    } else {
      tracker = new UsageFollower(options, onUpdate, onError);
    }
    this.tracker = tracker;
    // What the history held is shown at once; the read below adds only what the logs gained since.
    if (tracker.ledger.storedRequests > 0) this.schedulePost(true);
    // The first pass reads every log from its start; only then are the totals complete enough for
    // budget alerts. Later passes read what was appended.
    tracker
      .refresh()
      .then(() => {
        if (generation !== this.generation) return;
        this.initialReadDone = true;
        log('info', `read ${tracker.ledger.storedRequests} requests from ${config.sources.length} usage log source(s)`);
        this.schedulePost(true);
        tracker.start();
      })
      .catch((error) => {
        if (generation !== this.generation) return;
        // Following the logs still retries on every change; the totals just cannot be called complete.
        log('error', `reading the usage logs failed: ${String(error)}`);
        tracker.start();
      });
    this.scheduleMidnight();
  }

  /** Leading edge immediately, then at most one post per interval carrying the latest state. */
  private schedulePost(urgent: boolean): void {
    if (this.postTimer) return;
    const wait = urgent ? 0 : Math.max(0, this.lastPost + MIN_POST_INTERVAL_MS - Date.now());
    this.postTimer = setTimeout(() => {
      this.postTimer = undefined;
      this.post();
    }, wait);
  }

  private post(): void {
    const tracker = this.tracker;
    const config = this.config;
    if (!tracker || !config || !this.catalog) return;
    this.lastPost = Date.now();
    const now = this.lastPost;
    const raw = tracker.snapshot(now);
    const snapshot: SpendSnapshot = { ...raw, sources: regroupSources(config.sources, raw.sources) };
    const message: SnapshotMessage = {
      type: 'snapshot',
      snapshot,
      takenAt: now,
      initialReadDone: this.initialReadDone,
      unpriced: {
        session: unpricedReasons(this.catalog, snapshot.session.byModel, snapshot.currency, snapshot.sessionStart, now),
        today: unpricedReasons(this.catalog, snapshot.today.byModel, snapshot.currency, startOfLocalDay(now, config.displayTimezone), now),
        all: unpricedReasons(this.catalog, totalsByModel(snapshot.byDay), snapshot.currency, firstDayStart(snapshot.byDay, now), now),
      },
    };
    send(message);
  }

  /** "Today" rolls over at local midnight even when no log changes. */
  private scheduleMidnight(): void {
    clearTimeout(this.midnightTimer);
    const config = this.config;
    if (!config) return;
    const now = Date.now();
    // Capped so a machine that slept through midnight catches up within minutes.
    const wait = Math.min(Math.max(nextLocalMidnight(now, config.displayTimezone) - now + 500, 500), 5 * 60_000);
    this.midnightTimer = setTimeout(() => {
      if (this.initialReadDone) this.schedulePost(true);
      this.scheduleMidnight();
    }, wait);
  }
}

function sameReading(a: WorkerConfig, b: WorkerConfig): boolean {
  return (
    JSON.stringify([a.sources, a.logTimezone, a.displayTimezone, a.catalogOverrides ?? null]) ===
    JSON.stringify([b.sources, b.logTimezone, b.displayTimezone, b.catalogOverrides ?? null])
  );
}

/** Early enough to fall inside the first local day in any zone (only used to explain unpriced requests). */
function firstDayStart(byDay: Record<string, unknown>, now: number): number {
  const first = Object.keys(byDay).sort()[0];
  return first ? Date.parse(`${first}T00:00:00Z`) - 14 * 3_600_000 : now;
}

const feed = new SpendFeed();
port.on('message', (m: HostToWorker) => {
  try {
    if (m.type === 'configure') feed.configure(m.config);
    else feed.setSessionStart(m.sessionStart);
  } catch (error) {
    log('error', `spend worker: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
});
