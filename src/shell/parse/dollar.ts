import type { Part } from './ast.js';
import { addPart, finishParts, newBuilder, type Builder } from './builder.js';
import { parseList } from './list.js';
import { parseAnsiC, parseBacktick, parseDouble, parseSingle, plainRun } from './quotes.js';
import { atEnd, enter, fail, leave, peek, startsWith, type Cursor } from './state.js';

const NAME = /[A-Za-z_][A-Za-z0-9_]*/y;
const SPECIAL = '@*#?-$!0';

/** Everything that starts with `$`. Adds the resulting part(s) to `b`. */
export function parseDollar(c: Cursor, b: Builder, inDouble: boolean): void {
  const next = peek(c, 1);
  if (next === '(') addPart(b, peek(c, 2) === '(' ? parseArithSub(c) : parseCommandSub(c));
  else if (next === '[') addPart(b, parseOldArith(c));
  else if (next === '{') addPart(b, parseBraced(c, inDouble));
  else if (next === "'" && !inDouble) parseAnsiC(c, b);
  else if (next === '"' && !inDouble) {
    c.pos += 1;
    parseDouble(c, b);
  } else addSimpleParam(c, b, inDouble);
}

function addSimpleParam(c: Cursor, b: Builder, quoted: boolean): void {
  NAME.lastIndex = c.pos + 1;
  const m = NAME.exec(c.text);
  let name = m ? m[0] : '';
  const next = peek(c, 1);
  if (!name && ((next >= '1' && next <= '9') || (next !== '' && SPECIAL.includes(next)))) name = next;
  if (!name) {
    b.lit += '$';
    c.pos += 1;
    return;
  }
  c.pos += 1 + name.length;
  addPart(b, { type: 'param', name, op: '', quoted, parts: [] });
}

function parseCommandSub(c: Cursor): Part {
  c.pos += 2;
  enter(c);
  const body = parseList(c);
  leave(c);
  if (peek(c) !== ')') fail(c, 'expected ) to close $(');
  c.pos += 1;
  return { type: 'cmdsub', body, backtick: false };
}

/** `$(( … ))`. A `$((` that is really `$( (…) )` is not guessed at: it is reported as a syntax error. */
function parseArithSub(c: Cursor): Part {
  c.pos += 3;
  enter(c);
  const parts = parseArith(c, '))');
  leave(c);
  return { type: 'arith', parts };
}

function parseOldArith(c: Cursor): Part {
  c.pos += 2;
  enter(c);
  const parts = parseArith(c, ']');
  leave(c);
  return { type: 'arith', parts };
}

const ARITH_PLAIN = /[^()\]$`"'\\]+/y;

/** Arithmetic text up to `closer` (`))` or `]`), with substitutions inside it kept live. */
export function parseArith(c: Cursor, closer: '))' | ']'): Part[] {
  const b = newBuilder();
  let depth = 0;
  for (;;) {
    if (atEnd(c)) fail(c, `expected ${closer} to close arithmetic`);
    const ch = peek(c);
    if (ch === ')' && depth === 0) {
      if (closer !== '))' || peek(c, 1) !== ')') fail(c, 'arithmetic is not closed by ))');
      c.pos += 2;
      break;
    }
    if (ch === ']' && depth === 0 && closer === ']') {
      c.pos += 1;
      break;
    }
    depth += ch === '(' ? 1 : ch === ')' ? -1 : 0;
    arithStep(c, b, ch);
  }
  return finishParts(b);
}

function arithStep(c: Cursor, b: Builder, ch: string): void {
  if (ch === '$') parseDollar(c, b, true);
  else if (ch === '`') addPart(b, parseBacktick(c, false));
  else if (ch === '"') parseDouble(c, b);
  else if (ch === "'") parseSingle(c, b);
  else if (ch === '\\') {
    b.lit += peek(c, 1);
    c.pos += 2;
  } else if (ch === '(' || ch === ')' || ch === ']') {
    b.lit += ch;
    c.pos += 1;
  } else plainRun(c, b, ARITH_PLAIN);
}

const OPERATORS = [':-', ':=', ':?', ':+', '##', '%%', '//', '/#', '/%', '^^', ',,', '-', '=', '?', '+', '#', '%', '/', '^', ',', ':'];

/** `${…}`: the name, an operator and the operator's word (which may hold substitutions). */
function parseBraced(c: Cursor, quoted: boolean): Part {
  c.pos += 2;
  enter(c);
  const prefix = (peek(c) === '!' || peek(c) === '#') && peek(c, 1) !== '}' ? peek(c) : '';
  c.pos += prefix.length;
  const name = bracedName(c);
  const subscript = peek(c) === '[' ? subscriptParts(c) : undefined;
  const op = prefix + braceOperator(c);
  const word = paramWord(c);
  leave(c);
  return { type: 'param', name, op, quoted, parts: subscript ? [...subscript, ...word] : word };
}

function bracedName(c: Cursor): string {
  NAME.lastIndex = c.pos;
  const m = NAME.exec(c.text);
  let name = m ? m[0] : '';
  if (!name) {
    const digits = /[0-9]+/y;
    digits.lastIndex = c.pos;
    name = digits.exec(c.text)?.[0] ?? (SPECIAL.includes(peek(c)) && peek(c) !== '' ? peek(c) : '');
  }
  if (!name) fail(c, 'bad ${…} substitution');
  c.pos += name.length;
  return name;
}

function subscriptParts(c: Cursor): Part[] {
  c.pos += 1;
  return parseArith(c, ']');
}

function braceOperator(c: Cursor): string {
  if (peek(c) === '}') return '';
  if (peek(c) === '@') {
    const op = '@' + peek(c, 1);
    c.pos += 2;
    return op;
  }
  const op = OPERATORS.find((candidate) => startsWith(c, candidate));
  if (op === undefined) fail(c, 'bad ${…} operator');
  c.pos += op.length;
  return op;
}

const PARAM_PLAIN = /[^}\\'"$`]+/y;

/** The operator's word, up to the closing brace. Blanks and metacharacters are plain text here. */
function paramWord(c: Cursor): Part[] {
  const b = newBuilder();
  for (;;) {
    if (atEnd(c)) fail(c, 'expected } to close ${');
    const ch = peek(c);
    if (ch === '}') break;
    if (ch === '\\') {
      b.lit += peek(c, 1);
      c.pos += 2;
    } else if (ch === "'") parseSingle(c, b);
    else if (ch === '"') parseDouble(c, b);
    else if (ch === '$') parseDollar(c, b, false);
    else if (ch === '`') addPart(b, parseBacktick(c, false));
    else plainRun(c, b, PARAM_PLAIN);
  }
  c.pos += 1;
  return finishParts(b);
}
