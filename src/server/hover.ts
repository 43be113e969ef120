// Hover: a model ID shows its lifecycle and prices now; a prompt shows its exact DeepSeek token
// count and what it costs. Cancellation is checked after every await.
import type { CancellationToken, Hover, HoverParams } from 'vscode-languageserver';
import { findModel, modelVersionAt, splitRouterPrefix } from '../catalog/resolve';
import type { Catalog } from '../catalog/schema';
import { tokenizerBasis, type TokenizerBasis } from '../core/estimate/factNotes';
import { modelIdPredicate } from '../core/lint/modelIdFindings';
import { resolveEndpoint } from '../core/lint/endpoint';
import { currencyOrder, estimatePrompt } from '../core/estimate/promptEstimate';
import { promptNotes, renderModelHover, renderPromptHover } from '../core/estimate/renderHover';
import { estimateCall } from '../core/estimate/callEstimate';
import { renderPromptInCalls } from '../core/estimate/renderCall';
import { markdownText } from '../core/markdown';
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

  // A prompt some chat call in this file sends (directly or through constants): priced for each such call.
  const sending = parsed.callSites().filter((c) => c.messages.some((m) => m.sources.some((src) => src.start <= offset && offset <= src.end)));
  const prompt = parsed.promptAt(offset, { promptMinLength: s.promptMinLength });
  if (sending.length > 0) {
    const lit = parsed.literalAt(offset);
    const text = prompt?.text ?? lit?.value ?? '';
    const range = prompt ? { start: prompt.start, end: prompt.end } : lit ? { start: lit.start, end: lit.end } : undefined;
    if (range) {
      const count = (t: string, model: string) => countFor(t, model, catalog, at, s.tokenizers).tokens;
      const calls = sending.map((c) => ({
        estimate: estimateCall(c, { catalog, at, defaultModel: s.defaultModel, currencies, count }),
        line: document.positionAt(c.anchor).line + 1,
      }));
      const model = calls[0].estimate.model;
      const { tokens, basis } = countFor(text, model, catalog, at, s.tokenizers);
      if (token.isCancellationRequested) return null;
      const base = estimatePrompt(
        { text, placeholders: prompt?.placeholders ?? lit?.placeholders ?? 0, startsWithPlaceholder: prompt?.startsWithPlaceholder ?? false, isSystemOrFirstMessage: prompt?.isSystemOrFirstMessage ?? false, model: { written: model, via: 'argument', start: 0, end: 0 } },
        tokens,
        catalog,
        at,
        s.defaultModel,
        currencies,
        basis,
      );
      const notes = [...(base.modelStatusNote ? [`⚠️ ${markdownText(base.modelStatusNote)}`] : []), ...promptNotes(base)];
      return {
        contents: { kind: 'markdown', value: renderPromptInCalls({ tokens, calls, notes }) },
        range: { start: document.positionAt(range.start), end: document.positionAt(range.end) },
      };
    }
  }

  if (!prompt) return null;
  const { tokens, basis } = countFor(prompt.text, prompt.model?.written ?? s.defaultModel, catalog, at, s.tokenizers);
  if (token.isCancellationRequested) return null;
  const estimate = estimatePrompt(prompt, tokens, catalog, at, s.defaultModel, currencies, basis);
  return {
    contents: { kind: 'markdown', value: renderPromptHover(estimate, { constantName: constantNameAt(document.getText(), prompt.start) }) },
    range: { start: document.positionAt(prompt.start), end: document.positionAt(prompt.end) },
  };
}

/** The name a prompt is assigned to (`NAME = """…"""`, `const NAME = '…'`), when it is a definition. */
function constantNameAt(text: string, start: number): string | undefined {
  const before = text.slice(Math.max(0, start - 200), start);
  return /(?:^|[\s;])(?:(?:export\s+)?(?:const|let|var|static\s+final\s+String|final\s+String|String)\s+)?([\p{L}_$][\p{L}\p{N}_$]*)\s*(?::\s*[\w&'<> ]+)?\s*:?=\s*$/u.exec(before)?.[1];
}

/** Tokenizer files from deepseekCost.tokenizers, loaded in the background on first use and kept for the session. */
const userTokenizers = new UserTokenizers();

/**
 * Counts with the user's tokenizer.json for this model (by ID, serving version or tokenizer key)
 * once it has loaded; until then, or when it cannot be used, with the bundled tokenizer.
 */
export function countFor(text: string, model: string, catalog: Catalog, at: Date, files: Record<string, string>): { tokens: number; basis: TokenizerBasis } {
  const version = modelVersionAt(catalog, model, at);
  const configured = tokenizerFileFor(files, [splitRouterPrefix(model).id, version?.version, version?.tokenizer]);
  if (!configured) return { tokens: countTokens(text), basis: tokenizerBasis(catalog, model, at) };
  const state = userTokenizers.get(configured.file);
  const basis = tokenizerBasis(catalog, model, at, { key: configured.key, state: state.state, message: state.state === 'failed' ? state.message : undefined });
  return { tokens: state.state === 'ready' ? state.tokenizer.count(text) : countTokens(text), basis };
}
