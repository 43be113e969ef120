// Tokenizer files a user points `deepseekCost.tokenizers` at (model ID, version or catalog tokenizer
// key → a local tokenizer.json). A file is read and compiled in the background the first time it
// is asked for, so a hover never waits on 7 MB of JSON: until it is ready (or when it cannot be
// used) the bundled tokenizer counts, and the hover says which one did.
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { DeepSeekTokenizer } from './deepseekTokenizer';
import { readTokenizerData, resolveDataFile, type TokenizerData } from './tokenizerData';
import { UnsupportedTokenizerError, tokenizerDataFromJson } from './tokenizerJson';

export type UserTokenizerState =
  | { state: 'loading'; file: string }
  | { state: 'ready'; file: string; tokenizer: DeepSeekTokenizer }
  | { state: 'failed'; file: string; message: string };

/** `~/x` → the home directory's x; other paths as written. */
export function expandTokenizerPath(file: string, home: string = homedir()): string {
  if (file === '~') return home;
  return file.startsWith('~/') || file.startsWith('~\\') ? join(home, file.slice(2)) : file;
}

/**
 * Which configured file applies to a model at a time: the model ID first, then the version serving
 * it (`DeepSeek-V4.1-Flash-1017`), then the catalog's tokenizer key (`deepseek-v4.1`).
 */
export function tokenizerFileFor(files: Readonly<Record<string, string>>, keys: ReadonlyArray<string | undefined>): { key: string; file: string } | undefined {
  for (const key of keys) if (key !== undefined && Object.hasOwn(files, key)) return { key, file: files[key]! };
  return undefined;
}

/** Reads and compiles one tokenizer.json, or throws an Error whose message is for the user. */
export async function loadUserTokenizer(file: string, base: TokenizerData = bundledData()): Promise<DeepSeekTokenizer> {
  const path = expandTokenizerPath(file);
  if (!isAbsolute(path)) throw new Error('the path must be absolute (or start with ~/)');
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new Error(code === 'ENOENT' ? 'the file does not exist' : code === 'EISDIR' ? 'it is a directory' : `it cannot be read (${code ?? String(err)})`);
  }
  // Let the event loop answer what is queued before the parse (a few hundred ms for V4's file).
  await new Promise((r) => setImmediate(r));
  try {
    return new DeepSeekTokenizer(tokenizerDataFromJson(text, base, path));
  } catch (err) {
    if (err instanceof UnsupportedTokenizerError) throw new Error(`the engine does not support it: ${err.message}`);
    throw err;
  }
}

let bundled: TokenizerData | undefined;

function bundledData(): TokenizerData {
  return (bundled ??= readTokenizerData(resolveDataFile()));
}

/**
 * Process-wide cache of user tokenizer files by path; a changed setting simply asks for another path.
 * A file that could not be used is tried again, in the background, once `retryMs` have passed, so a
 * user who fixes or downloads it sees it used without restarting.
 */
export class UserTokenizers {
  private readonly states = new Map<string, UserTokenizerState>();
  private readonly pending = new Map<string, Promise<UserTokenizerState>>();
  private readonly failedAt = new Map<string, number>();

  constructor(private readonly retryMs = 30_000) {}

  /** The file's state now; the first call starts loading it in the background. */
  get(file: string): UserTokenizerState {
    const known = this.states.get(file);
    if (known) {
      if (known.state === 'failed' && !this.pending.has(file) && Date.now() - (this.failedAt.get(file) ?? 0) >= this.retryMs) this.start(file);
      return known;
    }
    void this.load(file);
    return this.states.get(file)!;
  }

  /** Resolves once the file is ready or has failed. */
  load(file: string): Promise<UserTokenizerState> {
    const known = this.states.get(file);
    if (known && known.state !== 'loading') return Promise.resolve(known);
    if (!known) this.states.set(file, { state: 'loading', file });
    return this.pending.get(file) ?? this.start(file);
  }

  /** Starts a load; the previous state (a failure being retried) stays visible until it settles. */
  private start(file: string): Promise<UserTokenizerState> {
    const p = loadUserTokenizer(file).then(
      (tokenizer): UserTokenizerState => ({ state: 'ready', file, tokenizer }),
      (err: unknown): UserTokenizerState => ({ state: 'failed', file, message: err instanceof Error ? err.message : String(err) }),
    );
    p.then((s) => {
      this.states.set(file, s);
      this.pending.delete(file);
      if (s.state === 'failed') this.failedAt.set(file, Date.now());
    });
    this.pending.set(file, p);
    return p;
  }
}
