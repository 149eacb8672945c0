/** Small questions asked of Python tokens by the Modal script checks. */
import type { PyToken } from './python-tokens.js';
import { closingBracket } from './python-structure.js';

export function isOp(t: PyToken | undefined, value: string): boolean {
  return t !== undefined && t.type === 'op' && t.value === value;
}

export function isName(t: PyToken | undefined, value?: string): boolean {
  return t !== undefined && t.type === 'name' && (value === undefined || t.value === value);
}

/** Keyword argument `name=` directly inside the call whose '(' is at `open`: index of its value. */
export function keywordValue(tokens: PyToken[], open: number, name: string): number {
  const close = closingBracket(tokens, open);
  const depth = tokens[open]!.depth + 1;
  for (let i = open + 1; i < close - 1; i++) {
    const t = tokens[i]!;
    if (t.depth === depth && isName(t, name) && isOp(tokens[i + 1], '=') && (isOp(tokens[i - 1], '(') || isOp(tokens[i - 1], ','))) return i + 2;
  }
  return -1;
}

/** True when the call at `open` passes `**kwargs` (its keywords cannot be known). */
export function hasDoubleStar(tokens: PyToken[], open: number): boolean {
  const close = closingBracket(tokens, open);
  const depth = tokens[open]!.depth + 1;
  for (let i = open + 1; i < close; i++) if (tokens[i]!.depth === depth && isOp(tokens[i], '**') && (isOp(tokens[i - 1], '(') || isOp(tokens[i - 1], ','))) return true;
  return false;
}

/** Index just past an expression starting at `from`: the next ',' or closing bracket at its depth, or line end. */
export function expressionEnd(tokens: PyToken[], from: number): number {
  const depth = tokens[from]?.depth ?? 0;
  for (let i = from; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.type === 'newline') return i;
    if (t.depth === depth && t.type === 'op' && (t.value === ',' || ')]}'.includes(t.value)) && i > from) return i;
    if (t.depth < depth) return i;
  }
  return tokens.length;
}

/** Name of the thing a `.method` at `dot` is called on: `x.m` → x, `f(...).m` → f, `a.b.m` → b. */
export function receiverName(tokens: PyToken[], dot: number): string | undefined {
  const before = tokens[dot - 1];
  if (isName(before)) return before!.value;
  if (!isOp(before, ')')) return undefined;
  for (let i = dot - 2; i >= 0; i--) {
    const t = tokens[i]!;
    if (t.depth === before!.depth && isOp(t, '(')) return isName(tokens[i - 1]) ? tokens[i - 1]!.value : undefined;
  }
  return undefined;
}

/** Module-level `NAME = "text"` constants, for values like gpu=GPU or volumes={MOUNT: vol}. */
export function stringConstants(tokens: PyToken[]): Map<string, string> {
  const out = new Map<string, string>();
  tokens.forEach((t, i) => {
    const atLineStart = i === 0 || tokens[i - 1]!.type === 'newline';
    if (!atLineStart || t.indent !== 0 || !isName(t) || !isOp(tokens[i + 1], '=')) return;
    const value = tokens[i + 2];
    if (value?.type === 'string' && !value.prefix.includes('f') && tokens[i + 3]?.type === 'newline') out.set(t.value, value.value);
  });
  return out;
}
