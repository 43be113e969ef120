// Chooses the scanner for a language and builds it once its grammar is loaded.
import type { Dialect } from './dialect';
import type { ScanLanguage } from './types';
import { type Grammar, loadedParser, parserFor } from './runtime';
import { type Scanner } from './scanner';
import { TreeScanner } from './tree-scanner';
import { DotenvScanner } from './dotenv';
import { FallbackScanner } from './fallback';
import { python } from './dialects/python';
import { javascript } from './dialects/javascript';
import { go } from './dialects/go';
import { java } from './dialects/java';
import { rust } from './dialects/rust';
import { json } from './dialects/json';
import { yaml } from './dialects/yaml';
import { toml } from './dialects/toml';

const treeLanguages: Partial<Record<ScanLanguage, { grammar: Grammar; dialect: Dialect }>> = {
  python: { grammar: 'python', dialect: python },
  typescript: { grammar: 'typescript', dialect: javascript },
  tsx: { grammar: 'tsx', dialect: javascript },
  javascript: { grammar: 'javascript', dialect: javascript },
  go: { grammar: 'go', dialect: go },
  java: { grammar: 'java', dialect: java },
  rust: { grammar: 'rust', dialect: rust },
  json: { grammar: 'json', dialect: json },
  yaml: { grammar: 'yaml', dialect: yaml },
  toml: { grammar: 'toml', dialect: toml },
};

export function grammarOf(language: ScanLanguage): Grammar | undefined {
  return treeLanguages[language]?.grammar;
}

/**
 * Builds a scanner synchronously; a tree-sitter language whose grammar has not finished loading
 * gets the fallback (callers that can wait use `createScanner`).
 */
export function createScannerSync(language: ScanLanguage, text: string): Scanner {
  const tree = treeLanguages[language];
  if (tree) {
    const parser = loadedParser(tree.grammar);
    // Values in config files are settings, not arguments: their model keys have the `config` role.
    if (parser) return new TreeScanner(parser, tree.dialect, text, tree.grammar === 'json' || tree.grammar === 'yaml' || tree.grammar === 'toml' ? 'config' : 'code', tree.grammar);
    return new FallbackScanner(text);
  }
  if (language === 'dotenv') return new DotenvScanner(text);
  return new FallbackScanner(text);
}

export async function createTreeOrSimpleScanner(language: ScanLanguage, text: string): Promise<Scanner> {
  const grammar = grammarOf(language);
  if (grammar) await parserFor(grammar);
  return createScannerSync(language, text);
}
