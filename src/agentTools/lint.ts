// lintFile / lintWorkspace: the same findings as `deepseek-cost lint` (and the editor's
// diagnostics), as the same text lines, with what was skipped and why.
import { findingLine, lintPaths, lintSummary } from '../cli/lint';
import type { AgentToolContext, AgentToolResult } from './context';
import { capLines, utcMinute } from './text';

const MAX_FINDINGS_SHOWN = 200;

export async function lintForAgent(inputs: string[], ctx: AgentToolContext, at: Date): Promise<AgentToolResult> {
  const notes: string[] = [];
  const io = { cwd: ctx.root, unsaved: ctx.unsaved, stdout: () => {}, stderr: (s: string) => notes.push(s.replace(/^deepseek-cost: /, '').trimEnd()) };
  const { findings, scanned } = await lintPaths(inputs, io, { catalog: ctx.catalog, at, severity: ctx.settings.severity, maxFileSizeKB: ctx.settings.maxFileSizeKB });
  const lines = capLines(findings.map(findingLine), MAX_FINDINGS_SHOWN, 'findings');
  lines.push(`${lintSummary(findings, scanned)}, at ${utcMinute(at)} (catalog of ${ctx.catalog.catalogDate}).`);
  if (findings.length === 0 && scanned > 0) lines.push('No retired, deprecated or legacy DeepSeek model IDs found.');
  for (const n of notes) lines.push(`Note: ${n}`);
  // Nothing read at all (a missing path) is an error the agent should see as one.
  return { text: lines.join('\n'), isError: scanned === 0 && notes.length > 0 };
}
