// The words of a model-ID finding. The message is one short sentence that names the ID, what
// happened and the fix, so it stays readable inline (Error Lens) and in `lint` output; everything
// else (the catalog's prose, how to keep thinking off in this file's language, the source) goes in
// the details, which the editor shows as related information and the hover repeats.
import type { Catalog, LifecycleEvent, LifecycleStatus } from '../../catalog/schema';
import * as l10n from '@vscode/l10n';
import { thinkingOffAdvice } from '../scan/thinkingText';

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

/**
 * The details behind the short message, one sentence group each: the catalog's own words, the
 * replacement's note (with how this file's language turns thinking off, where that matters) and
 * the dated source.
 */
export function findingDetails(catalog: Catalog, event: LifecycleEvent, grammar: string | undefined): string[] {
  const out: string[] = [];
  if (event.message) out.push(event.message);
  const first = event.replacements?.[0];
  if (first?.note) {
    const advice = first.thinking === 'disable' ? thinkingOffAdvice(grammar) : undefined;
    out.push(advice ? `${first.note} ${advice}.` : first.note);
  }
  const source = catalog.sources[event.source];
  if (source) out.push(`Source: ${source.title}, ${source.date}.`);
  return out;
}
