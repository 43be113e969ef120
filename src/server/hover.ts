// Hover: a model ID shows its lifecycle and prices now; a prompt shows its exact DeepSeek token
// count and what it costs. Cancellation is checked after every await.
import type { CancellationToken, Hover, HoverParams } from 'vscode-languageserver';
import { findModel, modelVersionAt, splitRouterPrefix } from '../catalog/resolve';
import type { Catalog } from '../catalog/schema';
import { tokenizerBasis, type TokenizerBasis } from '../core/estimate/factNotes';
import { modelIdPredicate } from '../core/lint/modelIdFindings';
import { resolveEndpoint } from '../core/lint/endpoint';
import { currencyOrder, estimatePrompt } from '../core/estimate/promptEstimate';
import { renderModelHover, renderPromptHover } from '../core/estimate/renderHover';
import { UserTokenizers, countTokens, tokenizerFileFor } from '../core/tokenizer';
import { languageFor } from '../core/languages';
import type { DocumentStore } from './documentStore';
import type { ServerSettings } from './serverSettings';

export async function hover(params: HoverParams, store: DocumentStore, settings: ServerSettings, now: () => Date, token: CancellationToken): Promise<Hover | null> {
  const uri = params.textDocument.uri;
  const { settings: s, catalog, linkHosts } = await settings.for(uri);
  if (token.isCancellationRequested || store.skipReason(uri, s.maxFileSizeKB)) return null;
  const current = await store.parsed(uri);
  if (!current || token.isCancellationRequested) return null;
  const { parsed, document } = current;
  const offset = document.offsetAt(params.position);
  const at = now();
  const currencies = currencyOrder(s.currency);

  const literal = parsed.literalAt(offset);
  if (literal && findModel(catalog, literal.value)) {
    // The hover speaks for the provider the call goes to: DeepSeek's verdicts only for DeepSeek's API.
    const site = parsed.modelIdLiterals(modelIdPredicate(catalog)).find((l) => l.contentStart <= offset && offset <= l.contentEnd);
    const provider = site ? resolveEndpoint(catalog, site.written, site.endpoint).provider : undefined;
    const markdown = renderModelHover(catalog, literal.value, at, currencies, linkHosts, provider, languageFor(document.languageId, uri)?.grammar);
    if (markdown) {
      return { contents: { kind: 'markdown', value: markdown }, range: { start: document.positionAt(literal.start), end: document.positionAt(literal.end) } };
    }
  }

  const prompt = parsed.promptAt(offset, { promptMinLength: s.promptMinLength });
  if (!prompt) return null;
  const { tokens, basis } = countFor(prompt.text, prompt.model?.written ?? s.defaultModel, catalog, at, s.tokenizers);
  if (token.isCancellationRequested) return null;
  const estimate = estimatePrompt(prompt, tokens, catalog, at, s.defaultModel, currencies, basis);
  return {
    contents: { kind: 'markdown', value: renderPromptHover(estimate) },
    range: { start: document.positionAt(prompt.start), end: document.positionAt(prompt.end) },
  };
}

/** Tokenizer files from deepseekCost.tokenizers, loaded in the background on first use and kept for the session. */
const userTokenizers = new UserTokenizers();

/**
 * Counts with the user's tokenizer.json for this model (by ID, serving version or tokenizer key)
 * once it has loaded; until then, or when it cannot be used, with the bundled tokenizer.
 */
function countFor(text: string, model: string, catalog: Catalog, at: Date, files: Record<string, string>): { tokens: number; basis: TokenizerBasis } {
  const version = modelVersionAt(catalog, model, at);
  const configured = tokenizerFileFor(files, [splitRouterPrefix(model).id, version?.version, version?.tokenizer]);
  if (!configured) return { tokens: countTokens(text), basis: tokenizerBasis(catalog, model, at) };
  const state = userTokenizers.get(configured.file);
  const basis = tokenizerBasis(catalog, model, at, { key: configured.key, state: state.state, message: state.state === 'failed' ? state.message : undefined });
  return { tokens: state.state === 'ready' ? state.tokenizer.count(text) : countTokens(text), basis };
}
