// The scanner for a document or a Markdown fence, read from the language registry.
import { languageFor, languageForFence } from '../languages';
import type { ScanLanguage } from './types';

/** Maps a fenced code block's info string (```python) to the scanner that reads it. */
export function scanLanguageForFence(info: string): ScanLanguage {
  return languageForFence(info)?.scanner ?? 'fallback';
}

/**
 * The scanner for a document: by file name first where the name decides (`.env`, prompt files),
 * then by VS Code language id, then by extension (the CLI has only the name).
 */
export function scanLanguageFor(languageId: string, fileName: string): ScanLanguage {
  return languageFor(languageId, fileName)?.scanner ?? 'fallback';
}
