import type { Token } from '../token.js';

/** Words that begin a type without being one (`keyof T`, `readonly T[]`, `asserts x is T`). */
const TYPE_PREFIXES = new Set(['keyof', 'typeof', 'readonly', 'unique', 'infer', 'asserts', 'new', 'abstract']);

/** Tokens that end an expression-like operand (also used by the type skipper). */
export function isOperand(token: Token): boolean {
  return token.kind === 'id' || token.kind === 'num' || token.kind === 'str' || token.kind === 'tpl' || token.kind === 'regex';
}

/**
 * Index of the `>` closing the `<` at `open`, or -1 when the tokens in between cannot be type
 * arguments (so the `<` is a comparison). Bracket groups are jumped over; the search is bounded.
 */
export function matchAngle(tokens: readonly Token[], open: number): number {
  let depth = 0;
  const limit = Math.min(tokens.length, open + 400);
  for (let i = open; i < limit; i++) {
    const token = tokens[i]!;
    if (token.kind === 'open') {
      if (token.partner < 0) return -1;
      i = token.partner;
    } else if (token.kind === 'close') return -1;
    else if (token.text === '<') depth++;
    else if (token.text === '>') {
      depth--;
      if (depth === 0) return i;
    } else if (token.kind === 'punct' && !ANGLE_CONTENT.has(token.text)) return -1;
  }
  return -1;
}

const ANGLE_CONTENT = new Set([',', '.', '|', '&', '?', ':', '=', '=>', '...', '-', '+', '*']);

/** State of the type skipper: whether an operand is expected and open conditional types. */
interface TypeWalk {
  i: number;
  expectOperand: boolean;
  conditionals: number;
}

/**
 * Index of the first token after the type that starts at `start` (annotation, alias body,
 * `as` target, return type). Stops where a complete type cannot continue.
 */
export function skipType(tokens: readonly Token[], start: number): number {
  const walk: TypeWalk = { i: start, expectOperand: true, conditionals: 0 };
  while (walk.i < tokens.length) {
    const moved = walk.expectOperand ? operandStep(tokens, walk) : continuationStep(tokens, walk);
    if (!moved) break;
  }
  return Math.min(walk.i, tokens.length);
}

function jump(tokens: readonly Token[], i: number): number {
  const partner = tokens[i]!.partner;
  return partner < 0 ? tokens.length : partner + 1;
}

/** One step where a type operand is expected; false when the tokens here cannot be a type. */
function operandStep(tokens: readonly Token[], walk: TypeWalk): boolean {
  const token = tokens[walk.i]!;
  const { text } = token;
  if (text === '|' || text === '&' || text === '...' || (token.kind === 'id' && TYPE_PREFIXES.has(text) && isOperandStart(tokens[walk.i + 1]))) {
    walk.i += 1;
  } else if (text === '(') {
    const fn = isFunctionTypeStart(tokens, walk.i);
    walk.i = jump(tokens, walk.i);
    if (fn && tokens[walk.i]?.text === '=>') walk.i += 1;
    else walk.expectOperand = false;
  } else if (text === '<') {
    const close = matchAngle(tokens, walk.i);
    if (close < 0) return false;
    walk.i = close + 1;
  } else if (text === '{' || text === '[') {
    walk.i = jump(tokens, walk.i);
    walk.expectOperand = false;
  } else if (text === '-' && tokens[walk.i + 1]?.kind === 'num') {
    walk.i += 2;
    walk.expectOperand = false;
  } else if (isOperand(token)) {
    walk.i = text === 'import' && tokens[walk.i + 1]?.text === '(' ? jump(tokens, walk.i + 1) : walk.i + 1;
    walk.expectOperand = false;
  } else return false;
  return true;
}

/**
 * Whether the `(` at `open` starts a function type's parameters (as TypeScript decides it):
 * `()`, `(...`, `(a:`, `(a,`, `(a?`, `(a=`, `(a) =>`, or a destructuring pattern; otherwise it
 * is a parenthesized type such as `((x: T) => U)`.
 */
function isFunctionTypeStart(tokens: readonly Token[], open: number): boolean {
  const first = tokens[open + 1];
  if (!first) return false;
  if (first.text === ')' || first.text === '...' || first.text === '[' || first.text === '{') return true;
  if (first.kind !== 'id') return false;
  const second = tokens[open + 2]?.text;
  if (second === ':' || second === ',' || second === '?' || second === '=') return true;
  return second === ')' && tokens[open + 3]?.text === '=>';
}

function isOperandStart(token: Token | undefined): boolean {
  return token !== undefined && (isOperand(token) || token.text === '(' || token.text === '[' || token.text === '{' || token.text === '<');
}

/** One step after a complete type operand; false when the type ends here. */
function continuationStep(tokens: readonly Token[], walk: TypeWalk): boolean {
  const token = tokens[walk.i]!;
  const { text } = token;
  if (text === '[' && !token.nl) walk.i = jump(tokens, walk.i);
  else if (text === '${') {
    walk.i = jump(tokens, walk.i);
    if (tokens[walk.i]?.kind === 'tpl') walk.i += 1;
  } else if (text === '<' && !token.nl) {
    const close = matchAngle(tokens, walk.i);
    if (close < 0) return false;
    walk.i = close + 1;
  } else if (text === '.' || text === '|' || text === '&' || text === 'is') {
    walk.i += 1;
    walk.expectOperand = true;
  } else if (text === 'extends' || (text === '?' && walk.conditionals > 0) || (text === ':' && walk.conditionals > 0)) {
    walk.conditionals += text === 'extends' ? 1 : text === ':' ? -1 : 0;
    walk.i += 1;
    walk.expectOperand = true;
  } else return false;
  return true;
}
