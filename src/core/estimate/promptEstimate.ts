// What a prompt costs: the single computation behind the hover and `deepseek-cost estimate`.
import type { Catalog, Currency, Rates } from '../../catalog/schema';
import { costOf, findModel, modelStatusAt, priceAt, splitRouterPrefix } from '../../catalog/resolve';
import type { PromptLiteral } from '../scan/types';
import { factLimits, tokenizerBasis, type FactLimits, type TokenizerBasis } from './factNotes';

/** Both currencies, the user's choice first: the hover and `deepseek-cost estimate` show them in this order. */
export function currencyOrder(first: Currency): Currency[] {
  return first === 'USD' ? ['USD', 'CNY'] : ['CNY', 'USD'];
}

export interface CurrencyEstimate {
  currency: Currency;
  priced: boolean;
  /** Why it is not priced, in words, when it is not. */
  unpricedReason?: string;
  /** Input cost per call when the whole prompt misses / hits DeepSeek's cache. */
  inputMiss?: number;
  inputHit?: number;
  /** Worst-case output cost when the call sets max_tokens. */
  maxOutput?: number;
  /** Output cost at `outputBound` (max_tokens, else the model's maximum output). */
  boundOutput?: number;
  rates?: Rates;
  peak?: boolean;
  hasPeakHours?: boolean;
  nextChange?: string;
  holiday?: boolean;
  /** Date of the catalog row's source, so users see what a price rests on. */
  sourceDate?: string;
  reported?: boolean;
}

export interface PromptEstimate {
  tokens: number;
  characters: number;
  placeholders: number;
  model: string;
  modelSource: 'argument' | 'constant' | 'default';
  modelKnown: boolean;
  thinkingByDefault: boolean;
  maxTokens?: number;
  /** The output priced as the worst case: max_tokens, else the model's maximum output. */
  outputBound: number | null;
  outputBoundSource: 'max-tokens' | 'model-maximum' | 'none';
  at: string;
  currencies: CurrencyEstimate[];
  /** The prompt starts with a placeholder where the prefix cache needs stable leading text. */
  prefixCacheWarning: boolean;
  /** A note when the model ID itself is retired/deprecated at this time. */
  modelStatusNote?: string;
  /** Which tokenizer made `tokens`, and whether DeepSeek may bill a different count. */
  tokenizer: TokenizerBasis;
  /** Conflicting sources, assumptions (a year without a holiday calendar) and the catalog's age. */
  limits: FactLimits;
}

const unpricedWords = {
  'unknown-model': 'this model is not in the catalog',
  'no-price-family': 'the catalog has no price for this model',
  'before-first-period': 'no price period covers this time',
  'currency-unknown': 'DeepSeek has published no price in this currency for the period in force',
  'other-provider': "another provider serves this call and DeepSeek's prices do not apply (add that provider's prices in deepseekCost.catalogOverrides)",
} as const;

export function estimatePrompt(
  prompt: Pick<PromptLiteral, 'text' | 'placeholders' | 'startsWithPlaceholder' | 'isSystemOrFirstMessage' | 'model' | 'maxTokens'>,
  tokens: number,
  catalog: Catalog,
  at: Date,
  defaultModel: string,
  currencies: Currency[],
  /** How `tokens` was counted; the bundled tokenizer when absent. */
  basis?: TokenizerBasis,
): PromptEstimate {
  const model = prompt.model?.written ?? defaultModel;
  const entry = findModel(catalog, model);
  const status = modelStatusAt(catalog, model, at);
  const estimate: PromptEstimate = {
    tokens,
    characters: prompt.text.length,
    placeholders: prompt.placeholders,
    model,
    modelSource: prompt.model?.via ?? 'default',
    modelKnown: !!entry,
    thinkingByDefault: entry?.thinkingDefault ?? false,
    maxTokens: prompt.maxTokens,
    outputBound: prompt.maxTokens ?? entry?.maxOutputTokens ?? null,
    outputBoundSource: prompt.maxTokens !== undefined ? 'max-tokens' : entry?.maxOutputTokens !== undefined ? 'model-maximum' : 'none',
    at: at.toISOString(),
    currencies: currencies.map((c) => currencyEstimate(catalog, model, at, c, tokens, prompt.maxTokens, prompt.maxTokens ?? entry?.maxOutputTokens)),
    prefixCacheWarning: prompt.isSystemOrFirstMessage && prompt.startsWithPlaceholder,
    tokenizer: basis ?? tokenizerBasis(catalog, model, at),
    limits: factLimits(catalog, model, at),
  };
  if (status.kind === 'known' && (status.event.status === 'retired' || status.event.status === 'deprecated')) {
    estimate.modelStatusNote = status.event.message ?? `${splitRouterPrefix(model).id} is ${status.event.status}`;
  }
  return estimate;
}

function currencyEstimate(catalog: Catalog, model: string, at: Date, currency: Currency, tokens: number, maxTokens: number | undefined, bound: number | undefined): CurrencyEstimate {
  const answer = priceAt(catalog, model, at, currency);
  if (answer.kind === 'unpriced') return { currency, priced: false, unpricedReason: unpricedWords[answer.reason] };
  const source = catalog.sources[answer.period.source];
  return {
    currency,
    priced: true,
    inputMiss: costOf(answer.rates, { cacheHitTokens: 0, cacheMissTokens: tokens, outputTokens: 0 }),
    inputHit: costOf(answer.rates, { cacheHitTokens: tokens, cacheMissTokens: 0, outputTokens: 0 }),
    maxOutput: maxTokens !== undefined ? costOf(answer.rates, { cacheHitTokens: 0, cacheMissTokens: 0, outputTokens: maxTokens }) : undefined,
    boundOutput: bound !== undefined ? costOf(answer.rates, { cacheHitTokens: 0, cacheMissTokens: 0, outputTokens: bound }) : undefined,
    rates: answer.rates,
    peak: answer.peak,
    hasPeakHours: answer.hasPeakHours,
    nextChange: answer.nextChange?.toISOString(),
    holiday: answer.holiday,
    sourceDate: source?.date,
    reported: answer.period.reported ?? source?.reported ?? false,
  };
}
