// CodeLens: above each chat call that goes to DeepSeek's API, what one call costs (input the way
// DeepSeek-V4 renders the conversation, output up to its bound); a click shows the breakdown per
// message. Calls are found once per document version, when the editor first asks for lenses.
import type { CancellationToken, CodeLens, CodeLensParams } from 'vscode-languageserver';
import { estimateCall } from '../core/estimate/callEstimate';
import { currencyOrder } from '../core/estimate/promptEstimate';
import { breakdownItems, breakdownTitle, lensTitle } from '../core/estimate/renderCall';
import { COMMANDS, type CallBreakdown } from '../shared/protocol';
import type { DocumentStore } from './documentStore';
import { countFor } from './hover';
import type { ServerSettings } from './serverSettings';

export async function codeLenses(params: CodeLensParams, store: DocumentStore, settings: ServerSettings, now: () => Date, token: CancellationToken): Promise<CodeLens[]> {
  const uri = params.textDocument.uri;
  const { settings: s, catalog } = await settings.for(uri);
  if (!s['codeLens.enabled'] || token.isCancellationRequested || store.skipReason(uri, s.maxFileSizeKB)) return [];
  const current = await store.parsed(uri);
  if (!current || token.isCancellationRequested) return [];
  const { parsed, document } = current;
  const at = now();
  const currencies = currencyOrder(s.currency);
  const count = (text: string, model: string) => countFor(text, model, catalog, at, s.tokenizers).tokens;
  const lenses: CodeLens[] = [];
  for (const call of parsed.callSites()) {
    if (token.isCancellationRequested) return [];
    const estimate = estimateCall(call, { catalog, at, defaultModel: s.defaultModel, currencies, count });
    // Only calls to DeepSeek's own API: another provider's prices are not DeepSeek's.
    if (!estimate.deepseek) continue;
    const position = document.positionAt(call.anchor);
    const breakdown: CallBreakdown = { title: breakdownTitle(estimate, position.line + 1), items: breakdownItems(estimate) };
    lenses.push({
      range: { start: position, end: position },
      command: { title: lensTitle(estimate), command: COMMANDS.showCallBreakdown, arguments: [breakdown] },
    });
  }
  return lenses;
}
