/**
 * The GPU a Modal function asks for, read from `gpu=` when it is written literally:
 * "H100", "H100:8", ["H100", "A100-80GB"], modal.gpu.H100(count=2), a module constant.
 */
import type { PyToken } from './python-tokens.js';
import { isName, isOp, keywordValue } from './token-query.js';
import { closingBracket } from './python-structure.js';

export interface GpuRequest {
  /** Upper-case Modal GPU name, e.g. 'H100', 'A100-80GB'. */
  type: string;
  /** GPUs per container. */
  count: number;
  line: number;
}

/** Parses a Modal GPU string such as "h100:8" or "A100-80GB"; undefined for anything else. */
export function parseGpuString(text: string, line: number): GpuRequest | undefined {
  const [name, count, extra] = text.trim().split(':');
  if (extra !== undefined || !name || !/^[A-Za-z][A-Za-z0-9-]*!?\+?$/.test(name)) return undefined;
  const n = count === undefined ? 1 : Number(count);
  if (!Number.isInteger(n) || n < 1) return undefined;
  return { type: name.toUpperCase(), count: n, line };
}

/** `modal.gpu.A100(size="80GB", count=2)` starting at the dotted name. */
function gpuClass(tokens: PyToken[], start: number): GpuRequest | undefined {
  let i = start;
  let last = '';
  while (isName(tokens[i])) {
    last = tokens[i]!.value;
    if (!isOp(tokens[i + 1], '.')) break;
    i += 2;
  }
  if (!isOp(tokens[i + 1], '(') || !/^[A-Z][A-Z0-9]+$/.test(last)) return undefined;
  const open = i + 1;
  const countAt = keywordValue(tokens, open, 'count');
  const sizeAt = keywordValue(tokens, open, 'size');
  const count = countAt >= 0 ? Number(tokens[countAt]!.value) : 1;
  const size = sizeAt >= 0 && tokens[sizeAt]!.type === 'string' ? `-${tokens[sizeAt]!.value.toUpperCase()}` : '';
  if (!Number.isInteger(count) || count < 1) return undefined;
  return { type: `${last.toUpperCase()}${size}`, count, line: tokens[start]!.line };
}

function stringValue(t: PyToken, constants: Map<string, string>): string | undefined {
  if (t.type === 'string' && !t.prefix.includes('f')) return t.value;
  if (t.type === 'name') return constants.get(t.value);
  return undefined;
}

/** The GPU requests of the expression at `at` (the value of a `gpu=` keyword). */
export function gpuRequestsAt(tokens: PyToken[], at: number, constants: Map<string, string>): GpuRequest[] {
  const t = tokens[at];
  if (!t) return [];
  if (isOp(t, '[') || isOp(t, '(')) {
    const close = closingBracket(tokens, at);
    const out: GpuRequest[] = [];
    for (let i = at + 1; i < close; i++) {
      const text = tokens[i]!.depth === t.depth + 1 ? stringValue(tokens[i]!, constants) : undefined;
      const request = text === undefined ? undefined : parseGpuString(text, tokens[i]!.line);
      if (request) out.push(request);
    }
    return out;
  }
  const single = stringValue(t, constants);
  const fromText = single === undefined || isOp(tokens[at + 1], '.') ? undefined : parseGpuString(single, t.line);
  if (fromText) return [fromText];
  const fromClass = isName(t) ? gpuClass(tokens, at) : undefined;
  return fromClass ? [fromClass] : [];
}

/** Every `gpu=` keyword in the token stream with the index of its value. */
export function gpuKeywords(tokens: PyToken[]): number[] {
  const out: number[] = [];
  tokens.forEach((t, i) => {
    if (t.depth > 0 && isName(t, 'gpu') && isOp(tokens[i + 1], '=') && (isOp(tokens[i - 1], '(') || isOp(tokens[i - 1], ','))) out.push(i + 2);
  });
  return out;
}
