import { NEWLINE, type ScanState } from '../scan-state.js';

/** One logical line of Python: physical lines joined by brackets, backslashes or strings. */
export interface LogicalLine {
  startLine: number;
  endLine: number;
  /** Columns of leading whitespace (tabs to the next multiple of 8). */
  indent: number;
  /** Source text of the first physical line after the indentation. */
  head: string;
  /** A line holding only a comment. */
  comment: boolean;
}

const STRING_PREFIX = /^[rRbBuUfFtT]{1,2}(?=['"])/;
const PREFIX_LETTERS = new Set([...'rRbBuUfFtT'].map((c) => c.charCodeAt(0)));

/**
 * Splits Python source into logical lines (comment-only lines are kept, marked; blank lines
 * are skipped). Strings
 * (all prefixes, triple quotes, f-strings whose `{…}` hold code with their own strings) and
 * comments never open or close brackets.
 */
export class LogicalLines implements ScanState {
  pos = 0;
  line = 1;
  private depth = 0;
  readonly lines: LogicalLine[] = [];

  constructor(readonly src: string) {}

  run(): LogicalLine[] {
    while (this.pos < this.src.length) this.logicalLine();
    return this.lines;
  }

  private logicalLine(): void {
    const indent = this.indentation();
    if (this.pos >= this.src.length) return;
    const code = this.src.charCodeAt(this.pos);
    if (code === 35) this.lines.push({ startLine: this.line, endLine: this.line, indent, head: '#', comment: true });
    if (code === NEWLINE || code === 35 || code === 13) {
      this.skipToLineEnd();
      return;
    }
    const startLine = this.line;
    const headEnd = this.src.indexOf('\n', this.pos);
    const head = this.src.slice(this.pos, headEnd === -1 ? undefined : headEnd);
    this.depth = 0;
    this.code(false);
    this.lines.push({ startLine, endLine: this.line, indent, head, comment: false });
    if (this.src.charCodeAt(this.pos) === NEWLINE) this.nextLine();
  }

  private nextLine(): void {
    this.pos++;
    this.line++;
  }

  private indentation(): number {
    let columns = 0;
    for (; this.pos < this.src.length; this.pos++) {
      const code = this.src.charCodeAt(this.pos);
      if (code === 32 || code === 12) columns++;
      else if (code === 9) columns = columns - (columns % 8) + 8;
      else break;
    }
    return columns;
  }

  private skipToLineEnd(): void {
    const end = this.src.indexOf('\n', this.pos);
    if (end === -1) this.pos = this.src.length;
    else {
      this.pos = end;
      this.nextLine();
    }
  }

  /**
   * Scans code up to the end of the logical line (inside an f-string: up to the `}` that
   * closes the replacement field). Stops on the newline without consuming it.
   */
  code(inField: boolean): void {
    const { src } = this;
    while (this.pos < src.length) {
      const code = src.charCodeAt(this.pos);
      if (code === NEWLINE) {
        if (this.depth === 0 && !inField) return;
        this.nextLine();
      } else if (code === 35 && !inField) this.comment();
      else if (code === 92 && src.charCodeAt(this.pos + 1) === NEWLINE) {
        this.pos++;
        this.nextLine();
      } else if (code === 34 || code === 39 || (PREFIX_LETTERS.has(code) && STRING_PREFIX.test(src.slice(this.pos, this.pos + 3)))) {
        this.string();
      }
      else if (this.bracket(code, inField)) return;
    }
  }

  private comment(): void {
    const end = this.src.indexOf('\n', this.pos);
    this.pos = end === -1 ? this.src.length : end;
  }

  /** Tracks bracket depth; returns true at the `}` that ends the current f-string field. */
  private bracket(code: number, inField: boolean): boolean {
    this.pos++;
    if (code === 40 || code === 91 || code === 123) this.depth++;
    else if (code === 41 || code === 93 || code === 125) {
      if (code === 125 && inField && this.depth === 0) return true;
      this.depth = Math.max(0, this.depth - 1);
    } else if (isWordChar(code)) {
      while (this.pos < this.src.length && isWordChar(this.src.charCodeAt(this.pos))) this.pos++;
    }
    return false;
  }

  private string(): void {
    let prefix = '';
    while (this.src[this.pos] !== '"' && this.src[this.pos] !== "'") prefix += this.src[this.pos++];
    const quote = this.src[this.pos]!;
    const triple = this.src.startsWith(quote.repeat(3), this.pos);
    this.pos += triple ? 3 : 1;
    this.stringBody(quote, triple, /[fFtT]/.test(prefix));
  }

  private stringBody(quote: string, triple: boolean, formatted: boolean): void {
    const { src } = this;
    while (this.pos < src.length) {
      const ch = src[this.pos]!;
      if (ch === '\\') this.escape(formatted);
      else if (ch === '\n') {
        if (!triple) return;
        this.nextLine();
      } else if (ch === quote && (!triple || src.startsWith(quote.repeat(3), this.pos))) {
        this.pos += triple ? 3 : 1;
        return;
      } else if (formatted && ch === '{') this.field();
      else this.pos++;
    }
  }

  /**
   * A backslash in a string escapes the next character (a newline: the string goes on); in an
   * f-string a brace after it still opens or closes a field.
   */
  private escape(formatted: boolean): void {
    const next = this.src[this.pos + 1];
    if (formatted && (next === '{' || next === '}')) this.pos += 1;
    else if (next === '\n') {
      this.pos++;
      this.nextLine();
    } else this.pos += 2;
  }

  /** `{…}` in an f-string: `{{` is a literal brace; otherwise code up to the matching `}`. */
  private field(): void {
    if (this.src[this.pos + 1] === '{') {
      this.pos += 2;
      return;
    }
    this.pos++;
    const outer = this.depth;
    this.depth = 0;
    this.code(true);
    this.depth = outer;
  }
}

function isWordChar(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95 || code > 127;
}
