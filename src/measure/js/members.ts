import type { Token } from '../token.js';
import { endsOperand } from './expression-end.js';

const CLASS_MODIFIERS = new Set([
  'static', 'public', 'private', 'protected', 'readonly', 'override', 'abstract', 'declare', 'accessor',
  'async', 'get', 'set', '*',
]);
/** Only these may be followed by a line break and still modify the member (TypeScript's rule). */
const LINE_BREAK_MODIFIERS = new Set(['static', 'get', 'set', '*']);
const OBJECT_MODIFIERS = new Set(['async', 'get', 'set', '*']);
/** Keys that, first in something taken for an object literal, more likely start a statement. */
const STATEMENT_WORDS = new Set(['if', 'for', 'while', 'switch', 'catch', 'function', 'return']);

export interface MemberHead {
  /** First token of the member: its first decorator, modifier or key. */
  start: number;
  /** The key token (or `[` of a computed key). */
  key: number;
}

/**
 * For a `(` directly inside a class body or object literal: the member it would be the
 * parameter list of (`key(`, `key<T>(`, `key?(`), or undefined when it is a call or the like.
 */
export function memberBefore(tokens: readonly Token[], paren: number, inClass: boolean, angleOpen: Map<number, number>): MemberHead | undefined {
  let k = paren - 1;
  if (tokens[k]?.text === '>') k = (angleOpen.get(k) ?? 0) - 1;
  if (tokens[k]?.text === '?' || tokens[k]?.text === '!') k -= 1;
  const keyToken = tokens[k];
  if (!keyToken) return undefined;
  if (keyToken.text === ']' && keyToken.partner >= 0) k = keyToken.partner;
  else if (!(keyToken.kind === 'id' || keyToken.kind === 'str' || keyToken.kind === 'num')) return undefined;
  const key = k;
  let j = k - 1;
  const modifiers = inClass ? CLASS_MODIFIERS : OBJECT_MODIFIERS;
  while (j >= 0 && modifiers.has(tokens[j]!.text) && (LINE_BREAK_MODIFIERS.has(tokens[j]!.text) || !tokens[j + 1]!.nl)) j -= 1;
  if (inClass) j = skipDecorators(tokens, j);
  if (!isMemberBoundary(tokens, j, inClass)) return undefined;
  // A statement keyword right after `{` in what was taken for an object is a block's statement.
  if (!inClass && tokens[j]!.kind === 'open' && STATEMENT_WORDS.has(tokens[key]!.text)) return undefined;
  return { start: j + 1, key };
}

/** Walks back over `@a.b(…)` decorators ending at `j`; returns the index before the first one. */
function skipDecorators(tokens: readonly Token[], j: number): number {
  for (;;) {
    let k = j;
    if (tokens[k]?.text === ')' && tokens[k]!.partner >= 0) k = tokens[k]!.partner - 1;
    while (tokens[k]?.kind === 'id' && tokens[k - 1]?.text === '.') k -= 2;
    if (tokens[k]?.kind !== 'id' || tokens[k - 1]?.text !== '@') return j;
    j = k - 2;
  }
}

/** Whether the token at `j` ends the previous member (or opens the body), so a member starts after it. */
function isMemberBoundary(tokens: readonly Token[], j: number, inClass: boolean): boolean {
  const token = tokens[j];
  if (!token) return false;
  if (token.kind === 'open') return token.text === '{';
  if (token.text === ',') return !inClass;
  if (!inClass) return false;
  if (token.text === ';' || token.text === '}') return true;
  // A member on a new line after a complete previous member (whose type may end in `>`).
  return tokens[j + 1]!.nl && (endsOperand(token) || token.text === '>');
}

/** The key's text for messages (`[computed]` keys are shown as written). */
export function memberName(tokens: readonly Token[], key: number): string {
  const token = tokens[key]!;
  if (token.text !== '[') return token.kind === 'str' ? token.text.slice(1, -1) : token.text;
  const inner = tokens.slice(key + 1, Math.max(key + 1, token.partner)).map((t) => t.text);
  return `[${inner.join('')}]`;
}
