// Messages between the extension host (tokenCounter.ts) and the token worker (src/worker/tokenWorker.ts).
import type { Currency } from '../../catalog/schema';
import type { SelectionCost } from '../../core/estimate/selectionCost';

export interface TokenHostToWorker {
  id: number;
  text: string;
  model: string;
  currency: Currency;
  /** `deepseekCost.catalogOverrides`, unvalidated, so the price matches the hover's. */
  catalogOverrides?: unknown;
}

export type TokenWorkerToHost = { id: number; result: SelectionCost; error?: undefined } | { id: number; error: string; result?: undefined };
