// The tailer reports per expanded path; the user thinks in the entries they wrote (one
// `${workspaceFolder}` entry can expand to a path per folder), so states are regrouped under those.
import type { LogSourceState } from '../core/usage/types';
import type { WorkerSourceConfig } from './workerProtocol';

export function regroupSources(sources: readonly WorkerSourceConfig[], states: readonly LogSourceState[]): LogSourceState[] {
  const byPath = new Map(states.map((s) => [s.pattern, s]));
  return sources.map((source) => {
    const parts = source.paths.map((p) => byPath.get(p)).filter((s): s is LogSourceState => !!s);
    const files = parts.flatMap((p) => p.files);
    const error = parts.find((p) => p.state === 'error');
    if (parts.some((p) => p.state === 'ok')) return { pattern: source.pattern, files, state: 'ok' };
    if (error) return { pattern: source.pattern, files, state: 'error', message: error.message };
    return { pattern: source.pattern, files, state: 'no-match', message: parts[0]?.message };
  });
}
