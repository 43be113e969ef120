// Reading a source file for the CLI with the same guards as the server: size limit, binary check.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { ParsedDocument, scanLanguageFor } from '../core/scan';
import type { CliIO } from './io';
import { collectFiles, describeFsError, type PathProblem } from './walk';
import { LineIndex } from './lineIndex';
import type { ScanLanguage } from '../core/scan/types';
import { languageForFile } from '../core/languages';
import * as l10n from '@vscode/l10n';
import { describeSkip, looksBinary, skipReason } from '../core/fileGuard';
import { formatCount } from '../core/money';

/** The VS Code language id a file would open with, as far as the CLI can tell from its name. */
export function languageIdForFile(file: string): string {
  return languageForFile(file)?.id ?? 'plaintext';
}

/** Directory walks pick only files of the served kinds; files named explicitly are always read. */
export function isServedFile(file: string): boolean {
  return languageForFile(file) !== undefined;
}

export type SourceRead =
  | { kind: 'text'; text: string; language: ScanLanguage }
  /** Left out on purpose (too large, binary): reported, not a failure. */
  | { kind: 'skipped'; reason: string }
  /** Could not be read: the run did not check it. */
  | { kind: 'unreadable'; reason: string };

export async function readSource(file: string, maxFileSizeKB: number): Promise<SourceRead> {
  let stat;
  try {
    stat = await fs.stat(file);
  } catch (err) {
    return { kind: 'unreadable', reason: describeFsError(err) };
  }
  const tooLarge = skipReason(stat.size, maxFileSizeKB);
  if (tooLarge) return { kind: 'skipped', reason: describeSkip(tooLarge, '--max-file-size') };
  let buf: Buffer;
  try {
    buf = await fs.readFile(file);
  } catch (err) {
    return { kind: 'unreadable', reason: describeFsError(err) };
  }
  if (looksBinary(buf)) return { kind: 'skipped', reason: describeSkip({ kind: 'binary' }, '--max-file-size') };
  const text = buf.toString('utf8');
  return { kind: 'text', text, language: scanLanguageFor(languageIdForFile(file), file) };
}

export { LineIndex } from './lineIndex';

function unsavedSource(io: CliIO, file: string, maxFileSizeKB: number): SourceRead | undefined {
  const open = io.unsaved?.(file);
  if (!open) return undefined;
  if (open.text.length > maxFileSizeKB * 1024) return { kind: 'skipped', reason: l10n.t('its unsaved text is over the {0} KB limit', maxFileSizeKB) };
  return { kind: 'text', text: open.text, language: scanLanguageFor(open.languageId, file) };
}

export interface ScannedFile {
  /** Relative to the working directory, with `/`. */
  rel: string;
  /** As found on disk (absolute). */
  file: string;
  /** The text is an editor's unsaved buffer, not the file on disk. */
  unsaved: boolean;
  doc: ParsedDocument;
  lines: LineIndex;
}

/**
 * Walks the inputs, reads every served file with the server's guards, parses it and hands it to
 * `visit`. Skipped files and paths that could not be scanned are reported on stderr and never stop
 * the run; the latter are returned too (`notScanned`, paths relative to the working directory).
 */
export async function forEachSourceFile(
  inputs: string[],
  io: CliIO,
  maxFileSizeKB: number,
  visit: (file: ScannedFile) => void | Promise<void>,
): Promise<{ listed: number; scanned: number; notScanned: PathProblem[] }> {
  const { files, problems } = await collectFiles(inputs, io.cwd, isServedFile);
  const relative = (p: string) => (path.isAbsolute(p) ? path.relative(io.cwd, p) : p).split(path.sep).join('/');
  const notScanned = problems.map((p) => ({ path: relative(p.path), reason: p.reason }));
  let scanned = 0;
  for (const file of files) {
    const rel = relative(file);
    const unsaved = unsavedSource(io, file, maxFileSizeKB);
    const source = unsaved ?? (await readSource(file, maxFileSizeKB));
    if (source.kind === 'unreadable') {
      notScanned.push({ path: rel, reason: source.reason });
      continue;
    }
    if (source.kind === 'skipped') {
      io.stderr(`deepseek-cost: skipped ${rel}: ${source.reason}\n`);
      continue;
    }
    scanned++;
    const doc = await ParsedDocument.create(source.language, source.text);
    try {
      await visit({ rel, file, unsaved: !!unsaved, doc, lines: new LineIndex(source.text) });
    } finally {
      doc.dispose();
    }
  }
  for (const p of notScanned) io.stderr(`deepseek-cost: cannot scan ${p.path}: ${p.reason}\n`);
  return { listed: files.length, scanned, notScanned };
}

/** `; 2 paths could not be scanned` for a summary line, or nothing. */
export function unscannedNote(notScanned: readonly PathProblem[]): string {
  if (!notScanned.length) return '';
  return notScanned.length === 1 ? l10n.t('; 1 path could not be scanned') : l10n.t('; {0} paths could not be scanned', formatCount(notScanned.length));
}
