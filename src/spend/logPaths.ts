// Turns the user's `deepseekCost.usageLogs` entries into absolute paths or glob patterns the tailer
// can follow. Expansion is explicit and small: `~`, `${userHome}`, `${workspaceFolder}` and
// `${workspaceFolder:name}`; anything else is reported rather than guessed.
import * as path from 'node:path';

export interface WorkspaceFolderRef {
  name: string;
  fsPath: string;
}

export interface ExpansionContext {
  home: string;
  workspaceFolders: readonly WorkspaceFolderRef[];
  /** Defaults to the running platform's rules; tests pass path.posix or path.win32. */
  pathApi?: typeof path.posix;
}

export interface ExpandedLogSource {
  /** The entry as the user wrote it (shown in the tooltip). */
  pattern: string;
  /** Absolute files or glob patterns; empty when the entry could not be expanded. */
  paths: string[];
  problem?: string;
}

const VARIABLE = /\$\{([^}]*)\}/g;

export function expandUsageLogPattern(pattern: string, ctx: ExpansionContext): ExpandedLogSource {
  const p = ctx.pathApi ?? path;
  const entry = pattern.trim();
  let variants = [entry];
  if (entry === '~' || entry.startsWith('~/') || entry.startsWith('~\\')) variants = [ctx.home + entry.slice(1)];
  else if (entry.startsWith('~')) return { pattern, paths: [], problem: `"${pattern}": only "~/" (your own home folder) is expanded` };

  for (const match of entry.matchAll(VARIABLE)) {
    const name = match[1];
    let values: string[];
    if (name === 'userHome') values = [ctx.home];
    else if (name === 'workspaceFolder') values = ctx.workspaceFolders.map((f) => f.fsPath);
    else if (name.startsWith('workspaceFolder:')) {
      const wanted = name.slice('workspaceFolder:'.length);
      values = ctx.workspaceFolders.filter((f) => f.name === wanted).map((f) => f.fsPath);
      if (values.length === 0) return { pattern, paths: [], problem: `"${pattern}": no open workspace folder is named "${wanted}"` };
    } else return { pattern, paths: [], problem: `"${pattern}": \${${name}} is not supported (use ~, \${userHome}, \${workspaceFolder} or \${workspaceFolder:name})` };
    if (values.length === 0) return { pattern, paths: [], problem: `"${pattern}": \${${name}} needs an open workspace folder` };
    // Each open folder yields its own path, so one entry can follow a log in every folder.
    variants = variants.flatMap((v) => values.map((value) => v.split(match[0]).join(value)));
  }

  const relative = variants.find((v) => !p.isAbsolute(v));
  if (relative !== undefined) {
    return { pattern, paths: [], problem: `"${pattern}" is not an absolute path; start it with /, ~/ or \${workspaceFolder}/` };
  }
  return { pattern, paths: [...new Set(variants)] };
}

/** Windows-style separators confuse glob matchers; patterns are matched with "/" everywhere. */
export function toGlobSeparators(p: string, pathApi: typeof path.posix = path): string {
  return pathApi.sep === '\\' ? p.split('\\').join('/') : p;
}
