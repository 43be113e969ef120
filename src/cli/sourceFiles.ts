// Reading a source file for the CLI with the same guards as the server: size limit, binary check.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { ParsedDocument, scanLanguageFor } from '../core/scan';
import type { CliIO } from './io';
import { collectFiles, describeFsError, type PathProblem } from './walk';
import { LineIndex } from './lineIndex';
import type { ScanLanguage } from '../core/scan/types';
import { languageForFile } from '../core/languages';

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
  if (stat.size > maxFileSizeKB * 1024) {
    return { kind: 'skipped', reason: `${(stat.size / 1024 / 1024).toFixed(1)} MB is over the ${maxFileSizeKB} KB limit (--max-file-size)` };
  }
  let buf: Buffer;
  try {
    buf = await fs.readFile(file);
  } catch (err) {
    return { kind: 'unreadable', reason: describeFsError(err) };
  }
  if (buf.subarray(0, 8192).includes(0)) return { kind: 'skipped', reason: 'looks binary (NUL bytes)' };
  const text = buf.toString('utf8');
  return { kind: 'text', text, language: scanLanguageFor(languageIdForFile(file), file) };
}

export { LineIndex } from './lineIndex';

function unsavedSource(io: CliIO, file: string, maxFileSizeKB: number): SourceRead | undefined {
  const open = io.unsaved?.(file);
  if (!open) return undefined;
  if (open.text.length > maxFileSizeKB * 1024) return { kind: 'skipped', reason: `its unsaved text is over the ${maxFileSizeKB} KB limit` };
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
  return notScanned.length ? `; ${notScanned.length} path${notScanned.length === 1 ? '' : 's'} could not be scanned` : '';
}
