import type { FunctionSpan } from '../types.js';
import type { Token } from '../token.js';
import { lexRust } from './lexer.js';

/** How far a signature (or closure parameter list) may reach before it is taken as malformed. */
const SIGNATURE_TOKENS = 4000;

/** Words that may precede `fn` in an item's signature. */
const QUALIFIERS = new Set(['pub', 'const', 'async', 'unsafe', 'extern', 'default', 'safe']);

/**
 * Functions of a Rust source: every `fn name` item with a body (free functions, methods,
 * trait default methods; also those written inside macro invocations such as `cfg_if!`),
 * and closures outside macro invocations. A function counts from its first outer attribute
 * (`#[…]`) or qualifier (`pub(crate) async unsafe extern "C"`) through its closing brace.
 */
export function rustFunctions(src: string): FunctionSpan[] {
  const tokens = lexRust(src);
  const stops = expressionStops(tokens);
  const found: FunctionSpan[] = [];
  let macroEnd = -1;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (isMacroRules(tokens, i)) {
      i = Math.max(i, tokens[i + 3]?.partner ?? i);
      continue;
    }
    if (i > macroEnd && token.text === '!' && tokens[i + 1]?.kind === 'open' && tokens[i - 1]?.kind === 'id') {
      macroEnd = tokens[i + 1]!.partner < 0 ? tokens.length : tokens[i + 1]!.partner;
    }
    if (token.text === 'fn') {
      const item = fnItem(tokens, i);
      if (item) found.push(item);
    } else if (i > macroEnd) {
      const lambda = closure(tokens, i, stops);
      if (lambda) found.push(lambda.span);
      if (lambda) i = lambda.paramsEnd;
    }
  }
  return found;
}

/** `macro_rules! name { … }`: its body is a template, not code. */
function isMacroRules(tokens: readonly Token[], i: number): boolean {
  return tokens[i]!.text === 'macro_rules' && tokens[i + 1]?.text === '!' && tokens[i + 3]?.kind === 'open';
}

function span(tokens: readonly Token[], name: string, start: number, end: number): FunctionSpan {
  const startLine = tokens[start]!.line;
  const endLine = tokens[end < 0 ? tokens.length - 1 : Math.min(end, tokens.length - 1)]!.endLine;
  return { name, startLine, endLine, length: endLine - startLine + 1 };
}

/** `fn name<…>(…) -> T where … { … }`; undefined for fn pointer types and bodiless declarations. */
function fnItem(tokens: readonly Token[], i: number): FunctionSpan | undefined {
  const name = tokens[i + 1];
  if (name?.kind !== 'id' || tokens[i - 1]?.text === '.') return undefined;
  let j = i + 2;
  const limit = Math.min(tokens.length, i + SIGNATURE_TOKENS);
  while (j < limit && tokens[j]!.text !== '(' && !startsItem(tokens, j)) j++;
  for (j = afterGroup(tokens, j); j < limit; j++) {
    const token = tokens[j]!;
    if (token.text === ';' || token.text === '}' || (token.text === 'fn' && tokens[j + 1]?.kind === 'id')) return undefined;
    if (token.text === '{') return span(tokens, name.text, signatureStart(tokens, i), token.partner);
    if (token.text === '(' || token.text === '[') j = token.partner < 0 ? tokens.length : token.partner;
  }
  return undefined;
}

/** `fn name`, `;` or `{` before a parameter list: the signature ended without one. */
function startsItem(tokens: readonly Token[], j: number): boolean {
  const token = tokens[j]!;
  return token.text === ';' || token.text === '{' || (token.text === 'fn' && tokens[j + 1]?.kind === 'id');
}

function afterGroup(tokens: readonly Token[], open: number): number {
  const partner = tokens[open]?.partner ?? -1;
  return partner < 0 ? tokens.length : partner + 1;
}

/** First token of the item whose `fn` is at `i`: qualifiers, `pub(…)`, ABI string, attributes. */
function signatureStart(tokens: readonly Token[], i: number): number {
  let k = i - 1;
  for (;;) {
    const token = tokens[k];
    if (!token) break;
    if (QUALIFIERS.has(token.text) || (token.kind === 'str' && tokens[k - 1]?.text === 'extern')) k -= 1;
    else if (token.text === ')' && tokens[token.partner - 1]?.text === 'pub') k = token.partner - 1;
    else if (token.text === ']' && tokens[token.partner - 1]?.text === '#') k = token.partner - 2;
    else break;
  }
  return k + 1;
}

/** Tokens after which `|` begins a closure rather than a bitwise or. */
function closureCanStart(prev: Token | undefined): boolean {
  if (!prev) return true;
  if (prev.kind === 'open') return true;
  if (prev.kind === 'id') return prev.text === 'move' || prev.text === 'return' || prev.text === 'in' || prev.text === 'async';
  return prev.kind === 'punct' && prev.text !== '?' && prev.text !== '>';
}

/** `|args| body`, `move |x| …`, `|| …`, `|x| -> T { … }`; paramsEnd is the closing `|`. */
function closure(tokens: readonly Token[], i: number, stops: Int32Array): { span: FunctionSpan; paramsEnd: number } | undefined {
  const token = tokens[i]!;
  if ((token.text !== '|' && token.text !== '||') || !closureCanStart(tokens[i - 1])) return undefined;
  let j = i + 1;
  if (token.text === '|') {
    const limit = Math.min(tokens.length, i + SIGNATURE_TOKENS);
    while (j < limit && tokens[j]!.text !== '|') j = tokens[j]!.kind === 'open' ? afterGroup(tokens, j) : j + 1;
    if (j >= limit) return undefined;
    j += 1;
  }
  let start = i;
  while (tokens[start - 1]?.text === 'move' || tokens[start - 1]?.text === 'async') start--;
  const end = tokens[j]?.text === '->' ? blockAfterReturnType(tokens, j) : Math.max(j, stops[j]! - 1);
  if (end < 0) return undefined;
  const bound = tokens[start - 1]?.text === '=' && tokens[start - 2]?.kind === 'id' ? tokens[start - 2]!.text : undefined;
  return { span: span(tokens, bound ? `closure ${bound}` : 'closure', start, end), paramsEnd: j - 1 };
}

function blockAfterReturnType(tokens: readonly Token[], arrow: number): number {
  const limit = Math.min(tokens.length, arrow + SIGNATURE_TOKENS);
  for (let j = arrow + 1; j < limit; j++) if (tokens[j]!.text === '{') return tokens[j]!.partner;
  return -1;
}

/**
 * For every token, the index of the first `,`, `;` or closer at its own depth from there on
 * (bracket groups jumped; tokens.length when none): where an expression starting there ends.
 * One right-to-left pass, so closures nested in closures cost nothing extra.
 */
function expressionStops(tokens: readonly Token[]): Int32Array {
  const stops = new Int32Array(tokens.length + 1);
  stops[tokens.length] = tokens.length;
  for (let i = tokens.length - 1; i >= 0; i--) {
    const token = tokens[i]!;
    if (token.kind === 'close' || token.text === ',' || token.text === ';') stops[i] = i;
    else if (token.kind === 'open') stops[i] = token.partner < 0 ? tokens.length : stops[token.partner + 1]!;
    else stops[i] = stops[i + 1]!;
  }
  return stops;
}
