// Open documents, kept with their parse tree. Edits are queued and applied to the tree only when a
// feature asks (so a burst of keystrokes costs one incremental reparse, not one per keystroke).
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { DidChangeTextDocumentParams, DidOpenTextDocumentParams } from 'vscode-languageserver';
import { ParsedDocument, scanLanguageFor } from '../core/scan';
import type { ScanLanguage } from '../core/scan/types';
import { looksBinary, type SkipReason, skipReason } from '../core/fileGuard';

export interface TextEditForTree {
  rangeOffset: number;
  rangeLength: number;
  text: string;
}

export type { SkipReason } from '../core/fileGuard';

interface Entry {
  document: TextDocument;
  language: ScanLanguage;
  parsed?: ParsedDocument;
  parsedVersion?: number;
  pendingEdits: TextEditForTree[];
  /** UTF-8 size and binary check of one version: every pull and hover asks, the text changes less often. */
  measured?: { version: number; bytes: number; binary: boolean };
  /** Serializes parse work per document so concurrent requests never race on the tree. */
  work: Promise<unknown>;
}

export class DocumentStore {
  private readonly entries = new Map<string, Entry>();

  open(params: DidOpenTextDocumentParams): void {
    const { uri, languageId, version, text } = params.textDocument;
    this.close(uri);
    this.entries.set(uri, {
      document: TextDocument.create(uri, languageId, version, text),
      language: scanLanguageFor(languageId, uri),
      pendingEdits: [],
      work: Promise.resolve(),
    });
  }

  change(params: DidChangeTextDocumentParams): void {
    const entry = this.entries.get(params.textDocument.uri);
    if (!entry) return;
    let doc = entry.document;
    for (const change of params.contentChanges) {
      if ('range' in change) {
        const rangeOffset = doc.offsetAt(change.range.start);
        const rangeLength = doc.offsetAt(change.range.end) - rangeOffset;
        entry.pendingEdits.push({ rangeOffset, rangeLength, text: change.text });
        doc = TextDocument.update(doc, [change], params.textDocument.version);
      } else {
        // A full-text change: the old tree is useless, drop it.
        entry.parsed?.dispose();
        entry.parsed = undefined;
        entry.pendingEdits = [];
        doc = TextDocument.update(doc, [change], params.textDocument.version);
      }
    }
    entry.document = TextDocument.update(doc, [], params.textDocument.version);
  }

  close(uri: string): void {
    const entry = this.entries.get(uri);
    if (!entry) return;
    entry.parsed?.dispose();
    this.entries.delete(uri);
  }

  get(uri: string): TextDocument | undefined {
    return this.entries.get(uri)?.document;
  }

  skipReason(uri: string, maxFileSizeKB: number): SkipReason | undefined {
    const entry = this.entries.get(uri);
    if (!entry) return undefined;
    const version = entry.document.version;
    if (entry.measured?.version !== version) {
      const text = entry.document.getText();
      entry.measured = { version, bytes: Buffer.byteLength(text, 'utf8'), binary: looksBinary(text) };
    }
    const { bytes, binary } = entry.measured;
    return skipReason(bytes, maxFileSizeKB) ?? (binary ? { kind: 'binary' } : undefined);
  }

  /** Whether a parse tree is kept for the document (edits then reparse incrementally). */
  hasParse(uri: string): boolean {
    return !!this.entries.get(uri)?.parsed;
  }

  /** The parse of the document at its current version, reparsed incrementally when edits are pending. */
  parsed(uri: string): Promise<{ parsed: ParsedDocument; document: TextDocument } | undefined> {
    const entry = this.entries.get(uri);
    if (!entry) return Promise.resolve(undefined);
    const run = entry.work.then(async () => {
      const current = this.entries.get(uri);
      if (current !== entry) return undefined;
      const document = entry.document;
      if (entry.parsed && entry.parsedVersion === document.version) return { parsed: entry.parsed, document };
      const text = document.getText();
      // Take the queued edits now: edits arriving while we await below belong to the next round.
      const edits = entry.pendingEdits;
      entry.pendingEdits = [];
      if (entry.parsed && edits.length > 0) {
        await entry.parsed.prepare(text);
        entry.parsed.update(text, edits);
      } else {
        entry.parsed?.dispose();
        entry.parsed = undefined;
        entry.parsed = await ParsedDocument.create(entry.language, text);
      }
      entry.parsedVersion = document.version;
      return { parsed: entry.parsed, document };
    });
    entry.work = run.catch(() => undefined);
    return run;
  }
}
