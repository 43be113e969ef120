// The selection token count's own setting, validated like the others so the Settings UI and the
// code agree on its default.
import * as z from 'zod';

export const selectionSettingsSchema = z.object({
  'selectionTokens.statusBar': z.boolean().default(true),
});

/** Whether the status-bar entry is on; a value of the wrong type means the default. */
export function selectionStatusBarEnabled(raw: unknown): boolean {
  const parsed = selectionSettingsSchema.shape['selectionTokens.statusBar'].safeParse(raw);
  return parsed.success ? parsed.data : true;
}
