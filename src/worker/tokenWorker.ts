// The token worker: a worker_threads entry (bundled as dist/tokenWorker.js) that counts the tokens of
// a selection with the real DeepSeek tokenizer and prices them, so a 10 MB selection never blocks the
// extension host. Requests carry an id; the host ignores answers to requests it has superseded.
import { parentPort } from 'node:worker_threads';
import { type Catalog, catalogWithOverrides } from '../catalog';
import { countTokens } from '../core/tokenizer';
import { selectionCost } from '../core/estimate/selectionCost';
import type { TokenHostToWorker, TokenWorkerToHost } from '../client/selection/tokenProtocol';

const port = parentPort;
if (!port) throw new Error('tokenWorker must run as a worker thread');

let cached: { key: string; catalog: Catalog } | undefined;

function catalogFor(overrides: unknown): Catalog {
  const key = JSON.stringify(overrides ?? null);
  // An invalid override is reported by the extension (once per change); here the shipped catalog stands in.
  if (cached?.key !== key) cached = { key, catalog: catalogWithOverrides(overrides).catalog };
  return cached.catalog;
}

port.on('message', (m: TokenHostToWorker) => {
  let answer: TokenWorkerToHost;
  try {
    const result = selectionCost(catalogFor(m.catalogOverrides), m.text, countTokens, m.model, m.currency, new Date());
    answer = { id: m.id, result };
  } catch (error) {
    answer = { id: m.id, error: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(answer);
});
