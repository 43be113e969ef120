// Escape decoding per language. Each function takes the raw text between the delimiters (or
// between two placeholders) and returns what the program sees at run time. Unknown or malformed
// escapes are kept as written, which is what most of these languages do (or close to it) and is
// the safe choice for token counting.

function codePoint(hex: string, raw: string): string {
  const n = parseInt(hex, 16);
  if (!Number.isFinite(n) || n > 0x10ffff) return raw;
  return String.fromCodePoint(n);
}

const simpleC: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', v: '\v', a: '\x07', '\\': '\\', "'": "'", '"': '"' };

/** Python str escapes (not raw). `\N{NAME}` stays as written: Node has no Unicode name table. */
export function decodePython(raw: string): string {
  return raw.replace(/\\(\r\n|\n|\r|N\{[^}]*\}|x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[0-7]{1,3}|[\s\S])/g, (m, e: string) => {
    if (e === '\n' || e === '\r\n' || e === '\r') return '';
    const c = e[0];
    if (e.length > 1 && (c === 'x' || c === 'u' || c === 'U')) return codePoint(e.slice(1), m);
    if (c >= '0' && c <= '7') return String.fromCharCode(parseInt(e, 8));
    if (c === 'N') return m;
    return simpleC[e] ?? m;
  });
}

/** JavaScript / TypeScript string and template escapes. */
export function decodeJavaScript(raw: string, template = false): string {
  const text = template ? raw.replace(/\r\n?/g, '\n') : raw;
  return text.replace(/\\(\r\n|\n|\r|\u2028|\u2029|x[0-9a-fA-F]{2}|u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|0(?![0-9])|[1-7][0-7]{0,2}|[\s\S])/g, (m, e: string) => {
    if (e === '\n' || e === '\r\n' || e === '\r' || e === '\u2028' || e === '\u2029') return '';
    const c = e[0];
    if (e.length > 1 && c === 'x') return codePoint(e.slice(1), m);
    if (e.length > 1 && c === 'u') return codePoint(e.replace(/[u{}]/g, ''), m);
    if (c >= '0' && c <= '7') return String.fromCharCode(parseInt(e, 8));
    if (c === 'a') return 'a';
    return simpleC[c] ?? e;
  });
}

/** Go interpreted string escapes. */
export function decodeGo(raw: string): string {
  return raw.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[0-7]{3}|[\s\S])/g, (m, e: string) => {
    const c = e[0];
    if (e.length > 1 && (c === 'x' || c === 'u' || c === 'U')) return codePoint(e.slice(1), m);
    if (e.length === 3 && c >= '0' && c <= '7') return String.fromCharCode(parseInt(e, 8));
    return simpleC[e] ?? m;
  });
}

/** Java string and text-block escapes (text-block line continuation included). */
export function decodeJava(raw: string): string {
  return raw.replace(/\\(\r\n|\n|\r|u+[0-9a-fA-F]{4}|[0-3][0-7]{0,2}|[4-7][0-7]?|[\s\S])/g, (m, e: string) => {
    if (e === '\n' || e === '\r\n' || e === '\r') return '';
    const c = e[0];
    if (c === 'u') return codePoint(e.replace(/^u+/, ''), m);
    if (c >= '0' && c <= '7') return String.fromCharCode(parseInt(e, 8));
    if (c === 's') return ' ';
    if (c === 'v' || c === 'a') return m;
    return simpleC[e] ?? m;
  });
}

/** Rust string escapes; `\` before a line break also swallows the next line's leading whitespace. */
export function decodeRust(raw: string): string {
  return raw.replace(/\\(\r?\n[ \t\r\n]*|x[0-9a-fA-F]{2}|u\{[0-9a-fA-F_]+\}|[\s\S])/g, (m, e: string) => {
    if (e[0] === '\n' || e[0] === '\r') return '';
    const c = e[0];
    if (c === 'x' && e.length > 1) return codePoint(e.slice(1), m);
    if (c === 'u' && e.length > 1) return codePoint(e.replace(/[u{}_]/g, ''), m);
    if (c === '0') return '\0';
    if (c === 'v' || c === 'a' || c === 'b' || c === 'f') return m;
    return simpleC[e] ?? m;
  });
}

/** JSON string escapes. */
export function decodeJson(raw: string): string {
  return raw.replace(/\\(u[0-9a-fA-F]{4}|[\s\S])/g, (m, e: string) => {
    if (e.length > 1) return String.fromCharCode(parseInt(e.slice(1), 16));
    if (e === '/') return '/';
    if (e === 'v' || e === 'a' || e === "'") return m;
    return simpleC[e] ?? m;
  });
}

/** TOML basic-string escapes; in multi-line strings a trailing `\` trims the line break and indentation. */
export function decodeToml(raw: string): string {
  return raw.replace(/\\([ \t]*\r?\n[ \t\r\n]*|x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|e|[\s\S])/g, (m, e: string) => {
    if (/^[ \t]*\r?\n/.test(e)) return '';
    const c = e[0];
    if (e.length > 1 && (c === 'x' || c === 'u' || c === 'U')) return codePoint(e.slice(1), m);
    if (c === 'e') return '\x1b';
    if (c === 'v' || c === 'a' || c === "'") return m;
    return simpleC[e] ?? m;
  });
}

const yamlSimple: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', t: '\t', '\t': '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b',
  ' ': ' ', '"': '"', '/': '/', '\\': '\\', N: '\u0085', _: '\u00a0', L: '\u2028', P: '\u2029',
};

/** Folds YAML flow-scalar line breaks: one break → space, n+1 breaks → n newlines. */
function foldFlowLines(text: string): string {
  return text.replace(/[ \t]*((?:\r?\n[ \t]*)+)/g, (_m, breaks: string) => {
    const n = (breaks.match(/\n/g) ?? []).length;
    return n === 1 ? ' ' : '\n'.repeat(n - 1);
  });
}

/** YAML double-quoted scalar content. */
export function decodeYamlDouble(raw: string): string {
  // An escaped line break joins lines without a space; do it before folding.
  const parts = raw.split(/\\\r?\n[ \t]*/);
  return parts
    .map((part) =>
      foldFlowLines(part).replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[\s\S])/g, (m, e: string) => {
        const c = e[0];
        if (e.length > 1 && (c === 'x' || c === 'u' || c === 'U')) return codePoint(e.slice(1), m);
        return yamlSimple[e] ?? m;
      }),
    )
    .join('');
}

/** YAML single-quoted scalar content. */
export function decodeYamlSingle(raw: string): string {
  return foldFlowLines(raw).replace(/''/g, "'");
}

/** YAML plain scalar (multi-line plain scalars fold like flow scalars). */
export function decodeYamlPlain(raw: string): string {
  return foldFlowLines(raw.trim());
}

/**
 * YAML block scalar (`|` literal or `>` folded) from its header to its end, best effort: indentation
 * is taken from the first non-empty line unless the header gives it; chomping `-`, `+`, or clip.
 */
export function decodeYamlBlock(raw: string): string {
  const nl = raw.indexOf('\n');
  const header = (nl < 0 ? raw : raw.slice(0, nl)).replace(/\s+#.*$/, '').trim();
  const body = nl < 0 ? '' : raw.slice(nl + 1);
  const folded = header.startsWith('>');
  const chomp = header.includes('-') ? 'strip' : header.includes('+') ? 'keep' : 'clip';
  const explicit = /[1-9]/.exec(header);
  const lines = body.replace(/\r\n/g, '\n').split('\n');
  let indent = 0;
  if (explicit) indent = Number(explicit[0]);
  else {
    const first = lines.find((l) => l.trim() !== '');
    indent = first ? first.length - first.trimStart().length : 0;
  }
  const content = lines.map((l) => (l.trim() === '' ? '' : l.slice(Math.min(indent, l.length - l.trimStart().length))));
  let text: string;
  if (!folded) text = content.join('\n');
  else {
    text = '';
    for (let i = 0; i < content.length; i++) {
      const line = content[i];
      if (i > 0) {
        const prev = content[i - 1];
        const moreIndented = /^[ \t]/.test(line) || /^[ \t]/.test(prev);
        text += prev === '' || line === '' || moreIndented ? '\n' : ' ';
      }
      text += line;
    }
    // Folding turned "a\n\nb" into "a\n\n\nb" above for blank lines; collapse one break per blank run.
    text = text.replace(/([^\n])\n(\n+)/g, (_m, c: string, rest: string) => c + rest);
  }
  const trimmed = text.replace(/\n*$/, '');
  if (chomp === 'strip') return trimmed;
  if (chomp === 'keep') return text.endsWith('\n') ? text : text + (body.endsWith('\n') ? '\n' : '');
  return trimmed === '' ? '' : trimmed + (body.includes('\n') ? '\n' : '');
}
