// The documents the language server handles. Activation events in package.json mirror this list.
/** Plain filters, valid both as an LSP DocumentFilter and as a vscode.DocumentFilter. */
export interface ServedFilter {
  scheme: string;
  language?: string;
  pattern?: string;
}

export const SERVED_LANGUAGES = [
  'python', 'typescript', 'typescriptreact', 'javascript', 'javascriptreact',
  'go', 'java', 'rust', 'json', 'jsonc', 'yaml', 'toml', 'dotenv', 'markdown', 'prompty',
] as const;

/** Files identified by name rather than language (VS Code opens `.env` as plain text without an extension for it). */
export const SERVED_PATTERNS = ['**/.env', '**/.env.*', '**/*.env', '**/*.prompt', '**/*.prompty', '**/*.prompt.md'] as const;

export function servedDocuments(): ServedFilter[] {
  const filters: ServedFilter[] = [];
  for (const scheme of ['file', 'untitled']) {
    for (const language of SERVED_LANGUAGES) filters.push({ scheme, language });
  }
  for (const pattern of SERVED_PATTERNS) filters.push({ scheme: 'file', pattern });
  return filters;
}
