// deepseek-cost lint: the server's model-ID diagnostics for files and directories, for CI.
import { parseArgs } from 'node:util';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { defaultLintSettings } from '../shared/settings';
import { isServedFile } from './sourceFiles';
import { collectFiles } from './walk';
import type { PlacedFinding } from './lintFile';
import { LintRun } from './lintPool';
import { loadIgnoreFile } from './ignoreFile';
import { toSarif } from './sarif';
import { type CliIO, parseTime, UsageError } from './io';
import { catalogForOption } from './overrides';

export interface LintFinding extends PlacedFinding {
  file: string;
}

export const LINT_USAGE = `usage: deepseek-cost lint [paths...] [--format text|json|sarif] [--at <ISO time>] [--catalog <override.json>] [--max-file-size <KB>] [--jobs N]

Flags DeepSeek model IDs that are retired, deprecated or renamed at the given time (default: now).
Directories are walked honouring .gitignore; files matching .deepseekcostignore (in the working
directory or above it, up to the repository root) are not checked, and deepseek-cost-ignore
comments are honoured. --jobs: threads for large trees (default: one per core).
Exit code: 1 when any error or warning is found, 0 otherwise, 2 on bad usage.`;

export async function runLint(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'text' },
      at: { type: 'string' },
      catalog: { type: 'string' },
      'max-file-size': { type: 'string' },
      jobs: { type: 'string' },
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
  const jobs = values.jobs !== undefined ? Number(values.jobs) : availableParallelism();
  if (!Number.isInteger(jobs) || jobs < 1) throw new UsageError('--jobs takes a whole number of threads, at least 1');
  const catalog = await catalogForOption(values.catalog, io);
  const findings: LintFinding[] = [];
  const ignore = await loadIgnoreFile(io.cwd);
  // Files are checked while the walk goes on (on other threads once the tree proves large).
  const run = new LintRun({ catalog, at, maxFileSizeKB: maxKB, severity: defaultLintSettings.severity, cwd: io.cwd }, jobs);
  const walked = await collectFiles(positionals.length ? positionals : ['.'], io.cwd, isServedFile, (f) => {
    if (!ignore?.ignores(f)) run.add(f);
  });
  for (const p of walked.problems) io.stderr(`deepseek-cost: ${p}\n`);
  const outcomes = await run.finish();
  const files = walked.files.filter((f) => outcomes.has(f));
  let scanned = 0;
  const relative = (file: string) => path.relative(io.cwd, file).split(path.sep).join('/');
  for (const file of files) {
    const outcome = outcomes.get(file)!;
    if (outcome.kind === 'skipped') {
      io.stderr(`deepseek-cost: skipped ${relative(file)}: ${outcome.reason}\n`);
      continue;
    }
    scanned++;
    if (outcome.findings.length === 0) continue;
    const rel = relative(file);
    for (const f of outcome.findings) findings.push({ file: rel, ...f });
  }

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
