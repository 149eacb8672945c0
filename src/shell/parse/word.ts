import type { WordNode } from './ast.js';
import { addPart, finishWord, isEmpty, newBuilder, noteGlobChar, type Builder } from './builder.js';
import { parseDollar } from './dollar.js';
import { parseList } from './list.js';
import { parseBacktick, parseDouble, parseSingle, plainRun } from './quotes.js';
import { atEnd, countWord, endsWord, enter, fail, leave, peek, type Cursor } from './state.js';

/** `normal` words end at blanks and metacharacters; `regex` (after `=~`) keeps `( ) |` inside. */
export type WordMode = 'normal' | 'regex';

const PLAIN = /[^\\'"$`<>(){}[\]*?,~ \t\n;&|@!+.]+/y;
/** A whole word of ordinary characters (`.` and `,` only matter next to a `{`, which it cannot hold). */
const PLAIN_WORD = /[^\\'"$`<>(){}[\]*?~ \t\n;&|@!+]+/y;
/** Text in double quotes with nothing live in it. */
const DOUBLE_INERT = /[^"\\$`]*/y;
const EXTGLOB_PREFIX = '@!+*?';

/** Parses one word at the cursor; undefined when the cursor is not at a word. */
export function parseWord(c: Cursor, mode: WordMode = 'normal'): WordNode | undefined {
  const start = c.pos;
  const simple = mode === 'normal' ? simpleWord(c) : undefined;
  if (simple) return simple;
  const b = newBuilder();
  let parens = 0;
  for (;;) {
    const ch = peek(c);
    if (mode === 'regex') {
      if (ch === '(') parens += 1;
      else if (ch === ')' && parens > 0) parens -= 1;
      else if (endsRegex(ch, parens)) break;
    } else if (endsWord(ch) && !startsProcSub(c, ch)) break;
    step(c, b, ch, mode);
  }
  if (c.pos === start) return undefined;
  countWord(c);
  return finishWord(b, c.text.slice(start, c.pos));
}

/**
 * Fast path for the common words: ordinary characters only, or one quoted string with nothing
 * live in it. The node is the one the general path builds.
 */
function simpleWord(c: Cursor): WordNode | undefined {
  const quote = c.text.charAt(c.pos);
  const quoted = quote === "'" || quote === '"';
  const end = quoted ? inertQuoteEnd(c, quote) : plainEnd(c);
  if (end < 0) return undefined;
  const next = c.text.charAt(end);
  if (!endsWord(next) || ((next === '<' || next === '>') && c.text.charAt(end + 1) === '(')) return undefined;
  countWord(c);
  const raw = c.text.slice(c.pos, end);
  c.pos = end;
  if (!quoted) return { parts: [{ type: 'lit', text: raw }], raw, quoted: false };
  const text = raw.slice(1, -1);
  return { parts: text === '' ? [] : [{ type: 'lit', text }], raw, quoted: true };
}

function plainEnd(c: Cursor): number {
  PLAIN_WORD.lastIndex = c.pos;
  return PLAIN_WORD.test(c.text) ? PLAIN_WORD.lastIndex : -1;
}

/** Just after the closing quote of a string with nothing live in it; -1 for any other string. */
function inertQuoteEnd(c: Cursor, quote: string): number {
  const close = c.text.indexOf(quote, c.pos + 1);
  if (close < 0) return -1;
  if (quote === '"') {
    DOUBLE_INERT.lastIndex = c.pos + 1;
    DOUBLE_INERT.test(c.text);
    if (DOUBLE_INERT.lastIndex !== close) return -1;
  }
  return close + 1;
}

function endsRegex(ch: string, parens: number): boolean {
  return ch === '' || ch === ' ' || ch === '\t' || ch === '\n' || (parens === 0 && (ch === ';' || ch === '&' || ch === ')'));
}

function startsProcSub(c: Cursor, ch: string): boolean {
  return (ch === '<' || ch === '>') && peek(c, 1) === '(';
}

function step(c: Cursor, b: Builder, ch: string, mode: WordMode): void {
  if (ch === '\\') escape(c, b);
  else if (ch === "'") parseSingle(c, b);
  else if (ch === '"') parseDouble(c, b);
  else if (ch === '$') parseDollar(c, b, false);
  else if (ch === '`') addPart(b, parseBacktick(c, false));
  else if (mode === 'normal' && startsProcSub(c, ch)) addPart(b, parseProcSub(c, ch as '<' | '>'));
  else if (EXTGLOB_PREFIX.includes(ch) && peek(c, 1) === '(') addPart(b, { type: 'glob', text: extglob(c) });
  else if (ch === '*' || ch === '?') glob(c, b, ch);
  else if ('[]{},'.includes(ch)) {
    noteGlobChar(b, ch, peek(c, 1));
    b.lit += ch;
    c.pos += 1;
  } else if (ch === '~' && isEmpty(b)) tilde(c, b);
  else if (ch === '.') {
    noteGlobChar(b, ch, peek(c, 1));
    b.lit += ch;
    c.pos += 1;
  } else plainRun(c, b, PLAIN);
}

function escape(c: Cursor, b: Builder): void {
  const next = peek(c, 1);
  if (next === '\n') {
    c.pos += 2;
    return;
  }
  b.quoted = true;
  b.lit += next === '' ? '\\' : next;
  c.pos += next === '' ? 1 : 2;
}

function glob(c: Cursor, b: Builder, ch: string): void {
  addPart(b, { type: 'glob', text: ch });
  c.pos += 1;
}

function tilde(c: Cursor, b: Builder): void {
  const m = /~[A-Za-z0-9._-]*/y;
  m.lastIndex = c.pos;
  const text = m.exec(c.text)![0];
  c.pos += text.length;
  addPart(b, { type: 'tilde', text });
}

/** `@(a|b)` and friends: kept whole as one glob. */
function extglob(c: Cursor): string {
  const start = c.pos;
  c.pos += 2;
  let depth = 1;
  while (depth > 0) {
    if (atEnd(c)) fail(c, 'unterminated extended glob');
    const ch = peek(c);
    if (ch === '\\') c.pos += 1;
    else if (ch === '(') depth += 1;
    else if (ch === ')') depth -= 1;
    c.pos += 1;
  }
  return c.text.slice(start, c.pos);
}

function parseProcSub(c: Cursor, dir: '<' | '>') {
  c.pos += 2;
  enter(c);
  const body = parseList(c);
  leave(c);
  if (peek(c) !== ')') fail(c, 'expected ) to close process substitution');
  c.pos += 1;
  return { type: 'procsub' as const, dir, body };
}

