// The catalog's shape, validated with zod both for the shipped data and for user overrides from
// settings, so a typo in a user's override is reported instead of silently mispricing requests.
import { z } from 'zod';

const isoInstant = z
  .string()
  .refine((s) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(s) && !Number.isNaN(Date.parse(s)), {
    message: 'must be an ISO 8601 instant with a zone, e.g. 2026-09-10T04:00:00Z',
  });
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-10-01');
const clock = z.string().regex(/^([01]\d|2[0-4]):[0-5]\d$/, 'must be a time like 09:00');
const perMillion = z.number().nonnegative().finite();

/**
 * What a model ID may look like. Replacement IDs are written into users' code by quick fixes, so
 * they must be safe inside a string literal of every language served: no quotes, backslashes,
 * `$`, braces, backticks or whitespace.
 */
export const MODEL_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;
const modelId = z
  .string()
  .regex(MODEL_ID_PATTERN, 'must be a model ID: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 100 characters');

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
});

export const lifecycleEventSchema = z.object({
  from: isoInstant,
  status: lifecycleStatusSchema,
  source: z.string().min(1),
  message: z.string().optional(),
  replacements: z.array(replacementSchema).optional(),
});

export const modelSchema = z.object({
  id: modelId,
  displayName: z.string().min(1),
  /** Key into the price periods; models without one are never priced. */
  priceFamily: z.string().min(1).optional(),
  thinkingDefault: z.boolean().optional(),
  aliasOf: z.string().optional(),
  contextTokens: z.number().int().positive().optional(),
  maxOutputTokens: z.number().int().positive().optional(),
  lifecycle: z.array(lifecycleEventSchema).min(1),
});

export const rateSchema = z.object({ cacheHit: perMillion, cacheMiss: perMillion, output: perMillion });

export const currencySchema = z.enum(['USD', 'CNY']);

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

export const holidayCalendarSchema = z.object({ source: z.string().min(1), dates: z.array(isoDate) });

export const anthropicModelMapSchema = z.object({
  source: z.string().min(1),
  rules: z.array(z.object({ pattern: z.string().min(1), model: z.string().min(1) })),
  fallback: z.string().min(1),
});

export const catalogSchema = z
  .object({
    catalogDate: isoDate,
    sources: table(sourceSchema),
    models: z.array(modelSchema),
    anthropicModelMap: anthropicModelMapSchema,
    peakRules: table(peakRuleSchema),
    holidayCalendars: table(holidayCalendarSchema),
    pricePeriods: z.array(pricePeriodSchema),
  })
  .superRefine((cat, ctx) => {
    // Every reference must resolve, or a row would silently lose its source or its peak hours.
    const refSource = (key: string, path: (string | number)[]) => {
      if (!hasEntry(cat.sources, key)) ctx.addIssue({ code: 'custom', path, message: `unknown source "${key}"` });
    };
    cat.models.forEach((m, i) => {
      for (const [j, e] of m.lifecycle.entries()) refSource(e.source, ['models', i, 'lifecycle', j, 'source']);
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
    refSource(cat.anthropicModelMap.source, ['anthropicModelMap', 'source']);
    const ids = new Set<string>();
    cat.models.forEach((m, i) => {
      if (ids.has(m.id)) ctx.addIssue({ code: 'custom', path: ['models', i, 'id'], message: `duplicate model id "${m.id}"` });
      ids.add(m.id);
    });
  });

/** What a user may put in `deepseekCost.catalogOverrides`: every part optional, merged over the shipped catalog. */
export const catalogOverrideSchema = z
  .object({
    sources: table(sourceSchema).optional(),
    models: z.array(modelSchema).optional(),
    pricePeriods: z.array(pricePeriodSchema).optional(),
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
