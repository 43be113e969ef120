// Where the repository, the tools installed by scripts/setup.sh and the test outputs live.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const testOutputDir = join(repoRoot, 'test-output');
export const fixtureWorkspace = join(repoRoot, 'test', 'fixtures', 'workspace');
export const e2eFixtures = join(repoRoot, 'test', 'e2e', 'fixtures');

const codeServerEntry = join(repoRoot, '.tools', 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js');

/** code-server's entry script, run with this Node; throws a clear message when it is missing. */
export function codeServerEntryPath() {
  const fromEnv = process.env.CODE_SERVER_ENTRY;
  const entry = fromEnv ? resolve(fromEnv) : codeServerEntry;
  if (!existsSync(entry)) {
    throw new Error(`code-server is not installed (${entry} missing): run scripts/setup.sh first`);
  }
  return entry;
}

/** Debian's chromium unless CHROMIUM_PATH names another build. */
export function chromiumPath() {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path)) throw new Error(`chromium not found at ${path}: run scripts/setup.sh first (or set CHROMIUM_PATH)`);
  return path;
}

export function extensionManifest() {
  return JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
}

/** `<publisher>.<name>`, the id VS Code gives the extension. */
export function extensionId() {
  const { publisher, name } = extensionManifest();
  return `${publisher}.${name}`;
}

/** The VSIX `npm run package` made for the current version (or VSIX_PATH). */
export function packagedVsixPath() {
  if (process.env.VSIX_PATH) return resolve(process.env.VSIX_PATH);
  const { name, version } = extensionManifest();
  const expected = join(repoRoot, `${name}-${version}.vsix`);
  if (existsSync(expected)) return expected;
  const others = readdirSync(repoRoot).filter((f) => f.endsWith('.vsix'));
  const hint = others.length ? ` (found ${others.join(', ')}; set VSIX_PATH to use one)` : '';
  throw new Error(`${expected} not found: run npm run package first${hint}`);
}

/** Creates (if needed) and returns a folder under test-output/. */
export function outputDir(...parts) {
  const dir = join(testOutputDir, ...parts);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/**
 * A fresh folder for one run's profile, workspace copy and logs, under test-output/tmp/ (not the
 * shared temp dir, where other tools' clean-ups of look-alike names have removed it mid-run).
 * DCL_SCRATCH_DIR moves it elsewhere, e.g. when the repository path is long: code-server's IPC
 * socket lives inside it and Unix socket paths are limited to about 100 characters.
 */
export function scratchDir(kind) {
  const parent = process.env.DCL_SCRATCH_DIR ?? join(testOutputDir, 'tmp');
  mkdirSync(parent, { recursive: true });
  return mkdtempSync(join(parent, `${kind}-`));
}
