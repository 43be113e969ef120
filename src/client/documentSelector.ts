// The documents the language server handles, derived from the language registry (as are the
// activation events in package.json, which a test keeps equal to it).
import { SERVED_LANGUAGES } from '../core/languages';

/** Plain filters, valid both as an LSP DocumentFilter and as a vscode.DocumentFilter. */
export interface ServedFilter {
  scheme: string;
  language?: string;
  pattern?: string;
}

export function servedDocuments(): ServedFilter[] {
  const filters: ServedFilter[] = [];
  for (const scheme of ['file', 'untitled']) {
    for (const { id } of SERVED_LANGUAGES) filters.push({ scheme, language: id });
  }
  // Files identified by name rather than language (VS Code opens `.env` as plain text).
  for (const { fileNames } of SERVED_LANGUAGES) for (const name of fileNames) filters.push({ scheme: 'file', pattern: `**/${name}` });
  return filters;
}
