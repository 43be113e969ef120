import type { ScanLanguage } from './types';

const byLanguageId: Record<string, ScanLanguage> = {
  python: 'python',
  typescript: 'typescript',
  typescriptreact: 'tsx',
  javascript: 'javascript',
  javascriptreact: 'javascript',
  go: 'go',
  java: 'java',
  rust: 'rust',
  json: 'json',
  jsonc: 'json',
  json5: 'json',
  jsonl: 'json',
  yaml: 'yaml',
  'github-actions-workflow': 'yaml',
  dockercompose: 'yaml',
  toml: 'toml',
  dotenv: 'dotenv',
  env: 'dotenv',
  properties: 'dotenv',
  markdown: 'markdown',
  prompt: 'prompt-file',
  prompty: 'prompt-file',
  instructions: 'prompt-file',
};

const byExtension: Record<string, ScanLanguage> = {
  py: 'python', pyi: 'python', pyw: 'python',
  ts: 'typescript', mts: 'typescript', cts: 'typescript',
  tsx: 'tsx',
  js: 'javascript', mjs: 'javascript', cjs: 'javascript', jsx: 'javascript',
  go: 'go',
  java: 'java',
  rs: 'rust',
  json: 'json', jsonc: 'json', json5: 'json',
  yaml: 'yaml', yml: 'yaml',
  toml: 'toml',
  env: 'dotenv',
  md: 'markdown', markdown: 'markdown', mdx: 'markdown',
  prompt: 'prompt-file', prompty: 'prompt-file',
};

/** Maps a fenced code block's info string (```python) to the scanner that reads it. */
export function scanLanguageForFence(info: string): ScanLanguage {
  const word = info.trim().split(/[\s{,]/)[0].toLowerCase();
  const aliases: Record<string, ScanLanguage> = {
    py: 'python', python: 'python', python3: 'python', ipython: 'python',
    ts: 'typescript', typescript: 'typescript', tsx: 'tsx',
    js: 'javascript', javascript: 'javascript', jsx: 'javascript', mjs: 'javascript', cjs: 'javascript', node: 'javascript',
    go: 'go', golang: 'go', java: 'java', rust: 'rust', rs: 'rust',
    json: 'json', jsonc: 'json', json5: 'json', yaml: 'yaml', yml: 'yaml', toml: 'toml',
    env: 'dotenv', dotenv: 'dotenv',
  };
  return aliases[word] ?? 'fallback';
}

/**
 * The scanner for a document: by VS Code language id first, then by file name (the CLI has only
 * the name; editors often report `.env` or `.prompty` files as plain text).
 */
export function scanLanguageFor(languageId: string, fileName: string): ScanLanguage {
  const base = fileName.replace(/\\/g, '/').split('/').pop() ?? '';
  const lower = base.toLowerCase();
  // Prompt files win over their generic language id (`x.prompt.md` is reported as markdown).
  if (lower.endsWith('.prompt.md') || lower.endsWith('.prompt') || lower.endsWith('.prompty')) return 'prompt-file';
  if (lower === '.env' || lower.startsWith('.env.') || lower.endsWith('.env')) return 'dotenv';
  const fromId = byLanguageId[languageId];
  if (fromId) return fromId;
  const dot = lower.lastIndexOf('.');
  if (dot > 0) {
    const fromExt = byExtension[lower.slice(dot + 1)];
    if (fromExt) return fromExt;
  }
  return 'fallback';
}
