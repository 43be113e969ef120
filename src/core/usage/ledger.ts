// Spend totals from usage records: dedupe by key (the most complete usage wins), price at the
// completion time, aggregate by model, by local day and for the session. Records are kept only as
// compact numbers (see RequestStore), never as objects or log text, so memory follows the number
// of requests, not the size of the logs.
import { createHash } from 'node:crypto';
import { catalogStaleness, findModel, holidayAssumptionText, isDeepSeekProvider, type Catalog, type Currency } from '../../catalog';
import { Pricer, type Priced, type ToolCharge } from './pricer';
import { requestTokenLimit, usageProblem } from './recordBounds';
import { type Fingerprint, RequestStore, type StoredRequest } from './requestStore';
import { DayKeyer } from './time';
import { usageSize } from './tokens';
import { type ErrorRecord, type ExcludedCounts, type LineResult, type LogSourceState, type SpendAssumption, type SpendSnapshot, type SpendTotals, UNATTRIBUTED, type UsageRecord } from './types';

export interface SpendLedgerOptions {
  catalog: Catalog;
  currency: Currency;
  /** IANA zone of the user's local days ("today", byDay). */
  timeZone: string;
  /** Start of the session (UTC ms). */
  sessionStart: number;
  /** Only records completed in [since, until) are totalled; the others are still remembered for dedupe. */
  since?: number;
  until?: number;
}

export type AddOutcome = 'added' | 'replaced' | 'duplicate' | 'rejected';

type ByModel = Map<number, SpendTotals>;

/** What a model slot stands for: a model as served by one provider. */
interface Slot {
  model: string;
  provider: string;
  /** The provider is DeepSeek's (its API or its Anthropic endpoint): DeepSeek's prices apply. */
  deepseek: boolean;
}

/** Why a record was left out of DeepSeek's totals. */
export type ExclusionReason = 'not-deepseek' | 'other-provider';

const MAX_MODELS = 0xffff;
const OTHER_MODELS = '(other models)';
const ERROR_KEYS_KEPT = 100_000;
/** Bump when the image layout or what a request contributes to the totals changes. */
const IMAGE_VERSION = 1;

interface ImageHead {
  v: number;
  size: number;
  slots: Slot[];
  all: [number, SpendTotals][];
  session: [number, SpendTotals][];
  byDay: [string, [number, SpendTotals][]][];
  excludedAll: ExcludedCounts;
  excludedSession: ExcludedCounts;
  excludedByDay: [string, ExcludedCounts][];
  providerCounts: [string, number][];
  noId: number;
  holidays: [number, number][];
  errorKeys: string[];
  errors: number;
  last: number;
}

export function emptyTotals(): SpendTotals {
  return { cost: 0, requests: 0, unpriced: 0, noSplit: 0, cacheHitTokens: 0, cacheMissTokens: 0, outputTokens: 0, reasoningTokens: 0, savedByCache: 0, toolCalls: 0, toolCost: 0, toolUnpriced: 0, peakCost: 0, peakSavingOffPeak: 0 };
}

export class SpendLedger {
  private opts: SpendLedgerOptions;
  private pricer: Pricer;
  private days: DayKeyer;
  private readonly store = new RequestStore();
  private readonly slots: Slot[] = [];
  private readonly slotIndex = new Map<string, number>();
  private excludedAll = emptyExcluded();
  private excludedSession = emptyExcluded();
  private excludedByDay = new Map<string, ExcludedCounts>();
  private readonly providerCounts = new Map<string, number>();
  private noIdRequests = 0;
  private all: ByModel = new Map();
  private session: ByModel = new Map();
  private byDay = new Map<string, ByModel>();
  private readonly dayOfQuarter = new Map<number, string>();
  private readonly errorKeys = new Map<string, true>();
  /** Requests in range priced by the weekday rule alone, by the local year the holiday calendar does not cover. */
  private holidayAssumptions = new Map<number, number>();
  private errors = 0;
  private last = -1;
  private tokenLimit: number;

  constructor(options: SpendLedgerOptions) {
    this.opts = { ...options };
    this.pricer = new Pricer(options.catalog, options.currency);
    this.days = new DayKeyer(options.timeZone);
    this.tokenLimit = requestTokenLimit(options.catalog);
  }

  get currency(): Currency {
    return this.opts.currency;
  }

  /** Distinct requests remembered (inside the range or not). */
  get storedRequests(): number {
    return this.store.size;
  }

  get storeBytes(): number {
    return this.store.byteLength;
  }

  get errorCount(): number {
    return this.errors;
  }

  /**
   * Takes one line's result; returns it, or an 'unparsable' result naming why a usage record that
   * no real request can have (time out of range, absurd or fractional counts) was rejected.
   */
  accept(result: LineResult): LineResult {
    if (result.kind === 'usage') {
      const problem = usageProblem(result.record, this.tokenLimit);
      if (problem) return { kind: 'unparsable', reason: problem };
      this.add(result.record);
    } else if (result.kind === 'error') {
      this.addError(result.record);
    }
    return result;
  }

  /**
   * Stores and totals a record (`key`: its dedupe key, or the key's fingerprint when the record
   * comes back from the spend store, which keeps only that). Only records that pass usageProblem are stored, exactly as given:
   * a re-total from the store then always equals the first total.
   */
  add(record: UsageRecord, key: string | Fingerprint = record.dedupeKey): AddOutcome {
    if (usageProblem(record, this.tokenLimit)) return 'rejected';
    const r: StoredRequest = {
      completedAt: record.completedAt, model: this.slotId(record.model, record.provider ?? 'deepseek'), cacheHitTokens: record.cacheHitTokens, cacheMissTokens: record.cacheMissTokens,
      outputTokens: record.outputTokens, reasoningTokens: record.reasoningTokens, hasCacheSplit: record.hasCacheSplit,
      searchCalls: record.searchCalls ?? 0, fetchCalls: record.fetchCalls ?? 0,
    };
    const index = this.store.find(key);
    if (index < 0) {
      const i = this.store.insert(key, r);
      if (record.noId) this.noIdRequests++;
      this.apply(r, 1);
      this.noteLast(i, r);
      return 'added';
    }
    const old = this.store.get(index);
    // The same usage seen later (Claude Code repeats a message's usage on each streamed step) moves
    // the request to the later time: the last copy is the nearest to its completion.
    const size = usageSize(r);
    const oldSize = usageSize(old);
    if (size < oldSize || (size === oldSize && r.completedAt <= old.completedAt)) return 'duplicate';
    this.apply(old, -1);
    this.store.set(index, r);
    this.apply(r, 1);
    const wasLast = this.last === index;
    if (wasLast) this.last = -1;
    this.noteLast(index, r);
    // Only when the last request itself moved: with every request left out, last stays -1 and a
    // search on each replacement would be quadratic.
    if (wasLast && this.last === -1) this.findLast();
    return 'replaced';
  }

  /** Counts an API error once per key (the same failure is often logged twice). */
  addError(e: ErrorRecord): boolean {
    if (e.at !== undefined && !this.inRange(e.at)) return false;
    if (e.dedupeKey) {
      if (this.errorKeys.has(e.dedupeKey)) return false;
      this.errorKeys.set(e.dedupeKey, true);
      if (this.errorKeys.size > ERROR_KEYS_KEPT) this.errorKeys.delete(this.errorKeys.keys().next().value as string);
    }
    this.errors++;
    return true;
  }

  /** Changes currency, zone, session or range (or the catalog) and re-totals from the stored numbers. */
  reconfigure(changes: Partial<SpendLedgerOptions>): void {
    this.opts = { ...this.opts, ...changes };
    this.pricer = new Pricer(this.opts.catalog, this.opts.currency);
    this.days = new DayKeyer(this.opts.timeZone);
    // Stored records passed the limit of the catalog they were read with; a new catalog gets a
    // fresh read from the worker, so the limit only governs records added from now on.
    this.tokenLimit = requestTokenLimit(this.opts.catalog);
    this.dayOfQuarter.clear();
    this.all = new Map();
    this.session = new Map();
    this.byDay = new Map();
    this.excludedAll = emptyExcluded();
    this.excludedSession = emptyExcluded();
    this.excludedByDay = new Map();
    this.providerCounts.clear();
    this.holidayAssumptions = new Map();
    for (let i = 0; i < this.store.size; i++) this.apply(this.store.get(i), 1);
    this.findLast();
  }

  /**
   * What the totals depend on besides the requests (catalog, currency, zones, session, range): a
   * saved image of this ledger is only restored into a ledger with the same key.
   */
  stateKey(): string {
    const o = this.opts;
    return createHash('sha1').update(JSON.stringify([IMAGE_VERSION, o.catalog, o.currency, o.timeZone, o.sessionStart, o.since ?? null, o.until ?? null])).digest('hex');
  }

  /**
   * The ledger's whole state as bytes: a JSON head (model slots, totals by model and day, exclusions,
   * error keys) and the per-request arrays as they are, so restoring costs a copy, not a re-total.
   */
  exportImage(): Uint8Array {
    const head = Buffer.from(JSON.stringify({
      v: IMAGE_VERSION, size: this.store.size, slots: this.slots, all: [...this.all], session: [...this.session],
      byDay: [...this.byDay].map(([d, m]) => [d, [...m]]), excludedAll: this.excludedAll, excludedSession: this.excludedSession,
      excludedByDay: [...this.excludedByDay], providerCounts: [...this.providerCounts], noId: this.noIdRequests,
      holidays: [...this.holidayAssumptions], errorKeys: [...this.errorKeys.keys()], errors: this.errors, last: this.last,
    }));
    const arrays = this.store.exportArrays();
    const pad = (n: number) => (n + 7) & ~7;
    let length = pad(4 + head.length);
    for (const a of arrays) length += pad(a.byteLength);
    const out = new Uint8Array(length);
    new DataView(out.buffer).setUint32(0, head.length, true);
    out.set(head, 4);
    let at = pad(4 + head.length);
    for (const a of arrays) {
      out.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), at);
      at += pad(a.byteLength);
    }
    return out;
  }

  /** Restores exportImage's bytes (taken with the same stateKey); throws, changing nothing, on bytes that are not such an image. */
  importImage(data: Uint8Array): void {
    const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
    const headLength = view.getUint32(0, true);
    if (4 + headLength > data.byteLength) throw new Error('a ledger image is cut short');
    const h = JSON.parse(Buffer.from(data.buffer, data.byteOffset + 4, headLength).toString('utf8')) as ImageHead;
    if (h.v !== IMAGE_VERSION || !Number.isInteger(h.size) || h.size < 0) throw new Error('a ledger image of another version');
    const pad = (n: number) => (n + 7) & ~7;
    const sizes: [new (b: ArrayBuffer) => ArrayBufferView, number][] = [
      [Int32Array, 4], [Int32Array, 4], [Float64Array, 8], [Uint32Array, 4], [Uint32Array, 4], [Uint32Array, 4], [Uint32Array, 4], [Uint16Array, 2], [Uint16Array, 2], [Uint16Array, 2], [Uint8Array, 1],
    ];
    let at = pad(4 + headLength);
    const arrays = sizes.map(([Kind, bytes]) => {
      const n = h.size * bytes;
      if (at + n > data.byteLength) throw new Error('a ledger image is cut short');
      // A copy into its own aligned buffer: the blob's offset need not suit a Float64Array.
      const a = new Kind(data.slice(at, at + n).buffer);
      at += pad(n);
      return a;
    });
    this.store.importArrays(h.size, arrays);
    this.slots.length = 0;
    this.slotIndex.clear();
    for (const s of h.slots) {
      this.slotIndex.set(`${s.provider}\0${s.model}`, this.slots.length);
      this.slots.push(s);
    }
    this.all = new Map(h.all);
    this.session = new Map(h.session);
    this.byDay = new Map(h.byDay.map(([d, m]) => [d, new Map(m)]));
    this.excludedAll = h.excludedAll;
    this.excludedSession = h.excludedSession;
    this.excludedByDay = new Map(h.excludedByDay);
    this.providerCounts.clear();
    for (const [k, n] of h.providerCounts) this.providerCounts.set(k, n);
    this.noIdRequests = h.noId;
    this.holidayAssumptions = new Map(h.holidays);
    this.errorKeys.clear();
    for (const k of h.errorKeys) this.errorKeys.set(k, true);
    this.errors = h.errors;
    this.last = h.last;
  }

  /** Totals over the whole range, by model (the CLI report). */
  totals(): SpendTotals & { byModel: Record<string, SpendTotals> } {
    return this.summarize(this.all);
  }

  /** Records left out of the totals (not DeepSeek's, or another provider's with no price), by reason and provider. */
  excluded(): ExcludedCounts {
    return cloneExcluded(this.excludedAll);
  }

  /** Every distinct request by the provider that served it, counted or left out. */
  byProvider(): Record<string, number> {
    return Object.fromEntries([...this.providerCounts.entries()].filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])));
  }

  /** Requests whose log gave no id (Anthropic stream tails): a second copy of one cannot be recognised. */
  get withoutId(): number {
    return this.noIdRequests;
  }

  byDayTotals(): Record<string, Record<string, SpendTotals>> {
    const out: Record<string, Record<string, SpendTotals>> = {};
    for (const day of [...this.byDay.keys()].sort()) {
      const models = this.named(this.byDay.get(day)!);
      if (Object.keys(models).length > 0) out[day] = models;
    }
    return out;
  }

  dayKey(at: number): string {
    const quarter = Math.floor(at / 900_000);
    let key = this.dayOfQuarter.get(quarter);
    if (key === undefined) {
      // Every zone offset in use is a multiple of 15 minutes, so a quarter hour never spans two local days.
      key = this.days.keyOf(quarter * 900_000);
      if (this.dayOfQuarter.size > 200_000) this.dayOfQuarter.clear();
      this.dayOfQuarter.set(quarter, key);
    }
    return key;
  }

  snapshot(now: number = Date.now(), sources: LogSourceState[] = []): SpendSnapshot {
    const stale = catalogStaleness(this.opts.catalog, new Date(now));
    const today = this.byDay.get(this.dayKey(now)) ?? new Map();
    let lastRequest: SpendSnapshot['lastRequest'];
    if (this.last >= 0) {
      const r = this.store.get(this.last);
      const slot = this.slots[r.model];
      lastRequest = { at: r.completedAt, model: this.displayName(r.model), cost: this.pricer.price(slot.model, r.completedAt, r, slot.provider)?.cost };
    }
    return {
      currency: this.opts.currency,
      sessionStart: this.opts.sessionStart,
      session: this.summarize(this.session),
      today: this.summarize(today),
      byDay: this.byDayTotals(),
      errors: this.errors,
      lastRequest,
      sources,
      excluded: { session: cloneExcluded(this.excludedSession), today: cloneExcluded(this.excludedByDay.get(this.dayKey(now)) ?? emptyExcluded()) },
      byProvider: this.byProvider(),
      withoutId: this.noIdRequests,
      assumptions: this.assumptions(),
      ...(stale ? { catalogStaleness: stale } : {}),
    };
  }

  /** What the totals assume where the facts end (a year without a holiday calendar), with request counts. */
  assumptions(): SpendAssumption[] {
    return [...this.holidayAssumptions.entries()]
      .filter(([, n]) => n > 0)
      .sort(([a], [b]) => a - b)
      .map(([year, requests]) => ({ kind: 'holiday-calendar-missing', year, message: holidayAssumptionText(year), requests }));
  }

  private inRange(at: number): boolean {
    return (this.opts.since === undefined || at >= this.opts.since) && (this.opts.until === undefined || at < this.opts.until);
  }

  private slotId(model: string, provider: string): number {
    const key = `${provider}\0${model}`;
    let id = this.slotIndex.get(key);
    if (id === undefined) {
      if (this.slots.length >= MAX_MODELS) return this.slotId(OTHER_MODELS, provider);
      id = this.slots.length;
      this.slots.push({ model, provider, deepseek: isDeepSeekProvider(this.opts.catalog, provider) });
      this.slotIndex.set(key, id);
    }
    return id;
  }

  /** The name totals are listed under: another provider's model says whose it is. */
  private displayName(slotId: number): string {
    const s = this.slots[slotId];
    return s.deepseek ? s.model : `${s.model} (${s.provider})`;
  }

  private apply(r: StoredRequest, sign: 1 | -1): void {
    if (!this.inRange(r.completedAt)) return;
    const slot = this.slots[r.model];
    this.providerCounts.set(slot.provider, (this.providerCounts.get(slot.provider) ?? 0) + sign);
    const priced = this.pricer.price(slot.model, r.completedAt, r, slot.provider);
    if (!slot.deepseek && !priced) {
      // Not DeepSeek's spend: counted apart, by why, never in the totals.
      // A DeepSeek model served elsewhere is another provider's price; anything else is simply not DeepSeek.
      const reason: ExclusionReason = slot.provider !== UNATTRIBUTED && findModel(this.opts.catalog, slot.model) ? 'other-provider' : 'not-deepseek';
      addExcluded(this.excludedAll, reason, slot.provider, sign);
      if (r.completedAt >= this.opts.sessionStart) addExcluded(this.excludedSession, reason, slot.provider, sign);
      const day = this.dayKey(r.completedAt);
      let e = this.excludedByDay.get(day);
      if (!e) this.excludedByDay.set(day, (e = emptyExcluded()));
      addExcluded(e, reason, slot.provider, sign);
      return;
    }
    // Built-in tool calls are DeepSeek's prices: another provider's requests (priced from the user's rows) carry none.
    const tools = slot.deepseek && r.searchCalls + r.fetchCalls > 0 ? this.pricer.tools(r.completedAt, r.searchCalls, r.fetchCalls) : undefined;
    const year = priced?.holidaysUnknownForYear;
    if (year !== undefined) this.holidayAssumptions.set(year, (this.holidayAssumptions.get(year) ?? 0) + sign);
    addTo(this.all, r, priced, sign, tools);
    if (r.completedAt >= this.opts.sessionStart) addTo(this.session, r, priced, sign, tools);
    const day = this.dayKey(r.completedAt);
    let m = this.byDay.get(day);
    if (!m) this.byDay.set(day, (m = new Map()));
    addTo(m, r, priced, sign, tools);
  }

  private noteLast(index: number, r: StoredRequest): void {
    if (!this.inRange(r.completedAt) || !this.counted(r)) return;
    if (this.last < 0 || r.completedAt >= this.store.get(this.last).completedAt) this.last = index;
  }

  private counted(r: StoredRequest): boolean {
    const slot = this.slots[r.model];
    return slot.deepseek || this.pricer.price(slot.model, r.completedAt, r, slot.provider) !== undefined;
  }

  private findLast(): void {
    this.last = -1;
    for (let i = 0; i < this.store.size; i++) this.noteLast(i, this.store.get(i));
  }

  private summarize(m: ByModel): SpendTotals & { byModel: Record<string, SpendTotals> } {
    const sum = emptyTotals();
    for (const t of m.values()) for (const k of Object.keys(sum) as (keyof SpendTotals)[]) sum[k] += t[k];
    return { ...sum, byModel: this.named(m) };
  }

  private named(m: ByModel): Record<string, SpendTotals> {
    const out: Record<string, SpendTotals> = {};
    for (const [id, t] of [...m.entries()].sort((a, b) => this.displayName(a[0]).localeCompare(this.displayName(b[0])))) if (t.requests !== 0) out[this.displayName(id)] = { ...t };
    return out;
  }
}

function addTo(m: ByModel, r: StoredRequest, priced: Priced | undefined, sign: 1 | -1, tools?: ToolCharge): void {
  let t = m.get(r.model);
  if (!t) m.set(r.model, (t = emptyTotals()));
  t.requests += sign;
  if (priced) {
    t.cost += sign * priced.cost;
    t.savedByCache += sign * priced.saved;
    if (priced.peak && priced.offPeakCost !== undefined) {
      t.peakCost += sign * priced.cost;
      t.peakSavingOffPeak += sign * (priced.cost - priced.offPeakCost);
    }
  } else {
    t.unpriced += sign;
  }
  if (!r.hasCacheSplit) t.noSplit += sign;
  t.cacheHitTokens += sign * r.cacheHitTokens;
  t.cacheMissTokens += sign * r.cacheMissTokens;
  t.outputTokens += sign * r.outputTokens;
  t.reasoningTokens += sign * r.reasoningTokens;
  if (tools) {
    t.toolCalls += sign * (r.searchCalls + r.fetchCalls);
    t.toolCost += sign * tools.cost;
    t.cost += sign * tools.cost;
    t.toolUnpriced += sign * tools.unpriced;
  }
}

function emptyExcluded(): ExcludedCounts {
  return { requests: 0, byReason: {}, byProvider: {} };
}

function cloneExcluded(e: ExcludedCounts): ExcludedCounts {
  const positive = (m: Record<string, number>) => Object.fromEntries(Object.entries(m).filter(([, n]) => n > 0));
  return { requests: e.requests, byReason: positive(e.byReason), byProvider: positive(e.byProvider) };
}

function addExcluded(e: ExcludedCounts, reason: string, provider: string, sign: 1 | -1): void {
  e.requests += sign;
  e.byReason[reason] = (e.byReason[reason] ?? 0) + sign;
  e.byProvider[provider] = (e.byProvider[provider] ?? 0) + sign;
}
