// deepseek-cost lint: the server's model-ID diagnostics for files and directories, for CI.
import { promises as fs } from 'node:fs';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { createTwoFilesPatch } from 'diff';
import type { SeverityByStatus } from '../core/lint/modelIdFindings';
import type { Catalog } from '../catalog';
import { defaultLintSettings } from '../shared/settings';
import { isServedFile, unscannedNote } from './sourceFiles';
import { collectFiles, type PathProblem } from './walk';
import { type FileOutcome, type LintContext, type PlacedFinding, lintText } from './lintFile';
import { LintRun, lintTrees, lintWorkerScript, type TreeLint } from './lintPool';
import { loadIgnoreFile } from './ignoreFile';
import { toSarif } from './sarif';
import { type CliIO, parseTime, UsageError } from './io';
import { catalogForOption } from './overrides';
import * as l10n from '@vscode/l10n';
import { formatCount } from '../core/money';
import { type Parsed, subcommand } from './subcommand';

export interface LintFinding extends PlacedFinding {
  file: string;
}

export const LINT_USAGE = `usage: deepseek-cost lint [paths...] [--format text|json|sarif] [--at <ISO time>] [--catalog <override.json>] [--max-file-size <KB>] [--fix | --fix-dry-run] [--jobs N]

Flags DeepSeek model IDs that are retired, deprecated or renamed at the given time (default: now).
--fix applies the editor's preferred quick fix to each finding in place (thinking edits included) and
reports what remains; --fix-dry-run prints those edits as a unified diff and changes nothing.
Directories are walked honouring .gitignore; files matching .deepseekcostignore (in the working
directory or above it, up to the repository root) are not checked, and deepseek-cost-ignore
comments are honoured. --jobs: threads for large trees (default: one per core).
Exit code: 0 when nothing is found, 1 when any error or warning is found, 2 when a path could not be
scanned (missing, unreadable, a symlink loop; listed on stderr and in the output) or on bad usage,
3 on an internal failure.`;

const OPTIONS = {
  format: { type: 'string', default: 'text' },
  at: { type: 'string' },
  catalog: { type: 'string' },
  'max-file-size': { type: 'string' },
  jobs: { type: 'string' },
  fix: { type: 'boolean' },
  'fix-dry-run': { type: 'boolean' },
} as const;

export const runLint = subcommand<typeof OPTIONS>({ name: 'lint', usage: LINT_USAGE, options: OPTIONS, run: lintCommand });

async function lintCommand({ values, positionals }: Parsed<typeof OPTIONS>, io: CliIO): Promise<number> {
  const format = values.format;
  if (format !== 'text' && format !== 'json' && format !== 'sarif') throw new UsageError(`--format must be text, json or sarif, not "${format}"`);
  const at = values.at !== undefined ? parseTime(values.at, '--at') : new Date();
  const maxKB = values['max-file-size'] !== undefined ? Number(values['max-file-size']) : defaultLintSettings.maxFileSizeKB;
  if (!Number.isInteger(maxKB) || maxKB < 1) throw new UsageError('--max-file-size takes a whole number of KB');
  if (values.fix && values['fix-dry-run']) throw new UsageError('--fix and --fix-dry-run cannot be used together');
  const fix = values.fix ? 'write' : values['fix-dry-run'] ? 'diff' : undefined;
  const jobs = values.jobs !== undefined ? Number(values.jobs) : availableParallelism();
  if (!Number.isInteger(jobs) || jobs < 1) throw new UsageError('--jobs takes a whole number of threads, at least 1');
  const catalog = await catalogForOption(values.catalog, io);
  const { findings, scanned, filesFixed, notScanned } = await lintPaths(positionals.length ? positionals : ['.'], io, { catalog, at, severity: defaultLintSettings.severity, maxFileSizeKB: maxKB, fix, jobs });
  if (fix) io.stderr(`${fixedLine(filesFixed, fix)}\n`);
  const failed = findings.some((f) => f.severity === 'error' || f.severity === 'warning');
  // A dry run's standard output is the patch alone, so it can be applied as it is.
  if (fix === 'diff') return notScanned.length ? 2 : failed ? 1 : 0;

  if (format === 'json') {
    io.stdout(JSON.stringify({ findings: findings.map(({ helpUri: _h, ...rest }) => rest), filesScanned: scanned, notScanned }, null, 2) + '\n');
  } else if (format === 'sarif') {
    io.stdout(JSON.stringify(toSarif(findings, notScanned), null, 2) + '\n');
  } else {
    for (const f of findings) io.stdout(findingLine(f) + '\n');
    io.stdout(lintSummary(findings, scanned, notScanned) + '\n');
  }
  // Not scanned wins over findings: CI must not read "1" as "checked everything, found something".
  if (notScanned.length) return 2;
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
  /** Threads for large trees; 1 (the default) keeps all work on the caller's thread, as in the editor. */
  jobs?: number;
}

/** The findings for files and directories, as every surface reports them (CLI, agent tools, MCP). */
export async function lintPaths(inputs: string[], io: CliIO, options: LintOptions): Promise<{ findings: LintFinding[]; scanned: number; filesFixed: number; notScanned: PathProblem[] }> {
  const findings: LintFinding[] = [];
  const ctx = { catalog: options.catalog, at: options.at, maxFileSizeKB: options.maxFileSizeKB, severity: options.severity, cwd: io.cwd, fix: !!options.fix };
  const relative = (file: string) => (path.isAbsolute(file) ? path.relative(io.cwd, file) : file).split(path.sep).join('/');
  const jobs = options.jobs ?? 1;
  const script = jobs >= 2 && !io.unsaved ? lintWorkerScript() : undefined;
  const trees = script ? await separateTrees(inputs, io.cwd) : undefined;
  // Whole trees (`lint .` in CI) are walked, read and searched on every core at once; anything
  // else (files named explicitly, an editor's unsaved text) goes file by file.
  const { outcomes, clean, problems } = trees && script ? await lintTrees(trees, ctx, jobs, script) : await lintListed(inputs, io, ctx, options);
  let scanned = clean;
  let filesFixed = 0;
  const notScanned: PathProblem[] = problems.map((p) => ({ path: relative(p.path), reason: p.reason }));
  for (const file of [...outcomes.keys()].sort()) {
    const outcome = outcomes.get(file)!;
    if (outcome.kind === 'unreadable') {
      notScanned.push({ path: relative(file), reason: outcome.reason });
      continue;
    }
    if (outcome.kind === 'skipped') {
      io.stderr(`deepseek-cost: ${l10n.t('skipped {0}: {1}', relative(file), outcome.reason)}\n`);
      continue;
    }
    scanned++;
    if (options.fix && io.unsaved?.(file)) io.stderr(`deepseek-cost: ${l10n.t('not fixing {0}: it has unsaved changes in the editor', relative(file))}\n`);
    if (outcome.fixed) {
      filesFixed++;
      const rel = relative(file);
      if (options.fix === 'write') await fs.writeFile(file, outcome.fixed.after, 'utf8');
      else io.stdout(createTwoFilesPatch(`a/${rel}`, `b/${rel}`, outcome.fixed.before, outcome.fixed.after));
    }
    if (outcome.findings.length === 0) continue;
    const rel = relative(file);
    for (const f of outcome.findings) findings.push({ file: rel, ...f });
  }
  for (const p of notScanned) io.stderr(`deepseek-cost: ${l10n.t('cannot scan {0}: {1}', p.path, p.reason)}\n`);
  return { findings, scanned, filesFixed, notScanned };
}

/**
 * The inputs as whole trees, when they all are folders and none is inside another (so no file is
 * found twice); otherwise undefined.
 */
async function separateTrees(inputs: string[], cwd: string): Promise<string[] | undefined> {
  const dirs: string[] = [];
  for (const input of inputs) {
    const abs = path.resolve(cwd, input);
    const stat = await fs.stat(abs).catch(() => undefined);
    if (!stat?.isDirectory()) return undefined;
    dirs.push(abs);
  }
  const inside = (a: string, b: string) => a === b || a.startsWith(b.endsWith(path.sep) ? b : b + path.sep);
  if (dirs.some((a, i) => dirs.some((b, j) => i !== j && inside(a, b)))) return undefined;
  return dirs;
}

/**
 * Explicit files and folders, walked on this thread and checked as they are found (on other
 * threads once the list proves long). Outcomes are kept only for files worth reporting.
 */
async function lintListed(inputs: string[], io: CliIO, ctx: LintContext, options: LintOptions): Promise<TreeLint> {
  const ignore = await loadIgnoreFile(io.cwd);
  const run = new LintRun(ctx, options.jobs ?? 1);
  // An editor's unsaved text (agent tools in VS Code) is checked here, not read from disk.
  const unsaved = new Map<string, { text: string; languageId: string }>();
  const walked = await collectFiles(inputs, io.cwd, isServedFile, (f) => {
    if (ignore?.ignores(f)) return;
    const open = io.unsaved?.(f);
    if (open) unsaved.set(f, open);
    else run.add(f);
  });
  const outcomes = await run.finish();
  for (const [file, open] of unsaved) {
    const outcome: FileOutcome =
      open.text.length > options.maxFileSizeKB * 1024
        ? { kind: 'skipped', reason: l10n.t('its unsaved text is over the {0} KB limit', options.maxFileSizeKB) }
        : // Fixes computed on an editor's unsaved text would overwrite the file with it: the editor fixes those.
          await lintText(open.text, open.languageId, file, { ...ctx, fix: false });
    outcomes.set(file, outcome);
  }
  let clean = 0;
  const notable = new Map<string, FileOutcome>();
  for (const file of walked.files) {
    const outcome = outcomes.get(file);
    if (!outcome) continue; // in .deepseekcostignore
    // An unsaved file stays listed: with --fix, the report says it was not fixed.
    if (outcome.kind === 'scanned' && outcome.findings.length === 0 && !outcome.fixed && !unsaved.has(file)) clean++;
    else notable.set(file, outcome);
  }
  return { outcomes: notable, clean, problems: walked.problems };
}

/** One finding as `lint --format text` prints it. */
export function findingLine(f: LintFinding): string {
  // file:line:column, severity and code stay as they are for problem matchers; only the message is translated.
  const head = `${f.file}:${f.line}:${f.column}: ${f.severity} ${f.code}: `;
  return `${head}${f.replacements.length ? l10n.t('{0} (fix: {1})', f.message, f.replacements.join(l10n.t(' or '))) : f.message}`;
}

export function lintSummary(findings: LintFinding[], scanned: number, notScanned: readonly PathProblem[] = []): string {
  const counts = (s: string) => findings.filter((f) => f.severity === s).length;
  const args = { findings: formatCount(findings.length), errors: formatCount(counts('error')), warnings: formatCount(counts('warning')), files: formatCount(scanned) };
  const oneFinding = findings.length === 1;
  const summary =
    scanned === 1
      ? oneFinding
        ? l10n.t('{findings} finding ({errors} errors, {warnings} warnings) in {files} file scanned', args)
        : l10n.t('{findings} findings ({errors} errors, {warnings} warnings) in {files} file scanned', args)
      : oneFinding
        ? l10n.t('{findings} finding ({errors} errors, {warnings} warnings) in {files} files scanned', args)
        : l10n.t('{findings} findings ({errors} errors, {warnings} warnings) in {files} files scanned', args);
  return summary + unscannedNote(notScanned);
}

function fixedLine(files: number, fix: 'write' | 'diff'): string {
  if (fix === 'write') return files === 1 ? l10n.t('1 file fixed') : l10n.t('{0} files fixed', formatCount(files));
  return files === 1 ? l10n.t('1 file would be fixed') : l10n.t('{0} files would be fixed', formatCount(files));
}
