import { NEWLINE, isIdentStart, skipBlockComment, skipLineComment, skipSpaces } from '../scan-state.js';
import type { JsLexer } from './lexer.js';

const TYPE_PARAMETER = /^<\s*(?:const\s+)?[A-Za-z_$][\w$]*\s*(?:,|extends\b|=[^>])/;

/** At a `<` in expression position: an element or fragment, unless .tsx type parameters (`<T,>`). */
export function looksLikeJsx(lexer: JsLexer): boolean {
  const { src, pos } = lexer;
  const next = src.charCodeAt(pos + 1);
  if (next === 62) return true;
  if (!isIdentStart(next)) return false;
  if (!lexer.options.typescript) return true;
  return !TYPE_PARAMETER.test(src.slice(pos, pos + 200));
}

/** Reads one JSX element (or fragment) as a `<>` … `</>` group around its embedded code. */
export function readJsxElement(lexer: JsLexer): void {
  lexer.emit('open', '<>', lexer.line);
  lexer.pos += 1;
  if (readTag(lexer)) readChildren(lexer);
  lexer.emit('close', '</>', lexer.line);
}

/** `{…}` inside JSX: ordinary code between `{{` and `}}`. */
function readContainer(lexer: JsLexer): void {
  lexer.emit('open', '{{', lexer.line);
  lexer.pos += 1;
  lexer.lexUntilMarker();
}

/** Reads a tag's name and attributes after `<`; returns true when children follow (not `/>`). */
function readTag(lexer: JsLexer): boolean {
  const { src } = lexer;
  while (lexer.pos < src.length) {
    skipSpaces(lexer);
    const code = src.charCodeAt(lexer.pos);
    const next = src.charCodeAt(lexer.pos + 1);
    if (code === 47 && next === 62) {
      lexer.pos += 2;
      return false;
    }
    if (code === 62) {
      lexer.pos += 1;
      return true;
    }
    readTagPart(lexer, code, next);
  }
  return false;
}

function readTagPart(lexer: JsLexer, code: number, next: number): void {
  if (code === 123) readContainer(lexer);
  else if (code === 34 || code === 39) skipAttributeString(lexer, code);
  else if (code === 60) readJsxElement(lexer);
  else if (code === 47 && next === 47) skipLineComment(lexer);
  else if (code === 47 && next === 42) skipBlockComment(lexer, false);
  else lexer.pos += 1;
}

/** JSX attribute strings have no escapes and may span lines. */
function skipAttributeString(lexer: JsLexer, quote: number): void {
  const end = lexer.src.indexOf(String.fromCharCode(quote), lexer.pos + 1);
  const stop = end === -1 ? lexer.src.length : end + 1;
  countNewlines(lexer, stop);
}

function countNewlines(lexer: JsLexer, stop: number): void {
  for (let at = lexer.pos; at < stop; at++) if (lexer.src.charCodeAt(at) === NEWLINE) lexer.line++;
  lexer.pos = stop;
}

/** Reads children up to and including the closing tag of the current element. */
function readChildren(lexer: JsLexer): void {
  const { src } = lexer;
  while (lexer.pos < src.length) {
    const code = src.charCodeAt(lexer.pos);
    if (code === 123) readContainer(lexer);
    else if (code === 60 && /^<\s*\//.test(src.slice(lexer.pos, lexer.pos + 40))) {
      const end = src.indexOf('>', lexer.pos);
      countNewlines(lexer, end === -1 ? src.length : end + 1);
      return;
    } else if (code === 60) readJsxElement(lexer);
    else {
      if (code === NEWLINE) lexer.line++;
      lexer.pos += 1;
    }
  }
}
