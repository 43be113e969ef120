// Hand-coded equivalent of DeepSeek-V3/V4's pre-tokenizer, a Sequence of three Isolated Splits:
//   1. \p{N}{1,3}
//   2. [\u4e00-\u9fa5\u3040-\u309f\u30a0-\u30ff]+
//   3. [ASCII punct][A-Za-z]+ | [^\r\n\p{L}\p{P}\p{S}]?[\p{L}\p{M}]+ | ?[\p{P}\p{S}]+[\r\n]*
//      | \s*[\r\n]+ | \s+(?!\S) | \s+
// Each Split runs on the pieces of the previous one, so a later regex never sees across an earlier
// boundary (notably the (?!\S) lookahead stops at a piece's end). A scanner over a class table is
// several times faster than running three regexes over substrings, and it lets the class table
// follow the Rust engine's Unicode data instead of whatever version this Node's ICU has.
// Split-out text between matches stays a piece of its own (Isolated), so pieces tile the input.
import { CJK_FLAG, LETTER, MARK, NUMBER, PUNCT, SPACE, SYMBOL } from './charClass';

/** Growable list of piece end offsets (UTF-16 indices); a piece starts where the previous ended. */
export class PieceEnds {
  data = new Int32Array(256);
  length = 0;

  push(end: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = end;
  }
}

/** Code point at i; a lone surrogate reads as U+FFFD, which is what the Rust engine receives. */
export function codePointAt(text: string, i: number, end: number): number {
  const c = text.charCodeAt(i);
  if ((c & 0xf800) !== 0xd800) return c;
  if (c <= 0xdbff && i + 1 < end) {
    const d = text.charCodeAt(i + 1);
    if ((d & 0xfc00) === 0xdc00) return ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
  }
  return 0xfffd;
}

function isAsciiPunct(c: number): boolean {
  return (c >= 0x21 && c <= 0x2f) || (c >= 0x3a && c <= 0x40) || (c >= 0x5b && c <= 0x60) || (c >= 0x7b && c <= 0x7e);
}

function isAsciiLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/** Splits text[start, end) into pieces, appending their end offsets to `ends`. */
export function preTokenize(text: string, start: number, end: number, table: Uint8Array, ends: PieceEnds): void {
  let i = start;
  while (i < end) {
    const cp = codePointAt(text, i, end);
    const t = table[cp]!;
    if ((t & 7) === NUMBER) {
      // \p{N}{1,3}: a run of numbers is cut into threes from its start.
      let run = 0;
      while (i < end) {
        const c = codePointAt(text, i, end);
        if ((table[c]! & 7) !== NUMBER) break;
        i += c > 0xffff ? 2 : 1;
        if (++run === 3) {
          ends.push(i);
          run = 0;
        }
      }
      if (run > 0) ends.push(i);
    } else if (t & CJK_FLAG) {
      // The CJK/kana ranges are all in the BMP, so code units can be tested directly.
      let j = i + 1;
      while (j < end && table[text.charCodeAt(j)]! & CJK_FLAG) j++;
      splitWords(text, i, j, table, ends);
      i = j;
    } else {
      let j = i + (cp > 0xffff ? 2 : 1);
      while (j < end) {
        const c = codePointAt(text, j, end);
        const tc = table[c]!;
        if ((tc & 7) === NUMBER || tc & CJK_FLAG) break;
        j += c > 0xffff ? 2 : 1;
      }
      splitWords(text, i, j, table, ends);
      i = j;
    }
  }
}

function letterRunEnd(text: string, j: number, end: number, table: Uint8Array): number {
  while (j < end) {
    const c = codePointAt(text, j, end);
    const k = table[c]! & 7;
    if (k !== LETTER && k !== MARK) break;
    j += c > 0xffff ? 2 : 1;
  }
  return j;
}

function punctRunEnd(text: string, j: number, end: number, table: Uint8Array): number {
  while (j < end) {
    const c = codePointAt(text, j, end);
    const k = table[c]! & 7;
    if (k !== PUNCT && k !== SYMBOL) break;
    j += c > 0xffff ? 2 : 1;
  }
  while (j < end) {
    const c = text.charCodeAt(j);
    if (c !== 10 && c !== 13) break;
    j++;
  }
  return j;
}

/** The third Split regex over one piece [s, e), alternatives tried in the regex's order. */
function splitWords(text: string, s: number, e: number, table: Uint8Array, ends: PieceEnds): void {
  let i = s;
  let inGap = false;
  while (i < e) {
    const c = codePointAt(text, i, e);
    const w = c > 0xffff ? 2 : 1;
    const cls = table[c]! & 7;
    let m = -1;
    // [ASCII punct][A-Za-z]+
    if (c < 0x80 && isAsciiPunct(c)) {
      let j = i + 1;
      while (j < e && isAsciiLetter(text.charCodeAt(j))) j++;
      if (j > i + 1) m = j;
    }
    // [^\r\n\p{L}\p{P}\p{S}]?[\p{L}\p{M}]+ : a mark matches either way, so only the optional
    // leading char (space, control, format, unassigned...) needs the look at the next char.
    if (m < 0) {
      if (cls === LETTER || cls === MARK) {
        m = letterRunEnd(text, i + w, e, table);
      } else if (cls !== PUNCT && cls !== SYMBOL && c !== 10 && c !== 13 && i + w < e) {
        const c2 = codePointAt(text, i + w, e);
        const k2 = table[c2]! & 7;
        if (k2 === LETTER || k2 === MARK) m = letterRunEnd(text, i + w + (c2 > 0xffff ? 2 : 1), e, table);
      }
    }
    // ' ?[\p{P}\p{S}]+[\r\n]*'
    if (m < 0) {
      if (cls === PUNCT || cls === SYMBOL) {
        m = punctRunEnd(text, i + w, e, table);
      } else if (c === 0x20 && i + 1 < e) {
        const c2 = codePointAt(text, i + 1, e);
        const k2 = table[c2]! & 7;
        if (k2 === PUNCT || k2 === SYMBOL) m = punctRunEnd(text, i + 1 + (c2 > 0xffff ? 2 : 1), e, table);
      }
    }
    // \s*[\r\n]+ | \s+(?!\S) | \s+ over a whitespace run (all White_Space chars are in the BMP):
    // the first ends after the run's last CR/LF; otherwise the run minus its last char when a
    // non-space follows it inside the piece, else the whole run.
    if (m < 0 && cls === SPACE) {
      let j = i;
      let lastNewline = -1;
      while (j < e) {
        const cj = text.charCodeAt(j);
        if ((table[cj]! & 7) !== SPACE) break;
        if (cj === 10 || cj === 13) lastNewline = j;
        j++;
      }
      if (lastNewline >= 0) m = lastNewline + 1;
      else if (j === e || j - i === 1) m = j;
      else m = j - 1;
    }
    if (m < 0) {
      inGap = true;
      i += w;
      continue;
    }
    if (inGap) {
      ends.push(i);
      inGap = false;
    }
    ends.push(m);
    i = m;
  }
  if (inGap) ends.push(e);
}
