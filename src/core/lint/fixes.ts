// The edits behind the model-ID quick fixes, shared by the language server and `lint --fix` so the
// editor and the CLI always make the same change. A fix moves to a catalog replacement as it stands
// at the time of the check (a replacement that is itself legacy is followed to the current model),
// and where the old ID did not think (`deepseek-chat`) it also turns thinking off in the call.
import type { Catalog } from '../../catalog/schema';
import { findModel, modelStatusAt, splitRouterPrefix } from '../../catalog/resolve';
import type { ThinkingPlan, TextEdit } from '../scan/thinking';
import type { ModelIdFinding } from './modelIdFindings';
import * as l10n from '@vscode/l10n';

export type { TextEdit } from '../scan/thinking';

/**
 * The only text a fix ever writes into a string literal: a DeepSeek model ID. Anything else in a
 * catalog override (quotes, spaces, code) never reaches a file.
 */
export const MODEL_ID_PATTERN = /^[a-z0-9](?:[a-z0-9.-]{0,62}[a-z0-9])?$/;

export interface ModelIdFix {
  /** The catalog ID the fix moves to. */
  id: string;
  title: string;
  preferred: boolean;
  /** Offsets into the text the finding was computed on; never overlapping. */
  edits: TextEdit[];
  /** What the fix does about thinking, where the old ID's behaviour needs it. */
  thinking?: 'turned-off' | 'already-set' | 'not-recognised' | 'default';
}

export interface ThinkingSource {
  thinkingPlan(offset: number): ThinkingPlan | undefined;
}

const MAX_CHAIN = 8;

/** The model a replacement leads to at `at`: itself when current, else its own first replacement, and so on. */
export function currentTarget(catalog: Catalog, id: string, at: Date, provider: string): string | undefined {
  const seen = new Set<string>();
  let current = id;
  for (let step = 0; step < MAX_CHAIN; step++) {
    if (seen.has(current)) return undefined;
    seen.add(current);
    const status = modelStatusAt(catalog, current, at, provider);
    if (status.kind !== 'known') return undefined;
    const next = status.event.status === 'current' ? undefined : status.event.replacements?.[0]?.id;
    if (!next) return current;
    current = next;
  }
  return undefined;
}

/** Whether `id` may be written into a file: a catalog model of the provider, spelled as a model ID. */
export function isWritableModelId(catalog: Catalog, id: string, provider: string): boolean {
  return MODEL_ID_PATTERN.test(id) && !!findModel(catalog, id, provider);
}

const THINKING_OFF = '{"thinking": {"type": "disabled"}}';

/**
 * A fix as chosen from the catalog alone: what the ID becomes, and whether the call's thinking has
 * to be turned off too. The language server sends these with each diagnostic and looks at the
 * call's thinking only when a code action asks (that look costs tree lookups per finding).
 */
export interface FixChoice {
  id: string;
  preferred: boolean;
  /** The edit of the ID itself. */
  idEdit: TextEdit;
  thinking?: 'disable' | 'default';
  catalogTitle?: string;
}

/** The targets of one finding's fixes, preferred first, without looking at the call. */
export function fixChoices(finding: ModelIdFinding, text: string, catalog: Catalog, at: Date): FixChoice[] {
  // The literal must still hold the ID as written (an escaped spelling is left to the user).
  if (text.slice(finding.start, finding.end) !== finding.written) return [];
  const { prefix, id: writtenId } = splitRouterPrefix(finding.written);
  const targets: { id: string; thinking?: 'disable' | 'default'; catalogTitle?: string }[] = [];
  const add = (t: (typeof targets)[number]) => {
    if (!targets.some((x) => x.id === t.id)) targets.push(t);
  };
  for (const r of finding.replacements) {
    const final = currentTarget(catalog, r.id, at, finding.provider);
    if (final && final !== r.id) add({ id: final, thinking: r.thinking });
    // The catalog's own replacement stays on offer: users ask for deepseek-v4-flash by name.
    add({ id: r.id, thinking: r.thinking, catalogTitle: r.title });
  }
  const choices: FixChoice[] = [];
  for (const t of targets) {
    // Checked here too, whatever the catalog's validation did: this is where text is written.
    if (!isWritableModelId(catalog, t.id, finding.provider) || t.id === writtenId) continue;
    choices.push({ id: t.id, preferred: choices.length === 0, idEdit: { start: finding.start, end: finding.end, newText: prefix + t.id }, thinking: t.thinking, catalogTitle: t.catalogTitle });
  }
  return choices;
}

/**
 * fixChoices for many findings at one time: findings of the same ID on the same provider move to
 * the same targets, so the catalog is asked once per such pair (a file often repeats its ID).
 */
export function fixChooser(catalog: Catalog, at: Date): (finding: ModelIdFinding, text: string) => FixChoice[] {
  const byId = new Map<string, FixChoice[]>();
  return (finding, text) => {
    if (text.slice(finding.start, finding.end) !== finding.written) return [];
    const key = `${finding.provider}\0${finding.written}\0${finding.replacements.map((r) => `${r.id}:${r.thinking ?? ''}:${r.title}`).join('\0')}`;
    let template = byId.get(key);
    if (!template) {
      template = fixChoices(finding, text, catalog, at);
      byId.set(key, template);
    }
    return template.map((c) => ({ ...c, idEdit: { start: finding.start, end: finding.end, newText: c.idEdit.newText } }));
  };
}

/** A chosen fix made whole with the call's thinking plan (asked for only when the choice needs one). */
export function completeFix(choice: FixChoice, plan: ThinkingPlan | undefined): ModelIdFix {
  const edits: TextEdit[] = [choice.idEdit];
  let title: string;
  let thinking: ModelIdFix['thinking'];
  const { id } = choice;
  if (choice.thinking === 'disable') {
    if (plan?.present) {
      title = l10n.t('Use {0} (this call already sets thinking)', id);
      thinking = 'already-set';
    } else if (plan) {
      title = l10n.t('Use {0} and turn thinking off: {1}', id, plan.parameter);
      thinking = 'turned-off';
      edits.push(plan.edit);
    } else {
      title = l10n.t('Use {0} (thinking stays on: add {1} to the request)', id, THINKING_OFF);
      thinking = 'not-recognised';
    }
  } else if (choice.thinking === 'default') {
    title = l10n.t('Use {0} (thinking is the V4 default)', id);
    thinking = 'default';
  } else {
    title = choice.catalogTitle ?? l10n.t('Use {0}', id);
  }
  return { id, title, preferred: choice.preferred, edits: edits.sort((a, b) => a.start - b.start), thinking };
}

/** The fixes for one finding, preferred first. `text` is the document the finding was computed on. */
export function fixesForFinding(finding: ModelIdFinding, text: string, catalog: Catalog, at: Date, source: ThinkingSource): ModelIdFix[] {
  let plan: ThinkingPlan | undefined | null = null;
  const planOnce = () => (plan === null ? (plan = source.thinkingPlan(finding.start)) : plan);
  return fixChoices(finding, text, catalog, at).map((c) => completeFix(c, c.thinking === 'disable' ? planOnce() : undefined));
}

function overlaps(a: TextEdit, b: TextEdit): boolean {
  return (a.start < b.end && b.start < a.end) || a.start === b.start;
}

/** The preferred fix of each finding, as one edit list: a fix that would collide with an earlier one is left out. */
export function preferredEdits(fixesPerFinding: readonly (readonly ModelIdFix[])[]): TextEdit[] {
  const out: TextEdit[] = [];
  for (const fixes of fixesPerFinding) {
    const preferred = fixes.find((f) => f.preferred);
    if (!preferred || preferred.edits.some((e) => out.some((o) => overlaps(e, o)))) continue;
    out.push(...preferred.edits);
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Applies non-overlapping edits given as offsets into `text`. */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start || b.end - a.end)) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}
