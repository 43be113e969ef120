// Loads web-tree-sitter and its grammars once per process. In the bundles (dist/server.js,
// dist/cli.js) the wasm files sit beside the bundle; under tsx (tests) they come from node_modules.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
// The CommonJS build must be the one bundled: the ESM build reads import.meta.url, which is empty
// in esbuild's CommonJS output. `import = require` makes esbuild pick the package's "require" entry.
import TreeSitter = require('web-tree-sitter');

export type Grammar = 'python' | 'typescript' | 'tsx' | 'javascript' | 'go' | 'java' | 'rust' | 'json' | 'yaml' | 'toml';

export const GRAMMARS: readonly Grammar[] = ['python', 'typescript', 'tsx', 'javascript', 'go', 'java', 'rust', 'json', 'yaml', 'toml'];

const packageWasm: Record<Grammar, string> = {
  python: 'tree-sitter-python/tree-sitter-python.wasm',
  typescript: 'tree-sitter-typescript/tree-sitter-typescript.wasm',
  tsx: 'tree-sitter-typescript/tree-sitter-tsx.wasm',
  javascript: 'tree-sitter-javascript/tree-sitter-javascript.wasm',
  go: 'tree-sitter-go/tree-sitter-go.wasm',
  java: 'tree-sitter-java/tree-sitter-java.wasm',
  rust: 'tree-sitter-rust/tree-sitter-rust.wasm',
  json: 'tree-sitter-json/tree-sitter-json.wasm',
  yaml: '@tree-sitter-grammars/tree-sitter-yaml/tree-sitter-yaml.wasm',
  toml: '@tree-sitter-grammars/tree-sitter-toml/tree-sitter-toml.wasm',
};

export type TSParser = TreeSitter.Parser;
export type TSTree = TreeSitter.Tree;
export type TSNode = TreeSitter.Node;
export type TSEdit = TreeSitter.Edit;
export type TSPoint = TreeSitter.Point;

function grammarPath(grammar: Grammar): string {
  const bundled = join(__dirname, 'grammars', `tree-sitter-${grammar}.wasm`);
  return existsSync(bundled) ? bundled : require.resolve(packageWasm[grammar]);
}

// Held in a variable: esbuild warns about `require.resolve` of a literal it cannot see at run time.
const runtimeWasmSpec = 'web-tree-sitter/tree-sitter.wasm';

function runtimeWasmPath(): string {
  const bundled = join(__dirname, 'tree-sitter.wasm');
  return existsSync(bundled) ? bundled : require.resolve(runtimeWasmSpec);
}

let initialized: Promise<void> | undefined;
const loaded = new Map<Grammar, Promise<TSParser>>();
const ready = new Map<Grammar, TSParser>();

function init(): Promise<void> {
  initialized ??= TreeSitter.Parser.init({ locateFile: () => runtimeWasmPath() } as unknown as Parameters<typeof TreeSitter.Parser.init>[0]);
  return initialized;
}

/**
 * One parser per grammar, shared by all documents: parsing is synchronous, so two documents can
 * never use it at the same time.
 */
export function parserFor(grammar: Grammar): Promise<TSParser> {
  let p = loaded.get(grammar);
  if (!p) {
    p = (async () => {
      await init();
      // Given bytes, not a path: with a path the library loads node:fs with import(), which a
      // bundle loaded through the code cache cannot do on Node 20 (see shared/codeCache.ts).
      const language = await TreeSitter.Language.load(new Uint8Array(await readFile(grammarPath(grammar))));
      const parser = new TreeSitter.Parser();
      parser.setLanguage(language);
      ready.set(grammar, parser);
      return parser;
    })();
    p.catch(() => loaded.delete(grammar));
    loaded.set(grammar, p);
  }
  return p;
}

/** The parser if its grammar has finished loading (used where code must stay synchronous). */
export function loadedParser(grammar: Grammar): TSParser | undefined {
  return ready.get(grammar);
}
