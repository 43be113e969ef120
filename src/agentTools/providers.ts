// Which provider a tool question is about. The catalog describes DeepSeek's official API; other
// providers resolve here once the catalog lists them.
export interface ProviderChoice {
  id: string;
  name: string;
}

export const DEFAULT_PROVIDER: ProviderChoice = { id: 'deepseek', name: "DeepSeek's official API" };

const ALIASES = new Set(['deepseek', 'deepseek-api', 'api.deepseek.com', 'official']);

export function resolveProvider(requested: string | undefined): ProviderChoice | { error: string } {
  if (requested === undefined || ALIASES.has(requested.trim().toLowerCase())) return DEFAULT_PROVIDER;
  return { error: `Unknown provider "${requested}". The catalog knows: deepseek (DeepSeek's official API).` };
}
