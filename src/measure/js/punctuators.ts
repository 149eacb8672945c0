/**
 * Multi-character JS/TS punctuators by first character, longest first. `>>` and `>>>` are left
 * as single `>` tokens so that nested type arguments (`Map<K, Array<V>>`) close one by one.
 */
const MULTI: Record<string, readonly string[]> = {
  '>': ['>>>=', '>>=', '>='],
  '<': ['<<=', '<<', '<='],
  '=': ['===', '==', '=>'],
  '!': ['!==', '!='],
  '*': ['**=', '**', '*='],
  '&': ['&&=', '&&', '&='],
  '|': ['||=', '||', '|='],
  '?': ['??=', '??', '?.'],
  '.': ['...'],
  '+': ['++', '+='],
  '-': ['--', '-='],
  '/': ['/='],
  '%': ['%='],
  '^': ['^='],
};

/** The punctuator starting at `pos` (always at least one character). */
export function punctuatorAt(src: string, pos: number): string {
  const first = src[pos]!;
  const candidates = MULTI[first];
  if (candidates) {
    for (const candidate of candidates) {
      if (!src.startsWith(candidate, pos)) continue;
      // `?.5` is a conditional followed by a number, not optional chaining.
      if (candidate === '?.' && /[0-9]/.test(src[pos + 2] ?? '')) continue;
      return candidate;
    }
  }
  return first;
}

/** Keywords after which an expression (so a regex or JSX) may start. */
const EXPRESSION_KEYWORDS = new Set([
  'return', 'typeof', 'instanceof', 'in', 'of', 'new', 'delete', 'void', 'throw', 'case', 'do', 'else',
  'yield', 'await', 'extends',
]);

interface PrevToken {
  kind: string;
  text: string;
}

/** Tells whether the previous token leaves the lexer at the start of an expression (regex, JSX). */
export function atExpressionStart(prev: PrevToken | undefined): boolean {
  if (!prev) return true;
  switch (prev.kind) {
    case 'id':
      return EXPRESSION_KEYWORDS.has(prev.text);
    case 'num':
    case 'str':
    case 'tpl':
    case 'regex':
      return false;
    case 'close':
      return prev.text === '}';
    case 'open':
      return true;
    default:
      return prev.text !== '++' && prev.text !== '--';
  }
}
