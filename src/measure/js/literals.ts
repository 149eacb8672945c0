import { NEWLINE, isIdentPart, type ScanState } from '../scan-state.js';

/** Advances past a regex literal `/…/flags`; a `/` inside `[…]` does not end it. */
export function skipRegex(s: ScanState): void {
  const { src } = s;
  let inClass = false;
  s.pos++;
  while (s.pos < src.length) {
    const code = src.charCodeAt(s.pos);
    if (code === NEWLINE) return;
    if (code === 92) s.pos++;
    else if (code === 91) inClass = true;
    else if (code === 93) inClass = false;
    else if (code === 47 && !inClass) break;
    s.pos++;
  }
  s.pos++;
  while (s.pos < src.length && isIdentPart(src.charCodeAt(s.pos))) s.pos++;
}

/**
 * Advances over template text up to the closing backtick (consumed; returns false) or up to
 * a `${` (not consumed; returns true).
 */
export function skipTemplateChunk(s: ScanState): boolean {
  const { src } = s;
  while (s.pos < src.length) {
    const code = src.charCodeAt(s.pos);
    if (code === 96) {
      s.pos++;
      return false;
    }
    if (code === 36 && src.charCodeAt(s.pos + 1) === 123) return true;
    if (code === 92) {
      if (src.charCodeAt(s.pos + 1) === NEWLINE) s.line++;
      s.pos++;
    } else if (code === NEWLINE) {
      s.line++;
    }
    s.pos++;
  }
  return false;
}
