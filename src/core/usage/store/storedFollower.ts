// A UsageFollower backed by the spend store: stored requests are loaded into the ledger first, the
// logs are read from the stored offsets on, and what is read is written back (records as they come,
// offsets only at the end of a pass, in the same transaction as the pass's last records). The
// editor's worker and `deepseek-cost spend --store` both use this.
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import type { Catalog } from '../../../catalog';
import { expandHome, isGlobPattern, matchesPattern } from '../paths';
import type { TailedFileInfo } from '../tailer';
import type { ErrorRecord, UsageRecord } from '../types';
import { UsageFollower, type UsageFollowerOptions } from '../usageFollower';
import { SpendStore, type StoredBatch } from './spendStore';

/** Records are written in batches of this many during a long first read, so memory stays bounded. */
const FLUSH_RECORDS = 20_000;
/** A window that is not the writer keeps at most this many records for when it becomes one. */
const PENDING_CAP = 500_000;

/** What decides how lines become records: a store written under another key is emptied and rebuilt. */
export function readingKey(o: { logTimezone: string; anthropicBaseUrl?: string; catalogOverrides?: unknown }): string {
  return createHash('sha1').update(JSON.stringify([o.logTimezone, o.anthropicBaseUrl ?? null, o.catalogOverrides ?? null])).digest('hex');
}

export interface StoredFollowerResult {
  follower: UsageFollower;
  /** Requests and errors that came from the store rather than the logs. */
  loaded: { requests: number; errors: number };
  /** Say once to the user: the store was moved aside and is being rebuilt. */
  notice?: string;
  /** Why the store is not used this time (the logs are read in full, as without one). */
  unavailable?: string;
}

export class StoreWriter {
  private requests: StoredBatch['requests'] = [];
  private errors: StoredBatch['errors'] = [];
  /** Records were dropped while another window wrote: this one's offsets must never be stored. */
  private offsetsUntrusted = false;

  constructor(readonly store: SpendStore) {}

  add(path: string, result: { kind: 'usage'; record: UsageRecord } | { kind: 'error'; record: ErrorRecord }): void {
    if (result.kind === 'usage') this.requests.push({ path, record: result.record });
    else this.errors.push({ path, record: result.record });
    if (this.requests.length >= FLUSH_RECORDS) this.flush([]);
    if (this.requests.length > PENDING_CAP) {
      this.requests = [];
      this.errors = [];
      this.offsetsUntrusted = true;
    }
  }

  /** Writes what is pending and, at the end of a pass, where each plain-text log was read up to. */
  flush(files: TailedFileInfo[]): boolean {
    const batch: StoredBatch = { requests: this.requests, errors: this.errors, files: this.offsetsUntrusted ? [] : files.filter((f) => f.kind === 'text') };
    if (batch.requests.length === 0 && batch.errors.length === 0 && batch.files.length === 0) return true;
    if (!this.store.write(batch)) return false;
    this.requests = [];
    this.errors = [];
    return true;
  }
}

/**
 * Opens the store and builds a follower over it. When the store cannot be used (another window is
 * setting it up, other reading settings), the follower simply reads the logs from their start.
 */
export function storedFollower(path: string, options: UsageFollowerOptions & { catalogOverrides?: unknown; onUpdate?: () => void; onError?: (e: unknown) => void }, catalog: Catalog): StoredFollowerResult & { writer?: StoreWriter } {
  const opened = SpendStore.open(path, { readingKey: readingKey({ logTimezone: options.logTimezone ?? '', anthropicBaseUrl: options.anthropicBaseUrl, catalogOverrides: options.catalogOverrides }), catalog });
  if (opened.kind !== 'opened') {
    return { follower: new UsageFollower(options, options.onUpdate && (() => options.onUpdate!()), options.onError), loaded: { requests: 0, errors: 0 }, unavailable: opened.reason };
  }
  const store = opened.store;
  const writer = new StoreWriter(store);
  const saved = store.files();
  const follower = new UsageFollower(
    {
      ...options,
      resume: (p) => saved.get(p),
      onRecord: (p, r) => writer.add(p, r),
    },
    () => {
      // Synchronously after the pass: the offsets match exactly the records taken so far.
      writer.flush(follower.tailer.files());
      options.onUpdate?.();
    },
    options.onError,
  );
  const patterns = options.patterns.map((p) => resolve(expandHome(p)));
  const loaded = store.loadInto(follower.ledger, (p) => patterns.some((pattern) => wanted(pattern, p)));
  return { follower, loaded, notice: opened.notice, writer };
}

/** A source the patterns name, or a rotated generation of a named file (`app.log.1`, `app.log-2026…`). */
function wanted(pattern: string, path: string): boolean {
  return matchesPattern(pattern, path) || (!isGlobPattern(pattern) && path.startsWith(pattern) && /^[.\-_]/.test(path.slice(pattern.length)));
}
