// Turns model-ID literals into findings: what is wrong with the ID at a given time, how severe,
// and the replacement text in preference order. The server and the CLI both render these, so the
// editor and CI always agree.
import type { Catalog, LifecycleStatus } from '../../catalog/schema';
import { modelStatusAt, splitRouterPrefix } from '../../catalog/resolve';
import { isDeepSeekProvider } from '../../catalog/providers';
import { type ModelIdLiteral, type ModelIdRole, SENT_ROLES } from '../scan/types';
import { resolveEndpoint } from './endpoint';
import { isTestOrFixturePath } from './testPaths';
import { currentTarget } from './fixes';
import { shortMessage } from './findingText';
import { prose } from '../catalogProse';

/** How a finding of one lifecycle status is shown; the settings schema (src/shared) is built on this list. */
export const SEVERITY_CHOICES = ['error', 'warning', 'information', 'hint', 'off'] as const;
export type SeverityChoice = (typeof SEVERITY_CHOICES)[number];

export type FindingSeverity = Exclude<SeverityChoice, 'off'>;

export interface FindingReplacement {
  /** The catalog ID it moves to. */
  id: string;
  /** The new literal content: the ID with the original router prefix kept. */
  text: string;
  title: string;
  preferred: boolean;
  /** How thinking must be set for the replacement to behave like the old ID (from the catalog). */
  thinking?: 'disable' | 'default';
}

export interface ModelIdFinding {
  /** Offsets of the ID text as written (inside the quotes), so a fix keeps the quote style. */
  start: number;
  end: number;
  written: string;
  modelId: string;
  status: LifecycleStatus;
  severity: FindingSeverity;
  code: FindingCode;
  /** One short sentence: the ID, what happened, what to use (see findingText.ts). */
  message: string;
  replacements: FindingReplacement[];
  sourceUrl?: string;
  /** The provider the ID is sent to (always one whose verdicts are DeepSeek's: others get no finding). */
  provider: string;
  /** Why the ID counts (`request`, `config`, `default`, `command`, `value`). */
  role: ModelIdRole;
  /** What the provider was decided from. */
  providerEvidence: string;
}

export type FindingCode = 'retired-model' | 'deprecated-model' | 'legacy-model-name';

const codeForStatus: Record<Exclude<LifecycleStatus, 'current'>, FindingCode> = {
  retired: 'retired-model',
  deprecated: 'deprecated-model',
  legacy: 'legacy-model-name',
};

export type SeverityByStatus = Record<Exclude<LifecycleStatus, 'current'>, SeverityChoice>;

/** Every ID the catalog knows, for the scanner's candidate test. */
export function catalogIdSet(catalog: Catalog): Set<string> {
  return new Set(catalog.models.map((m) => m.id));
}

const predicates = new WeakMap<Catalog, (id: string) => boolean>();

/**
 * The scanner's "is this word a model ID" test for a catalog, one function per catalog: the scanner
 * caches its answers per function, so the same function lets an edit re-check only what changed.
 */
export function modelIdPredicate(catalog: Catalog): (id: string) => boolean {
  let predicate = predicates.get(catalog);
  if (!predicate) {
    const ids = catalogIdSet(catalog);
    predicate = (id) => ids.has(id);
    predicates.set(catalog, predicate);
  }
  return predicate;
}

export interface FindingContext {
  /** The file's path (relative or absolute, any separator): tests and fixtures get a milder severity. */
  path?: string;
}

const MILDER: Record<FindingSeverity, FindingSeverity> = { error: 'information', warning: 'information', information: 'information', hint: 'hint' };

export function modelIdFindings(literals: readonly ModelIdLiteral[], catalog: Catalog, at: Date, severity: SeverityByStatus, context: FindingContext = {}): ModelIdFinding[] {
  const findings: ModelIdFinding[] = [];
  const inTests = context.path !== undefined && isTestOrFixturePath(context.path);
  // A file repeats its IDs: one catalog lookup per (provider, ID) at this time.
  const statuses = new Map<string, ReturnType<typeof modelStatusAt>>();
  for (const lit of literals) {
    const role = lit.role ?? 'value';
    // Compared, looked up, asserted or recorded: never sent, so no verdict.
    if (!SENT_ROLES.has(role)) continue;
    const endpoint = resolveEndpoint(catalog, lit.written, lit.endpoint);
    // Another provider's name for its own model: DeepSeek's dates do not apply (the hover says so).
    if (!isDeepSeekProvider(catalog, endpoint.provider)) continue;
    const statusKey = `${endpoint.provider}\0${lit.written}`;
    let status = statuses.get(statusKey);
    if (!status) {
      status = modelStatusAt(catalog, lit.written, at, endpoint.provider);
      statuses.set(statusKey, status);
    }
    if (status.kind !== 'known' || status.event.status === 'current') continue;
    const lifecycle = status.event.status;
    let chosen = severity[lifecycle];
    if (chosen === 'off') continue;
    // A test or fixture that only holds the name is marked, never hidden; one that really calls
    // the API keeps its severity.
    if (inTests && role !== 'request') chosen = MILDER[chosen];
    const { prefix } = splitRouterPrefix(lit.written);
    const replacements = (status.event.replacements ?? []).map((r, i) => ({
      id: r.id,
      text: prefix + r.id,
      title: prose(r, 'title') ?? r.title,
      preferred: i === 0,
      thinking: r.thinking,
    }));
    const target = replacements[0] ? currentTarget(catalog, replacements[0].id, at, endpoint.provider) : undefined;
    findings.push({
      start: lit.contentStart,
      end: lit.contentEnd,
      written: lit.written,
      modelId: status.id,
      status: lifecycle,
      severity: chosen,
      code: codeForStatus[lifecycle],
      message: shortMessage({ written: lit.written, status: lifecycle, since: status.event.from, next: status.next, use: target ? prefix + target : undefined }),
      replacements,
      sourceUrl: catalog.sources[status.event.source]?.url,
      provider: endpoint.provider,
      role,
      providerEvidence: endpoint.evidence,
    });
  }
  return findings;
}
