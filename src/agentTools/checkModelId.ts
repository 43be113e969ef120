// checkModelId: the lifecycle of one model ID for a provider at a time, its replacements and why,
// and its price now, from the same catalog functions as the diagnostics and the model hover.
import type { Catalog, Currency } from '../catalog/schema';
import { modelStatusAt, priceAt, splitRouterPrefix } from '../catalog/resolve';
import { formatRate } from '../core/money';
import type { AgentToolInput } from './definitions';
import { resolveProvider } from './providers';
import { utcMinute } from './text';

const statusMeaning = {
  current: '',
  legacy: ' (an old name still served for a newer model)',
  deprecated: ' (still served, retirement announced)',
  retired: ' (requests with it fail)',
} as const;

export function checkModelId(input: AgentToolInput<'checkModelId'>, catalog: Catalog, at: Date, currencies: Currency[]): { text: string; isError: boolean } {
  const written = input.modelId.trim();
  const provider = resolveProvider(catalog, input.provider, written);
  if ('error' in provider) return { text: provider.error, isError: true };
  const status = modelStatusAt(catalog, written, at, provider.id);
  const head = `${written} on ${provider.name} at ${utcMinute(at)}`;
  const deepseek = catalog.providers.find((p) => p.kind === 'deepseek')!;
  const current = catalog.models.filter((m) => {
    const s = modelStatusAt(catalog, m.id, at, deepseek.id);
    return s.kind === 'known' && s.event.status === 'current' && s.model === m;
  });
  const currentList = current.map((m) => `${m.id}${m.thinkingDefault ? ' (thinks by default)' : m.thinkingDefault === false ? ' (non-thinking)' : ''}`).join(', ');

  if (status.kind === 'other-provider') {
    // DeepSeek's dates do not bind another host's catalogue; say what DeepSeek's API would say, as a hint.
    const onDeepSeek = modelStatusAt(catalog, written, at, deepseek.id);
    const hint = onDeepSeek.kind === 'known' ? ` On ${deepseek.name}, ${onDeepSeek.id} is ${onDeepSeek.event.status} (since ${utcMinute(onDeepSeek.since)}).` : '';
    const source = catalog.sources[provider.source];
    return {
      text: [
        `${head}: not judged. The catalog (dated ${catalog.catalogDate}) holds no lifecycle dates or prices for ${provider.name}; DeepSeek's retirements and prices apply only to ${deepseek.name}.${hint}`,
        ...(provider.note ? [provider.note] : []),
        ...(source ? [`Source: ${source.title}, ${source.date}: ${source.url}`] : []),
      ].join('\n'),
      isError: false,
    };
  }
  if (status.kind === 'unknown') {
    return {
      text: [
        `${head}: unknown. "${status.id}" is not a DeepSeek model ID in the catalog (dated ${catalog.catalogDate}); DeepSeek's API would reject it unless it is newer than the catalog.`,
        `Current IDs: ${currentList}.`,
      ].join('\n'),
      isError: false,
    };
  }
  if (status.kind === 'unreleased') {
    return { text: `${head}: not served yet; available from ${utcMinute(status.releasedAt)}.\nCurrent IDs: ${currentList}.`, isError: false };
  }

  const { event, model } = status;
  const next = status.next ? `; ${status.next.status} from ${utcMinute(status.next.from)}` : '';
  const lines = [`${head}: ${event.status.toUpperCase()} since ${utcMinute(status.since)}${statusMeaning[event.status]}${next}.`];
  if (event.message) lines.push(event.message);
  const { prefix } = splitRouterPrefix(written);
  const replacements = event.replacements ?? [];
  if (replacements.length > 0) {
    lines.push(`Replace with (in preference order): ${replacements.map((r) => `${prefix}${r.id} (${r.title})`).join('; ')}.`);
    for (const r of replacements) if (r.note) lines.push(`${r.id}: ${r.note}`);
  } else if (event.status !== 'current') {
    lines.push(`Current IDs: ${currentList}.`);
  }
  const source = catalog.sources[event.source];
  if (source) lines.push(`Source: ${source.title}, ${source.date}${source.reported ? ' (reported, not read on DeepSeek\'s page)' : ''}: ${source.url}`);
  // A retired ID is neither served nor priced any more: its mode and price would only be noise.
  if (event.status !== 'retired') {
    if (model.thinkingDefault !== undefined) lines.push(model.thinkingDefault ? 'Thinks by default: reasoning tokens are billed as output.' : 'Non-thinking.');
    lines.push(...priceLines(catalog, written, at, currencies, provider.id));
  }
  return { text: lines.join('\n'), isError: false };
}

/** The price in force, per 1M tokens, in each currency, with the source date of its period. */
export function priceLines(catalog: Catalog, written: string, at: Date, currencies: Currency[], provider: string): string[] {
  const lines: string[] = [];
  for (const currency of currencies) {
    const p = priceAt(catalog, written, at, currency, provider);
    if (p.kind === 'unpriced') {
      lines.push(`Price (${currency}): ${p.reason === 'currency-unknown' ? 'DeepSeek has published no price in this currency for the period in force' : 'not priced in the catalog'}.`);
      continue;
    }
    const r = p.rates;
    const when = p.hasPeakHours ? (p.peak ? 'peak price now' : p.holiday ? 'off-peak now (public holiday)' : 'off-peak now') : 'one price all day';
    const change = p.nextChange ? `; changes at ${utcMinute(p.nextChange)}` : '';
    const src = catalog.sources[p.period.source];
    lines.push(
      `Price (${currency} per 1M tokens, ${when}${change}): cache hit ${formatRate(r.cacheHit, currency)}, cache miss ${formatRate(r.cacheMiss, currency)}, output ${formatRate(r.output, currency)}. ` +
        `Period from ${utcMinute(p.period.from)}, source ${src ? `${src.title}, dated ${src.date}` : p.period.source}${p.period.reported || src?.reported ? ' (reported)' : ''}.`,
    );
  }
  return lines;
}
