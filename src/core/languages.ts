// The one table of the languages DeepSeek Cost Lens serves. Everything else is derived from it:
// the extension's activation events (package.json, checked by a test), the language client's
// document selector, the scanner chosen for a document, the CLI's file walk, Markdown fence names,
// the grammar to load and the comment syntax suppression comments are written in.
// To serve a new language: add a row here (and a scanner for it when none fits), then run the
// manifest test, which prints the activation events to paste into package.json.
import type { Grammar } from './scan/runtime';
import type { ScanLanguage } from './scan/types';

/**
 * How comments are written, for suppression comments:
 * - `c`: `// line` and `/* block *\/` (strings in '…', "…", `…`; Rust/Java/Go char literals)
 * - `hash`: `# line` (Python: '…', "…", triple-quoted strings)
 * - `yaml`, `toml`, `dotenv`: `#` where each format allows it
 * - `properties`: `#` or `!` as the first character of a line
 * - `markdown`: `<!-- … -->` in prose, the fence's own syntax inside fenced code
 * - `front-matter`: YAML comments in the front matter of a prompt file
 * - `none`: the format has no comments (plain JSON): use `.deepseekcostignore`
 */
export type CommentSyntax = 'c' | 'hash' | 'yaml' | 'toml' | 'dotenv' | 'properties' | 'markdown' | 'front-matter' | 'none';

export interface ServedLanguage {
  /** VS Code language id. */
  id: string;
  /** Human name, for documentation and messages. */
  name: string;
  /** File extensions without the dot, lower case: the CLI walk and documents whose id is unknown. */
  extensions: readonly string[];
  /** Base-name globs (`*` only) that decide the language before the editor's language id does. */
  fileNames: readonly string[];
  /** Markdown fence info words (```python) whose blocks are read as this language. */
  fences: readonly string[];
  scanner: ScanLanguage;
  /** The tree-sitter grammar the scanner parses with, if any. */
  grammar?: Grammar;
  comments: CommentSyntax;
}

const row = (r: Omit<ServedLanguage, 'fileNames' | 'fences' | 'extensions'> & Partial<Pick<ServedLanguage, 'fileNames' | 'fences' | 'extensions'>>): ServedLanguage => ({
  extensions: [],
  fileNames: [],
  fences: [],
  ...r,
});

/** Order matters only for file-name globs: the first row whose glob matches wins. */
export const SERVED_LANGUAGES: readonly ServedLanguage[] = [
  // Prompt files first: `x.prompt.md` is a prompt file even though the editor calls it markdown.
  row({ id: 'prompt', name: 'Prompt file', extensions: ['prompt'], fileNames: ['*.prompt.md', '*.prompt'], scanner: 'prompt-file', comments: 'front-matter' }),
  row({ id: 'prompty', name: 'Prompty', extensions: ['prompty'], fileNames: ['*.prompty'], scanner: 'prompt-file', comments: 'front-matter' }),
  row({ id: 'instructions', name: 'Instructions file', scanner: 'prompt-file', comments: 'front-matter' }),
  // `.env` files have no extension the editor knows: their names decide.
  row({ id: 'dotenv', name: '.env', fileNames: ['.env', '.env.*', '*.env'], fences: ['env', 'dotenv'], scanner: 'dotenv', comments: 'dotenv' }),
  row({ id: 'env', name: '.env', scanner: 'dotenv', comments: 'dotenv' }),
  row({ id: 'python', name: 'Python', extensions: ['py', 'pyi', 'pyw'], fences: ['py', 'python', 'python3', 'ipython'], scanner: 'python', grammar: 'python', comments: 'hash' }),
  row({ id: 'typescript', name: 'TypeScript', extensions: ['ts', 'mts', 'cts'], fences: ['ts', 'typescript'], scanner: 'typescript', grammar: 'typescript', comments: 'c' }),
  row({ id: 'typescriptreact', name: 'TSX', extensions: ['tsx'], fences: ['tsx'], scanner: 'tsx', grammar: 'tsx', comments: 'c' }),
  row({ id: 'javascript', name: 'JavaScript', extensions: ['js', 'mjs', 'cjs'], fences: ['js', 'javascript', 'mjs', 'cjs', 'node'], scanner: 'javascript', grammar: 'javascript', comments: 'c' }),
  row({ id: 'javascriptreact', name: 'JSX', extensions: ['jsx'], fences: ['jsx'], scanner: 'javascript', grammar: 'javascript', comments: 'c' }),
  row({ id: 'go', name: 'Go', extensions: ['go'], fences: ['go', 'golang'], scanner: 'go', grammar: 'go', comments: 'c' }),
  row({ id: 'java', name: 'Java', extensions: ['java'], fences: ['java'], scanner: 'java', grammar: 'java', comments: 'c' }),
  row({ id: 'rust', name: 'Rust', extensions: ['rs'], fences: ['rust', 'rs'], scanner: 'rust', grammar: 'rust', comments: 'c' }),
  row({ id: 'json', name: 'JSON', extensions: ['json'], fences: ['json'], scanner: 'json', grammar: 'json', comments: 'none' }),
  row({ id: 'jsonc', name: 'JSON with comments', extensions: ['jsonc'], fences: ['jsonc'], scanner: 'json', grammar: 'json', comments: 'c' }),
  row({ id: 'json5', name: 'JSON5', extensions: ['json5'], fences: ['json5'], scanner: 'json', grammar: 'json', comments: 'c' }),
  row({ id: 'yaml', name: 'YAML', extensions: ['yaml', 'yml'], fences: ['yaml', 'yml'], scanner: 'yaml', grammar: 'yaml', comments: 'yaml' }),
  // Ids other extensions give YAML files (Docker Compose, GitHub Actions): the same YAML scanner.
  row({ id: 'dockercompose', name: 'Docker Compose', scanner: 'yaml', grammar: 'yaml', comments: 'yaml' }),
  row({ id: 'github-actions-workflow', name: 'GitHub Actions workflow', scanner: 'yaml', grammar: 'yaml', comments: 'yaml' }),
  row({ id: 'toml', name: 'TOML', extensions: ['toml'], fences: ['toml'], scanner: 'toml', grammar: 'toml', comments: 'toml' }),
  row({ id: 'properties', name: 'Java properties', extensions: ['properties'], fences: ['properties'], scanner: 'properties', comments: 'properties' }),
  row({ id: 'markdown', name: 'Markdown', extensions: ['md', 'markdown', 'mdx'], scanner: 'markdown', comments: 'markdown' }),
];

const byId = new Map(SERVED_LANGUAGES.map((l) => [l.id, l]));
const byExtension = new Map<string, ServedLanguage>();
const byFence = new Map<string, ServedLanguage>();
for (const l of SERVED_LANGUAGES) {
  for (const e of l.extensions) if (!byExtension.has(e)) byExtension.set(e, l);
  for (const f of l.fences) if (!byFence.has(f)) byFence.set(f, l);
}

/** A base-name glob as a test; the common shapes (`name`, `*.ext`, `name.*`) without a regular expression. */
function globTest(glob: string): (base: string) => boolean {
  const star = glob.indexOf('*');
  if (star < 0) return (b) => b === glob;
  if (star === glob.lastIndexOf('*')) {
    if (star === 0) return (b) => b.length > glob.length - 1 && b.endsWith(glob.slice(1));
    if (star === glob.length - 1) return (b) => b.startsWith(glob.slice(0, -1));
  }
  const re = new RegExp(`^${glob.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}$`);
  return (b) => re.test(b);
}
const nameRules = SERVED_LANGUAGES.flatMap((l) => l.fileNames.map((g) => ({ test: globTest(g), language: l })));

function baseName(fileName: string): string {
  return fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1).toLowerCase();
}

/** The row for a VS Code language id, if served. */
export function languageById(id: string): ServedLanguage | undefined {
  return byId.get(id);
}

/**
 * The row for a document: its file name's glob first, then the editor's language id, then the
 * extension (the CLI has only the name; editors often report `.env` files as plain text).
 */
export function languageFor(languageId: string, fileName: string): ServedLanguage | undefined {
  const base = baseName(fileName);
  for (const r of nameRules) if (r.test(base)) return r.language;
  const fromId = byId.get(languageId);
  if (fromId) return fromId;
  const dot = base.lastIndexOf('.');
  return dot > 0 ? byExtension.get(base.slice(dot + 1)) : undefined;
}

/** The row a file would open with, from its name alone (the CLI). */
export function languageForFile(fileName: string): ServedLanguage | undefined {
  return languageFor('', fileName);
}

/** The row for a fenced code block's info string (```python {title=x}), if served. */
export function languageForFence(info: string): ServedLanguage | undefined {
  return byFence.get(info.trim().split(/[\s{,]/)[0].toLowerCase());
}

/** `onLanguage:` for every id, `workspaceContains:` for every file-name glob, plus the spend tracker's start. */
export function activationEvents(): string[] {
  return [
    ...SERVED_LANGUAGES.map((l) => `onLanguage:${l.id}`),
    ...SERVED_LANGUAGES.flatMap((l) => l.fileNames.map((g) => `workspaceContains:**/${g}`)),
    // The spend tracker reads logs whatever is open.
    'onStartupFinished',
  ];
}
