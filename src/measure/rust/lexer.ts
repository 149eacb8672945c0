import { TokenSink, type Token, type TokenKind } from '../token.js';
import {
  isDigit, isIdentStart, skipIdent, skipNumber, skipQuoted, skipCTrivia,
  type ScanState,
} from '../scan-state.js';

/** Two-character operators the function finder reads as one token (`||` closures, `->` return types). */
const PAIRS = new Set(['::', '->', '=>', '..', '==', '!=', '<=', '>=', '&&', '||', '+=', '-=', '*=', '/=', '%=', '^=', '&=', '|=']);

/**
 * Rust lexer: nested block comments, strings (`"…"`, `b"…"`, `c"…"`, raw `r#"…"#`), char and
 * byte literals told apart from lifetimes and labels (`'a'` vs `'a`), raw identifiers.
 * `>>` stays two `>` tokens so generic closers pair up.
 */
class RustLexer implements ScanState {
  pos = 0;
  line = 1;
  readonly sink = new TokenSink();
  private newline = false;

  constructor(readonly src: string) {}

  run(): Token[] {
    while (this.skipTrivia()) this.lexOne();
    return this.sink.finish();
  }

  private emit(kind: TokenKind, start: number, line: number): void {
    this.sink.push(kind, this.src.slice(start, this.pos), line, this.line, this.newline);
    this.newline = false;
  }

  /** Skips whitespace and comments; false at the end of input. */
  private skipTrivia(): boolean {
    if (skipCTrivia(this, true)) this.newline = true;
    return this.pos < this.src.length;
  }

  private lexOne(): void {
    const start = this.pos;
    const line = this.line;
    const code = this.src.charCodeAt(start);
    const kind = this.literal(code) ?? this.other(code);
    this.emit(kind, start, line);
  }

  /** Strings, chars, raw strings and identifiers with literal prefixes (`b`, `r`, `br`, `c`, `cr`). */
  private literal(code: number): TokenKind | undefined {
    if (code === 34) {
      skipQuoted(this, 34, true);
      return 'str';
    }
    if (code === 39) return this.quote();
    if (!isIdentStart(code)) return undefined;
    const prefix = code === 98 || code === 114 || code === 99 ? literalPrefix(this.src, this.pos) : undefined;
    if (prefix) {
      const kind = this.prefixed(prefix);
      if (kind) return kind;
    }
    skipIdent(this);
    return 'id';
  }

  private prefixed(prefix: string): TokenKind | undefined {
    const after = this.pos + prefix.length;
    const ch = this.src[after];
    if (ch === '"' && !prefix.includes('r')) {
      this.pos = after;
      skipQuoted(this, 34, true);
      return 'str';
    }
    if (ch === "'" && prefix === 'b') {
      this.pos = after;
      return this.quote();
    }
    if (prefix.includes('r') && (ch === '"' || ch === '#')) return this.rawString(after);
    return undefined;
  }

  /** `r#"…"#`: ends at a quote followed by as many `#` as opened it. `r#ident` is an identifier. */
  private rawString(at: number): TokenKind | undefined {
    let hashes = 0;
    while (this.src[at + hashes] === '#') hashes++;
    if (this.src[at + hashes] !== '"') {
      if (hashes !== 1 || !isIdentStart(this.src.charCodeAt(at + 1))) return undefined;
      this.pos = at + 1;
      skipIdent(this);
      return 'id';
    }
    const close = `"${'#'.repeat(hashes)}`;
    const end = this.src.indexOf(close, at + hashes + 1);
    this.advanceTo(end === -1 ? this.src.length : end + close.length);
    return 'str';
  }

  private advanceTo(stop: number): void {
    for (let at = this.pos; at < stop; at++) if (this.src.charCodeAt(at) === 10) this.line++;
    this.pos = stop;
  }

  /** `'x'`, `'\n'`, `'\u{…}'` are chars; `'a` (lifetime, label) is not. */
  private quote(): TokenKind {
    const { src, pos } = this;
    const first = src.charCodeAt(pos + 1);
    const width = first >= 0xd800 && first <= 0xdbff ? 2 : 1;
    if (first === 92 || src.charCodeAt(pos + 1 + width) === 39) {
      skipQuoted(this, 39, false);
      return 'char';
    }
    this.pos += 1;
    if (isIdentStart(src.charCodeAt(this.pos))) skipIdent(this);
    return 'id';
  }

  private other(code: number): TokenKind {
    if (isDigit(code)) {
      skipNumber(this);
      return 'num';
    }
    const ch = this.src[this.pos]!;
    this.pos += 1;
    if (ch === '(' || ch === '[' || ch === '{') return 'open';
    if (ch === ')' || ch === ']' || ch === '}') return 'close';
    if (PAIRS.has(this.src.slice(this.pos - 1, this.pos + 1))) this.pos += 1;
    if (this.src[this.pos - 1] === '.' && this.src[this.pos] === '=' && this.src[this.pos - 2] === '.') this.pos += 1;
    return 'punct';
  }
}

/** `b`, `r`, `br`, `c`, `cr` directly before a quote or `#`: a literal's prefix. */
function literalPrefix(src: string, pos: number): string | undefined {
  const second = src[pos + 1];
  const quoteAfter = (at: number) => src[at] === '"' || src[at] === "'" || src[at] === '#';
  if (second === 'r' && src[pos] !== 'r' && quoteAfter(pos + 2)) return src.slice(pos, pos + 2);
  return quoteAfter(pos + 1) ? src[pos] : undefined;
}

/** Tokens of a Rust source. */
export function lexRust(src: string): Token[] {
  return new RustLexer(src).run();
}
