import type { Part, RedirectNode } from './ast.js';
import { addPart, finishParts, newBuilder } from './builder.js';
import { parseDollar } from './dollar.js';
import { parseBacktick, plainRun } from './quotes.js';
import { atEnd, newCursor, peek, type Cursor, type Shared } from './state.js';

/** Consumes one newline token; pending heredoc bodies start right after it. */
export function newline(c: Cursor): void {
  c.pos += 1;
  if (c.heredocs.length > 0) readHeredocs(c);
}

/** Reads the bodies of the heredocs opened on the line that just ended, in order. */
export function readHeredocs(c: Cursor): void {
  const pending = c.heredocs;
  c.heredocs = [];
  for (const doc of pending) {
    const text = readBody(c, doc.delimiter, doc.stripTabs);
    doc.redirect.heredoc = { text, quoted: doc.quoted, parts: doc.quoted ? [] : liveParts(text, c) };
  }
}

/** Lines up to the delimiter line (or the end of input, as bash accepts with a warning). */
function readBody(c: Cursor, delimiter: string, stripTabs: boolean): string {
  if (!stripTabs) return readPlainBody(c, delimiter);
  const lines: string[] = [];
  while (!atEnd(c)) {
    const nl = c.text.indexOf('\n', c.pos);
    const end = nl < 0 ? c.text.length : nl;
    let line = c.text.slice(c.pos, end);
    c.pos = nl < 0 ? end : end + 1;
    if (stripTabs) line = line.replace(/^\t+/, '');
    if (line === delimiter) break;
    lines.push(line);
  }
  return lines.length === 0 ? '' : lines.join('\n') + '\n';
}

/** `readBody` without tab stripping: the body is one stretch of the text, cut out once. */
function readPlainBody(c: Cursor, delimiter: string): string {
  const start = c.pos;
  let bodyEnd = c.text.length;
  while (!atEnd(c)) {
    const nl = c.text.indexOf('\n', c.pos);
    const end = nl < 0 ? c.text.length : nl;
    const lineStart = c.pos;
    c.pos = nl < 0 ? end : end + 1;
    if (end - lineStart === delimiter.length && c.text.startsWith(delimiter, lineStart)) {
      bodyEnd = lineStart;
      break;
    }
  }
  if (bodyEnd === start) return '';
  const body = c.text.slice(start, bodyEnd);
  return body.endsWith('\n') ? body : body + '\n';
}

const BODY_PLAIN = /[^\\$`]+/y;

function liveParts(text: string, parent: Cursor): Part[] {
  return parseLiveText(text, parent.shared, parent.depth + 1);
}

/** Text like an unquoted heredoc body (or a prompt string): `$…` and backticks live, quotes plain. */
export function parseLiveText(text: string, shared: Shared, depth: number): Part[] {
  const c = newCursor(text, shared, depth);
  const b = newBuilder();
  while (!atEnd(c)) {
    const ch = peek(c);
    if (ch === '\\') {
      const next = peek(c, 1);
      b.lit += next === '$' || next === '`' || next === '\\' ? next : next === '\n' ? '' : '\\' + next;
      c.pos += 2;
    } else if (ch === '$') parseDollar(c, b, true);
    else if (ch === '`') addPart(b, parseBacktick(c, true));
    else plainRun(c, b, BODY_PLAIN);
  }
  return finishParts(b);
}

/** The delimiter as bash compares it: quote removal applied; quoting makes the body inert. */
export function heredocDelimiter(redirect: RedirectNode): { delimiter: string; quoted: boolean } {
  const word = redirect.target;
  let delimiter = '';
  for (const part of word.parts) {
    if (part.type !== 'lit' && part.type !== 'glob' && part.type !== 'tilde') return { delimiter: word.raw, quoted: word.quoted };
    delimiter += part.text;
  }
  return { delimiter, quoted: word.quoted };
}
