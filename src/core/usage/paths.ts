// Resolving the user's log patterns: `~` and globs (rotated siblings such as ccr-*.log).
// `${workspaceFolder}` is the editor's to expand before patterns reach here.
import { readdir, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import picomatch from 'picomatch';

export function expandHome(pattern: string, home: string = homedir()): string {
  if (pattern === '~') return home;
  if (pattern.startsWith('~/') || pattern.startsWith('~\\')) return join(home, pattern.slice(2));
  return pattern;
}

export function isGlobPattern(pattern: string): boolean {
  return picomatch.scan(pattern).isGlob;
}

/** The directory a pattern's matches live under (the file's own directory for a plain path). */
export function patternBase(pattern: string): string {
  const scan = picomatch.scan(pattern);
  return scan.isGlob ? resolve(scan.base || '.') : resolve(pattern, '..');
}

/**
 * Files matching a glob, sorted; unreadable directories are skipped (their files cannot be tailed
 * anyway). `dirs`, when given, receives every directory walked: the folders to watch for new files.
 */
export async function filesMatching(pattern: string, dirs?: Set<string>): Promise<string[]> {
  const absolute = resolve(pattern);
  const scan = picomatch.scan(absolute);
  if (!scan.isGlob) {
    dirs?.add(resolve(absolute, '..'));
    return [absolute];
  }
  const isMatch = picomatch(absolute, { dot: true, windows: process.platform === 'win32' });
  const maxDepth = scan.glob.includes('**') ? 32 : scan.glob.split('/').length;
  const out: string[] = [];
  const walk = async (dir: string, depth: number): Promise<void> => {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    dirs?.add(dir);
    for (const e of entries) {
      const full = join(dir, e.name);
      if (e.isDirectory()) {
        if (depth < maxDepth) await walk(full, depth + 1);
      } else if ((e.isFile() || (e.isSymbolicLink() && (await stat(full).then((s) => s.isFile(), () => false)))) && isMatch(full)) {
        out.push(full);
      }
    }
  };
  const base = resolve(scan.base || '.');
  dirs?.add(base);
  await walk(base, 1);
  return out.sort();
}

/** Whether a path is one the pattern names (a plain path names only itself). */
export function matchesPattern(pattern: string, path: string): boolean {
  const absolute = resolve(pattern);
  if (!picomatch.scan(absolute).isGlob) return resolve(path) === absolute;
  return picomatch(absolute, { dot: true, windows: process.platform === 'win32' })(resolve(path));
}
