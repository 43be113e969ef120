// The plain-text spend report as a read-only virtual document: it is rebuilt from the latest
// snapshot whenever one arrives while the report is open, and closing it never asks to save.
import * as vscode from 'vscode';
import { buildSpendReport } from '../../spend/report';
import type { SnapshotMessage } from '../../spend/workerProtocol';

export const REPORT_SCHEME = 'deepseek-spend';
export const REPORT_URI = vscode.Uri.from({ scheme: REPORT_SCHEME, path: '/DeepSeek spend report.txt' });

export class SpendReportDocument implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly registration: vscode.Disposable;

  constructor(
    private readonly latest: () => SnapshotMessage | undefined,
    private readonly zone: () => string,
  ) {
    this.registration = vscode.workspace.registerTextDocumentContentProvider(REPORT_SCHEME, this);
  }

  provideTextDocumentContent(): string {
    const m = this.latest();
    if (!m) return `${vscode.l10n.t('DeepSeek Cost Lens is still reading the usage logs; this report fills in when it has read them.')}\n`;
    return buildSpendReport({ snapshot: m.snapshot, unpriced: m.unpriced.all, now: m.takenAt, zone: this.zone() });
  }

  async show(): Promise<void> {
    const doc = await vscode.workspace.openTextDocument(REPORT_URI);
    await vscode.window.showTextDocument(doc, { preview: false });
  }

  /** A new snapshot: refresh the report if it is open (VS Code asks for the text again). */
  refresh(): void {
    if (vscode.workspace.textDocuments.some((d) => d.uri.toString() === REPORT_URI.toString())) this.changed.fire(REPORT_URI);
  }

  dispose(): void {
    this.registration.dispose();
    this.changed.dispose();
  }
}
