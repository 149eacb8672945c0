import type { Token } from '../token.js';

export type FrameKind = 'block' | 'object' | 'class' | 'paren' | 'bracket' | 'template' | 'jsx' | 'jsx-expr';

/** One open bracket the scanner is inside, with the statement-level facts it tracks there. */
export interface Frame {
  kind: FrameKind;
  open: number;
  /** Open `?` of conditional expressions waiting for their `:`. */
  ternaries: number;
  /** Inside `let/const/var …` (so a `:` starts a type annotation). */
  declaring: boolean;
  /** After `case`/`default`, before its `:`. */
  caseClause: boolean;
  /** The last `:` here ended a `case` or a label (a `{` after it is a block). */
  colonStartsBlock: boolean;
  /** A `class` keyword was seen; its body is the next qualifying `{`. */
  pendingClass: boolean;
  /** Name of the class whose body this frame is (or whose body is pending). */
  className: string | undefined;
}

export function newFrame(kind: FrameKind, open: number, className?: string): Frame {
  return { kind, open, ternaries: 0, declaring: false, caseClause: false, colonStartsBlock: false, pendingClass: false, className };
}

/** Tokens after which `{` starts an object literal (an expression is expected there). */
const OBJECT_AFTER_PUNCT = new Set([
  '=', '(', '[', ',', '?', '...', '=>' /* handled before */, '||', '&&', '??', '!', '+', '-', '*', '/', '%',
  '<', '>', '<=', '>=', '==', '===', '!=', '!==', '|', '&', '^', '~', '+=', '-=', '||=', '&&=', '??=', '**',
]);
const OBJECT_AFTER_WORDS = new Set(['return', 'yield', 'await', 'typeof', 'void', 'delete', 'in', 'of', 'throw', 'new', 'case', 'default']);

/** What a `{` at `index` opens, given the frame it appears in. */
export function classifyBrace(tokens: readonly Token[], index: number, frame: Frame, afterType: boolean): FrameKind {
  const prev = tokens[index - 1];
  if (frame.pendingClass && (!prev || prev.kind === 'id' || prev.text === ')' || prev.text === ']' || prev.text === '>')) return 'class';
  if (!prev || afterType || prev.text === '=>') return 'block';
  if (prev.text === ':') return frame.colonStartsBlock ? 'block' : 'object';
  if (prev.kind === 'open') return prev.text === '{' && frame.kind !== 'object' ? 'block' : 'object';
  if (prev.kind === 'id') return OBJECT_AFTER_WORDS.has(prev.text) ? 'object' : 'block';
  if (prev.kind === 'punct') return OBJECT_AFTER_PUNCT.has(prev.text) ? 'object' : 'block';
  return 'block';
}

/** Frame kind for the other openers. */
export function openerKind(text: string): FrameKind {
  switch (text) {
    case '(':
      return 'paren';
    case '[':
      return 'bracket';
    case '${':
      return 'template';
    case '<>':
      return 'jsx';
    default:
      return 'jsx-expr';
  }
}
