// Who served a logged request, from the evidence the log line carries, so that only DeepSeek's own
// traffic gets DeepSeek's prices. The strongest evidence wins: a URL the source names, a router
// prefix or a router's provider label, the shape of the response id, DeepSeek-only usage fields;
// only then the user's Claude Code settings. A DeepSeek model name with no evidence against it is
// DeepSeek's (that is what the name means); a Claude name with no evidence for DeepSeek is not.
import {
  type Catalog, type Provider, findModel, modelForAnthropicName, providerById, providerForLabel, providerForResponseId, providerForUrl, splitModelString,
} from '../../catalog';
import { UNATTRIBUTED } from './types';

export interface ServingEvidence {
  /** The model as the log wrote it. */
  written: unknown;
  /** The wire format: on the Anthropic format a Claude name may be DeepSeek's mapping of it. */
  api: 'openai' | 'anthropic';
  /** Response, message and request ids the line carries. */
  ids?: unknown[];
  /** A URL or host the source names for the upstream (a base URL, an upstream field). */
  url?: unknown;
  /** A router's own name for the provider (claude-code-router's `provider`, DeepSeek Harness's `source.provider`). */
  label?: unknown;
  /** The usage carried DeepSeek's own field names (`prompt_cache_hit_tokens`): only DeepSeek's API writes them. */
  deepseekUsageFields?: boolean;
  /** When it was served (the Anthropic endpoint's mapping of Claude names is dated); default now. */
  at?: number;
  /** The provider the ids point to, when the caller already looked (see idEvidence); '' for none. */
  idProvider?: string;
}

export interface Served {
  provider: string;
  model: string;
}

export interface AttributionEnv {
  catalog: Catalog;
  /** `ANTHROPIC_BASE_URL` from the user's Claude Code settings, if it names one. */
  anthropicBaseUrl?: string;
}

const DEEPSEEK_ANTHROPIC = 'deepseek-anthropic';

export function attribute(env: AttributionEnv, e: ServingEvidence): Served {
  const { catalog } = env;
  const written = typeof e.written === 'string' && e.written.length > 0 ? e.written : 'unknown';
  const split = splitModelString(written, catalog);
  const provider =
    (typeof e.url === 'string' ? providerForUrl(catalog, e.url) : undefined) ??
    (split.prefixProvider && split.prefixProvider.kind !== 'router' ? split.prefixProvider : undefined) ??
    (typeof e.label === 'string' ? servingLabel(catalog, e.label) : undefined) ??
    anthropicSafe(e.api, e.idProvider !== undefined ? (e.idProvider ? providerById(catalog, e.idProvider) : undefined) : idEvidence(catalog, e.ids)) ??
    (e.deepseekUsageFields ? deepSeek(catalog) : undefined);
  const claude = isClaudeName(catalog, split.id);
  if (provider) {
    if (provider.kind !== 'deepseek') return { provider: provider.id, model: split.id };
    return servedByDeepSeek(catalog, e.api, written, split.id, claude, e.at);
  }
  if (e.api === 'anthropic' && claude) {
    const settings = env.anthropicBaseUrl ? providerForUrl(catalog, env.anthropicBaseUrl) : undefined;
    return settings?.kind === 'deepseek' ? servedByDeepSeek(catalog, e.api, written, split.id, claude, e.at) : { provider: UNATTRIBUTED, model: split.id };
  }
  // Any other name with no evidence: read as DeepSeek's (an unknown one stays unpriced as an unknown model).
  return { provider: deepSeek(catalog)?.id ?? 'deepseek', model: split.id };
}

function servedByDeepSeek(catalog: Catalog, api: 'openai' | 'anthropic', written: string, id: string, claude: boolean, at: number | undefined): Served {
  if (api === 'anthropic' && claude) {
    // A name the endpoint rejects at that date comes back as written: unpriced, never priced as Flash.
    return { provider: providerById(catalog, DEEPSEEK_ANTHROPIC) ? DEEPSEEK_ANTHROPIC : deepSeek(catalog)?.id ?? 'deepseek', model: modelForAnthropicName(catalog, written, new Date(at ?? Date.now())) };
  }
  return { provider: deepSeek(catalog)?.id ?? 'deepseek', model: id };
}

/** A router label names a provider only when it is not itself a router (LiteLLM forwards elsewhere). */
function servingLabel(catalog: Catalog, label: string): Provider | undefined {
  const p = providerForLabel(catalog, label);
  return p && p.kind !== 'router' ? p : undefined;
}

/**
 * The id shapes DeepSeek is known by are those of its OpenAI-format and Responses APIs; what its
 * Anthropic endpoint answers with is not documented, so there an id never argues for DeepSeek
 * (it may still argue against it: Anthropic's own `msg_01…`).
 */
function anthropicSafe(api: 'openai' | 'anthropic', p: Provider | undefined): Provider | undefined {
  return api === 'anthropic' && p?.kind === 'deepseek' ? undefined : p;
}

/** The provider the first recognisable id points to. */
export function idEvidence(catalog: Catalog, ids: unknown[] | undefined): Provider | undefined {
  for (const id of ids ?? []) {
    if (typeof id !== 'string' || id.length === 0) continue;
    const p = providerForResponseId(catalog, id);
    if (p) return p;
  }
  return undefined;
}

function deepSeek(catalog: Catalog): Provider | undefined {
  return catalog.providers.find((p) => p.kind === 'deepseek');
}

/** A name DeepSeek's Anthropic endpoint maps (the catalog's Claude patterns), as opposed to one of its own. */
function isClaudeName(catalog: Catalog, id: string): boolean {
  if (findModel(catalog, id)) return false;
  let patterns = claudePatterns.get(catalog);
  if (!patterns) claudePatterns.set(catalog, (patterns = catalog.anthropicModelMaps.flatMap((m) => m.rules).map((r) => globRegExp(r.pattern))));
  return patterns.some((re) => re.test(id));
}

const claudePatterns = new WeakMap<Catalog, RegExp[]>();

function globRegExp(pattern: string): RegExp {
  return new RegExp('^' + pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*') + '$', 'i');
}
