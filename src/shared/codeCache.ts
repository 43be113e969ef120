// Loads a bundle through V8's code cache. `deepseek-cost` runs as many short processes (a CI step,
// a pre-commit hook, each MCP start), and compiling its megabyte of JavaScript was a third of a
// small run: with the cache, later runs read the compiled code instead. Node 22.1 and later keep
// such a cache themselves (module.enableCompileCache); on Node 20 the same is done here with
// vm.Script's cachedData, which is what Node's own cache is built on.
//
// The cache is per user (never a shared temporary folder, whose files another user could plant)
// and keyed by a hash of the bundle's text, Node's version and its flags: V8 itself checks only
// the text's length, so a rebuilt bundle of the same length must never meet an old cache. Any
// failure (no home folder, a read-only disk, a corrupt file) only means compiling as before.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import * as nodeModule from 'node:module';
import { homedir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';
import * as zlib from 'node:zlib';

type Env = Record<string, string | undefined>;

/**
 * Where compiled code is kept: Node's own variables first (NODE_DISABLE_COMPILE_CACHE turns it
 * off, NODE_COMPILE_CACHE names the folder), else the platform's per-user cache folder.
 */
export function codeCacheDir(env: Env = process.env, platform: NodeJS.Platform = process.platform, home: () => string = homedir): string | undefined {
  if (env.NODE_DISABLE_COMPILE_CACHE) return undefined;
  if (env.NODE_COMPILE_CACHE) return env.NODE_COMPILE_CACHE;
  let user = '';
  try {
    user = home();
  } catch {
    // No home folder (a service account, a sandbox): only an explicit folder is used.
  }
  const under = (...parts: string[]) => (user ? join(user, ...parts) : undefined);
  let base: string | undefined;
  if (platform === 'win32') base = env.LOCALAPPDATA || under('AppData', 'Local');
  else if (platform === 'darwin') base = under('Library', 'Caches');
  else base = env.XDG_CACHE_HOME || under('.cache');
  return base ? join(base, 'deepseek-cost', 'code-cache') : undefined;
}

/** What happened to a bundle's cache, for tests and for DEEPSEEK_COST_DEBUG_CODE_CACHE. */
export type CacheUse = 'off' | 'node' | 'hit' | 'miss' | 'rejected';

/**
 * `require(file)` for a bundle of this package, through the code cache in `dir`. The bundle's
 * compiled code is written when the process exits (so it includes every function the run
 * compiled), and only when no usable cache was found.
 */
export function requireWithCodeCache(file: string, dir: string | undefined = codeCacheDir()): unknown {
  const load = nodeModule.createRequire(file);
  if (!dir) return report(file, 'off', load(file));
  const { enableCompileCache } = nodeModule as { enableCompileCache?: (dir?: string) => unknown };
  if (enableCompileCache) {
    try {
      enableCompileCache(dir);
    } catch {
      // A folder that cannot be made: Node compiles as it would without a cache.
    }
    return report(file, 'node', load(file));
  }
  const bytes = readFileSync(file);
  const key = `${contentHash(bytes)}${hexDigest(`${process.version}\0${process.arch}`, 12)}`;
  const source = bytes.toString('utf8');
  // V8 rejects code compiled under other flags: a process started with flags (spend's small young
  // generation) keeps its own file instead of replacing the usual one each time.
  const flags = process.execArgv.length ? `.${hexDigest(process.execArgv.join('\0'), 8)}` : '';
  const name = basename(file, '.js') + flags;
  const cacheFile = join(dir, `${name}-${key}.v8`);
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  // Module.wrap's parameters, so the bundle sees the five names every CommonJS file sees.
  const wrapper = `(function (exports, require, module, __filename, __dirname) { ${source}\n});`;
  const script = new Script(wrapper, { filename: file, cachedData });
  const use: CacheUse = cachedData === undefined ? 'miss' : script.cachedDataRejected ? 'rejected' : 'hit';
  if (use !== 'hit') process.once('exit', () => writeCache(script, dir, cacheFile, name));
  const mod = { exports: {} as unknown, filename: file, id: file, loaded: false };
  const fn = script.runInThisContext() as (e: unknown, r: NodeJS.Require, m: typeof mod, f: string, d: string) => void;
  fn.call(mod.exports, mod.exports, load, mod, file, dirname(file));
  mod.loaded = true;
  return report(file, use, mod.exports);
}

/** The bundle's text as 8 hex digits: CRC-32 where Node has it (as Node's own compile cache), else SHA-1. */
function contentHash(bytes: Buffer): string {
  const { crc32 } = zlib as { crc32?: (data: Buffer) => number };
  return crc32 ? crc32(bytes).toString(16).padStart(8, '0') : hexDigest(bytes, 8);
}

/** The first `length` hex digits of a SHA-1: names, not security (V8 checks what it loads). */
function hexDigest(data: string | Buffer, length: number): string {
  return createHash('sha1').update(data).digest('hex').slice(0, length);
}

function report<T>(file: string, use: CacheUse, value: T): T {
  if (process.env.DEEPSEEK_COST_DEBUG_CODE_CACHE) process.stderr.write(`deepseek-cost: code cache ${use} for ${basename(file)}\n`);
  return value;
}

const olderCache = /-[0-9a-f]{20}\.v8$/;

/** Writes the compiled code beside nothing else of the same bundle: older caches of it are removed. */
function writeCache(script: Script, dir: string, cacheFile: string, name: string): void {
  try {
    const data = script.createCachedData();
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    // Written whole under another name, then renamed: a process starting meanwhile sees the old file or the new, never half.
    const partial = `${cacheFile}.${process.pid}.partial`;
    writeFileSync(partial, data, { mode: 0o600 });
    renameSync(partial, cacheFile);
    for (const f of readdirSync(dir)) {
      if (olderCache.test(f) && f.slice(0, f.lastIndexOf('-')) === name && join(dir, f) !== cacheFile) unlinkSync(join(dir, f));
    }
  } catch {
    // Nothing is lost: the next run compiles again.
  }
}
