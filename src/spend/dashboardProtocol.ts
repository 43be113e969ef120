// Messages between the dashboard panel (client/spend/dashboardPanel.ts) and its page script
// (src/webview/dashboard.ts). The page gets its words from the host, already translated.
import type { DashboardData, RangeChoice } from './dashboardData';

export interface DashboardStrings {
  rangeText: string;
  total: string;
  requests: string;
  cacheHitRate: string;
  savedByCache: string;
  peakShare: string;
  peakSaving: string;
  reasoningShare: string;
  monthToDate: string;
  projectionNoBudget: string;
  projectionUnder: string;
  projectionOver: string;
  chartLabel: string;
  chartEmpty: string;
  sortBy: string;
  unpriced: string;
  colDay: string;
  colModel: string;
  colRequests: string;
  colCost: string;
  colCacheHit: string;
  colInput: string;
  colOutput: string;
  colReasoning: string;
  colSaved: string;
  colPeak: string;
}

export type HostToPage = { type: 'data'; data: DashboardData; strings: DashboardStrings };

export type PageToHost =
  | { type: 'ready'; range?: RangeChoice }
  | { type: 'range'; range: RangeChoice }
  | { type: 'export'; format: 'csv' | 'json' };
