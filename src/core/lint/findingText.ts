// The words of a model-ID finding. The message is one short sentence that names the ID, what
// happened and the fix, so it stays readable inline (Error Lens) and in `lint` output. The hover
// says the rest: the exact instant, the replacement's note with how this file's language keeps
// thinking off, the prices and the dated source.
import type { LifecycleEvent, LifecycleStatus } from '../../catalog/schema';
import * as l10n from '@vscode/l10n';

/** `2026-07-24T15:59:00Z` → `2026-07-24`: the day is what a reader needs first; the hover has the minute. */
function day(iso: string): string {
  return new Date(iso).toISOString().slice(0, 10);
}

export interface ShortMessageInput {
  written: string;
  status: Exclude<LifecycleStatus, 'current'>;
  since: string;
  /** The next lifecycle event, for a deprecation's announced retirement date. */
  next?: LifecycleEvent;
  /** What to write instead (router prefix kept), already followed to the current model. */
  use?: string;
}

export function shortMessage({ written, status, since, next, use }: ShortMessageInput): string {
  // Whole sentences, one per case, so a translation can order them as its language needs.
  switch (status) {
    case 'retired':
      return use ? l10n.t('{0} was retired on {1} — use {2}', written, day(since), use) : l10n.t('{0} was retired on {1}', written, day(since));
    case 'deprecated':
      if (next?.status === 'retired') return use ? l10n.t('{0} will be retired on {1} — use {2}', written, day(next.from), use) : l10n.t('{0} will be retired on {1}', written, day(next.from));
      return use ? l10n.t('{0} is deprecated — use {1}', written, use) : l10n.t('{0} is deprecated', written);
    case 'legacy':
      return use ? l10n.t('{0} is a legacy name, still served — use {1}', written, use) : l10n.t('{0} is a legacy name, still served', written);
  }
}
