import type { FunctionSpan } from '../types.js';
import { TokenSink, type Token, type TokenKind } from '../token.js';
import {
  isDigit, isIdentStart, skipIdent, skipNumber, skipQuoted, skipCTrivia,
  type ScanState,
} from '../scan-state.js';

/** Go lexer: comments, interpreted strings, raw strings (multi-line backticks) and runes. */
class GoLexer implements ScanState {
  pos = 0;
  line = 1;
  readonly sink = new TokenSink();
  private newline = false;

  constructor(readonly src: string) {}

  run(): Token[] {
    while (this.skipTrivia()) {
      const start = this.pos;
      const line = this.line;
      const kind = this.lexOne(this.src.charCodeAt(start));
      this.sink.push(kind, this.src.slice(start, this.pos), line, this.line, this.newline);
      this.newline = false;
    }
    return this.sink.finish();
  }

  private skipTrivia(): boolean {
    if (skipCTrivia(this, false)) this.newline = true;
    return this.pos < this.src.length;
  }

  private lexOne(code: number): TokenKind {
    if (isIdentStart(code)) {
      skipIdent(this);
      return 'id';
    }
    if (isDigit(code)) {
      skipNumber(this);
      return 'num';
    }
    if (code === 34 || code === 39 || code === 96) {
      skipQuoted(this, code, code === 96);
      return code === 39 ? 'char' : 'str';
    }
    const ch = this.src[this.pos++]!;
    if (ch === ':' && this.src[this.pos] === '=') this.pos++;
    if (ch === '(' || ch === '[' || ch === '{') return 'open';
    return ch === ')' || ch === ']' || ch === '}' ? 'close' : 'punct';
  }
}

/**
 * Functions of a Go source: declarations, methods and function literals, from `func` through
 * the closing brace. `func` in a type (`func(int) error`) has no body and is not a function.
 */
export function goFunctions(src: string): FunctionSpan[] {
  const tokens = new GoLexer(src).run();
  const found: FunctionSpan[] = [];
  let typeUntil = -1;
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    depth += token.kind === 'open' ? 1 : token.kind === 'close' ? -1 : 0;
    if (token.text !== 'func' || i < typeUntil) continue;
    const head = headOf(tokens, i, depth === 0);
    typeUntil = Math.abs(head.body);
    if (head.body < 0) continue;
    const startLine = token.line;
    const close = tokens[head.body]!.partner;
    const endLine = tokens[close < 0 ? tokens.length - 1 : close]!.endLine;
    found.push({ name: head.name, startLine, endLine, length: endLine - startLine + 1 });
  }
  return found;
}

function after(tokens: readonly Token[], open: number): number {
  const partner = tokens[open]?.partner ?? -1;
  return partner < 0 ? tokens.length : partner + 1;
}

/**
 * Name and body `{` index of the `func` at `i`; for a function type, body is minus the index
 * its signature reaches (a `func` before there is part of the type). Methods (`func (r T)
 * Name(`) and named functions exist only at the top level.
 */
function headOf(tokens: readonly Token[], i: number, topLevel: boolean): { name: string; body: number } {
  let j = i + 1;
  let name: string | undefined;
  if (topLevel && tokens[j]?.text === '(' && isNamed(tokens, after(tokens, j))) {
    const receiver = receiverType(tokens, j);
    j = after(tokens, j);
    name = `${receiver ?? ''}.${tokens[j]!.text}`;
    j += 1;
  } else if (topLevel && isNamed(tokens, j)) name = tokens[j++]!.text;
  if (tokens[j]?.text === '[') j = after(tokens, j);
  if (tokens[j]?.text !== '(') return { name: '', body: -(i + 1) };
  return { name: name ?? literalName(tokens, i), body: bodyAfter(tokens, after(tokens, j)) };
}

/** The type named by a receiver `(q *Queue[T])`: its last identifier outside brackets. */
function receiverType(tokens: readonly Token[], open: number): string | undefined {
  let name: string | undefined;
  for (let k = open + 1; k < after(tokens, open) - 1; k++) {
    const token = tokens[k]!;
    if (token.kind === 'open') k = after(tokens, k) - 1;
    else if (token.kind === 'id') name = token.text;
  }
  return name;
}

/** An identifier followed by parameters or type parameters: a declared function's name. */
function isNamed(tokens: readonly Token[], j: number): boolean {
  const next = tokens[j + 1]?.text;
  return tokens[j]?.kind === 'id' && (next === '(' || next === '[');
}

/**
 * Index of the body `{` after a parameter list (results may hold `interface{}`/`struct{…}`),
 * or minus the index where the results end when there is no body.
 */
function bodyAfter(tokens: readonly Token[], start: number): number {
  for (let j = start; j < tokens.length; j++) {
    const token = tokens[j]!;
    if (token.nl || token.kind === 'close' || token.text === ',' || token.text === ';' || token.text === '=') return -j;
    const typeBraces = token.text === '{' && (tokens[j - 1]?.text === 'interface' || tokens[j - 1]?.text === 'struct');
    if (token.text === '{' && !typeBraces) return j;
    if (token.kind === 'open') j = after(tokens, j) - 1;
  }
  return -tokens.length;
}

/** The variable a function literal is assigned to, if any. */
function literalName(tokens: readonly Token[], i: number): string {
  const prev = tokens[i - 1]?.text;
  if ((prev === '=' || prev === ':=') && tokens[i - 2]?.kind === 'id') return tokens[i - 2]!.text;
  return 'func literal';
}
