// One normalized record per request, whatever log format it came from. Pricing happens later, from
// the tokens, with the catalog at the completion time: a log's own cost figure is never trusted.

import type { TokenCounts } from '../../catalog/resolve';
import type { TokenSplit } from './tokens';

export type LogFormat =
  | 'openai-body' | 'openai-sse' | 'anthropic-body' | 'anthropic-sse' | 'claude-code'
  | 'ccr-pino' | 'newapi' | 'oneapi' | 'litellm-payload' | 'helicone'
  | 'responses-body' | 'responses-sse' | 'dsh-session' | 'ccr-v3-db';

/** The provider of a record that no evidence ties to a known provider (a Claude name with no sign of DeepSeek). */
export const UNATTRIBUTED = 'unattributed';

export interface UsageRecord extends TokenSplit {
  /** Identity for dedupe: provider response id / message id (streamed and repeated lines share it). */
  dedupeKey: string;
  format: LogFormat;
  /** Completion time (UTC ms since epoch), which picks the price period. */
  completedAt: number;
  /** The model that served the request (Claude names mapped to DeepSeek's only when DeepSeek served them). */
  model: string;
  /**
   * Who served it: a catalog provider id (`deepseek`, `deepseek-anthropic`, `azure`, `anthropic`, …)
   * or UNATTRIBUTED. Only providers of kind 'deepseek' get DeepSeek's prices.
   */
  provider: string;
  /** The log gave no id for this request, so a second copy of it cannot be recognised (Anthropic stream tails). */
  noId?: boolean;
  /**
   * Where `completedAt` came from. 'file-time': the line carried no time at all (Anthropic SSE
   * captures, bare Anthropic bodies), so the file's modification time stood in for it.
   */
  timeSource?: 'log' | 'file-time';
}

export interface ErrorRecord {
  dedupeKey?: string;
  format: LogFormat;
  at?: number;
  status?: number;
  message: string;
}

/** What one log line yields: usage, an API error, nothing relevant, or a line we could not read. */
export type LineResult =
  | { kind: 'usage'; record: UsageRecord }
  | { kind: 'error'; record: ErrorRecord }
  | { kind: 'ignored' }
  | { kind: 'unparsable'; reason: string };

/** Totals over a set of records, in one currency. `cost` sums priced requests only. */
export interface SpendTotals extends Pick<TokenSplit, keyof TokenCounts | 'reasoningTokens'> {
  cost: number;
  /** Distinct requests that carried usage, priced or not. */
  requests: number;
  /** Requests with no price: unknown model, before the first period, or no price in this currency. */
  unpriced: number;
  /** Requests whose log had no cache split (priced as all-miss: an upper bound). */
  noSplit: number;
  /** What the cache hits saved against paying the miss price for them. */
  savedByCache: number;
  /** Billed built-in tool calls (searches and fetches) the logs show. */
  toolCalls: number;
  /** Their cost, already inside `cost`; free calls (before 2026-10-31 16:00 UTC) count as 0. */
  toolCost: number;
  /** Tool calls with no price in this currency (never converted): not in `cost`. */
  toolUnpriced: number;
  /** Part of `cost` priced at peak-hour rates (tokens only). */
  peakCost: number;
  /** What those peak requests would have cost less at off-peak rates. */
  peakSavingOffPeak: number;
}

/** A limit of the facts behind the totals, with how many requests rest on it. */
export interface SpendAssumption {
  kind: 'holiday-calendar-missing';
  year: number;
  message: string;
  requests: number;
}

/** Requests left out of DeepSeek's totals: `not-deepseek` (a Claude name with no evidence DeepSeek served it), `other-provider` (served by another host, no price for it). */
export interface ExcludedCounts {
  requests: number;
  byReason: Record<string, number>;
  byProvider: Record<string, number>;
}

export interface SpendSnapshot {
  currency: 'USD' | 'CNY';
  /** Start of the session (UTC ms). */
  sessionStart: number;
  session: SpendTotals & { byModel: Record<string, SpendTotals> };
  today: SpendTotals & { byModel: Record<string, SpendTotals> };
  /** Local-day (in the user's zone) → model → totals, for the spend report. */
  byDay: Record<string, Record<string, SpendTotals>>;
  errors: number;
  lastRequest?: { at: number; model: string; cost?: number };
  sources: LogSourceState[];
  /** Left out of the totals, this session and today. */
  excluded?: { session: ExcludedCounts; today: ExcludedCounts };
  /** Distinct requests by the provider that served them (all time read). */
  byProvider?: Record<string, number>;
  /** Requests counted without an id (cannot be deduplicated). */
  withoutId?: number;
  /** Requests priced on an assumption (a year without a holiday calendar), over the whole range. */
  assumptions?: SpendAssumption[];
  /** "prices as of …; check for an update" once the catalog is older than 60 days. */
  catalogStaleness?: string;
}

export interface LogSourceState {
  /** The configured pattern or file, as the user wrote it. */
  pattern: string;
  files: {
    path: string;
    state: 'reading' | 'missing' | 'unreadable';
    /** Lines that could not be read: unparsable, or longer than the line cap. */
    skippedLines: number;
    /** The skipped lines by reason ("invalid JSON", "completion time out of range ..."). */
    skipped?: Record<string, number>;
    message?: string;
    /** Bytes consumed so far (always the end of a complete line). */
    offset?: number;
    /** Complete lines read, and how many of them carried usage: a file with lines but no usage is likely an unsupported format. */
    lines?: number;
    usageLines?: number;
  }[];
  /** A pattern that matches no file yet. */
  state: 'ok' | 'no-match' | 'error';
  message?: string;
}
