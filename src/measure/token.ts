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

/** Pushes tokens and pairs brackets; unmatched closers stay with partner -1. */
export class TokenSink {
  readonly tokens: Token[] = [];
  private readonly open: number[] = [];

  push(kind: TokenKind, text: string, line: number, endLine: number, nl: boolean): Token {
    const token: Token = { kind, text, line, endLine, nl, partner: -1 };
    const index = this.tokens.length;
    this.tokens.push(token);
    if (kind === 'open') this.open.push(index);
    else if (kind === 'close') this.pairClose(token, index);
    return token;
  }

  /** The opener a closer would pair with now, without consuming it. */
  innermostOpen(): Token | undefined {
    const index = this.open[this.open.length - 1];
    return index === undefined ? undefined : this.tokens[index];
  }

  last(): Token | undefined {
    return this.tokens[this.tokens.length - 1];
  }

  private pairClose(token: Token, index: number): void {
    const opener = this.open.pop();
    if (opener === undefined) return;
    token.partner = opener;
    this.tokens[opener]!.partner = index;
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
