// Turns what a file says about a call's endpoint into a provider, with the catalog's provider data.
// Nearest evidence wins: the call itself, then the client it is made on, then the config block,
// then a router's model prefix, then the file as a whole. An endpoint nothing points to is
// DeepSeek's: a bare `deepseek-chat` only ever meant DeepSeek's API.
import type { Catalog, Provider } from '../../catalog/schema';
import {
  DEEPSEEK_PROVIDER, providerById, providerForClient, providerForConfigKey, providerForEnvVar, providerForPackage,
  providerForStringModelCall, providerForUrl, splitModelString,
} from '../../catalog/providers';
import type { EndpointFact } from '../scan/types';

export interface ResolvedEndpoint {
  provider: string;
  /** Why, in a few words a person can check (`base URL https://openrouter.ai/api/v1`). */
  evidence: string;
}

const SCOPES: EndpointFact['scope'][] = ['call', 'client', 'config'];
/** Within one scope the strongest kind wins: a URL says more than a class name. */
const KIND_ORDER: EndpointFact['kind'][] = ['url', 'string-model-call', 'client', 'provider-name', 'config-key', 'env', 'package'];

/**
 * Per catalog, what each fact names: every literal of a file carries the file's own URLs and
 * imports, so the same facts are asked about once per literal. A catalog is never changed in place.
 */
const factProviders = new WeakMap<Catalog, Map<string, Provider | null>>();

function providerForFact(catalog: Catalog, f: EndpointFact): Provider | undefined {
  let known = factProviders.get(catalog);
  if (!known) {
    known = new Map();
    factProviders.set(catalog, known);
  }
  // Only an environment variable's answer depends on the scope (file-wide or near the call).
  const key = `${f.kind}\0${f.kind === 'env' && f.scope === 'file' ? 'file' : ''}\0${f.text}`;
  let p = known.get(key);
  if (p === undefined) {
    p = providerForFactUncached(catalog, f) ?? null;
    if (known.size < 10_000) known.set(key, p);
  }
  return p ?? undefined;
}

function providerForFactUncached(catalog: Catalog, f: EndpointFact): Provider | undefined {
  switch (f.kind) {
    case 'url': return providerForUrl(catalog, f.text);
    case 'client': return providerForClient(catalog, f.text);
    // A file that merely names `OPENROUTER_MODEL` somewhere says little; near a call, the prefix counts.
    case 'env': return providerForEnvVar(catalog, f.text) ?? (f.scope === 'file' ? undefined : providerForConfigKey(catalog, f.text));
    case 'config-key': return providerForConfigKey(catalog, f.text.replace(/[_-]/g, '')) ?? providerForConfigKey(catalog, f.text);
    case 'string-model-call': return providerForStringModelCall(catalog, f.text);
    case 'package': return providerForPackage(catalog, f.text);
    case 'provider-name': {
      const name = f.text.toLowerCase().replace(/[\s_-]/g, '');
      return catalog.providers.find((p) =>
        p.id.replace(/-/g, '') === name || p.name.toLowerCase().replace(/[\s_-]/g, '') === name ||
        (p.modelPrefixes ?? []).some((mp) => mp.replace(/[/:_]/g, '').toLowerCase() === name));
    }
  }
}

function describe(f: EndpointFact, p: Provider): string {
  switch (f.kind) {
    case 'url': return `endpoint ${f.text}`;
    case 'client': return `client ${f.text}`;
    case 'env': return `environment variable ${f.text}`;
    case 'config-key': return `config key ${f.text}`;
    case 'string-model-call': return `a plain model string in ${f.text}(), which goes to ${p.name}`;
    case 'package': return `package ${f.text}`;
    case 'provider-name': return `provider ${f.text}`;
  }
}

function strongest(catalog: Catalog, facts: EndpointFact[]): { fact: EndpointFact; provider: Provider } | undefined {
  let best: { fact: EndpointFact; provider: Provider; rank: number } | undefined;
  for (const f of facts) {
    const provider = providerForFact(catalog, f);
    if (!provider) continue;
    const rank = KIND_ORDER.indexOf(f.kind);
    if (!best || rank < best.rank) best = { fact: f, provider, rank };
  }
  return best;
}

export function resolveEndpoint(catalog: Catalog, written: string, facts: readonly EndpointFact[] = []): ResolvedEndpoint {
  const prefix = splitModelString(written, catalog).prefixProvider;
  const viaPrefix = (): ResolvedEndpoint | undefined => (prefix ? { provider: prefix.id, evidence: `model prefix ${splitModelString(written).prefix}` } : undefined);
  for (const scope of SCOPES) {
    const found = strongest(catalog, facts.filter((f) => f.scope === scope));
    if (!found) continue;
    // A router (LiteLLM) sends where the model string's prefix says.
    if (found.provider.kind === 'router') return viaPrefix() ?? { provider: DEEPSEEK_PROVIDER, evidence: `${describe(found.fact, found.provider)}, no provider prefix` };
    return { provider: found.provider.id, evidence: describe(found.fact, found.provider) };
  }
  // `ollama/…` names its provider outright; `deepseek/…` is also OpenRouter's and Vercel's slug
  // shape, so the file's own endpoint goes first for it.
  if (prefix && prefix.kind !== 'deepseek') return viaPrefix()!;
  const fileProviders = new Map<string, { fact: EndpointFact; provider: Provider }>();
  for (const f of facts) {
    if (f.scope !== 'file') continue;
    const provider = providerForFact(catalog, f);
    if (provider && provider.kind !== 'router' && !fileProviders.has(provider.id)) fileProviders.set(provider.id, { fact: f, provider });
  }
  if (fileProviders.size === 1) {
    const [only] = fileProviders.values();
    return { provider: only.provider.id, evidence: `the file's only ${describe(only.fact, only.provider)}` };
  }
  if (prefix) return viaPrefix()!;
  const official = providerById(catalog, DEEPSEEK_PROVIDER) ?? catalog.providers.find((p) => p.kind === 'deepseek');
  return { provider: official?.id ?? DEEPSEEK_PROVIDER, evidence: fileProviders.size > 1 ? 'several endpoints in the file and none named for this call' : 'no other endpoint named' };
}
