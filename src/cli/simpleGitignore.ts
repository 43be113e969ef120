// A fast matcher for the .gitignore files most projects have (`node_modules/`, `*.log`, `/dist`,
// `.env`): on a tree of tens of thousands of files the general matcher costs more than reading
// the directories. Only these shapes are handled, exactly as the `ignore` package (git's rules,
// case-insensitive) decides them for a walk that never enters an ignored folder; any other
// line (negation, `**`, `?`, `[…]`, escapes, a `*` elsewhere) makes the caller use the package.

type Rule =
  | { kind: 'suffix'; suffix: string; dirOnly: boolean } // *.log, *.log/
  | { kind: 'name'; name: string; dirOnly: boolean } // build, build/
  | { kind: 'path'; path: string; dirOnly: boolean }; // /build, docs/build, /docs/build/

export type PathTest = (rel: string, isDir: boolean) => boolean;

export function compileSimpleGitignore(text: string): PathTest | undefined {
  const rules: Rule[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/[ \t]+$/, '');
    if (line === '' || line.startsWith('#')) continue;
    if (/[!\\?[\]]|\*\*/.test(line) || /\s/.test(line)) return undefined;
    const dirOnly = line.endsWith('/');
    let body = dirOnly ? line.slice(0, -1) : line;
    if (body === '' || body === '/') return undefined;
    const star = body.indexOf('*');
    if (star >= 0) {
      // Only `*.ext` (a star that starts a slash-free pattern, once).
      if (star !== 0 || body.indexOf('*', 1) >= 0 || body.includes('/') || body.length === 1) return undefined;
      rules.push({ kind: 'suffix', suffix: body.slice(1).toLowerCase(), dirOnly });
      continue;
    }
    if (body.includes('/')) {
      if (body.startsWith('/')) body = body.slice(1);
      if (body === '' || body.includes('//')) return undefined;
      rules.push({ kind: 'path', path: body.toLowerCase(), dirOnly });
    } else {
      rules.push({ kind: 'name', name: body.toLowerCase(), dirOnly });
    }
  }
  return (rel, isDir) => {
    const lower = rel.toLowerCase();
    const base = lower.slice(lower.lastIndexOf('/') + 1);
    for (const r of rules) {
      if (r.dirOnly && !isDir) continue;
      if (r.kind === 'suffix' ? base.endsWith(r.suffix) : r.kind === 'name' ? base === r.name : lower === r.path) return true;
    }
    return false;
  };
}
