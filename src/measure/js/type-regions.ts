import type { Token } from '../token.js';
import type { Frame } from './frames.js';
import { endsOperand } from './expression-end.js';
import { matchAngle, skipType } from './types.js';

/** What TypeRegions needs from the scanner: the tokens and the frame stack's top. */
interface ScannerView {
  readonly tokens: readonly Token[];
  readonly typescript: boolean;
  top(): Frame;
}

/**
 * The TypeScript side of the scanner: finds where types begin (annotations, aliases,
 * interfaces, `as`/`satisfies`, type arguments and parameters) and jumps over them, so no
 * `=>` or `{` inside a type is taken for a function.
 */
export class TypeRegions {
  /** `>` index → its `<`, for type parameter lists the scanner jumped over. */
  readonly angleOpen = new Map<number, number>();
  /** `=>` index → the `)` of its parameters when a return type sits between them. */
  readonly arrowParams = new Map<number, number>();
  /** The `{` right after a skipped return type: a function body, whatever precedes it. */
  bodyBrace = -1;

  constructor(private readonly scanner: ScannerView) {}

  skip(start: number): number {
    const end = skipType(this.scanner.tokens, start);
    if (this.scanner.tokens[end]?.text === '{') this.bodyBrace = end;
    return end;
  }

  /** Index of the `>` closing the type parameter list at `open` (recorded), or -1. */
  angleEnd(open: number): number {
    const close = matchAngle(this.scanner.tokens, open);
    if (close >= 0) this.angleOpen.set(close, open);
    return close;
  }

  /** A `:`: conditional, case or label colon, property value, or the start of a type. */
  colon(i: number, frame: Frame): number {
    const prev = this.scanner.tokens[i - 1];
    frame.colonStartsBlock = false;
    if (frame.ternaries > 0) {
      frame.ternaries--;
      return i + 1;
    }
    if (frame.caseClause || (frame.kind === 'block' && !frame.declaring && prev?.kind === 'id')) {
      frame.caseClause = false;
      frame.colonStartsBlock = true;
      return i + 1;
    }
    if (!this.scanner.typescript || !startsAnnotation(frame, prev)) return i + 1;
    const end = this.skip(i + 1);
    if (prev?.text === ')' && this.scanner.tokens[end]?.text === '=>') this.arrowParams.set(end, i - 1);
    return end;
  }

  /** A `<` in code: type arguments (`f<T>(`, `new C<T>(`, `extends B<T> {`) or type parameters. */
  angle(i: number, frame: Frame): number {
    const { tokens } = this.scanner;
    const prev = tokens[i - 1];
    const close = matchAngle(tokens, i);
    if (close < 0) return i + 1;
    if (prev && endsOperand(prev) && !typeArgumentsFollow(tokens[close + 1], frame)) return i + 1;
    this.angleOpen.set(close, i);
    return close + 1;
  }

  /** Type-only declarations and operators introduced by a word. */
  word(i: number, frame: Frame): number {
    const { tokens } = this.scanner;
    const token = tokens[i]!;
    const prev = tokens[i - 1];
    switch (token.text) {
      case 'as':
      case 'satisfies':
        return prev && endsOperand(prev) ? this.skip(i + 1) : i + 1;
      case 'implements':
        return frame.pendingClass ? this.skipList(i + 1) : i + 1;
      case 'type':
        return atStatementStart(tokens, i) ? this.alias(i) : i + 1;
      case 'interface':
        return atStatementStart(tokens, i) ? this.interfaceBody(i) : i + 1;
      default:
        return i + 1;
    }
  }

  /** `type Name<…> = Type`: the index after the type. */
  private alias(i: number): number {
    const { tokens } = this.scanner;
    if (tokens[i + 1]?.kind !== 'id') return i + 1;
    let j = i + 2;
    if (tokens[j]?.text === '<') j = this.angleEnd(j) + 1;
    if (j <= 0 || tokens[j]?.text !== '=') return i + 1;
    return skipType(tokens, j + 1);
  }

  /** `interface Name<…> extends … { … }`: the index after the body. */
  private interfaceBody(i: number): number {
    const { tokens } = this.scanner;
    if (tokens[i + 1]?.kind !== 'id') return i + 1;
    let j = i + 2;
    if (tokens[j]?.text === '<') j = this.angleEnd(j) + 1;
    if (j > 0 && tokens[j]?.text === 'extends') j = this.skipList(j + 1);
    const body = tokens[j];
    if (j <= 0 || body?.text !== '{' || body.partner < 0) return i + 1;
    return body.partner + 1;
  }

  /** A comma-separated list of types (`implements A, B<C>`, `extends A, B`). */
  private skipList(start: number): number {
    const { tokens } = this.scanner;
    let j = skipType(tokens, start);
    while (tokens[j]?.text === ',') j = skipType(tokens, j + 1);
    return j;
  }
}

function startsAnnotation(frame: Frame, prev: Token | undefined): boolean {
  switch (frame.kind) {
    case 'class':
    case 'paren':
    case 'bracket':
      return true;
    case 'object':
      return prev?.text === ')';
    case 'block':
      return prev?.text === ')' || frame.declaring;
    default:
      return false;
  }
}

function typeArgumentsFollow(next: Token | undefined, frame: Frame): boolean {
  if (!next) return false;
  if (next.text === '(' || next.kind === 'tpl') return true;
  return frame.pendingClass && (next.text === '{' || next.text === 'implements');
}

/** `type`/`interface` as a declaration keyword: first in its statement (after export/declare). */
function atStatementStart(tokens: readonly Token[], i: number): boolean {
  const prev = tokens[i - 1];
  if (!prev || tokens[i]!.nl) return true;
  return prev.text === ';' || prev.text === '{' || prev.text === '}' || prev.text === 'export' || prev.text === 'declare';
}
