// Which provider a piece of evidence points to. Only DeepSeek's own API gets DeepSeek's verdicts
// and prices; every answer here comes from the catalog's `providers` data, so a user can add or
// correct a provider in their overrides without a new release.
import type { Catalog, Provider } from './schema';

/** The id of DeepSeek's own API in the shipped catalog. */
export const DEEPSEEK_PROVIDER = 'deepseek';

export function providerById(catalog: Catalog, id: string): Provider | undefined {
  return catalog.providers.find((p) => p.id === id);
}

/** Whether requests to this provider are judged and priced by DeepSeek's own dates and prices. */
export function isDeepSeekProvider(catalog: Catalog, id: string): boolean {
  return providerById(catalog, id)?.kind === 'deepseek';
}

/** Host and optional port of a URL-like string (`https://api.x.com/v1`, `localhost:11434`, `//h`). */
export function hostOf(text: string): { host: string; port?: string } | undefined {
  const m = /^(?:[a-z][a-z0-9+.-]*:)?\/\/([^/?#\s]+)/i.exec(text.trim()) ?? /^([a-z0-9.-]+\.[a-z]{2,}|localhost|\d+\.\d+\.\d+\.\d+)(:\d+)?(?:[/?#]|$)/i.exec(text.trim());
  if (!m) return undefined;
  let authority = m[1] + (m[2] ?? '');
  const at = authority.lastIndexOf('@');
  if (at >= 0) authority = authority.slice(at + 1);
  const portMatch = /:(\d+)$/.exec(authority);
  const host = (portMatch ? authority.slice(0, portMatch.index) : authority).toLowerCase();
  return host ? { host, port: portMatch?.[1] } : undefined;
}

function hostMatches(pattern: string, host: string, port: string | undefined): boolean {
  const p = pattern.toLowerCase();
  if (p.startsWith('*:')) return port === p.slice(2);
  const [pHost, pPort] = p.split(':');
  if (pPort !== undefined && pPort !== port) return false;
  if (pHost.startsWith('*.')) return host.endsWith(pHost.slice(1));
  return host === pHost;
}

/** The provider whose API a URL points at, if the catalog knows the host. */
export function providerForUrl(catalog: Catalog, url: string): Provider | undefined {
  const h = hostOf(url);
  if (!h) return undefined;
  return catalog.providers.find((p) => p.hosts?.some((pattern) => hostMatches(pattern, h.host, h.port)));
}

export function providerForClient(catalog: Catalog, name: string): Provider | undefined {
  return catalog.providers.find((p) => p.clients?.includes(name));
}

export function providerForPackage(catalog: Catalog, moduleName: string): Provider | undefined {
  return catalog.providers.find((p) => p.packages?.some((pkg) => moduleName === pkg || moduleName.startsWith(pkg + '/') || moduleName.startsWith(pkg + '.')));
}

export function providerForEnvVar(catalog: Catalog, name: string): Provider | undefined {
  return catalog.providers.find((p) => p.envVars?.includes(name));
}

/** A config key that belongs to one provider (`spring.ai.ollama.chat.model`, `OPENROUTER_MODEL`). */
export function providerForConfigKey(catalog: Catalog, key: string): Provider | undefined {
  const lower = key.toLowerCase();
  return catalog.providers.find((p) => p.configKeys?.some((k) => lower.startsWith(k.toLowerCase())));
}

export function providerForStringModelCall(catalog: Catalog, callee: string): Provider | undefined {
  return catalog.providers.find((p) => p.stringModelCalls?.includes(callee));
}

export interface SplitModel {
  /** Everything before the ID as written (`openrouter/deepseek/`, `deepseek:`), or ''. */
  prefix: string;
  /** The ID itself (the last segment). */
  id: string;
  /** The provider the first segment names when read as a router's prefix, if the catalog knows it. */
  prefixProvider?: Provider;
}

/**
 * Splits a model string into its router prefix and the ID (`deepseek/deepseek-chat`,
 * `ollama_chat/deepseek-coder`, `deepseek:deepseek-reasoner`). Without a catalog only the prefix
 * is split off; with one, the longest known prefix names the provider.
 */
export function splitModelString(written: string, catalog?: Catalog): SplitModel {
  const cut = Math.max(written.lastIndexOf('/'), written.lastIndexOf(':'));
  if (cut < 0) return { prefix: '', id: written };
  const prefix = written.slice(0, cut + 1);
  const id = written.slice(cut + 1);
  if (!catalog) return { prefix, id };
  let best: { provider: Provider; length: number } | undefined;
  for (const p of catalog.providers) {
    for (const mp of p.modelPrefixes ?? []) {
      if (prefix.startsWith(mp) && (!best || mp.length > best.length)) best = { provider: p, length: mp.length };
    }
  }
  return { prefix, id, prefixProvider: best?.provider };
}
