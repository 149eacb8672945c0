/**
 * Python string literals: single, double and triple quoted, with escapes, and f-strings whose
 * `{expression}` parts may hold strings of their own (Python 3.12 allows the same quote there).
 */

export interface StringRead {
  /** Index just past the closing quote (or the end of the line/input when unterminated). */
  end: number;
  /** The text between the quotes, escapes left as written. */
  content: string;
}

const MAX_NESTING = 8;

/** Reads the literal whose opening quote is at `start`. */
export function readString(src: string, start: number, formatted: boolean, nesting = 0): StringRead {
  const quote = src[start]!;
  const triple = src.startsWith(quote.repeat(3), start);
  const close = triple ? quote.repeat(3) : quote;
  const bodyStart = start + close.length;
  let i = bodyStart;
  while (i < src.length) {
    const c = src[i]!;
    if (c === '\\') {
      i += 2;
      continue;
    }
    if (src.startsWith(close, i)) return { end: i + close.length, content: src.slice(bodyStart, i) };
    if (c === '\n' && !triple) return { end: i, content: src.slice(bodyStart, i) };
    if (formatted && c === '{' && nesting < MAX_NESTING) {
      if (src[i + 1] === '{') {
        i += 2;
        continue;
      }
      i = skipReplacementField(src, i + 1, nesting);
      continue;
    }
    i++;
  }
  return { end: src.length, content: src.slice(bodyStart) };
}

/** Skips an f-string `{...}` field (from just after its `{`); returns the index after its `}`. */
function skipReplacementField(src: string, from: number, nesting: number): number {
  let depth = 0;
  let i = from;
  while (i < src.length) {
    const c = src[i]!;
    if (c === '"' || c === "'") {
      i = readString(src, i, isFormattedPrefix(src, i), nesting + 1).end;
      continue;
    }
    if (c === '{' || c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (c === '}') {
      if (depth === 0) return i + 1;
      depth--;
    }
    i++;
  }
  return src.length;
}

/** True when the quote at `quoteIndex` is preceded by an f/t prefix (e.g. `f"`, `rf'`). */
function isFormattedPrefix(src: string, quoteIndex: number): boolean {
  let j = quoteIndex - 1;
  let prefix = '';
  while (j >= 0 && prefix.length < 3 && /[rRbBuUfFtT]/.test(src[j]!)) {
    prefix = src[j] + prefix;
    j--;
  }
  return /[fFtT]/.test(prefix);
}
