import type { ListNode, Part } from './ast.js';
import { addPart, type Builder } from './builder.js';
import { parseDollar } from './dollar.js';
import { parseSubProgram } from './list.js';
import { atEnd, fail, peek, type Cursor } from './state.js';

/** `'…'`: everything up to the next single quote is literal. */
export function parseSingle(c: Cursor, b: Builder): void {
  const close = c.text.indexOf("'", c.pos + 1);
  if (close < 0) fail(c, 'unterminated single quote');
  b.lit += c.text.slice(c.pos + 1, close);
  b.quoted = true;
  c.pos = close + 1;
}

const DQ_PLAIN = /[^"\\$`]+/y;

/** `"…"`: `$` and backticks stay live; a backslash only escapes `$ \` " \\` and newline. */
export function parseDouble(c: Cursor, b: Builder): void {
  c.pos += 1;
  b.quoted = true;
  for (;;) {
    if (atEnd(c)) fail(c, 'unterminated double quote');
    const ch = peek(c);
    if (ch === '"') break;
    if (ch === '\\') escapeInDouble(c, b);
    else if (ch === '$') parseDollar(c, b, true);
    else if (ch === '`') addPart(b, parseBacktick(c, true));
    else plainRun(c, b, DQ_PLAIN);
  }
  c.pos += 1;
}

function escapeInDouble(c: Cursor, b: Builder): void {
  const next = peek(c, 1);
  if (next === '\n') c.pos += 2;
  else if (next === '$' || next === '`' || next === '"' || next === '\\') {
    b.lit += next;
    c.pos += 2;
  } else {
    b.lit += '\\';
    c.pos += 1;
  }
}

/** Appends the longest run matched by the sticky `re` (at least one character). */
export function plainRun(c: Cursor, b: Builder, re: RegExp): void {
  re.lastIndex = c.pos;
  const end = re.test(c.text) ? re.lastIndex : c.pos + 1;
  b.lit += c.text.slice(c.pos, end);
  c.pos = end;
}

const SIMPLE_ESCAPES: Record<string, string> = {
  n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', v: '\v',
  '\\': '\\', "'": "'", '"': '"', '?': '?',
};

/** `$'…'`: ANSI-C quoting, decoded to the text bash would use. */
export function parseAnsiC(c: Cursor, b: Builder): void {
  c.pos += 2;
  b.quoted = true;
  for (;;) {
    if (atEnd(c)) fail(c, "unterminated $'…'");
    const ch = peek(c);
    c.pos += 1;
    if (ch === "'") return;
    b.lit += ch === '\\' ? ansiEscape(c) : ch;
  }
}

function ansiEscape(c: Cursor): string {
  const ch = peek(c);
  c.pos += 1;
  if (ch in SIMPLE_ESCAPES) return SIMPLE_ESCAPES[ch]!;
  if (ch >= '0' && ch <= '7') return codePoint(c, ch, /[0-7]/, 2, 8);
  if (ch === 'x') return codePoint(c, '', /[0-9a-fA-F]/, 2, 16);
  if (ch === 'u') return codePoint(c, '', /[0-9a-fA-F]/, 4, 16);
  if (ch === 'U') return codePoint(c, '', /[0-9a-fA-F]/, 8, 16);
  if (ch === 'c') {
    const ctl = peek(c);
    c.pos += 1;
    return String.fromCharCode(ctl.charCodeAt(0) & 0x1f);
  }
  return '\\' + ch;
}

function codePoint(c: Cursor, first: string, digit: RegExp, max: number, radix: number): string {
  let digits = first;
  while (digits.length < max + (first ? 1 : 0) && digit.test(peek(c))) {
    digits += peek(c);
    c.pos += 1;
  }
  if (digits === '') return radix === 16 ? '\\x' : '';
  const code = parseInt(digits, radix);
  return code > 0x10ffff ? '' : String.fromCodePoint(code);
}

/**
 * `` `…` ``: the old command substitution. The body is unescaped (`\\ \` \$`, and `\"` inside
 * double quotes) and then parsed as a program of its own.
 */
export function parseBacktick(c: Cursor, inDouble: boolean): Part {
  c.pos += 1;
  let body = '';
  for (;;) {
    if (atEnd(c)) fail(c, 'unterminated backtick');
    const ch = peek(c);
    if (ch === '`') break;
    if (ch === '\\') {
      const next = peek(c, 1);
      const drops = next === '$' || next === '`' || next === '\\' || (inDouble && next === '"');
      body += drops ? next : next === '\n' ? '' : '\\' + next;
      c.pos += 2;
    } else {
      body += ch;
      c.pos += 1;
    }
  }
  c.pos += 1;
  const program: ListNode = parseSubProgram(body, c);
  return { type: 'cmdsub', body: program, backtick: true };
}
