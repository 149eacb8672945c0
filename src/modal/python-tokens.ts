/**
 * A small Python tokenizer: enough structure (names, strings, operators, brackets, logical
 * lines, indentation) that checks on Modal scripts are not fooled by strings or comments.
 * Linear in the input; never throws on malformed source (it tokenizes what it can).
 */
import { readString } from './python-strings.js';

export type PyTokenType = 'name' | 'number' | 'string' | 'op' | 'newline';

export interface PyToken {
  type: PyTokenType;
  /** Names, numbers and operators: the text. Strings: the content between the quotes. */
  value: string;
  /** Strings: the prefix letters in lower case ('f', 'rb', ...); '' otherwise. */
  prefix: string;
  /** 1-based line the token starts on. */
  line: number;
  /** Indentation (columns) of the logical line holding the token. */
  indent: number;
  /** Bracket depth outside this token (an opening bracket has the depth around it). */
  depth: number;
  /** Index of the innermost enclosing opening bracket token, -1 at the top level. */
  group: number;
}

const TWO_CHAR_OPS = new Set(['**', '//', '==', '!=', '<=', '>=', '->', ':=', '<<', '>>', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '@=']);
const OPENERS = '([{';
const CLOSERS = ')]}';

interface State {
  src: string;
  i: number;
  line: number;
  indent: number;
  lineStart: boolean;
  groups: number[];
  tokens: PyToken[];
}

function isNameStart(c: string): boolean {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_' || c.charCodeAt(0) > 127;
}

function isNameChar(c: string): boolean {
  return isNameStart(c) || (c >= '0' && c <= '9');
}

function push(s: State, type: PyTokenType, value: string, prefix = '', line = s.line): void {
  const group = s.groups.length > 0 ? s.groups[s.groups.length - 1]! : -1;
  s.tokens.push({ type, value, prefix, line, indent: s.indent, depth: s.groups.length, group });
}

/** Measures indentation at a physical line start; blank and comment-only lines are skipped. */
function startLine(s: State): void {
  let col = 0;
  while (s.i < s.src.length && (s.src[s.i] === ' ' || s.src[s.i] === '\t' || s.src[s.i] === '\f')) {
    col = s.src[s.i] === '\t' ? col + 8 - (col % 8) : col + 1;
    s.i++;
  }
  const c = s.src[s.i];
  if (c === '\n' || c === '\r' || c === '#' || c === undefined) return;
  s.indent = col;
  s.lineStart = false;
}

function endPhysicalLine(s: State): void {
  s.i++;
  s.line++;
  if (s.groups.length > 0) return;
  const last = s.tokens[s.tokens.length - 1];
  if (last && last.type !== 'newline') push(s, 'newline', '', '', s.line - 1);
  s.lineStart = true;
}

function skipComment(s: State): void {
  while (s.i < s.src.length && s.src[s.i] !== '\n') s.i++;
}

/** Reads an optional string prefix; returns the prefix when a quote follows it. */
function stringPrefix(s: State): string | undefined {
  let j = s.i;
  while (j < s.src.length && j - s.i < 3 && 'rRbBuUfFtT'.includes(s.src[j]!)) j++;
  const quote = s.src[j];
  if (quote !== '"' && quote !== "'") return undefined;
  return s.src.slice(s.i, j).toLowerCase();
}

function readStringToken(s: State, prefix: string): void {
  const startLine = s.line;
  const start = s.i + prefix.length;
  const result = readString(s.src, start, prefix.includes('f') || prefix.includes('t'));
  for (let k = s.i; k < result.end; k++) if (s.src[k] === '\n') s.line++;
  s.i = result.end;
  push(s, 'string', result.content, prefix, startLine);
}

function readName(s: State): void {
  const start = s.i;
  while (s.i < s.src.length && isNameChar(s.src[s.i]!)) s.i++;
  push(s, 'name', s.src.slice(start, s.i));
}

function readNumber(s: State): void {
  const start = s.i;
  while (s.i < s.src.length) {
    const c = s.src[s.i]!;
    const prev = s.src[s.i - 1];
    const exponentSign = (c === '+' || c === '-') && (prev === 'e' || prev === 'E') && !/^0[xX]/.test(s.src.slice(start, s.i));
    if (!(isNameChar(c) || c === '.' || exponentSign)) break;
    s.i++;
  }
  push(s, 'number', s.src.slice(start, s.i));
}

/** Characters that can start a two- or three-character operator. */
const PAIR_STARTS = new Set(['*', '/', '=', '!', '<', '>', '-', ':', '+', '%', '&', '|', '^', '@', '.']);

function readOp(s: State): void {
  const c = s.src[s.i]!;
  const pair = PAIR_STARTS.has(c) ? s.src.slice(s.i, s.i + 2) : c;
  if (c === '.' && s.src.startsWith('...', s.i)) {
    push(s, 'op', '...');
    s.i += 3;
  } else if (TWO_CHAR_OPS.has(pair)) {
    push(s, 'op', pair);
    s.i += 2;
  } else if (OPENERS.includes(c)) {
    push(s, 'op', c);
    s.groups.push(s.tokens.length - 1);
    s.i++;
  } else {
    if (CLOSERS.includes(c)) s.groups.pop();
    push(s, 'op', c);
    s.i++;
  }
}

function step(s: State): void {
  const c = s.src[s.i]!;
  if (c === '\n') return endPhysicalLine(s);
  if (c === '\\' && (s.src[s.i + 1] === '\n' || s.src.startsWith('\r\n', s.i + 1))) {
    s.i += s.src[s.i + 1] === '\r' ? 3 : 2;
    s.line++;
    return;
  }
  if (c === '#') return skipComment(s);
  if (c === ' ' || c === '\t' || c === '\r' || c === '\f') {
    s.i++;
    return;
  }
  const prefix = stringPrefix(s);
  if (prefix !== undefined) return readStringToken(s, prefix);
  if (isNameStart(c)) return readName(s);
  if ((c >= '0' && c <= '9') || (c === '.' && /[0-9]/.test(s.src[s.i + 1] ?? ''))) return readNumber(s);
  readOp(s);
}

export function tokenizePython(src: string): PyToken[] {
  const s: State = { src, i: 0, line: 1, indent: 0, lineStart: true, groups: [], tokens: [] };
  while (s.i < src.length) {
    if (s.lineStart && s.groups.length === 0) {
      startLine(s);
      if (s.i >= src.length) break;
      if (s.lineStart) {
        step(s);
        continue;
      }
    }
    step(s);
  }
  const last = s.tokens[s.tokens.length - 1];
  if (last && last.type !== 'newline') push(s, 'newline', '');
  return s.tokens;
}
