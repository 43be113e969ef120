// deepseek-cost lint: the server's model-ID diagnostics for files and directories, for CI.
import { promises as fs } from 'node:fs';
import { parseArgs } from 'node:util';
import { createTwoFilesPatch } from 'diff';
import { modelIdFindings, modelIdPredicate } from '../core/lint/modelIdFindings';
import { applyTextEdits, fixesForFinding, preferredEdits } from '../core/lint/fixes';
import { ParsedDocument } from '../core/scan';
import { splitRouterPrefix } from '../catalog/resolve';
import { unparsedNote } from '../core/lint/unparsedRegion';
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
  const fixMode = values.fix ? 'write' : values['fix-dry-run'] ? 'diff' : undefined;
  const catalog = await catalogForOption(values.catalog, io);
  const isId = modelIdPredicate(catalog);
  const findings: LintFinding[] = [];
  let filesFixed = 0;
  const { scanned } = await forEachSourceFile(positionals.length ? positionals : ['.'], io, maxKB, async (scanned) => {
    let { doc, lines } = scanned;
    const { rel, file } = scanned;
    let fixedDoc: ParsedDocument | undefined;
    if (fixMode) {
      // Exactly the editor's fix-all: the preferred fix of each finding; then the fixed text is linted.
      const fixes = modelIdFindings(doc.modelIdLiterals(isId), catalog, at, defaultLintSettings.severity, { path: rel }).map((f) => fixesForFinding(f, doc.text, catalog, at, doc));
      const fixedText = applyTextEdits(doc.text, preferredEdits(fixes));
      if (fixedText !== doc.text) {
        filesFixed++;
        if (fixMode === 'write') await fs.writeFile(file, fixedText, 'utf8');
        else io.stdout(createTwoFilesPatch(`a/${rel}`, `b/${rel}`, doc.text, fixedText));
        fixedDoc = await ParsedDocument.create(doc.language, fixedText);
        doc = fixedDoc;
        lines = new LineIndex(fixedText);
      }
    }
    try {
      report(rel, doc, lines);
    } finally {
      fixedDoc?.dispose();
    }
  });
  if (fixMode) io.stderr(`${filesFixed} file${filesFixed === 1 ? '' : 's'} ${fixMode === 'write' ? 'fixed' : 'would be fixed'}\n`);

  function report(rel: string, doc: ParsedDocument, lines: LineIndex): void {
    for (const f of modelIdFindings(doc.modelIdLiterals(isId), catalog, at, defaultLintSettings.severity, { path: rel })) {
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
        replacements: fixesForFinding(f, doc.text, catalog, at, doc).map((x) => splitRouterPrefix(f.written).prefix + x.id),
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

  const failed = findings.some((f) => f.severity === 'error' || f.severity === 'warning');
  // A dry run's standard output is the patch alone, so it can be applied as it is.
  if (fixMode === 'diff') return failed ? 1 : 0;
  if (format === 'json') {
    io.stdout(JSON.stringify({ findings: findings.map(({ helpUri: _h, ...rest }) => rest), filesScanned: scanned }, null, 2) + '\n');
  } else if (format === 'sarif') {
    io.stdout(JSON.stringify(toSarif(findings), null, 2) + '\n');
  } else {
    for (const f of findings) {
      const fix = f.replacements.length ? ` (fix: ${f.replacements.join(' or ')})` : '';
      io.stdout(`${f.file}:${f.line}:${f.column}: ${f.severity} ${f.code}: ${f.message}${fix}\n`);
    }
    const counts = (s: string) => findings.filter((f) => f.severity === s).length;
    io.stdout(`${findings.length} finding${findings.length === 1 ? '' : 's'} (${counts('error')} errors, ${counts('warning')} warnings) in ${scanned} file${scanned === 1 ? '' : 's'} scanned\n`);
  }
  return findings.some((f) => f.severity === 'error' || f.severity === 'warning') ? 1 : 0;
}
