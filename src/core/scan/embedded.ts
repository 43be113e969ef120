// Model IDs inside larger strings that are really used: shell and Spring defaults
// (`${LLM_MODEL:-deepseek-chat}`, `${spring.ai.deepseek.chat.options.model:deepseek-chat}`),
// `--model id` flags in command lines, and `KEY=id` assignments in compose-style environment
// lists. The range is the ID itself, so a fix edits only the ID.
import type { EndpointFact, ModelIdLiteral, ModelIdRole, StringLiteral } from './types';
import { isModelString } from './ids';

interface Pattern {
  re: RegExp;
  role: ModelIdRole;
  /** Capture group holding the model string. */
  value: number;
  /** Capture group holding a config key that may name the provider. */
  key?: number;
}

const MODEL_STRING = '([A-Za-z0-9][\\w.\\-/:]*?)';

const PATTERNS: Pattern[] = [
  // ${VAR:-id} ${VAR-id} ${VAR:=id} ${VAR=id} (shell, compose: names have no dots or dashes).
  { re: new RegExp(`\\$\\{([A-Za-z_]\\w*)(?::-|:=|-|=)${MODEL_STRING}\\}`, 'g'), role: 'default', value: 2, key: 1 },
  // ${key:id} (Spring placeholders: dotted, dashed keys).
  { re: new RegExp(`\\$\\{([A-Za-z_][\\w.\\-]*):(?![-=])${MODEL_STRING}\\}`, 'g'), role: 'default', value: 2, key: 1 },
  // --model id, --model=id, -m id, optionally quoted, in a command line.
  { re: new RegExp(`(?:^|[\\s"'\\[,(])(?:--model|-m)(?:=|[ \\t]+)(["']?)${MODEL_STRING}\\1(?=$|[\\s"'\\],);|&])`, 'g'), role: 'command', value: 2 },
  // A whole value `KEY=id`: an item of a compose environment list (`- LLM_MODEL=deepseek-chat`).
  // Never inside prose: a sentence that mentions `MODEL=deepseek-chat` sends nothing.
  { re: new RegExp(`^\\s*([A-Z][A-Z0-9_]*)=(["']?)${MODEL_STRING}\\2\\s*$`, 'g'), role: 'config', value: 3, key: 1 },
];

/**
 * IDs embedded in a literal's raw text. Matching on the source (not the decoded value) keeps the
 * offsets exact even in block scalars and text blocks; an ID never contains an escape.
 */
export function embeddedModelIds(lit: StringLiteral, src: string, isId: (id: string) => boolean): ModelIdLiteral[] {
  const raw = src.slice(lit.contentStart, lit.contentEnd);
  if (!/deepseek/i.test(raw)) return [];
  const out: ModelIdLiteral[] = [];
  for (const p of PATTERNS) {
    p.re.lastIndex = 0;
    for (let m = p.re.exec(raw); m; m = p.re.exec(raw)) {
      const written = m[p.value];
      if (!isModelString(written, isId)) continue;
      const at = m.index + m[0].lastIndexOf(written, m[0].length - (m[0].endsWith('}') ? 1 : 0));
      const contentStart = lit.contentStart + at;
      if (out.some((o) => o.contentStart === contentStart)) continue;
      const endpoint: EndpointFact[] = p.key !== undefined ? [{ kind: 'config-key', text: m[p.key], scope: 'config' }] : [];
      out.push({ ...lit, contentStart, contentEnd: contentStart + written.length, value: written, written, role: p.role, endpoint });
    }
  }
  return out.sort((a, b) => a.contentStart - b.contentStart);
}
