// Where the user's Claude Code sends Claude model names: `env.ANTHROPIC_BASE_URL` in
// `~/.claude/settings.json`. Only that one value is taken from the file; nothing else in it (API
// keys and tokens included) is looked at or kept.
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';

export async function readClaudeBaseUrl(path: string = join(homedir(), '.claude', 'settings.json')): Promise<string | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return undefined;
  }
  return baseUrlIn(text);
}

/** The same, synchronously (the spend worker reads it once when it (re)starts). */
export function readClaudeBaseUrlSync(path: string = join(homedir(), '.claude', 'settings.json')): string | undefined {
  try {
    return baseUrlIn(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

function baseUrlIn(text: string): string | undefined {
  try {
    const settings: unknown = JSON.parse(text);
    const env = typeof settings === 'object' && settings !== null ? (settings as { env?: unknown }).env : undefined;
    const url = typeof env === 'object' && env !== null ? (env as { ANTHROPIC_BASE_URL?: unknown }).ANTHROPIC_BASE_URL : undefined;
    return typeof url === 'string' && url.length > 0 && url.length < 2048 ? url : undefined;
  } catch {
    return undefined;
  }
}
