// One file of `deepseek-cost lint`, read and checked exactly as the language server checks an open
// document: the same guards (size, binary), the same text search that skips files never naming a
// model, the same parse, findings and suppression comments. Runs in the CLI's thread or in a
// lint worker; both give the same answer for a file.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type { Catalog } from '../catalog/schema';
import { languageFor } from '../core/languages';
import { documentFindings } from '../core/lint/documentFindings';
import { modelIdPredicate, type SeverityByStatus } from '../core/lint/modelIdFindings';
import { mentionsModelId, ParsedDocument, scanLanguageFor } from '../core/scan';
import { LineIndex } from './lineIndex';
import { unparsedNote } from '../core/lint/unparsedRegion';
import { describeFsError } from './walk';
import { applyTextEdits, fixesForFinding, preferredEdits } from '../core/lint/fixes';
import { splitRouterPrefix } from '../catalog/resolve';
import * as path from 'node:path';
import { describeSkip, looksBinary } from '../core/fileGuard';

/** A finding placed in its file (1-based lines and UTF-16 columns). */
export interface PlacedFinding {
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

export type FileOutcome =
  | { kind: 'skipped'; reason: string }
  /** The file could not be read at all: lint exits 2, the file was not checked. */
  | { kind: 'unreadable'; reason: string }
  /** `fixed`: with `fix`, the text before and after the preferred fixes (the findings are those of `after`). */
  | { kind: 'scanned'; findings: PlacedFinding[]; fixed?: { before: string; after: string } };

export interface LintContext {
  catalog: Catalog;
  at: Date;
  maxFileSizeKB: number;
  severity: SeverityByStatus;
  /** Paths are given to the test/fixture rules relative to this folder, as lint prints them. */
  cwd: string;
  /** Apply each finding's preferred fix (as the editor's fix-all) and report the fixed text. */
  fix?: boolean;
}

const NEEDLE = Buffer.from('deepseek');
/** Scratch space for reads: most source files fit, so reading allocates nothing. */
let scratch = Buffer.allocUnsafe(256 * 1024);

type Read = { kind: 'skipped'; reason: string } | { kind: 'unreadable'; reason: string } | { kind: 'bytes'; buf: Buffer; length: number };

function cannotRead(err: unknown): Read {
  return { kind: 'unreadable', reason: describeFsError(err) };
}

/**
 * One open and a read into a reused buffer until end of file: no stat object, no allocation for
 * files that fit (most do). The size limit is checked on the bytes read; only an oversized file
 * is stat'ed, for its message.
 */
function readBytes(file: string, maxFileSizeKB: number): Read {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (err) {
    return cannotRead(err);
  }
  try {
    const limit = maxFileSizeKB * 1024;
    let length = 0;
    // A regular file answers a read short only at its end: one read for a file that fits.
    for (;;) {
      if (length === scratch.length) {
        if (length > limit) break;
        const bigger = Buffer.allocUnsafe(scratch.length * 2);
        scratch.copy(bigger, 0, 0, length);
        scratch = bigger;
      }
      const room = scratch.length - length;
      const n = readSync(fd, scratch, length, room, null);
      length += n;
      if (n < room) break;
    }
    if (length > limit) {
      const size = fstatSync(fd).size;
      return { kind: 'skipped', reason: describeSkip({ kind: 'too-large', bytes: size, limitKB: maxFileSizeKB }, '--max-file-size') };
    }
    return { kind: 'bytes', buf: scratch, length };
  } catch (err) {
    return cannotRead(err);
  } finally {
    closeSync(fd);
  }
}

/** Whether a byte search for `deepseek` may decide "no model ID here" without decoding the text. */
const byteSearchSound = new WeakMap<Catalog, boolean>();

export function canSearchBytes(catalog: Catalog): boolean {
  let sound = byteSearchSound.get(catalog);
  if (sound === undefined) {
    // The text search only reports words starting with "deepseek" in any case that are catalog IDs
    // as written: when every such ID starts with lower-case "deepseek", a file without those bytes has none.
    sound = catalog.models.every((m) => !/^deepseek/i.test(m.id) || m.id.startsWith('deepseek'));
    byteSearchSound.set(catalog, sound);
  }
  return sound;
}

/** A file's bytes as the server's guards see them: left out (size, binary), known clean, or text to check. */
function screenBytes(read: Read, byteSearch: boolean): FileOutcome | 'check' {
  if (read.kind !== 'bytes') return read;
  const { buf, length } = read;
  if (looksBinary(buf, length)) return { kind: 'skipped', reason: describeSkip({ kind: 'binary' }, '--max-file-size') };
  if (byteSearch && buf.subarray(0, length).indexOf(NEEDLE) < 0) return CLEAN;
  return 'check';
}

/** A file the byte search cleared (shared: lintFile hands out its own copy, a walker only counts it). */
export const CLEAN: FileOutcome = { kind: 'scanned', findings: [] };

/**
 * The first half of lintFile, without decoding: what the guards and the byte search say. 'check'
 * means the file may name a model and lintFile must read it; anything else is its outcome.
 * `byteSearch`: canSearchBytes of the catalog (a worker that walks needs no catalog).
 */
export function screenFile(file: string, maxFileSizeKB: number, byteSearch: boolean): FileOutcome | 'check' {
  return screenBytes(readBytes(file, maxFileSizeKB), byteSearch);
}

export async function lintFile(file: string, ctx: LintContext): Promise<FileOutcome> {
  const read = readBytes(file, ctx.maxFileSizeKB);
  const screened = screenBytes(read, canSearchBytes(ctx.catalog));
  if (screened === CLEAN) return { kind: 'scanned', findings: [] };
  if (screened !== 'check' || read.kind !== 'bytes') return screened as FileOutcome;
  return lintText(read.buf.toString('utf8', 0, read.length), '', file, ctx);
}

/**
 * A file's text, checked as the language server checks it: `languageId` as an editor reports it
 * (empty when only the file name can tell, as for files read from disk).
 */
export async function lintText(text: string, languageId: string, file: string, ctx: LintContext): Promise<FileOutcome> {
  const isId = modelIdPredicate(ctx.catalog);
  // The editor's test: a file that never names a model needs no parse.
  if (!mentionsModelId(text, isId)) return { kind: 'scanned', findings: [] };
  const row = languageFor(languageId, file);
  const doc = await ParsedDocument.create(scanLanguageFor(languageId || (row?.id ?? 'plaintext'), file), text, { edits: false });
  try {
    const lines = new LineIndex(text);
    const rel = path.relative(ctx.cwd, file).split(path.sep).join('/');
    const findings = documentFindings(doc.modelIdLiterals(isId), text, row?.comments ?? 'none', ctx.catalog, ctx.at, ctx.severity, { path: rel });
    // The fixes the editor offers, preferred first (a legacy replacement followed to the current model).
    const fixes = findings.map((f) => fixesForFinding(f, text, ctx.catalog, ctx.at, doc));
    if (ctx.fix) {
      const after = applyTextEdits(text, preferredEdits(fixes));
      if (after !== text) {
        const inner = await lintText(after, languageId, file, { ...ctx, fix: false });
        return inner.kind === 'scanned' ? { ...inner, fixed: { before: text, after } } : inner;
      }
    }
    const placed: PlacedFinding[] = findings.map((f, i) => {
      const start = lines.position(f.start);
      const end = lines.position(f.end);
      return {
        line: start.line,
        column: start.column,
        endLine: end.line,
        endColumn: end.column,
        modelId: f.written,
        severity: f.severity,
        code: f.code,
        message: f.message,
        replacements: fixes[i].map((x) => splitRouterPrefix(f.written).prefix + x.id),
        provider: f.provider,
        role: f.role,
        helpUri: f.sourceUrl,
      };
    });
    // Model IDs in code that does not parse are not silently passed over: one note says where.
    const note = unparsedNote(text, doc.unreadableCandidates(isId));
    if (note) {
      const start = lines.position(note.start);
      const end = lines.position(note.end);
      placed.push({
        line: start.line, column: start.column, endLine: end.line, endColumn: end.column,
        modelId: text.slice(note.start, note.end), severity: 'information', code: 'unparsed-region', message: note.message,
        replacements: [], provider: '', role: '',
      });
    }
    return { kind: 'scanned', findings: placed };
  } finally {
    doc.dispose();
  }
}
