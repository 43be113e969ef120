// Settings of the session-spend tracker, validated key by key with zod: one bad value costs only that
// key (reported, default used), never the tracker. Read with dotted keys under `deepseekCost`.
import * as z from 'zod';
import { isValidTimeZone, machineTimeZone } from '../core/usage/time';
import { SETTINGS_SECTION } from './protocol';

/** A zone name the runtime knows; an unknown name would make every zone-less log time wrong. */
const ianaZone = z.string({ error: 'must be a time zone name' }).refine((zone) => zone === '' || isValidTimeZone(zone), {
  message: 'is not a time zone name this runtime knows (use an IANA name such as Europe/Berlin or Asia/Shanghai, or leave it empty for this machine\'s zone)',
});

const budget = z
  .number({ error: 'must be an amount (a number) or null for no budget' })
  .finite({ error: 'must be a finite amount' })
  .nonnegative({ error: 'must be 0 or more (or null for no budget)' })
  .nullable()
  .default(null);

export const spendSettingsSchema = z.object({
  /** Validated entry by entry in parseSpendSettings. */
  usageLogs: z.array(z.string()).default([]),
  /** Empty means the machine's own zone. */
  logTimezone: ianaZone.default(''),
  'budget.session': budget,
  'budget.daily': budget,
  currency: z.enum(['USD', 'CNY'], { error: 'must be "USD" or "CNY"' }).default('USD'),
  'session.resetAtMidnight': z.boolean({ error: 'must be true or false' }).default(false),
});

type RawSpendSettings = z.infer<typeof spendSettingsSchema>;

export interface SpendSettings {
  usageLogs: string[];
  /** Resolved: never empty. */
  logTimezone: string;
  budgetSession: number | null;
  budgetDaily: number | null;
  currency: 'USD' | 'CNY';
  resetAtMidnight: boolean;
}

export const SPEND_SETTINGS_SECTION = SETTINGS_SECTION;
export const spendSettingKeys = Object.keys(spendSettingsSchema.shape) as (keyof RawSpendSettings)[];

/** One bad entry drops only that entry: the user's other logs keep being tracked. */
function usageLogEntries(value: unknown, problems: string[]): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    problems.push(`${SPEND_SETTINGS_SECTION}.usageLogs must be a list of file paths or glob patterns; no log is read`);
    return [];
  }
  const entries: string[] = [];
  value.forEach((entry, i) => {
    if (typeof entry === 'string' && entry.trim()) entries.push(entry.trim());
    else problems.push(`${SPEND_SETTINGS_SECTION}.usageLogs entry ${i + 1} must be a non-empty path or glob pattern; skipped`);
  });
  return [...new Set(entries)];
}

/**
 * Validates the raw values (`get(key)` under `deepseekCost`), key by key. Returns usable settings
 * and one readable message per rejected key.
 */
export function parseSpendSettings(get: (key: string) => unknown, fallbackZone = machineTimeZone()): { settings: SpendSettings; problems: string[] } {
  const problems: string[] = [];
  const shape = spendSettingsSchema.shape;
  const out: Record<string, unknown> = {};
  for (const key of spendSettingKeys) {
    if (key === 'usageLogs') {
      out[key] = usageLogEntries(get(key), problems);
      continue;
    }
    const field = shape[key] as z.ZodType;
    const parsed = field.safeParse(get(key));
    if (parsed.success) {
      out[key] = parsed.data;
    } else {
      const detail = parsed.error.issues.map((i) => (i.path.length ? `entry ${i.path.join('.')}: ` : '') + i.message).join('; ');
      problems.push(`${SPEND_SETTINGS_SECTION}.${key} ${detail}; using the default`);
      out[key] = field.parse(undefined);
    }
  }
  const raw = out as RawSpendSettings;
  return {
    settings: {
      usageLogs: raw.usageLogs,
      logTimezone: raw.logTimezone || fallbackZone,
      budgetSession: raw['budget.session'],
      budgetDaily: raw['budget.daily'],
      currency: raw.currency,
      resetAtMidnight: raw['session.resetAtMidnight'],
    },
    problems,
  };
}
