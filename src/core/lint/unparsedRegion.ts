// One note for model IDs that could not be checked because the code around them does not parse
// (an unterminated string above them, say): silence would read as "nothing wrong here".

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
  const lines = firstLine === lastLine ? `line ${firstLine}` : `lines ${firstLine}–${lastLine}`;
  const ids = sorted.length === 1 ? `${word} on ${lines} was` : `${sorted.length} DeepSeek model IDs on ${lines} were`;
  return {
    start: sorted[0],
    end: sorted[0] + word.length,
    firstLine,
    lastLine,
    count: sorted.length,
    message: `${ids} not checked: the code around ${sorted.length === 1 ? 'it' : 'them'} does not parse (an unterminated string or bracket above?).`,
  };
}
