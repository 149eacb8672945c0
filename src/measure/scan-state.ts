/** A position in source text with the current 1-based line, shared by the hand-written lexers. */
export interface ScanState {
  readonly src: string;
  pos: number;
  line: number;
}

export const NEWLINE = 10;

/** Character-class helpers over UTF-16 code units (non-ASCII counts as an identifier part). */
export function isIdentStart(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 95 || code === 36 || code > 127;
}

export function isIdentPart(code: number): boolean {
  return isIdentStart(code) || (code >= 48 && code <= 57);
}

export function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** Advances over an identifier (JS rules: letters, digits, `_`, `$`, non-ASCII). */
export function skipIdent(s: ScanState): void {
  const { src } = s;
  let pos = s.pos + 1;
  while (pos < src.length && isIdentPart(src.charCodeAt(pos))) pos++;
  s.pos = pos;
}

/** Advances over a number literal: digits, letters (hex, suffixes), `_`, `.`, and exponent signs. */
export function skipNumber(s: ScanState): void {
  const { src } = s;
  let pos = s.pos;
  const hex = src.charCodeAt(pos) === 48 && (src[pos + 1] === 'x' || src[pos + 1] === 'X');
  while (pos < src.length) {
    const code = src.charCodeAt(pos);
    const exponentSign = !hex && (code === 43 || code === 45) && (src[pos - 1] === 'e' || src[pos - 1] === 'E');
    if (!(isIdentPart(code) || code === 46 || exponentSign)) break;
    if (code === 46 && src.charCodeAt(pos + 1) === 46) break;
    pos++;
  }
  s.pos = pos;
}

/** Advances to the end of the line (not past the newline): line comments. */
export function skipLineComment(s: ScanState): void {
  const end = s.src.indexOf('\n', s.pos);
  s.pos = end === -1 ? s.src.length : end;
}

/** Advances past a `/* … *\/` comment (optionally nested, as in Rust), counting lines. */
export function skipBlockComment(s: ScanState, nested: boolean): void {
  const { src } = s;
  let depth = 0;
  while (s.pos < src.length) {
    const code = src.charCodeAt(s.pos);
    if (code === 47 && src.charCodeAt(s.pos + 1) === 42 && (nested || depth === 0)) {
      depth++;
      s.pos += 2;
    } else if (code === 42 && src.charCodeAt(s.pos + 1) === 47) {
      depth--;
      s.pos += 2;
      if (depth === 0) return;
    } else {
      if (code === NEWLINE) s.line++;
      s.pos++;
    }
  }
}

/** Advances past a quoted string with backslash escapes; stops at an unescaped newline when not multiline. */
export function skipQuoted(s: ScanState, quote: number, multiline: boolean): void {
  const { src } = s;
  s.pos++;
  while (s.pos < src.length) {
    const code = src.charCodeAt(s.pos);
    if (code === quote) {
      s.pos++;
      return;
    }
    if (code === NEWLINE) {
      if (!multiline) return;
      s.line++;
    } else if (code === 92) {
      if (src.charCodeAt(s.pos + 1) === NEWLINE) s.line++;
      s.pos++;
    }
    s.pos++;
  }
}

/** Skips spaces, tabs, newlines (counted); returns true when a newline was crossed. */
export function skipSpaces(s: ScanState): boolean {
  const { src } = s;
  let crossed = false;
  while (s.pos < src.length) {
    const code = src.charCodeAt(s.pos);
    if (code === NEWLINE) {
      s.line++;
      crossed = true;
    } else if (!(code === 32 || code === 9 || code === 13 || code === 11 || code === 12 || code === 0xfeff || code === 0xa0)) {
      return crossed;
    }
    s.pos++;
  }
  return crossed;
}

/**
 * Skips white space and `//` / `/* *\/` comments (nested block comments when `nested`, as in
 * Rust). Returns whether a line break was crossed, which the lexers record on the next token.
 */
export function skipCTrivia(s: ScanState, nested: boolean): boolean {
  let crossed = false;
  for (;;) {
    if (skipSpaces(s)) crossed = true;
    const code = s.src.charCodeAt(s.pos);
    const next = s.src.charCodeAt(s.pos + 1);
    if (code !== 47 || (next !== 47 && next !== 42)) return crossed;
    const before = s.line;
    if (next === 47) skipLineComment(s);
    else skipBlockComment(s, nested);
    if (s.line !== before) crossed = true;
  }
}
