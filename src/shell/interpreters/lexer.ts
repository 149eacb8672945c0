/**
 * A rough, linear tokenizer for one-liners in Python, JavaScript, Perl, Ruby and awk: enough to
 * find calls, their string arguments, and whether those strings are static.
 */
export type Token =
  | { t: 'id'; v: string }
  | { t: 'str'; v: string | undefined }
  | { t: 'exec'; v: string | undefined }
  | { t: 'num'; v: string }
  | { t: 'p'; v: string };

export interface Syntax {
  hashComments: boolean;
  slashComments: boolean;
  /** Python: ''' """ and r/b/f/u prefixes (f = interpolated). */
  python: boolean;
  /** Double-quoted strings interpolate with this marker ('${', '#{', '$' or none). */
  interpolate: string;
  /** Perl/Ruby backticks run a command; JS backticks are template strings. */
  backtick: 'exec' | 'template' | 'none';
  /** Perl q// qq// qx//, Ruby %q %Q %x %w. */
  quoteOps: 'perl' | 'ruby' | 'none';
}

const IDENT = /[A-Za-z_$@][A-Za-z0-9_$]*/y;
const NUMBER = /[0-9][0-9A-Za-z_.]*/y;
const CLOSERS: Record<string, string> = { '(': ')', '[': ']', '{': '}', '<': '>' };

export function tokenize(code: string, syntax: Syntax): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < code.length) {
    const next = step(code, i, syntax, out);
    i = next > i ? next : i + 1;
  }
  return out;
}

function step(code: string, i: number, s: Syntax, out: Token[]): number {
  const ch = code[i]!;
  if (/\s/.test(ch)) return i + 1;
  if ((s.hashComments && ch === '#') || (s.slashComments && code.startsWith('//', i))) return lineEnd(code, i);
  if (s.slashComments && code.startsWith('/*', i)) return blockEnd(code, i);
  if (s.python && /^[rRbBfFuU]{0,2}('''|""")/.test(code.slice(i, i + 5)) && isPrefixStart(code, i)) return pyTriple(code, i, out);
  if (s.python && /[rRbBfFuU]/.test(ch) && /^[rRbBfFuU]{1,2}['"]/.test(code.slice(i, i + 3))) return pyPrefixed(code, i, out);
  if (ch === "'" || ch === '"') return quoted(code, i, ch, ch === '"' ? s.interpolate : '', out, 'str');
  if (ch === '`' && s.backtick !== 'none') return quoted(code, i, '`', s.backtick === 'template' ? '${' : '$', out, s.backtick === 'exec' ? 'exec' : 'str');
  const opEnd = s.quoteOps !== 'none' ? quoteOp(code, i, s, out) : undefined;
  if (opEnd !== undefined) return opEnd;
  IDENT.lastIndex = i;
  const id = IDENT.exec(code);
  if (id) {
    out.push({ t: 'id', v: id[0] });
    return i + id[0].length;
  }
  NUMBER.lastIndex = i;
  const num = NUMBER.exec(code);
  if (num) {
    out.push({ t: 'num', v: num[0] });
    return i + num[0].length;
  }
  out.push({ t: 'p', v: ch });
  return i + 1;
}

function isPrefixStart(code: string, i: number): boolean {
  return i === 0 || !/[A-Za-z0-9_]/.test(code[i - 1]!);
}

function lineEnd(code: string, i: number): number {
  const nl = code.indexOf('\n', i);
  return nl < 0 ? code.length : nl + 1;
}

function blockEnd(code: string, i: number): number {
  const end = code.indexOf('*/', i + 2);
  return end < 0 ? code.length : end + 2;
}

/** A quoted string from `i` (at the quote); `interp` marks interpolation that makes it dynamic. */
function quoted(code: string, i: number, close: string, interp: string, out: Token[], t: 'str' | 'exec', open = close): number {
  let value = '';
  let dynamic = false;
  let depth = 0;
  let j = i + 1;
  for (; j < code.length; j += 1) {
    const ch = code[j]!;
    if (ch === '\\' && j + 1 < code.length) {
      value += unescape(code[j + 1]!);
      j += 1;
    } else if (ch === open && open !== close) depth += 1;
    else if (ch === close && depth > 0) depth -= 1;
    else if (ch === close) break;
    else {
      if (interp && code.startsWith(interp, j) && (interp !== '$' || /[A-Za-z_{(@]/.test(code[j + 1] ?? ''))) dynamic = true;
      if (interp === '$' && ch === '@' && /[A-Za-z_{]/.test(code[j + 1] ?? '')) dynamic = true;
      value += ch;
    }
  }
  out.push({ t, v: dynamic ? undefined : value } as Token);
  return j + 1;
}

function unescape(ch: string): string {
  return ch === 'n' ? '\n' : ch === 't' ? '\t' : ch;
}

function pyTriple(code: string, i: number, out: Token[]): number {
  const m = /^([rRbBfFuU]{0,2})('''|""")/.exec(code.slice(i, i + 5))!;
  const start = i + m[0].length;
  const end = code.indexOf(m[2]!, start);
  const stop = end < 0 ? code.length : end;
  out.push({ t: 'str', v: /[fF]/.test(m[1]!) ? undefined : code.slice(start, stop) });
  return stop + 3;
}

function pyPrefixed(code: string, i: number, out: Token[]): number {
  const m = /^([rRbBfFuU]{1,2})(['"])/.exec(code.slice(i, i + 3))!;
  const before = out.length;
  const end = quoted(code, i + m[1]!.length, m[2]!, /[fF]/.test(m[1]!) ? '{' : '', out, 'str');
  const token = out[before] as { t: 'str'; v: string | undefined };
  if (/[fF]/.test(m[1]!) && token.v !== undefined && token.v.includes('{')) token.v = undefined;
  return end;
}

/** Perl q(…) qq{…} qx/…/ and Ruby %q(…) %Q[…] %x{…} %w(…). */
function quoteOp(code: string, i: number, s: Syntax, out: Token[]): number | undefined {
  const m = s.quoteOps === 'perl' ? /^(qq|qx|qw|q)([^A-Za-z0-9_\s])/.exec(code.slice(i, i + 3)) : /^%([qQxwWi]?)([^A-Za-z0-9\s])/.exec(code.slice(i, i + 3));
  if (!m || (s.quoteOps === 'perl' && !isPrefixStart(code, i))) return undefined;
  const kind = m[1]!;
  const open = m[2]!;
  const close = CLOSERS[open] ?? open;
  const exec = kind === 'qx' || kind === 'x';
  const interp = kind === 'q' || kind === 'qw' || kind === 'w' ? '' : s.interpolate;
  return quoted(code, i + m[0].length - 1, close, interp, out, exec ? 'exec' : 'str', open);
}
