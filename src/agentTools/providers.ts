// Which provider a checkModelId question is about: the one asked for (by id, name or API URL), else
// the one a router prefix names (`openrouter/deepseek/deepseek-chat`), else DeepSeek's own API.
// Every answer comes from the catalog's providers, so a user's override adds providers here too.
import { DEEPSEEK_PROVIDER, providerById, providerForUrl, splitModelString } from '../catalog/providers';
import type { Catalog, Provider } from '../catalog/schema';

export function resolveProvider(catalog: Catalog, requested: string | undefined, written: string): Provider | { error: string } {
  if (requested !== undefined) {
    const wanted = requested.trim().toLowerCase();
    const found =
      catalog.providers.find((p) => p.id === wanted || p.name.toLowerCase() === wanted) ??
      providerForUrl(catalog, requested.includes('//') || requested.includes('.') || requested.includes(':') ? requested : '');
    if (found) return found;
    return { error: `Unknown provider "${requested}". The catalog knows: ${catalog.providers.map((p) => `${p.id} (${p.name})`).join(', ')}. An API URL such as https://api.deepseek.com also works.` };
  }
  const { prefixProvider } = splitModelString(written, catalog);
  return prefixProvider ?? providerById(catalog, DEEPSEEK_PROVIDER) ?? catalog.providers.find((p) => p.kind === 'deepseek')!;
}
