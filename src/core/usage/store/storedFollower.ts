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
import type { SpendLedger } from '../ledger';
import { UsageFollower, type UsageFollowerOptions } from '../usageFollower';
import { imageKey, SpendStore, type StoredBatch } from './spendStore';

/** Records are written in batches of this many during a long first read, so memory stays bounded. */
const FLUSH_RECORDS = 20_000;
/** A window that is not the writer keeps at most this many records for when it becomes one. */
const PENDING_CAP = 500_000;
/** Saving the ledger's image costs about a copy of the stored requests: at most this often while logs grow. */
const IMAGE_EVERY_MS = 5 * 60_000;

/** What decides how lines become records: a store written under another key is emptied and rebuilt. */
export function readingKey(o: { logTimezone: string; anthropicBaseUrl?: string; catalogOverrides?: unknown }): string {
  return createHash('sha1').update(JSON.stringify([o.logTimezone, o.anthropicBaseUrl ?? null, o.catalogOverrides ?? null])).digest('hex');
}

export interface StoredFollowerResult {
  follower: UsageFollower;
  /** Requests and errors that came from the store rather than the logs. */
  loaded: { requests: number; errors: number };
  /** How the totals came back: a saved ledger image up to date, one plus what was written after it, or none (every stored request re-added). */
  image?: 'exact' | 'merged' | 'none';
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
  /** The state key of the image the store holds for this ledger, and when this window saved one. */
  private savedKey: string | undefined;
  private imageSavedAt = -Infinity;
  /** Requests written (or found written by another window) since the stored image. */
  private imageBehind = false;

  constructor(
    readonly store: SpendStore,
    private readonly ledger?: SpendLedger,
    private readonly wanted: (path: string) => boolean = () => true,
    private readonly scope = '',
    private readonly now: () => number = Date.now,
  ) {}

  /** What the reload found: an image exactly up to date needs no new one until something changes. */
  restored(key: string, image: 'exact' | 'merged' | 'none'): void {
    this.savedKey = image === 'none' ? undefined : key;
    this.imageBehind = image !== 'exact';
  }

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
  flush(files: TailedFileInfo[], endOfPass = false): boolean {
    const batch: StoredBatch = { requests: this.requests, errors: this.errors, files: this.offsetsUntrusted ? [] : files.filter((f) => f.kind === 'text') };
    if (batch.requests.length > 0 || batch.errors.length > 0) this.imageBehind = true;
    // Only at the end of a pass is the ledger exactly the stored records (nothing read but unwritten);
    // records dropped while another window wrote would make the image more than the store.
    const key = this.ledger && endOfPass && !this.offsetsUntrusted ? imageKey(this.ledger, this.scope) : undefined;
    const save = key !== undefined && (key !== this.savedKey || (this.imageBehind && this.now() - this.imageSavedAt >= IMAGE_EVERY_MS));
    if (batch.requests.length === 0 && batch.errors.length === 0 && batch.files.length === 0 && !save) return true;
    if (!this.store.write(batch, this.ledger ? { ledger: this.ledger, wanted: this.wanted, scope: this.scope, save } : undefined)) return false;
    if (save) {
      this.savedKey = key;
      this.imageSavedAt = this.now();
      this.imageBehind = false;
    }
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
  const patterns = options.patterns.map((p) => resolve(expandHome(p)));
  const counted = (p: string) => patterns.some((pattern) => wanted(pattern, p));
  const saved = store.files();
  // Made once the follower (and so its ledger) exists; records only arrive after that.
  let writer: StoreWriter | undefined;
  const follower = new UsageFollower(
    {
      ...options,
      resume: (p) => saved.get(p),
      onRecord: (p, r) => writer!.add(p, r),
    },
    () => {
      // Synchronously after the pass: the offsets match exactly the records taken so far.
      writer!.flush(follower.tailer.files(), true);
      options.onUpdate?.();
    },
    options.onError,
  );
  const scope = createHash('sha1').update(JSON.stringify([...patterns].sort())).digest('hex');
  writer = new StoreWriter(store, follower.ledger, counted, scope);
  const restored = store.restoreInto(follower.ledger, scope, counted);
  writer.restored(imageKey(follower.ledger, scope), restored.image);
  return { follower, loaded: { requests: restored.requests, errors: restored.errors }, image: restored.image, notice: opened.notice, writer };
}

/** A source the patterns name, or a rotated generation of a named file (`app.log.1`, `app.log-2026…`). */
function wanted(pattern: string, path: string): boolean {
  return matchesPattern(pattern, path) || (!isGlobPattern(pattern) && path.startsWith(pattern) && /^[.\-_]/.test(path.slice(pattern.length)));
}
