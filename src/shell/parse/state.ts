import { LIMITS } from '../limits.js';
import type { RedirectNode } from './ast.js';
import { ShellLimitError, ShellSyntaxError } from './errors.js';

/** Budgets shared by every parse of one analysis (the command and every string re-parsed from it). */
export interface Shared {
  parsedChars: number;
  words: number;
  /** Count of `cd`/`pushd`/`popd` commands seen, so loops and functions know if they move the cwd. */
  dirChanges: number;
}

export interface PendingHeredoc {
  redirect: RedirectNode;
  delimiter: string;
  stripTabs: boolean;
  quoted: boolean;
}

/** A cursor over one text. Every function of the parser takes and advances it. */
export interface Cursor {
  text: string;
  pos: number;
  depth: number;
  shared: Shared;
  heredocs: PendingHeredoc[];
}

export function newShared(): Shared {
  return { parsedChars: 0, words: 0, dirChanges: 0 };
}

export function newCursor(text: string, shared: Shared, depth: number): Cursor {
  shared.parsedChars += text.length;
  if (shared.parsedChars > LIMITS.parsedChars) throw new ShellLimitError('too much text to analyse');
  if (depth > LIMITS.depth) throw new ShellLimitError(`nesting deeper than ${LIMITS.depth}`);
  return { text, pos: 0, depth, shared, heredocs: [] };
}

export function peek(c: Cursor, offset = 0): string {
  return c.text.charAt(c.pos + offset);
}

export function atEnd(c: Cursor): boolean {
  return c.pos >= c.text.length;
}

export function startsWith(c: Cursor, s: string): boolean {
  return c.text.startsWith(s, c.pos);
}

export function fail(c: Cursor, message: string): never {
  throw new ShellSyntaxError(`${message} (at offset ${c.pos})`);
}

/**
 * Enters a nested construct, one level deeper; the depth bound keeps recursion shallow. Each
 * `enter` is paired with a `leave` (no try/finally needed: an error ends the whole parse).
 */
export function enter(c: Cursor): void {
  c.depth += 1;
  if (c.depth > LIMITS.depth) throw new ShellLimitError(`nesting deeper than ${LIMITS.depth}`);
}

export function leave(c: Cursor): void {
  c.depth -= 1;
}

export function countWord(c: Cursor): void {
  c.shared.words += 1;
  if (c.shared.words > LIMITS.words) throw new ShellLimitError(`more than ${LIMITS.words} words`);
}

/** Spaces, tabs and backslash-newline continuations. */
export function skipBlanks(c: Cursor): void {
  for (;;) {
    const ch = peek(c);
    if (ch === ' ' || ch === '\t') c.pos += 1;
    else if (ch === '\\' && peek(c, 1) === '\n') c.pos += 2;
    else return;
  }
}

/** A `#` at the start of a word runs to the end of the line. */
export function skipComment(c: Cursor): void {
  if (peek(c) !== '#') return;
  const nl = c.text.indexOf('\n', c.pos);
  c.pos = nl < 0 ? c.text.length : nl;
}

export function skipBlanksAndComments(c: Cursor): void {
  skipBlanks(c);
  skipComment(c);
}

const WORD_END = new Set(['', ' ', '\t', '\n', ';', '&', '|', '<', '>', '(', ')']);

/** True when `ch` ends an unquoted word. */
export function endsWord(ch: string): boolean {
  return WORD_END.has(ch);
}

export const RESERVED = new Set([
  'if', 'then', 'elif', 'else', 'fi', 'case', 'esac', 'for', 'select', 'while', 'until', 'do', 'done',
  'in', 'function', 'time', 'coproc', '{', '}', '[[', ']]', '!',
]);

/** Reserved words by their first character. */
const RESERVED_BY_FIRST = new Map<string, string[]>();
for (const word of RESERVED) RESERVED_BY_FIRST.set(word[0]!, [...(RESERVED_BY_FIRST.get(word[0]!) ?? []), word]);

/**
 * The reserved word at the cursor, if the next word is one plain unquoted token such as `then`
 * or `}`; '' otherwise. It is asked before almost every command, so it compares in place instead
 * of cutting the word out.
 */
export function peekReserved(c: Cursor): string {
  const candidates = RESERVED_BY_FIRST.get(c.text.charAt(c.pos));
  if (candidates === undefined) return '';
  for (const word of candidates) {
    if (c.text.startsWith(word, c.pos) && endsWord(c.text.charAt(c.pos + word.length))) return word;
  }
  return '';
}

export function consumeReserved(c: Cursor, word: string): boolean {
  skipBlanksAndComments(c);
  if (peekReserved(c) !== word) return false;
  c.pos += word.length;
  return true;
}
