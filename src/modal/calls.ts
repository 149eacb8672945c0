/**
 * Calls that matter on Modal: `.remote`/`.spawn`/`.map`… on a function handle (with whether
 * they run in a loop), and `print(...)` with or without flush=True.
 */
import type { PyStructure } from './python-structure.js';
import { hasDoubleStar, isName, isOp, keywordValue, receiverName } from './token-query.js';

/** Methods of a Modal function handle that run it remotely. */
export const REMOTE_METHODS = new Set(['remote', 'remote_gen', 'spawn', 'map', 'starmap', 'for_each', 'spawn_map']);
/** Methods that fan one call out over many inputs. */
export const MAP_METHODS = new Set(['map', 'starmap', 'for_each', 'spawn_map']);

export interface RemoteCall {
  method: string;
  receiver: string | undefined;
  line: number;
  /** Index of the '(' of the call's arguments. */
  open: number;
  inLoop: boolean;
}

export interface PrintCall {
  line: number;
  flush: boolean;
}

/** `.spawn(` or `.spawn.aio(`: index of the '(' after the method name at `nameIndex`, or -1. */
function callOpen(structure: PyStructure, nameIndex: number): number {
  const t = structure.tokens;
  if (isOp(t[nameIndex + 1], '(')) return nameIndex + 1;
  if (isOp(t[nameIndex + 1], '.') && isName(t[nameIndex + 2], 'aio') && isOp(t[nameIndex + 3], '(')) return nameIndex + 3;
  return -1;
}

export function remoteCalls(structure: PyStructure): RemoteCall[] {
  const t = structure.tokens;
  const out: RemoteCall[] = [];
  t.forEach((token, i) => {
    if (!isOp(token, '.') || !isName(t[i + 1]) || !REMOTE_METHODS.has(t[i + 1]!.value)) return;
    const open = callOpen(structure, i + 1);
    if (open < 0) return;
    out.push({
      method: t[i + 1]!.value,
      receiver: receiverName(t, i),
      line: token.line,
      open,
      inLoop: structure.inLoop[i] ?? false,
    });
  });
  return out;
}

/** The value of `return_exceptions=` in a map call: 'True', 'False', or 'default' (False). */
export function returnExceptions(structure: PyStructure, call: RemoteCall): string {
  const at = keywordValue(structure.tokens, call.open, 'return_exceptions');
  if (at < 0) return 'default';
  return structure.tokens[at]!.value;
}

/** `print = functools.partial(print, flush=True)` at module level makes every print flush. */
function printRebound(structure: PyStructure): boolean {
  const t = structure.tokens;
  return structure.lines.some((l) => {
    if (l.indent !== 0 || !isName(t[l.start], 'print') || !isOp(t[l.start + 1], '=')) return false;
    for (let i = l.start + 2; i < l.end; i++) if (isName(t[i], 'flush') && isOp(t[i + 1], '=') && isName(t[i + 2], 'True')) return true;
    return false;
  });
}

export function printCalls(structure: PyStructure): PrintCall[] {
  const t = structure.tokens;
  if (printRebound(structure)) return [];
  const out: PrintCall[] = [];
  t.forEach((token, i) => {
    if (!isName(token, 'print') || !isOp(t[i + 1], '(') || isOp(t[i - 1], '.') || isName(t[i - 1], 'def')) return;
    const at = keywordValue(t, i + 1, 'flush');
    const flush = (at >= 0 && !isName(t[at], 'False')) || hasDoubleStar(t, i + 1);
    out.push({ line: token.line, flush });
  });
  return out;
}
