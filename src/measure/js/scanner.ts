import type { FunctionSpan } from '../types.js';
import type { Token } from '../token.js';
import { classifyBrace, newFrame, openerKind, type Frame } from './frames.js';
import { expressionEnd, isTernaryQuestion, newlineEnds } from './expression-end.js';
import { memberBefore, memberName } from './members.js';
import { inferredName } from './names.js';
import { TypeRegions } from './type-regions.js';

/**
 * Finds every function ESLint's max-lines-per-function would measure: declarations, function
 * expressions, arrows, and methods/getters/setters/constructors (which count from the member's
 * first decorator, modifier or key). Overloads, abstract members and signatures have no body
 * and are not functions. Type regions are skipped so `=>` in a type is never an arrow.
 */
export class JsScanner {
  readonly functions: FunctionSpan[] = [];
  readonly frames: Frame[] = [newFrame('block', -1)];
  readonly types: TypeRegions;
  private readonly tailEnds = new Map<number, number>();

  constructor(
    readonly tokens: readonly Token[],
    readonly typescript: boolean,
  ) {
    this.types = new TypeRegions(this);
  }

  run(): FunctionSpan[] {
    for (let i = 0; i < this.tokens.length; ) i = this.step(i);
    return this.functions;
  }

  top(): Frame {
    return this.frames[this.frames.length - 1]!;
  }

  private step(i: number): number {
    const token = this.tokens[i]!;
    if (newlineEnds(this.tokens, i)) endStatement(this.top());
    switch (token.kind) {
      case 'open':
        return this.open(i);
      case 'close':
        this.close(i);
        return i + 1;
      case 'id':
        return this.word(i);
      case 'punct':
        return this.punct(i);
      default:
        return i + 1;
    }
  }

  private open(i: number): number {
    const token = this.tokens[i]!;
    const frame = this.top();
    if (token.text === '(' && (frame.kind === 'class' || frame.kind === 'object')) this.method(i, frame);
    if (token.text !== '{') {
      this.frames.push(newFrame(openerKind(token.text), i));
      return i + 1;
    }
    const kind = classifyBrace(this.tokens, i, frame, this.types.bodyBrace === i);
    if (kind === 'class') frame.pendingClass = false;
    this.frames.push(newFrame(kind, i, kind === 'class' ? frame.className : undefined));
    return i + 1;
  }

  private close(i: number): void {
    const partner = this.tokens[i]!.partner;
    for (let at = this.frames.length - 1; at > 0; at--) {
      if (this.frames[at]!.open !== partner) continue;
      this.frames.length = at;
      return;
    }
  }

  private word(i: number): number {
    const { text } = this.tokens[i]!;
    const prev = this.tokens[i - 1];
    if (prev?.text === '.' || prev?.text === '?.') return i + 1;
    const frame = this.top();
    if (text === 'function') this.functionKeyword(i);
    else if (text === 'class') {
      frame.pendingClass = true;
      frame.className = this.tokens[i + 1]?.kind === 'id' ? this.tokens[i + 1]!.text : undefined;
    } else if ((text === 'let' || text === 'const' || text === 'var' || text === 'using') && frame.kind === 'block') {
      frame.declaring = true;
    } else if ((text === 'case' || text === 'default') && frame.kind === 'block' && prev?.text !== 'export') {
      frame.caseClause = true;
    } else if (this.typescript) return this.types.word(i, frame);
    return i + 1;
  }

  private punct(i: number): number {
    const { text } = this.tokens[i]!;
    const frame = this.top();
    if (text === ':') return this.types.colon(i, frame);
    if (text === '<' && this.typescript) return this.types.angle(i, frame);
    if (text === '?' && isTernaryQuestion(this.tokens, i) && !this.optionalMember(i, frame)) frame.ternaries++;
    else if (text === ';') endStatement(frame);
    else if (text === '=>') this.arrow(i, frame);
    return i + 1;
  }

  /** `key?(…)` in a class or object: an optional method, not a conditional. */
  private optionalMember(i: number, frame: Frame): boolean {
    if (frame.kind !== 'class' && frame.kind !== 'object') return false;
    const next = this.tokens[i + 1]!;
    return (next.text === '(' || next.text === '<') && memberBefore(this.tokens, i + 1, frame.kind === 'class', this.types.angleOpen) !== undefined;
  }

  /** Index of a function body `{` after the parameter list at `paren` (and a return type), or -1. */
  bodyAfter(paren: number): number {
    let p = this.tokens[paren]!.partner;
    if (p < 0) return -1;
    p += 1;
    if (this.typescript && this.tokens[p]?.text === ':') p = this.types.skip(p + 1);
    return this.tokens[p]?.text === '{' ? p : -1;
  }

  private functionKeyword(i: number): void {
    const { tokens } = this;
    const start = tokens[i - 1]?.text === 'async' && !tokens[i]!.nl ? i - 1 : i;
    let j = tokens[i + 1]?.text === '*' ? i + 2 : i + 1;
    const named = tokens[j]?.kind === 'id' ? tokens[j++]!.text : undefined;
    if (tokens[j]?.text === '<') j = this.types.angleEnd(j) + 1;
    if (j <= 0 || tokens[j]?.text !== '(') return;
    const body = this.bodyAfter(j);
    if (body < 0) return;
    const name = named ?? inferredName(tokens, start, this.top(), 'anonymous function', this.types.angleOpen);
    this.record(name, start, tokens[body]!.partner);
  }

  private method(paren: number, frame: Frame): void {
    const head = memberBefore(this.tokens, paren, frame.kind === 'class', this.types.angleOpen);
    if (!head) return;
    const body = this.bodyAfter(paren);
    if (body < 0) return;
    const key = memberName(this.tokens, head.key);
    this.record(frame.className ? `${frame.className}.${key}` : key, head.start, this.tokens[body]!.partner);
  }

  private arrow(i: number, frame: Frame): void {
    const start = this.arrowStart(i);
    if (start < 0) return;
    const body = this.tokens[i + 1];
    let end: number;
    if (body?.text === '{') end = body.partner;
    else {
      const tails: number[] = [];
      end = this.tailEnds.get(i) ?? expressionEnd(this.tokens, i + 1, tails, this.typescript);
      for (const tail of tails) this.tailEnds.set(tail, end);
    }
    this.record(inferredName(this.tokens, start, frame, 'arrow function', this.types.angleOpen), start, end);
  }

  /** First token of the arrow at `=>` index `i`: `async`, `<T>`, `(` or the single parameter. */
  private arrowStart(i: number): number {
    const { tokens } = this;
    const k = this.types.arrowParams.get(i) ?? i - 1;
    const last = tokens[k];
    let start: number;
    if (last?.text === ')' && last.partner >= 0) {
      start = last.partner;
      const angle = this.types.angleOpen.get(start - 1);
      if (angle !== undefined) start = angle;
    } else if (last?.kind === 'id') start = k;
    else return -1;
    const before = tokens[start - 1];
    if (before?.text === 'async' && !tokens[start]!.nl && tokens[start - 2]?.text !== '.') start -= 1;
    return start;
  }

  private record(name: string, start: number, end: number): void {
    const last = this.tokens[end < 0 ? this.tokens.length - 1 : end]!;
    const startLine = this.tokens[start]!.line;
    this.functions.push({ name, startLine, endLine: last.endLine, length: last.endLine - startLine + 1 });
  }
}

/** A statement ended: forget declaration, conditional and case state of the frame. */
export function endStatement(frame: Frame): void {
  frame.declaring = false;
  frame.ternaries = 0;
  frame.caseClause = false;
}
