import type { Token } from '../token.js';
import { skipType } from './types.js';

/** Words that can follow a newline and still continue an expression (no semicolon insertion). */
const CONTINUING_WORDS = new Set(['in', 'instanceof', 'as', 'satisfies', 'of']);

/** Tokens after which a newline ends the expression (they complete an operand). */
export function endsOperand(token: Token): boolean {
  switch (token.kind) {
    case 'id':
      return !OPERATOR_WORDS.has(token.text);
    case 'num':
    case 'str':
    case 'tpl':
    case 'regex':
    case 'close':
      return true;
    default:
      return token.text === '++' || token.text === '--';
  }
}

const OPERATOR_WORDS = new Set([
  'return', 'typeof', 'instanceof', 'in', 'of', 'new', 'delete', 'void', 'throw', 'case', 'yield', 'await',
  'as', 'satisfies', 'extends', 'keyof', 'else', 'do',
]);

/** Tokens that, after a newline, start a new statement rather than continue the previous one. */
export function startsStatement(token: Token): boolean {
  if (token.kind === 'id') return !CONTINUING_WORDS.has(token.text);
  if (token.kind === 'num' || token.kind === 'str' || token.kind === 'regex') return true;
  if (token.kind === 'open') return token.text === '{' || token.text === '<>';
  return token.text === '!' || token.text === '~' || token.text === '++' || token.text === '--' || token.text === '@';
}

/** Semicolon insertion between tokens[i - 1] and tokens[i] (a heuristic of ASI's rule). */
export function newlineEnds(tokens: readonly Token[], i: number): boolean {
  const token = tokens[i]!;
  return token.nl && i > 0 && endsOperand(tokens[i - 1]!) && startsStatement(token);
}

/** Marks a `?` that opens a conditional expression (not `a?:`, `a?)`, `a?,` optional markers). */
export function isTernaryQuestion(tokens: readonly Token[], i: number): boolean {
  const next = tokens[i + 1];
  if (!next) return false;
  return !(next.text === ':' || next.text === ',' || next.text === ')' || next.text === ';' || next.text === '=');
}

/**
 * Index of the last token of the expression starting at `start` (an arrow's expression body):
 * it ends before `,` `;`, an unmatched `:` or closer, or where a newline inserts a semicolon.
 * Arrows met in tail position share the end; they are recorded in `tailArrows`.
 */
export function expressionEnd(tokens: readonly Token[], start: number, tailArrows: number[], typescript: boolean): number {
  let last = start;
  let ternaries = 0;
  for (let i = start; i < tokens.length; ) {
    const token = tokens[i]!;
    if (i > start && newlineEnds(tokens, i)) break;
    if (token.kind === 'close' || token.text === ',' || token.text === ';') break;
    if (token.text === ':' && ternaries === 0) {
      const arrow = typescript ? returnTypeArrow(tokens, i) : -1;
      if (arrow < 0) break;
      i = arrow;
      continue;
    }
    if (token.text === ':') ternaries--;
    else if (token.text === '?' && isTernaryQuestion(tokens, i)) ternaries++;
    else if (token.text === '=>' && ternaries === 0) tailArrows.push(i);
    if (token.kind === 'open') {
      if (token.partner < 0) return tokens.length - 1;
      i = token.partner;
    }
    last = i;
    i += 1;
  }
  return last;
}

/** For `(…): Type =>` (an arrow's return type) at the `:` index: the `=>` index, else -1. */
function returnTypeArrow(tokens: readonly Token[], colon: number): number {
  const close = tokens[colon - 1];
  if (close?.text !== ')' || close.partner < 1) return -1;
  // `f(x): …` is a call followed by something else, not a parameter list.
  if (endsOperand(tokens[close.partner - 1]!)) return -1;
  const end = skipType(tokens, colon + 1);
  return tokens[end]?.text === '=>' ? end : -1;
}
