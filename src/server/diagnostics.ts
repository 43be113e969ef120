// Pull diagnostics for retired, deprecated and renamed model IDs. Results are cached per document
// version, and the fixes travel in `diagnostic.data`: what each fix writes over the ID, decided from
// the catalog. Where a fix must also turn the call's thinking off, that edit is found only when a
// code action asks (it costs tree lookups per finding, and most diagnostics are never acted on).
import {
  type CancellationToken,
  type Diagnostic,
  DiagnosticSeverity,
  type DocumentDiagnosticReport,
  DocumentDiagnosticReportKind,
  type TextEdit,
  LSPErrorCodes,
  ResponseError,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { type FindingSeverity, modelIdPredicate } from '../core/lint/modelIdFindings';
import { completeFix, fixChooser } from '../core/lint/fixes';
import { documentFindings } from '../core/lint/documentFindings';
import { languageFor } from '../core/languages';
import { mentionsModelId } from '../core/scan';
import { unparsedNote } from '../core/lint/unparsedRegion';
import type { DocumentStore } from './documentStore';
import type { ServerSettings } from './serverSettings';
import { DIAGNOSTIC_SOURCE, codeHelpUrl } from '../shared/protocol';
import type { WorkspaceIgnores } from './workspaceIgnores';
import * as l10n from '@vscode/l10n';
import { describeSkip } from '../core/fileGuard';
import { formatCount } from '../core/money';

/** Carried in diagnostic.data: everything the quick fix needs. */
export interface ModelIdDiagnosticData {
  kind: 'deepseek-model-id';
  version: number;
  written: string;
  /** The catalog ID (`written` without a router prefix), for "Ignore … on this line". */
  modelId: string;
  /** The quick fixes, preferred first, as LSP edits on this version. */
  fixes: ModelIdFixData[];
  provider: string;
  role: string;
}

export interface ModelIdFixData {
  id: string;
  title: string;
  preferred: boolean;
  edits: TextEdit[];
  /**
   * The fix also turns the call's thinking off: `edits` holds only the ID edit and `title` is
   * provisional until the code-action handler completes it from the same version's parse.
   */
  thinkingPending?: true;
}

const severityMap: Record<FindingSeverity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export class ModelIdDiagnostics {
  private readonly cache = new Map<string, { version: number; resultId: string; items: Diagnostic[] }>();
  private generation = 0;
  private workspaceFolders: string[] = [];

  constructor(
    private readonly store: DocumentStore,
    private readonly settings: ServerSettings,
    private readonly now: () => Date,
    private readonly log: (message: string) => void,
    private readonly ignores: WorkspaceIgnores,
  ) {}

  /** Folder URIs from the client: the test/fixture path rule looks only below them. */
  setWorkspaceFolders(uris: readonly string[]): void {
    this.workspaceFolders = uris.map((u) => (u.endsWith('/') ? u : u + '/'));
  }

  private pathForRules(uri: string): string {
    const folder = this.workspaceFolders.find((f) => uri.startsWith(f));
    // Outside any workspace folder only the file's own name can say it is a test.
    const rel = folder ? uri.slice(folder.length) : (uri.split('/').pop() ?? uri);
    try {
      return decodeURIComponent(rel);
    } catch {
      return rel;
    }
  }

  /** Settings or the catalog changed: every cached result is stale. */
  invalidate(): void {
    this.generation++;
    this.cache.clear();
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  async pull(uri: string, previousResultId: string | undefined, token: CancellationToken): Promise<DocumentDiagnosticReport> {
    const document = this.store.get(uri);
    if (!document) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    const cached = this.cache.get(uri);
    if (cached && cached.version === document.version) {
      return previousResultId === cached.resultId
        ? { kind: DocumentDiagnosticReportKind.Unchanged, resultId: cached.resultId }
        : { kind: DocumentDiagnosticReportKind.Full, resultId: cached.resultId, items: cached.items };
    }
    const { generation } = this;
    const { version } = document;
    const items = await this.compute(uri, token);
    const resultId = `${generation}:${version}`;
    // Finished work stays valid for its version and settings even if the request was cancelled
    // meanwhile; work that an edit or a settings change overtook is not kept.
    const current = generation === this.generation && this.store.get(uri)?.version === version;
    if (items !== undefined && current) this.cache.set(uri, { version, resultId, items });
    // Cancelled: say so the LSP way, so the client re-pulls instead of keeping a stale answer.
    if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'diagnostics request cancelled');
    if (items === undefined) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    return { kind: DocumentDiagnosticReportKind.Full, resultId, items };
  }

  /** undefined when cancelled or the document went away. */
  private async compute(uri: string, token: CancellationToken): Promise<Diagnostic[] | undefined> {
    const { settings, catalog } = await this.settings.for(uri);
    if (token.isCancellationRequested) return undefined;
    if (await this.ignores.isIgnored(uri)) return [];
    const skip = this.store.skipReason(uri, settings.maxFileSizeKB);
    if (skip) return this.skipNote(uri, skip);
    const isId = modelIdPredicate(catalog);
    // A file that never names a model needs no parse for diagnostics (hovers parse it when asked).
    // Once a parse exists, the scanner's own candidate search answers the same question.
    if (!this.store.hasParse(uri) && !mentionsModelId(this.store.get(uri)?.getText() ?? '', isId)) return [];
    const current = await this.store.parsed(uri);
    if (!current || token.isCancellationRequested) return undefined;
    const literals = current.parsed.modelIdLiterals(isId);
    const now = this.now();
    const row = languageFor(current.document.languageId, uri);
    const findings = documentFindings(literals, current.parsed.text, row?.comments ?? 'none', catalog, now, settings.severity, { path: this.pathForRules(uri) });
    const doc = current.document;
    // Capped: a generated file of 100,000 IDs would cost the server and the editor seconds and
    // hundreds of MB for a list nobody reads. `deepseek-cost lint` reports every one.
    const cap = settings.maxDiagnosticsPerFile;
    const choose = fixChooser(catalog, now);
    const items = findings.slice(0, cap).map((f) => toDiagnostic(doc, f.start, f.end, f.severity, f.code, f.message, {
      kind: 'deepseek-model-id',
      version: doc.version,
      written: f.written,
      modelId: f.modelId,
      fixes: choose(f, current.parsed.text).map((choice): ModelIdFixData => {
        const pending = choice.thinking === 'disable';
        const fix = pending ? { title: l10n.t('Use {0}', choice.id), edits: [choice.idEdit] } : completeFix(choice, undefined);
        return {
          id: choice.id,
          title: fix.title,
          preferred: choice.preferred,
          edits: fix.edits.map((e) => ({ range: { start: doc.positionAt(e.start), end: doc.positionAt(e.end) }, newText: e.newText })),
          ...(pending ? { thinkingPending: true as const } : {}),
        };
      }),
      provider: f.provider,
      role: f.role,
    }));
    if (findings.length > cap) items.push(moreNote(current.document, findings[cap].start, findings.length - cap, cap));
    const note = unparsedNote(current.parsed.text, current.parsed.unreadableCandidates(isId));
    if (note) {
      items.push({
        range: { start: current.document.positionAt(note.start), end: current.document.positionAt(note.end) },
        severity: DiagnosticSeverity.Information,
        source: DIAGNOSTIC_SOURCE,
        code: 'unparsed-region',
        message: note.message,
      });
    }
    return items;
  }

  private skipNote(uri: string, skip: NonNullable<ReturnType<DocumentStore['skipReason']>>): Diagnostic[] {
    const document = this.store.get(uri)!;
    const why = describeSkip(skip, 'deepseekCost.maxFileSizeKB');
    this.log(`skipped ${uri}: ${why}`);
    // Say so in the file only when it could matter: a skipped file that never mentions DeepSeek stays quiet.
    if (skip.kind === 'binary' || !document.getText().includes('deepseek')) return [];
    return [
      {
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: DiagnosticSeverity.Information,
        source: DIAGNOSTIC_SOURCE,
        code: 'file-skipped',
        message: l10n.t('DeepSeek model IDs were not checked in this file: {0}.', why),
      },
    ];
  }
}

/** One information diagnostic, at the first finding not shown, saying how many are not shown. */
function moreNote(document: TextDocument, at: number, hidden: number, cap: number): Diagnostic {
  const position = document.positionAt(at);
  return {
    range: { start: position, end: position },
    severity: DiagnosticSeverity.Information,
    source: DIAGNOSTIC_SOURCE,
    code: 'more-findings',
    message:
      hidden === 1
        ? l10n.t('1 more DeepSeek model ID finding is not shown from here on: deepseekCost.maxDiagnosticsPerFile is {0}. Run deepseek-cost lint on this file to see all of them.', formatCount(cap))
        : l10n.t('{0} more DeepSeek model ID findings are not shown from here on: deepseekCost.maxDiagnosticsPerFile is {1}. Run deepseek-cost lint on this file to see all of them.', formatCount(hidden), formatCount(cap)),
  };
}

function toDiagnostic(
  document: TextDocument,
  start: number,
  end: number,
  severity: FindingSeverity,
  code: string,
  message: string,
  data: ModelIdDiagnosticData,
): Diagnostic {
  const range = { start: document.positionAt(start), end: document.positionAt(end) };
  return {
    range,
    severity: severityMap[severity],
    source: DIAGNOSTIC_SOURCE,
    code,
    // The code links to its README section; the catalog source is cited in the hover. No related
    // information: VS Code prints it inside the hover's height-capped box, where it pushed the
    // prices out of view, and as a second row in Problems, which should show the one sentence.
    codeDescription: { href: codeHelpUrl(code) },
    message,
    data,
  };
}
