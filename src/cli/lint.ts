// deepseek-cost lint: the server's model-ID diagnostics for files and directories, for CI.
import { parseArgs } from 'node:util';
import { modelIdFindings, modelIdPredicate, type SeverityByStatus } from '../core/lint/modelIdFindings';
import { unparsedNote } from '../core/lint/unparsedRegion';
import type { Catalog } from '../catalog';
import { defaultLintSettings } from '../shared/settings';
import { forEachSourceFile } from './sourceFiles';
import { toSarif } from './sarif';
import { type CliIO, parseTime, UsageError } from './io';
import { catalogForOption } from './overrides';

export interface LintFinding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  modelId: string;
  severity: 'error' | 'warning' | 'information' | 'hint';
  code: string;
  message: string;
  replacements: string[];
  /** The provider the ID is sent to (catalog provider id). */
  provider: string;
  /** Why the ID counts: request, config, default, command or value. */
  role: string;
  helpUri?: string;
}

export const LINT_USAGE = `usage: deepseek-cost lint [paths...] [--format text|json|sarif] [--at <ISO time>] [--catalog <override.json>] [--max-file-size <KB>]

Flags DeepSeek model IDs that are retired, deprecated or renamed at the given time (default: now).
Directories are walked honouring .gitignore. Exit code: 1 when any error or warning is found, 0 otherwise, 2 on bad usage.`;

export async function runLint(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'text' },
      at: { type: 'string' },
      catalog: { type: 'string' },
      'max-file-size': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout(LINT_USAGE + '\n');
    return 0;
  }
  const format = values.format;
  if (format !== 'text' && format !== 'json' && format !== 'sarif') throw new UsageError(`--format must be text, json or sarif, not "${format}"`);
  const at = values.at !== undefined ? parseTime(values.at, '--at') : new Date();
  const maxKB = values['max-file-size'] !== undefined ? Number(values['max-file-size']) : defaultLintSettings.maxFileSizeKB;
  if (!Number.isInteger(maxKB) || maxKB < 1) throw new UsageError('--max-file-size takes a whole number of KB');
  const catalog = await catalogForOption(values.catalog, io);
  const { findings, scanned } = await lintPaths(positionals.length ? positionals : ['.'], io, { catalog, at, severity: defaultLintSettings.severity, maxFileSizeKB: maxKB });

  if (format === 'json') {
    io.stdout(JSON.stringify({ findings: findings.map(({ helpUri: _h, ...rest }) => rest), filesScanned: scanned }, null, 2) + '\n');
  } else if (format === 'sarif') {
    io.stdout(JSON.stringify(toSarif(findings), null, 2) + '\n');
  } else {
    for (const f of findings) io.stdout(findingLine(f) + '\n');
    io.stdout(lintSummary(findings, scanned) + '\n');
  }
  return findings.some((f) => f.severity === 'error' || f.severity === 'warning') ? 1 : 0;
}

export interface LintOptions {
  catalog: Catalog;
  at: Date;
  severity: SeverityByStatus;
  maxFileSizeKB: number;
}

/** The findings for files and directories, as every surface reports them (CLI, agent tools, MCP). */
export async function lintPaths(inputs: string[], io: CliIO, options: LintOptions): Promise<{ findings: LintFinding[]; scanned: number }> {
  const isId = modelIdPredicate(options.catalog);
  const findings: LintFinding[] = [];
  const { scanned } = await forEachSourceFile(inputs, io, options.maxFileSizeKB, ({ rel, doc, lines }) => {
    for (const f of modelIdFindings(doc.modelIdLiterals(isId), options.catalog, options.at, options.severity, { path: rel })) {
      const start = lines.position(f.start);
      const end = lines.position(f.end);
      findings.push({
        file: rel,
        line: start.line,
        column: start.column,
        endLine: end.line,
        endColumn: end.column,
        modelId: f.written,
        severity: f.severity,
        code: f.code,
        message: f.message,
        replacements: f.replacements.map((r) => r.text),
        provider: f.provider,
        role: f.role,
        helpUri: f.sourceUrl,
      });
    }
    const note = unparsedNote(doc.text, doc.unreadableCandidates(isId));
    if (note) {
      const start = lines.position(note.start);
      const end = lines.position(note.end);
      findings.push({
        file: rel, line: start.line, column: start.column, endLine: end.line, endColumn: end.column,
        modelId: doc.text.slice(note.start, note.end), severity: 'information', code: 'unparsed-region', message: note.message,
        replacements: [], provider: '', role: '',
      });
    }
  });
  return { findings, scanned };
}

/** One finding as `lint --format text` prints it. */
export function findingLine(f: LintFinding): string {
  const fix = f.replacements.length ? ` (fix: ${f.replacements.join(' or ')})` : '';
  return `${f.file}:${f.line}:${f.column}: ${f.severity} ${f.code}: ${f.message}${fix}`;
}

export function lintSummary(findings: LintFinding[], scanned: number): string {
  const counts = (s: string) => findings.filter((f) => f.severity === s).length;
  return `${findings.length} finding${findings.length === 1 ? '' : 's'} (${counts('error')} errors, ${counts('warning')} warnings) in ${scanned} file${scanned === 1 ? '' : 's'} scanned`;
}
