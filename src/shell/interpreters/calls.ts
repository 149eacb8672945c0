import type { Token } from './lexer.js';

/** One argument of a call, as far as it is static. */
export type Arg =
  | { kind: 'string'; value: string }
  | { kind: 'list'; values: string[] }
  | { kind: 'keyword'; name: string; value: Arg }
  | { kind: 'dynamic' };

export interface Call {
  name: string;
  /** The identifier before a `.`: `os` in `os.system(…)`; '' for a method of an expression (`f().x()`). */
  qualifier: string | undefined;
  args: Arg[];
}

/** Calls written `name(…)`, `a.name(…)`, and (when `bare` has the name) `name arg, …` without parens. */
export function findCalls(tokens: Token[], bare: Set<string> = new Set()): Call[] {
  const calls: Call[] = [];
  for (let k = 0; k < tokens.length; k += 1) {
    const token = tokens[k]!;
    if (token.t !== 'id') continue;
    const next = tokens[k + 1];
    const parens = next?.t === 'p' && next.v === '(';
    if (!parens && !(bare.has(token.v) && next && startsArgument(next))) continue;
    const dot = tokens[k - 1];
    const qualifierToken = dot?.t === 'p' && (dot.v === '.' || dot.v === ':') ? tokens[k - 2] : undefined;
    const method = dot?.t === 'p' && dot.v === '.';
    const qualifier = qualifierToken?.t === 'id' ? qualifierToken.v : method ? '' : undefined;
    const start = parens ? k + 2 : k + 1;
    calls.push({ name: token.v, qualifier, args: splitArgs(tokens, start, parens).map(argValue) });
  }
  return calls;
}

function startsArgument(token: Token): boolean {
  return token.t === 'str' || token.t === 'exec' || token.t === 'id' || token.t === 'num' || (token.t === 'p' && (token.v === '[' || token.v === '$'));
}

/** Token groups of the arguments, split on top-level commas, up to `)` (or `;` without parens). */
function splitArgs(tokens: Token[], start: number, parens: boolean): Token[][] {
  const args: Token[][] = [[]];
  let depth = 0;
  for (let k = start; k < tokens.length && k < start + 400; k += 1) {
    const token = tokens[k]!;
    if (token.t === 'p') {
      if (depth === 0 && (token.v === ')' || (!parens && (token.v === ';' || token.v === '}')))) break;
      if (depth === 0 && token.v === ',') {
        args.push([]);
        continue;
      }
      if ('([{'.includes(token.v)) depth += 1;
      if (')]}'.includes(token.v)) depth -= 1;
    }
    args[args.length - 1]!.push(token);
  }
  return args.filter((arg) => arg.length > 0);
}

function argValue(tokens: Token[]): Arg {
  const [first, second] = tokens;
  if (first?.t === 'id' && second?.t === 'p' && (second.v === '=' || second.v === ':') && tokens[2]?.v !== '=') {
    return { kind: 'keyword', name: first.v, value: argValue(tokens.slice(2)) };
  }
  if (tokens.length === 1 && first?.t === 'num') return { kind: 'string', value: first.v };
  const text = concatenation(tokens);
  if (text !== undefined) return { kind: 'string', value: text };
  const list = listValue(tokens);
  return list ? { kind: 'list', values: list } : { kind: 'dynamic' };
}

/** `'a'`, `'a' + 'b'`, `'a' . 'b'`: static text; anything else is not. */
function concatenation(tokens: Token[]): string | undefined {
  let text = '';
  for (let k = 0; k < tokens.length; k += 1) {
    const token = tokens[k]!;
    if (k % 2 === 1) {
      if (token.t !== 'p' || (token.v !== '+' && token.v !== '.')) return undefined;
    } else if (token.t !== 'str' || token.v === undefined) return undefined;
    else text += token.v;
  }
  return tokens.length % 2 === 1 ? text : undefined;
}

/** `['git', 'push']`, `('git', 'push')`, `%w(git push)` (one string token split later). */
function listValue(tokens: Token[]): string[] | undefined {
  const open = tokens[0];
  const close = tokens[tokens.length - 1];
  if (open?.t !== 'p' || close?.t !== 'p' || !((open.v === '[' && close.v === ']') || (open.v === '(' && close.v === ')'))) return undefined;
  const values: string[] = [];
  for (let k = 1; k < tokens.length - 1; k += 1) {
    const token = tokens[k]!;
    if (token.t === 'p' && token.v === ',') continue;
    if (token.t !== 'str' || token.v === undefined) return undefined;
    values.push(token.v);
  }
  return values;
}
