import type { FunctionSpan } from '../types.js';
import { LogicalLines, type LogicalLine } from './logical-lines.js';

const DEF = /^(?:async\s+)?def\s+([A-Za-z_\u0080-\uffff][\w\u0080-\uffff]*)/;

/**
 * Functions of a Python source: every `def`/`async def`, from its first decorator through the
 * last line of its body (the last logical line indented deeper than the `def`). Comment and
 * blank lines after the body's last statement are not part of it.
 */
export function pythonFunctions(src: string): FunctionSpan[] {
  const lines = new LogicalLines(src).run();
  const nextIndent = nextStatementIndents(lines);
  const found: FunctionSpan[] = [];
  lines.forEach((line, i) => {
    const match = DEF.exec(line.head);
    if (!match) return;
    const startLine = decoratorsStart(lines, i);
    const endLine = bodyEnd(lines, i, nextIndent);
    found.push({ name: match[1]!, startLine, endLine, length: endLine - startLine + 1 });
  });
  return found;
}

function decoratorsStart(lines: readonly LogicalLine[], def: number): number {
  let start = lines[def]!.startLine;
  for (let k = def - 1; k >= 0; k--) {
    const line = lines[k]!;
    if (line.comment) continue;
    if (line.indent !== lines[def]!.indent || !line.head.startsWith('@')) break;
    start = line.startLine;
  }
  return start;
}

/**
 * Last line of the body: its last statement, or a comment line after it while the body is still
 * open. As in tree-sitter, a comment closes blocks only when the next statement dedents past
 * them and the comment itself sits left of the innermost open block.
 */
function bodyEnd(lines: readonly LogicalLine[], def: number, nextIndent: readonly number[]): number {
  const indent = lines[def]!.indent;
  const open: number[] = [];
  let end = lines[def]!.endLine;
  for (let k = def + 1; k < lines.length; k++) {
    const line = lines[k]!;
    if (line.comment) {
      if (open.length === 0) continue;
      closeBlocks(open, line.indent, nextIndent[k]!);
      if (open.length === 0) return end;
    } else {
      if (line.indent <= indent) return end;
      closeBlocks(open, line.indent, line.indent);
      if (open[open.length - 1] !== line.indent) open.push(line.indent);
    }
    end = line.endLine;
  }
  return end;
}

/** Pops the open blocks a line at `at` leaves, when the next statement (at `next`) leaves them too. */
function closeBlocks(open: number[], at: number, next: number): void {
  while (open.length > 0 && open[open.length - 1]! > at && open[open.length - 1]! > next) open.pop();
}

/** For each line, the indentation of the next statement line after it (-1 at the end). */
function nextStatementIndents(lines: readonly LogicalLine[]): number[] {
  const out = new Array<number>(lines.length);
  let next = -1;
  for (let k = lines.length - 1; k >= 0; k--) {
    out[k] = next;
    if (!lines[k]!.comment) next = lines[k]!.indent;
  }
  return out;
}
