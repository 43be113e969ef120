// DeepSeek Harness (dsh) session journals: `<DSH_HOME>/sessions/<project>/<session>/session.jsonl.zstd`
// (plain `session.jsonl` with `compression: 'none'`). The first line is the session header
// (`{"type":"session","id":…}`); every model step reports its usage twice, as an
// `assistant/chunk` whose chunk is `{type:"usage"}` and again on the step's `assistant/message`.
// A step is counted once: the message's usage (it names the model), or the chunk's when the
// message carried none (an interrupted step). Usage fields: inputTokens (cache misses only),
// cacheReadTokens, cacheWriteTokens (billed as misses), outputTokens, reasoningTokens; `time`
// (ms) on the message is when the step finished.
import { count, isObject, type TokenSplit } from '../tokens';
import type { LineResult } from '../types';
import { type Around, IGNORED, servedBy, usageResult } from './common';

export function isDshEvent(o: Record<string, unknown>): boolean {
  return typeof o.type === 'string' && (o.type === 'session' ? typeof o.id === 'string' && 'version' in o : o.type.includes('/') && isObject(o.data));
}

function dshTokens(u: unknown): TokenSplit | undefined {
  if (!isObject(u)) return undefined;
  const input = count(u.inputTokens);
  const output = count(u.outputTokens);
  const read = count(u.cacheReadTokens);
  const write = count(u.cacheWriteTokens);
  if (input === undefined && output === undefined && read === undefined) return undefined;
  return {
    cacheHitTokens: read ?? 0,
    cacheMissTokens: (input ?? 0) + (write ?? 0),
    outputTokens: output ?? 0,
    reasoningTokens: Math.min(count(u.reasoningTokens) ?? 0, output ?? 0),
    hasCacheSplit: read !== undefined,
  };
}

/** Per-file state: the session id from the header, and the usage chunks of steps not yet finished. */
export class DshSessionState {
  private session = '';
  private readonly pending = new Map<string, { tokens: TokenSplit; time?: number }>();
  private lastModel: { provider?: unknown; model?: unknown } = {};

  event(o: Record<string, unknown>, around: Around): LineResult {
    if (o.type === 'session') {
      this.session = String(o.id);
      this.pending.clear();
      return IGNORED;
    }
    const data = o.data as Record<string, unknown>;
    const step = `${String(data.turn ?? '')}:${String(data.step ?? '')}`;
    if (o.type === 'assistant/chunk') {
      const chunk = data.chunk;
      if (isObject(chunk) && chunk.type === 'usage') {
        const tokens = dshTokens(chunk.usage);
        if (tokens) this.pending.set(step, { tokens, time: typeof o.time === 'number' ? o.time : undefined });
      }
      return IGNORED;
    }
    if (o.type === 'assistant/message') {
      const message = isObject(data.message) ? data.message : {};
      const source = isObject(message.source) ? message.source : {};
      if (source.model !== undefined) this.lastModel = { provider: source.provider, model: source.model };
      const tokens = dshTokens(data.usage) ?? this.pending.get(step)?.tokens;
      this.pending.delete(step);
      if (!tokens) return IGNORED;
      return this.record(step, tokens, typeof o.time === 'number' ? o.time : around.at, source.provider, source.model, around);
    }
    if (o.type === 'step/end' || o.type === 'turn/end') {
      // A step whose message never came (cancelled mid-stream) is still billed by its usage chunk.
      for (const [key, p] of this.pending) {
        if (o.type === 'step/end' && key !== step) continue;
        this.pending.delete(key);
        return this.record(key, p.tokens, p.time ?? (typeof o.time === 'number' ? o.time : around.at), this.lastModel.provider, this.lastModel.model, around);
      }
    }
    return IGNORED;
  }

  private record(step: string, tokens: TokenSplit, at: number | undefined, provider: unknown, model: unknown, around: Around): LineResult {
    const served = servedBy(around.env, { written: model, api: 'openai', label: provider });
    return usageResult(`dsh:${this.session}:${step}`, 'dsh-session', served, tokens, at, around);
  }
}
