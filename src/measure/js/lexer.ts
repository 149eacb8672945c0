import { TokenSink, type Token, type TokenKind } from '../token.js';
import {
  isDigit, isIdentStart, skipIdent, skipLineComment, skipNumber, skipQuoted, skipCTrivia,
  type ScanState,
} from '../scan-state.js';
import { atExpressionStart, punctuatorAt } from './punctuators.js';
import { skipRegex, skipTemplateChunk } from './literals.js';
import { looksLikeJsx, readJsxElement } from './jsx.js';

export interface JsLexOptions {
  /** JSX is read in .jsx/.tsx/.js files; never in .ts (where `<T>` is a type). */
  jsx: boolean;
  /** TypeScript syntax: in .tsx, `<T,>(…) =>` and `<T extends …>` are type parameters, not JSX. */
  typescript: boolean;
}

/**
 * JS/TS lexer: strings, templates (with `${}` lexed as code between `${` and `}$` tokens),
 * regex literals (decided by the previous token), comments, JSX (elements become `<>`…`</>`
 * groups; `{…}` inside them becomes a `{{`…`}}` group of ordinary tokens).
 */
export class JsLexer implements ScanState {
  pos = 0;
  line = 1;
  readonly sink = new TokenSink();
  private newline = false;

  constructor(
    readonly src: string,
    readonly options: JsLexOptions,
  ) {}

  run(): Token[] {
    if (this.src.startsWith('#!')) skipLineComment(this);
    this.lexUntilMarker();
    return this.sink.finish();
  }

  emit(kind: TokenKind, text: string, line: number): Token {
    const token = this.sink.push(kind, text, line, this.line, this.newline);
    this.newline = false;
    return token;
  }

  /** Lexes code until the `}` that closes the innermost `${` or `{{` (or the end of input). */
  lexUntilMarker(): void {
    for (;;) {
      this.skipTrivia();
      if (this.pos >= this.src.length) return;
      if (this.lexOne()) return;
    }
  }

  private skipTrivia(): void {
    if (skipCTrivia(this, false)) this.newline = true;
  }

  /** Reads one token; returns true when it closed the marker this call was lexing for. */
  private lexOne(): boolean {
    const code = this.src.charCodeAt(this.pos);
    if (isIdentStart(code) || code === 35) return this.word('id', skipIdent);
    if (isDigit(code) || (code === 46 && isDigit(this.src.charCodeAt(this.pos + 1)))) return this.word('num', skipNumber);
    if (code === 34 || code === 39) return this.word('str', code === 34 ? skipDoubleQuoted : skipSingleQuoted);
    if (code === 96) return this.template();
    if (code === 47 && atExpressionStart(this.sink.last())) return this.word('regex', skipRegex);
    if (code === 60 && this.options.jsx && atExpressionStart(this.sink.last()) && looksLikeJsx(this)) {
      readJsxElement(this);
      return false;
    }
    return this.bracketOrPunct(this.src[this.pos]!);
  }

  private word(kind: TokenKind, skip: (s: ScanState) => void): boolean {
    const start = this.pos;
    const line = this.line;
    skip(this);
    this.emit(kind, this.src.slice(start, this.pos), line);
    return false;
  }

  private bracketOrPunct(ch: string): boolean {
    if (ch === '(' || ch === '[' || ch === '{') return this.single('open', ch);
    if (ch === ')' || ch === ']') return this.single('close', ch);
    if (ch === '}') return this.closeBrace();
    const text = punctuatorAt(this.src, this.pos);
    this.pos += text.length;
    this.emit('punct', text, this.line);
    return false;
  }

  private single(kind: TokenKind, ch: string): boolean {
    this.pos += 1;
    this.emit(kind, ch, this.line);
    return false;
  }

  private closeBrace(): boolean {
    const open = this.sink.innermostOpen();
    this.pos += 1;
    const closesMarker = open?.text === '${' || open?.text === '{{';
    this.emit('close', closesMarker ? (open.text === '${' ? '}$' : '}}') : '}', this.line);
    return closesMarker;
  }

  /** A template literal: one `tpl` token per chunk, each `${…}` lexed as code in between. */
  private template(): boolean {
    this.pos += 1;
    for (;;) {
      const line = this.line;
      const opensExpression = skipTemplateChunk(this);
      this.emit('tpl', '`', line);
      if (!opensExpression) return false;
      this.pos += 2;
      this.emit('open', '${', this.line);
      this.lexUntilMarker();
    }
  }
}

const skipDoubleQuoted = (s: ScanState) => skipQuoted(s, 34, false);
const skipSingleQuoted = (s: ScanState) => skipQuoted(s, 39, false);

/** Tokens of a JS/TS source. */
export function lexJs(src: string, options: JsLexOptions): Token[] {
  return new JsLexer(src, options).run();
}
