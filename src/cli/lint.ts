// deepseek-cost lint: the server's model-ID diagnostics for files and directories, for CI.
import { promises as fs } from 'node:fs';
import { parseArgs } from 'node:util';
import { createTwoFilesPatch } from 'diff';
import { modelIdFindings, modelIdPredicate, type SeverityByStatus } from '../core/lint/modelIdFindings';
import { applyTextEdits, fixesForFinding, preferredEdits } from '../core/lint/fixes';
import { ParsedDocument } from '../core/scan';
import { splitRouterPrefix } from '../catalog/resolve';
import { unparsedNote } from '../core/lint/unparsedRegion';
import type { Catalog } from '../catalog';
import { defaultLintSettings } from '../shared/settings';
import { forEachSourceFile, LineIndex } from './sourceFiles';
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

export const LINT_USAGE = `usage: deepseek-cost lint [paths...] [--format text|json|sarif] [--at <ISO time>] [--catalog <override.json>] [--max-file-size <KB>] [--fix | --fix-dry-run]

Flags DeepSeek model IDs that are retired, deprecated or renamed at the given time (default: now).
--fix applies the editor's preferred quick fix to each finding in place (thinking edits included) and
reports what remains; --fix-dry-run prints those edits as a unified diff and changes nothing.
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
      fix: { type: 'boolean' },
      'fix-dry-run': { type: 'boolean' },
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
  if (values.fix && values['fix-dry-run']) throw new UsageError('--fix and --fix-dry-run cannot be used together');
  const fix = values.fix ? 'write' : values['fix-dry-run'] ? 'diff' : undefined;
  const catalog = await catalogForOption(values.catalog, io);
  const { findings, scanned, filesFixed } = await lintPaths(positionals.length ? positionals : ['.'], io, { catalog, at, severity: defaultLintSettings.severity, maxFileSizeKB: maxKB, fix });
  if (fix) io.stderr(`${filesFixed} file${filesFixed === 1 ? '' : 's'} ${fix === 'write' ? 'fixed' : 'would be fixed'}\n`);
  const failed = findings.some((f) => f.severity === 'error' || f.severity === 'warning');
  // A dry run's standard output is the patch alone, so it can be applied as it is.
  if (fix === 'diff') return failed ? 1 : 0;

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
  /**
   * Apply the preferred fix of each finding first (exactly the editor's fix-all), writing the file
   * (`write`) or printing a unified diff (`diff`); the findings are then those of the fixed text.
   */
  fix?: 'write' | 'diff';
}

/** The findings for files and directories, as every surface reports them (CLI, agent tools, MCP). */
export async function lintPaths(inputs: string[], io: CliIO, options: LintOptions): Promise<{ findings: LintFinding[]; scanned: number; filesFixed: number }> {
  const isId = modelIdPredicate(options.catalog);
  const findings: LintFinding[] = [];
  let filesFixed = 0;
  const { scanned } = await forEachSourceFile(inputs, io, options.maxFileSizeKB, async (file) => {
    if (!options.fix) return report(file.rel, file.doc, file.lines);
    // Fixes computed on an editor's unsaved text would overwrite the file with it: the editor fixes those.
    if (file.unsaved) {
      io.stderr(`deepseek-cost: not fixing ${file.rel}: it has unsaved changes in the editor\n`);
      return report(file.rel, file.doc, file.lines);
    }
    const { doc } = file;
    const fixes = modelIdFindings(doc.modelIdLiterals(isId), options.catalog, options.at, options.severity, { path: file.rel })
      .map((f) => fixesForFinding(f, doc.text, options.catalog, options.at, doc));
    const fixedText = applyTextEdits(doc.text, preferredEdits(fixes));
    if (fixedText === doc.text) return report(file.rel, doc, file.lines);
    filesFixed++;
    if (options.fix === 'write') await fs.writeFile(file.file, fixedText, 'utf8');
    else io.stdout(createTwoFilesPatch(`a/${file.rel}`, `b/${file.rel}`, doc.text, fixedText));
    const fixed = await ParsedDocument.create(doc.language, fixedText);
    try {
      report(file.rel, fixed, new LineIndex(fixedText));
    } finally {
      fixed.dispose();
    }
  });
  return { findings, scanned, filesFixed };

  function report(rel: string, doc: ParsedDocument, lines: LineIndex): void {
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
        // The fixes the editor offers, preferred first (a legacy replacement followed to the current model).
        replacements: fixesForFinding(f, doc.text, options.catalog, options.at, doc).map((x) => splitRouterPrefix(f.written).prefix + x.id),
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
  }
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
