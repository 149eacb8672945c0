/**
 * The token stream every brace-language lexer produces. Comments and whitespace are dropped;
 * brackets carry the index of their partner so scanners can jump over whole groups.
 */
export type TokenKind = 'id' | 'num' | 'str' | 'tpl' | 'regex' | 'char' | 'punct' | 'open' | 'close';

export interface Token {
  kind: TokenKind;
  /** Source text for identifiers and punctuation; bracket tokens use their bracket text. */
  text: string;
  line: number;
  /** Last line the token covers (multi-line strings, templates). */
  endLine: number;
  /** A newline separates this token from the previous one. */
  nl: boolean;
  /** Index of the matching bracket for open/close tokens; -1 when unmatched or not a bracket. */
  partner: number;
}

/**
 * Tokens collected in chunks and joined once at the end: pushing tens of thousands of tokens
 * onto one array is several times slower, since every growth of an array that large is a fresh
 * allocation outside the young generation.
 */
const CHUNK = 4096;

/** Pushes tokens and pairs brackets; unmatched closers stay with partner -1. */
export class TokenSink {
  private readonly chunks: Token[][] = [];
  private chunk: Token[] = [];
  private count = 0;
  private lastToken: Token | undefined;
  /** Brackets not closed yet, innermost last, with their indexes. */
  private readonly open: Token[] = [];
  private readonly openIndex: number[] = [];

  push(kind: TokenKind, text: string, line: number, endLine: number, nl: boolean): Token {
    const token: Token = { kind, text, line, endLine, nl, partner: -1 };
    const index = this.count++;
    if (this.chunk.length === CHUNK) {
      this.chunks.push(this.chunk);
      this.chunk = [];
    }
    this.chunk.push(token);
    this.lastToken = token;
    if (kind === 'open') {
      this.open.push(token);
      this.openIndex.push(index);
    } else if (kind === 'close') this.pairClose(token, index);
    return token;
  }

  /** The opener a closer would pair with now, without consuming it. */
  innermostOpen(): Token | undefined {
    return this.open[this.open.length - 1];
  }

  last(): Token | undefined {
    return this.lastToken;
  }

  /** Every token pushed, in order. */
  finish(): Token[] {
    return this.chunks.length === 0 ? this.chunk : ([] as Token[]).concat(...this.chunks, this.chunk);
  }

  private pairClose(token: Token, index: number): void {
    const opener = this.open.pop();
    if (opener === undefined) return;
    token.partner = this.openIndex.pop()!;
    opener.partner = index;
  }
}

/** Index of the token after the group opened at `index` (or the end when it never closes). */
export function afterGroup(tokens: readonly Token[], index: number): number {
  const partner = tokens[index]!.partner;
  return partner < 0 ? tokens.length : partner + 1;
}

/** Line of the last token of the group opened at `index` (the end of the file when unclosed). */
export function groupEndLine(tokens: readonly Token[], index: number): number {
  const partner = tokens[index]!.partner;
  const last = partner < 0 ? tokens[tokens.length - 1]! : tokens[partner]!;
  return last.endLine;
}
