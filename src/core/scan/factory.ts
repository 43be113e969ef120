// Chooses the scanner for a language and builds it once its grammar is loaded.
import type { Dialect } from './dialect';
import type { ScanLanguage } from './types';
import { type Grammar, loadedParser, parserFor } from './runtime';
import { type Scanner } from './scanner';
import { TreeScanner } from './tree-scanner';
import { DotenvScanner, lexDotenv } from './dotenv';
import { lexProperties } from './properties';
import { SERVED_LANGUAGES } from '../languages';
import { FallbackScanner } from './fallback';
import { python } from './dialects/python';
import { javascript } from './dialects/javascript';
import { go } from './dialects/go';
import { java } from './dialects/java';
import { rust } from './dialects/rust';
import { json } from './dialects/json';
import { yaml } from './dialects/yaml';
import { toml } from './dialects/toml';

/** The dialect each tree-sitter scanner reads its grammar's trees with; the grammar comes from the registry. */
const dialects: Partial<Record<ScanLanguage, Dialect>> = {
  python,
  typescript: javascript,
  tsx: javascript,
  javascript,
  go,
  java,
  rust,
  json,
  yaml,
  toml,
};

const grammars = new Map<ScanLanguage, Grammar>();
for (const l of SERVED_LANGUAGES) if (l.grammar && !grammars.has(l.scanner)) grammars.set(l.scanner, l.grammar);

export function grammarOf(language: ScanLanguage): Grammar | undefined {
  return grammars.get(language);
}

/** Scanners that read a tree (for the registry test: every one has a grammar and a dialect). */
export function treeScannerLanguages(): ScanLanguage[] {
  return Object.keys(dialects) as ScanLanguage[];
}

/**
 * Builds a scanner synchronously; a tree-sitter language whose grammar has not finished loading
 * gets the fallback (callers that can wait use `createScanner`).
 */
export function createScannerSync(language: ScanLanguage, text: string): Scanner {
  const dialect = dialects[language];
  const grammar = grammars.get(language);
  if (dialect && grammar) {
    const parser = loadedParser(grammar);
    // Values in config files are settings, not arguments: their model keys have the `config` role.
    if (parser) return new TreeScanner(parser, dialect, text, grammar === 'json' || grammar === 'yaml' || grammar === 'toml' ? 'config' : 'code', grammar);
    return new FallbackScanner(text);
  }
  if (language === 'dotenv') return new DotenvScanner(text, lexDotenv);
  if (language === 'properties') return new DotenvScanner(text, lexProperties);
  return new FallbackScanner(text);
}

export async function createTreeOrSimpleScanner(language: ScanLanguage, text: string): Promise<Scanner> {
  const grammar = grammarOf(language);
  if (grammar) await parserFor(grammar);
  return createScannerSync(language, text);
}
