// The one size and binary check, and its wording, for every surface that reads a whole file: the
// language server (a document), lint and estimate (bytes from disk), the agent tools (unsaved text).
import * as l10n from '@vscode/l10n';

/** A NUL byte in the first 8 KB marks a file as binary (as git does). */
const SNIFF_LENGTH = 8192;

export type SkipReason = { kind: 'too-large'; bytes: number; limitKB: number } | { kind: 'binary' };

/** Bytes from disk, or a document's text (a NUL character is a NUL byte in UTF-8 too). */
export function looksBinary(content: Uint8Array | string, length = content.length): boolean {
  const end = Math.min(length, SNIFF_LENGTH);
  if (typeof content === 'string') return content.slice(0, end).includes('\u0000');
  return content.subarray(0, end).includes(0);
}

/** Why a file of `bytes` bytes (first bytes `head`) is not checked, or undefined when it is. */
export function skipReason(bytes: number, limitKB: number, head?: Uint8Array | string, headLength?: number): SkipReason | undefined {
  if (bytes > limitKB * 1024) return { kind: 'too-large', bytes, limitKB };
  if (head !== undefined && looksBinary(head, headLength)) return { kind: 'binary' };
  return undefined;
}

/**
 * The reason as a clause after "skipped FILE:" or "…were not checked in this file:". `limitName`
 * is where the user changes the limit: the setting in the editor, the flag on the command line.
 */
export function describeSkip(skip: SkipReason, limitName: string): string {
  if (skip.kind === 'binary') return l10n.t('looks binary (it contains NUL bytes)');
  return l10n.t('{size} MB is over the {limit} KB limit ({setting})', { size: (skip.bytes / 1024 / 1024).toFixed(1), limit: skip.limitKB, setting: limitName });
}
