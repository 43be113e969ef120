// The catalog's shape, validated with zod both for the shipped data and for user overrides from
// settings, so a typo in a user's override is reported instead of silently mispricing requests.
// A namespace import, so the bundles keep only the parts of zod in use (not its locale tables).
import * as z from 'zod';

const isoInstant = z
  .string()
  .refine((s) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(s) && !Number.isNaN(Date.parse(s)), {
    message: 'must be an ISO 8601 instant with a zone, e.g. 2026-09-10T04:00:00Z',
  });
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-10-01');
const clock = z.string().regex(/^([01]\d|2[0-4]):[0-5]\d$/, 'must be a time like 09:00');
const perMillion = z.number().nonnegative().finite();

/**
 * What a model ID may look like, DeepSeek's and other providers' (`deepseek-v4-flash`,
 * `deepseek/deepseek-chat`, `deepseek-ai/DeepSeek-V3`, `us.deepseek.r1-v1:0`, `deepseek-r1:7b`).
 * Replacement IDs are written into users' code by quick fixes, so they must be safe inside a string
 * literal of every language served: no quotes, backslashes, `$`, `#`, braces, backticks or
 * whitespace, and no `:` or `/` at the end.
 */
export const MODEL_ID_PATTERN = /^[A-Za-z0-9](?:[A-Za-z0-9._:/-]{0,198}[A-Za-z0-9._-])?$/;
const modelId = z
  .string()
  .regex(MODEL_ID_PATTERN, 'must be a model ID: letters, digits and ".", "_", "-", ":", "/" inside, starting with a letter or digit, at most 200 characters');

/**
 * A name → value table. Parsed into a null-prototype object, so a reference such as `"toString"`
 * or `"constructor"` finds nothing instead of an inherited property.
 */
function table<T extends z.ZodType>(value: T) {
  return z.record(z.string(), value).transform((r) => Object.assign(Object.create(null) as Record<string, z.output<T>>, r));
}

/** Whether a table has its own entry of that name (never an inherited one). */
export function hasEntry(record: Record<string, unknown>, key: string): boolean {
  return Object.hasOwn(record, key);
}

export const currencySchema = z.enum(['USD', 'CNY']);

/** The locales catalog prose may be translated into (English is the field itself). */
export const PROSE_LOCALES = ['zh-cn'] as const;

/**
 * Translations of an entry's prose, by locale: `"l10n": {"zh-cn": {"message": "…"}}`. The English
 * stays in the fields themselves, so an override written with plain English strings keeps working
 * (and reads in English in every locale); only the named fields may be translated.
 */
function proseTranslations<const F extends readonly [string, ...string[]]>(fields: F) {
  return z.partialRecord(z.enum(PROSE_LOCALES), z.partialRecord(z.enum(fields), z.string().min(1)).refine((o) => Object.keys(o).length > 0, 'a translation needs at least one field')).optional();
}

export const sourceSchema = z.object({
  title: z.string().min(1),
  url: z.string().min(1),
  date: isoDate,
  reported: z.boolean().optional(),
});

export const lifecycleStatusSchema = z.enum(['current', 'legacy', 'deprecated', 'retired']);

export const replacementSchema = z.object({
  id: modelId,
  title: z.string().min(1),
  /** How thinking must be set for the replacement to behave like the old ID. */
  thinking: z.enum(['disable', 'default']).optional(),
  /** What the user must know to migrate faithfully (shown with the diagnostic). */
  note: z.string().optional(),
  l10n: proseTranslations(['title', 'note']),
});

export const lifecycleEventSchema = z.object({
  from: isoInstant,
  status: lifecycleStatusSchema,
  source: z.string().min(1),
  message: z.string().optional(),
  replacements: z.array(replacementSchema).optional(),
  l10n: proseTranslations(['message']),
});

/**
 * Who serves a request. DeepSeek's own API is the only provider whose lifecycle dates and prices
 * the shipped catalog holds; other hosts reuse DeepSeek-looking names for their own catalogues, and
 * routers (LiteLLM, promptfoo) name the provider with a prefix on the model string. The evidence
 * lists are what a source file, a config file or a log can show about the endpoint.
 */
export const providerSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and dashes'),
  name: z.string().min(1),
  kind: z.enum(['deepseek', 'other', 'router']),
  source: z.string().min(1),
  /** Hosts of its API (`api.deepseek.com`), `*.` for any subdomain, `*:11434` for any host on that port. */
  hosts: z.array(z.string().min(1)).optional(),
  /** Environment variable names that configure a client for it (names only: values are never read). */
  envVars: z.array(z.string().min(1)).optional(),
  /** Class and factory names that build a client for it (`ChatDeepSeek`, `createOpenRouter`). */
  clients: z.array(z.string().min(1)).optional(),
  /** Packages and modules whose import means this provider (`@ai-sdk/deepseek`, `langchain_ollama`). */
  packages: z.array(z.string().min(1)).optional(),
  /** Prefixes a router's model string uses to name it (`deepseek/`, `ollama_chat/`, `deepseek:`). */
  modelPrefixes: z.array(z.string().min(1)).optional(),
  /** Config keys that belong to it, as key prefixes (`spring.ai.deepseek.`, `OPENROUTER_`). */
  configKeys: z.array(z.string().min(1)).optional(),
  /** Calls that send a plain model string to this provider (the AI SDK's `streamText({ model: 'deepseek/…' })`). */
  stringModelCalls: z.array(z.string().min(1)).optional(),
  /**
   * Shapes of the response and message ids its API answers with, as regular expressions over the
   * whole id: a log line that names no host still shows who served it.
   */
  responseIds: z.array(z.string().min(1).refine(isRegExp, 'must be a valid regular expression')).optional(),
  /** Labels a router's own log uses for it (claude-code-router's `provider` column, DeepSeek Harness's `source.provider`). */
  labels: z.array(z.string().min(1)).optional(),
  note: z.string().optional(),
});

function isRegExp(s: string): boolean {
  try {
    new RegExp(s);
    return true;
  } catch {
    return false;
  }
}
/**
 * Which model version serves an ID from a date on (`deepseek-flash` → DeepSeek-V4.1-Flash-1017 since
 * 2026-10-17), and which tokenizer that version uses: a count made with another tokenizer is an
 * approximation of what DeepSeek bills, and the hover says so.
 */
export const modelVersionSchema = z.object({
  from: isoInstant,
  version: z.string().min(1),
  /** Key into `tokenizers`; absent when no source says which tokenizer the version uses. */
  tokenizer: z.string().min(1).optional(),
  source: z.string().min(1),
  note: z.string().optional(),
  l10n: proseTranslations(['note']),
});

/** A tokenizer a model version uses: the bundled one, or one known only from its name and sources. */
export const tokenizerEntrySchema = z.object({
  name: z.string().min(1),
  /** True for the tokenizer shipped with the product (its counts are exact for versions that use it). */
  bundled: z.boolean().optional(),
  source: z.string().min(1),
  note: z.string().optional(),
});

export const modelSchema = z.object({
  id: modelId,
  /** The provider that serves this ID under these dates and prices (DeepSeek's API when absent). */
  provider: z.string().min(1).optional(),
  displayName: z.string().min(1),
  /** Key into the price periods; models without one are never priced. */
  priceFamily: z.string().min(1).optional(),
  thinkingDefault: z.boolean().optional(),
  aliasOf: z.string().optional(),
  contextTokens: z.number().int().positive().optional(),
  maxOutputTokens: z.number().int().positive().optional(),
  lifecycle: z.array(lifecycleEventSchema).min(1),
  versions: z.array(modelVersionSchema).optional(),
});

export const rateSchema = z.object({ cacheHit: perMillion, cacheMiss: perMillion, output: perMillion });


export const pricePeriodSchema = z.object({
  from: isoInstant,
  family: z.string().min(1),
  currency: currencySchema,
  offPeak: rateSchema,
  peakMultiplier: z.number().positive().optional(),
  peakRule: z.string().optional(),
  source: z.string().min(1),
  reported: z.boolean().optional(),
  note: z.string().optional(),
});

export const peakRuleSchema = z.object({
  source: z.string().min(1),
  /** Offset of the zone the windows and holiday dates are written in (Beijing: +480). */
  utcOffsetMinutes: z.number().int().min(-840).max(840),
  weekdays: z.array(z.number().int().min(0).max(6)),
  windows: z.array(z.object({ start: clock, end: clock })),
  holidayCalendar: z.string().optional(),
});

export const holidayCalendarSchema = z.object({
  source: z.string().min(1),
  dates: z.array(isoDate),
  /**
   * Years whose whole list is published: a time in another year is priced by the weekday rule alone
   * and marked as an assumption. Absent means the years the dates fall in.
   */
  years: z.array(z.number().int().min(1970).max(9999)).optional(),
});

/**
 * How DeepSeek's Anthropic endpoint maps a non-DeepSeek model name, from a date on. Either unknown
 * names go to a fallback model, or they are rejected with an HTTP status (400 since the rewrite).
 */
export const anthropicModelMapSchema = z
  .object({
    from: isoInstant,
    source: z.string().min(1),
    rules: z.array(z.object({ pattern: z.string().min(1), model: z.string().min(1) })),
    fallback: z.string().min(1).optional(),
    rejectStatus: z.number().int().min(400).max(599).optional(),
    note: z.string().optional(),
  })
  .refine((m) => (m.fallback === undefined) !== (m.rejectStatus === undefined), { message: 'give exactly one of fallback and rejectStatus' });

/**
 * A price that is not per token: DeepSeek's Search/Fetch, OCR, TTS and ASR endpoints, and the
 * search and fetch calls a model makes as built-in tools. `price` is per `per` units.
 */
export const toolPricePeriodSchema = z.object({
  item: z.enum(['search', 'fetch', 'ocr', 'tts', 'asr']),
  from: isoInstant,
  currency: currencySchema,
  unit: z.enum(['call', 'page', 'character', 'audio-second']),
  per: z.number().positive(),
  price: z.number().nonnegative().finite(),
  /** Calls the model makes as tools are free before this instant (search and fetch, until 2026-10-31 16:00 UTC). */
  freeAsModelToolUntil: isoInstant.optional(),
  source: z.string().min(1),
  reported: z.boolean().optional(),
  note: z.string().optional(),
});

/**
 * Sources that disagree, kept as data so a hover can say so: what is claimed, by whom, when it
 * matters (models and a time range), the rule the product applies and why.
 */
export const conflictSchema = z.object({
  id: z.string().min(1),
  models: z.array(z.string().min(1)).optional(),
  from: isoInstant.optional(),
  until: isoInstant.optional(),
  summary: z.string().min(1),
  rule: z.string().min(1),
  sources: z.array(z.string().min(1)).min(1),
  l10n: proseTranslations(['summary', 'rule']),
});

export const catalogSchema = z
  .object({
    catalogDate: isoDate,
    sources: table(sourceSchema),
    models: z.array(modelSchema),
    /** Dated: the mapping in force at a request's time applies. */
    anthropicModelMaps: z.array(anthropicModelMapSchema).min(1),
    providers: z.array(providerSchema).min(1),
    peakRules: table(peakRuleSchema),
    holidayCalendars: table(holidayCalendarSchema),
    pricePeriods: z.array(pricePeriodSchema),
    toolPricePeriods: z.array(toolPricePeriodSchema).default([]),
    tokenizers: table(tokenizerEntrySchema).default(() => Object.create(null)),
    conflicts: z.array(conflictSchema).default([]),
  })
  .superRefine((cat, ctx) => {
    // Every reference must resolve, or a row would silently lose its source or its peak hours.
    const refSource = (key: string, path: (string | number)[]) => {
      if (!hasEntry(cat.sources, key)) ctx.addIssue({ code: 'custom', path, message: `unknown source "${key}"` });
    };
    cat.models.forEach((m, i) => {
      for (const [j, e] of m.lifecycle.entries()) refSource(e.source, ['models', i, 'lifecycle', j, 'source']);
      for (const [j, v] of (m.versions ?? []).entries()) {
        refSource(v.source, ['models', i, 'versions', j, 'source']);
        if (v.tokenizer && !hasEntry(cat.tokenizers, v.tokenizer)) ctx.addIssue({ code: 'custom', path: ['models', i, 'versions', j, 'tokenizer'], message: `unknown tokenizer "${v.tokenizer}"` });
      }
    });
    for (const [name, t] of Object.entries(cat.tokenizers)) refSource(t.source, ['tokenizers', name, 'source']);
    cat.toolPricePeriods.forEach((p, i) => {
      refSource(p.source, ['toolPricePeriods', i, 'source']);
    });
    cat.conflicts.forEach((c, i) => {
      for (const [j, s] of c.sources.entries()) refSource(s, ['conflicts', i, 'sources', j]);
    });
    cat.pricePeriods.forEach((p, i) => {
      refSource(p.source, ['pricePeriods', i, 'source']);
      if (p.peakRule && !hasEntry(cat.peakRules, p.peakRule)) {
        ctx.addIssue({ code: 'custom', path: ['pricePeriods', i, 'peakRule'], message: `unknown peak rule "${p.peakRule}"` });
      }
      if (p.peakRule && p.peakMultiplier === undefined) {
        ctx.addIssue({ code: 'custom', path: ['pricePeriods', i, 'peakMultiplier'], message: 'a period with a peak rule needs a peakMultiplier' });
      }
    });
    for (const [name, rule] of Object.entries(cat.peakRules)) {
      refSource(rule.source, ['peakRules', name, 'source']);
      if (rule.holidayCalendar && !hasEntry(cat.holidayCalendars, rule.holidayCalendar)) {
        ctx.addIssue({ code: 'custom', path: ['peakRules', name, 'holidayCalendar'], message: `unknown holiday calendar "${rule.holidayCalendar}"` });
      }
    }
    for (const [name, cal] of Object.entries(cat.holidayCalendars)) refSource(cal.source, ['holidayCalendars', name, 'source']);
    for (const [i, m] of cat.anthropicModelMaps.entries()) refSource(m.source, ['anthropicModelMaps', i, 'source']);
    const providerIds = new Set<string>();
    cat.providers.forEach((p, i) => {
      refSource(p.source, ['providers', i, 'source']);
      if (providerIds.has(p.id)) ctx.addIssue({ code: 'custom', path: ['providers', i, 'id'], message: `duplicate provider id "${p.id}"` });
      providerIds.add(p.id);
    });
    if (!cat.providers.some((p) => p.kind === 'deepseek')) ctx.addIssue({ code: 'custom', path: ['providers'], message: 'the catalog needs DeepSeek\'s own API as a provider (kind "deepseek")' });
    cat.models.forEach((m, i) => {
      if (m.provider && !providerIds.has(m.provider)) ctx.addIssue({ code: 'custom', path: ['models', i, 'provider'], message: `unknown provider "${m.provider}"` });
    });
    const ids = new Set<string>();
    cat.models.forEach((m, i) => {
      const key = `${m.provider ?? ''}|${m.id}`;
      if (ids.has(key)) ctx.addIssue({ code: 'custom', path: ['models', i, 'id'], message: `duplicate model id "${m.id}"` });
      ids.add(key);
    });
  });

/** What a user may put in `deepseekCost.catalogOverrides`: every part optional, merged over the shipped catalog. */
export const catalogOverrideSchema = z
  .object({
    sources: table(sourceSchema).optional(),
    models: z.array(modelSchema).optional(),
    providers: z.array(providerSchema).optional(),
    pricePeriods: z.array(pricePeriodSchema).optional(),
    toolPricePeriods: z.array(toolPricePeriodSchema).optional(),
    anthropicModelMaps: z.array(anthropicModelMapSchema).optional(),
    tokenizers: table(tokenizerEntrySchema).optional(),
    conflicts: z.array(conflictSchema).optional(),
    peakRules: table(peakRuleSchema).optional(),
    holidayCalendars: table(holidayCalendarSchema).optional(),
  })
  .strict();

export type Catalog = z.infer<typeof catalogSchema>;
export type CatalogOverride = z.infer<typeof catalogOverrideSchema>;
export type ModelEntry = z.infer<typeof modelSchema>;
export type LifecycleStatus = z.infer<typeof lifecycleStatusSchema>;
export type LifecycleEvent = z.infer<typeof lifecycleEventSchema>;
export type Replacement = z.infer<typeof replacementSchema>;
export type PricePeriod = z.infer<typeof pricePeriodSchema>;
export type Rates = z.infer<typeof rateSchema>;
export type Currency = z.infer<typeof currencySchema>;
export type PeakRule = z.infer<typeof peakRuleSchema>;
export type CatalogSource = z.infer<typeof sourceSchema>;
export type Provider = z.infer<typeof providerSchema>;
export type ModelVersion = z.infer<typeof modelVersionSchema>;
export type ToolPricePeriod = z.infer<typeof toolPricePeriodSchema>;
export type ToolItem = ToolPricePeriod['item'];
export type Conflict = z.infer<typeof conflictSchema>;
export type AnthropicModelMap = z.infer<typeof anthropicModelMapSchema>;
