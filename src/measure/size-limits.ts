import type { FunctionSpan } from './types.js';
import { countLines, isGenerated, measureSource, MAX_MEASURED_CHARS } from './index.js';
import { writeTouched, type LineRange } from './edit-result.js';

export const FILE_LINE_LIMIT = 200;
export const FUNCTION_LINE_LIMIT = 30;

/** One breach of the size rule, with what the messages need. */
export type SizeFinding =
  | { kind: 'file-too-long'; lines: number; limit: number }
  | { kind: 'file-grew'; lines: number; before: number; limit: number }
  | { kind: 'function-too-long'; fn: FunctionSpan; limit: number }
  | { kind: 'function-grew'; fn: FunctionSpan; before: number; limit: number }
  | { kind: 'too-large'; chars: number; limit: number };

export interface SizeCheck {
  path: string;
  /** Content before the change; undefined for a new file. */
  before: string | undefined;
  after: string;
  /** Lines of `after` the change wrote; default: the lines between the unchanged head and tail. */
  touched?: LineRange[];
}

/**
 * The size rule for one changed file: the file may not pass FILE_LINE_LIMIT lines and no
 * function the change touches may pass FUNCTION_LINE_LIMIT lines. A file or function that was
 * already over its limit may change as long as it does not get longer (functions are matched by
 * name). Non-code files are not measured; generated files are exempt only when the marker was
 * already there before the change (a change cannot exempt itself by adding one).
 */
export function sizeFindings(check: SizeCheck): SizeFinding[] {
  const after = measureSource(check.path, check.after);
  if (!after.code) return [];
  if (after.generated && check.before !== undefined && isGenerated(check.before)) return [];
  const findings: SizeFinding[] = [];
  const fileFinding = fileLength(after.lines, check.before === undefined ? undefined : countLines(check.before));
  if (fileFinding) findings.push(fileFinding);
  if (after.language === undefined && check.after.length > MAX_MEASURED_CHARS) {
    return [...findings, { kind: 'too-large', chars: check.after.length, limit: MAX_MEASURED_CHARS }];
  }
  const touched = check.touched ?? writeTouched(check.before, check.after);
  const earlier = () => (check.before === undefined ? [] : measureSource(check.path, check.before).functions);
  return [...findings, ...functionFindings(after.functions, earlier, touched)];
}

function fileLength(lines: number, before: number | undefined): SizeFinding | undefined {
  if (lines <= FILE_LINE_LIMIT) return undefined;
  if (before === undefined || before <= FILE_LINE_LIMIT) return { kind: 'file-too-long', lines, limit: FILE_LINE_LIMIT };
  return lines > before ? { kind: 'file-grew', lines, before, limit: FILE_LINE_LIMIT } : undefined;
}

function overlaps(fn: FunctionSpan, ranges: readonly LineRange[]): boolean {
  return ranges.some((r) => r.start <= fn.endLine && r.end >= fn.startLine);
}

/** Touched functions over the limit; the earlier version's functions are measured only when needed. */
function functionFindings(functions: readonly FunctionSpan[], earlier: () => FunctionSpan[], touched: readonly LineRange[]): SizeFinding[] {
  const findings: SizeFinding[] = [];
  let previousFunctions: FunctionSpan[] | undefined;
  for (const fn of functions) {
    if (fn.length <= FUNCTION_LINE_LIMIT || !overlaps(fn, touched)) continue;
    previousFunctions ??= earlier();
    const previous = longestNamed(previousFunctions, fn.name);
    if (previous === undefined || previous <= FUNCTION_LINE_LIMIT) findings.push({ kind: 'function-too-long', fn, limit: FUNCTION_LINE_LIMIT });
    else if (fn.length > previous) findings.push({ kind: 'function-grew', fn, before: previous, limit: FUNCTION_LINE_LIMIT });
  }
  return findings;
}

function longestNamed(functions: readonly FunctionSpan[], name: string): number | undefined {
  let longest: number | undefined;
  for (const fn of functions) if (fn.name === name && (longest === undefined || fn.length > longest)) longest = fn.length;
  return longest;
}
