// Settings shared by the client and the language server, validated with one zod schema. An invalid
// value never breaks the extension: it is reported and the default is used for that key only.
import * as z from 'zod';
import { SEVERITY_CHOICES, type SeverityChoice } from '../core/lint/modelIdFindings';

export const severityChoice = z.enum(SEVERITY_CHOICES);
export type { SeverityChoice };

export const lintSettingsSchema = z.object({
  severity: z
    .object({
      retired: severityChoice.default('error'),
      deprecated: severityChoice.default('warning'),
      legacy: severityChoice.default('hint'),
    })
    .default({ retired: 'error', deprecated: 'warning', legacy: 'hint' }),
  /** Files larger than this are skipped with a note (a 10,000-line source file is about 0.4 MB). */
  maxFileSizeKB: z.number().int().min(1).max(1_048_576).default(2048),
  /**
   * Diagnostics shown per file; one more (information) says how many are not shown. A generated
   * file of thousands of IDs would otherwise cost seconds and hundreds of MB in the editor.
   */
  maxDiagnosticsPerFile: z.number().int().min(1).max(100_000).default(500),
  /** Any string literal at least this long counts as a prompt for the hover. */
  promptMinLength: z.number().int().min(1).max(1_000_000).default(200),
  defaultModel: z.string().min(1).default('deepseek-v4-flash'),
  currency: z.enum(['USD', 'CNY']).default('USD'),
  /** A CodeLens above each DeepSeek chat call with what one call costs. */
  'codeLens.enabled': z.boolean().default(true),
  /** Merged over the shipped catalog; validated by the catalog's own schema. */
  catalogOverrides: z.unknown().optional(),
  /**
   * Model ID, model version or catalog tokenizer key → a local tokenizer.json, for versions whose
   * tokenizer is not bundled (V4.1-Flash). Machine scope in the manifest: a workspace cannot point it at files.
   */
  tokenizers: z
    .record(
      z.string().min(1),
      z.string().min(1).refine((p) => p === '~' || /^(~[\\/]|\/|[A-Za-z]:[\\/]|\\\\)/.test(p), { message: 'must be an absolute path to a tokenizer.json (or start with ~/)' }),
    )
    .default({}),
});

function nestedValue(input: Record<string, unknown>, key: string): unknown {
  let v: unknown = input;
  for (const part of key.split('.')) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[part] : undefined;
  return v;
}

export type LintSettings = z.infer<typeof lintSettingsSchema>;

export const defaultLintSettings: LintSettings = lintSettingsSchema.parse({});

/**
 * Validates raw settings key by key, so one bad value costs only that key. Returns the usable
 * settings and a message per rejected key.
 */
export function parseLintSettings(raw: unknown): { settings: LintSettings; problems: string[] } {
  const problems: string[] = [];
  const input = raw && typeof raw === 'object' ? { ...(raw as Record<string, unknown>) } : {};
  const shape = lintSettingsSchema.shape;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(shape) as (keyof typeof shape)[]) {
    // `codeLens.enabled` arrives nested (`{ codeLens: { enabled } }`) from the editor's configuration.
    const value = key in input ? input[key] : nestedValue(input, key);
    const parsed = shape[key].safeParse(value);
    if (parsed.success) {
      if (parsed.data !== undefined) out[key] = parsed.data;
    } else {
      problems.push(`deepseekCost.${key}: ${parsed.error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ` : '') + i.message).join('; ')}; using the default`);
      const fallback = shape[key].safeParse(undefined).data;
      if (fallback !== undefined) out[key] = fallback;
    }
  }
  return { settings: out as LintSettings, problems };
}
