// One note for model IDs that could not be checked because the code around them does not parse
// (an unterminated string above them, say): silence would read as "nothing wrong here".
import * as l10n from '@vscode/l10n';

export interface UnparsedNote {
  /** Range of the first unreadable candidate (where the note is shown). */
  start: number;
  end: number;
  firstLine: number;
  lastLine: number;
  count: number;
  message: string;
}

export function unparsedNote(text: string, offsets: readonly number[]): UnparsedNote | undefined {
  if (offsets.length === 0) return undefined;
  const lineOf = (offset: number) => {
    let line = 1;
    for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
    return line;
  };
  const sorted = [...offsets].sort((a, b) => a - b);
  const firstLine = lineOf(sorted[0]);
  const lastLine = lineOf(sorted[sorted.length - 1]);
  const word = /^[\w.\-]*/.exec(text.slice(sorted[0]))?.[0] ?? '';
  // Whole sentences per case, so a translation can order them its own way.
  const args = { id: word, count: sorted.length, first: firstLine, last: lastLine };
  const message =
    sorted.length === 1
      ? l10n.t('{id} on line {first} was not checked: the code around it does not parse (an unterminated string or bracket above?).', args)
      : firstLine === lastLine
        ? l10n.t('{count} DeepSeek model IDs on line {first} were not checked: the code around them does not parse (an unterminated string or bracket above?).', args)
        : l10n.t('{count} DeepSeek model IDs on lines {first}–{last} were not checked: the code around them does not parse (an unterminated string or bracket above?).', args);
  return {
    start: sorted[0],
    end: sorted[0] + word.length,
    firstLine,
    lastLine,
    count: sorted.length,
    message,
  };
}
