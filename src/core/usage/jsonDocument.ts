// A JSON document spread over many lines (pretty-printed), gathered line by line until its
// outermost bracket closes. Strings are tracked so brackets inside them do not count. Bounded:
// past MAX_CHARS the document is given up (and counted as one unreadable line), never held whole.
export class JsonDocument {
  static readonly MAX_CHARS = 64 * 1_048_576;
  private readonly parts: string[] = [];
  private chars = 0;
  private depth = 0;
  private inString = false;
  private escaped = false;

  /** Adds a line: 'done' when the outermost value closed on it, 'more' while it is still open. */
  add(line: string): 'done' | 'more' | 'too-large' {
    this.chars += line.length + 1;
    if (this.chars > JsonDocument.MAX_CHARS) return 'too-large';
    this.parts.push(line);
    for (let i = 0; i < line.length; i++) {
      const c = line.charCodeAt(i);
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === 0x5c) this.escaped = true;
        else if (c === 0x22) this.inString = false;
      } else if (c === 0x22) this.inString = true;
      else if (c === 0x7b || c === 0x5b) this.depth++;
      else if (c === 0x7d || c === 0x5d) {
        this.depth--;
        if (this.depth <= 0) return 'done';
      }
    }
    return 'more';
  }

  text(): string {
    return this.parts.join('\n');
  }
}
