// What one call costs: the messages whose text the file knows, rendered the way DeepSeek-V4
// encodes a conversation, priced for the call's provider and model at the price in force now, plus
// the output it may produce. The single computation behind the CodeLens, the prompt hover and
// `deepseek-cost estimate`'s `calls`.
import type { Catalog, Currency } from '../../catalog/schema';
import { costOf, findModel, priceAt } from '../../catalog/resolve';
import { DEEPSEEK_PROVIDER, isDeepSeekProvider } from '../../catalog/providers';
import { resolveEndpoint } from '../lint/endpoint';
import type { CallSite, MessageRole } from '../scan/calls';
import { templateTokens } from './chatTemplate';

export interface CallMessageEstimate {
  role: MessageRole;
  tokens: number;
  unknownParts: number;
  /** The constants its text came through, in order. */
  constants: string[];
  /** The first characters of its known text (for the breakdown; escaped where shown). */
  preview: string;
}

export interface CallCurrencyCost {
  currency: Currency;
  /** Input (messages + template) per call, all cache miss / all cache hit. */
  miss: number;
  hit: number;
  /** Output at its bound (max_tokens, else the model's maximum output); undefined when no bound is known. */
  maxOutput?: number;
  peak: boolean;
  hasPeakHours: boolean;
  nextChange?: string;
  holiday: boolean;
  /** Per 1M tokens at this instant. */
  rates: { cacheHit: number; cacheMiss: number; output: number };
}

export interface CallEstimate {
  provider: string;
  /** Whether the call goes to DeepSeek's own API (only those get a lens). */
  deepseek: boolean;
  model: string;
  modelSource: 'argument' | 'constant' | 'default';
  /** A model given by a name this file does not define, and whether it is imported. */
  modelUnresolved?: { name: string; imported: boolean };
  modelKnown: boolean;
  thinking: boolean;
  /** The known message contents only. */
  inputTokens: number;
  /** What the chat template adds around them. */
  templateTokens: number;
  /** Parts of messages, and whole messages, known only at run time. */
  unknownParts: number;
  maxTokens: number | null;
  /** The output bound priced: max_tokens, else the model's maximum output. */
  outputBound: number | null;
  outputBoundSource: 'max-tokens' | 'model-maximum' | 'none';
  messages: CallMessageEstimate[];
  importedNames: string[];
  /** Per currency, in the order asked; undefined where the currency has no published price. */
  costs: Partial<Record<Currency, CallCurrencyCost>>;
  currencies: Currency[];
  at: string;
}

export interface CallEstimateOptions {
  catalog: Catalog;
  at: Date;
  defaultModel: string;
  currencies: Currency[];
  /** The tokenizer for this model (the bundled one, or the user's file once loaded). */
  count: (text: string, model: string) => number;
}

export function estimateCall(call: CallSite, o: CallEstimateOptions): CallEstimate {
  const model = call.model?.written ?? o.defaultModel;
  const provider = resolveEndpoint(o.catalog, model, call.endpoint).provider ?? DEEPSEEK_PROVIDER;
  const entry = findModel(o.catalog, model, provider);
  const thinking = call.thinking ?? entry?.thinkingDefault ?? false;
  const count = (text: string) => o.count(text, model);
  const messages = call.messages.map((m) => ({
    role: m.role,
    tokens: m.text ? count(m.text) : 0,
    unknownParts: m.unknownParts,
    constants: [...new Set(m.sources.map((s) => s.constant).filter((c): c is string => !!c))],
    preview: m.text.slice(0, 80),
  }));
  const inputTokens = messages.reduce((n, m) => n + m.tokens, 0);
  const template = templateTokens(call.messages, { thinking, reasoningEffortMax: call.reasoningEffortMax }, count);
  const unknownParts = call.unknownMessages + call.messages.reduce((n, m) => n + m.unknownParts, 0);
  const modelMaximum = entry?.maxOutputTokens;
  const outputBound = call.maxTokens ?? modelMaximum ?? null;
  const costs: CallEstimate['costs'] = {};
  for (const currency of o.currencies) {
    const p = priceAt(o.catalog, model, o.at, currency, provider);
    if (p.kind === 'unpriced') continue;
    const input = inputTokens + template;
    costs[currency] = {
      currency,
      miss: costOf(p.rates, { cacheHitTokens: 0, cacheMissTokens: input, outputTokens: 0 }),
      hit: costOf(p.rates, { cacheHitTokens: input, cacheMissTokens: 0, outputTokens: 0 }),
      maxOutput: outputBound !== null ? costOf(p.rates, { cacheHitTokens: 0, cacheMissTokens: 0, outputTokens: outputBound }) : undefined,
      peak: p.peak,
      hasPeakHours: p.hasPeakHours,
      nextChange: p.nextChange?.toISOString(),
      holiday: p.holiday,
      rates: { cacheHit: p.rates.cacheHit, cacheMiss: p.rates.cacheMiss, output: p.rates.output },
    };
  }
  return {
    provider,
    deepseek: isDeepSeekProvider(o.catalog, provider),
    model,
    modelSource: call.model?.via ?? 'default',
    ...(call.modelUnresolved ? { modelUnresolved: call.modelUnresolved } : {}),
    modelKnown: !!entry,
    thinking,
    inputTokens,
    templateTokens: template,
    unknownParts,
    maxTokens: call.maxTokens ?? null,
    outputBound,
    outputBoundSource: call.maxTokens !== undefined ? 'max-tokens' : modelMaximum !== undefined ? 'model-maximum' : 'none',
    messages,
    importedNames: call.importedNames,
    costs,
    currencies: o.currencies,
    at: o.at.toISOString(),
  };
}

/** The three prices of one currency as `estimate --format json` prints them, or null when unpriced. */
export function jsonCost(e: CallEstimate, currency: Currency): { miss: number; hit: number; maxOutput: number | null } | null {
  const c = e.costs[currency];
  return c ? { miss: c.miss, hit: c.hit, maxOutput: c.maxOutput ?? null } : null;
}
