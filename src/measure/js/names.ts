import type { Token } from '../token.js';
import type { Frame } from './frames.js';

/**
 * A readable name for a function expression or arrow starting at token `start`: the variable,
 * property or field it is assigned to, or the call it is passed to.
 */
export function inferredName(tokens: readonly Token[], start: number, frame: Frame, fallback: string, angleOpen?: ReadonlyMap<number, number>): string {
  const prev = tokens[start - 1];
  if (!prev) return fallback;
  if (prev.text === '=') return assignedName(tokens, start - 2) ?? fallback;
  if (prev.text === ':' && frame.kind === 'object') return keyText(tokens[start - 2]) ?? fallback;
  if (prev.text === 'default') return 'default export';
  if ((prev.text === '(' || prev.text === ',') && frame.kind === 'paren') {
    const beforeParen = frame.open - 1;
    const callee = tokens[tokens[beforeParen]?.text === '>' ? (angleOpen?.get(beforeParen) ?? 0) - 1 : beforeParen];
    if (callee?.kind === 'id') return `${callee.text}() callback`;
  }
  return fallback;
}

function keyText(token: Token | undefined): string | undefined {
  if (!token) return undefined;
  if (token.kind === 'id') return token.text;
  if (token.kind === 'str') return token.text.slice(1, -1);
  return undefined;
}

/** The name left of `=`: `x = `, `this.x = `, or `const x: Type = ` (declared name on that line). */
function assignedName(tokens: readonly Token[], target: number): string | undefined {
  const token = tokens[target];
  if (!token) return undefined;
  for (let k = target; k >= 0 && k > target - 40; k--) {
    const t = tokens[k]!;
    if (t.text === 'const' || t.text === 'let' || t.text === 'var') return keyText(tokens[k + 1]);
    if (t.nl || t.text === ';' || t.kind === 'open') break;
  }
  return keyText(token);
}
