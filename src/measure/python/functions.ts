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
  const found: FunctionSpan[] = [];
  lines.forEach((line, i) => {
    const match = DEF.exec(line.head);
    if (!match) return;
    const startLine = decoratorsStart(lines, i);
    const endLine = bodyEnd(lines, i);
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
 * Last line of the body: its last statement, or a later comment line as long as no line so far
 * has dedented out of the body. A comment indented less than the innermost open block closes
 * that block (tree-sitter's rule); one indented less than the body closes the function.
 */
function bodyEnd(lines: readonly LogicalLine[], def: number): number {
  const indent = lines[def]!.indent;
  const open: number[] = [];
  let end = lines[def]!.endLine;
  for (let k = def + 1; k < lines.length; k++) {
    const line = lines[k]!;
    if (!line.comment && line.indent <= indent) break;
    while (open.length > 0 && open[open.length - 1]! > line.indent) open.pop();
    if (line.comment && open.length === 0) {
      if (end !== lines[def]!.endLine) break;
      continue;
    }
    if (!line.comment && open[open.length - 1] !== line.indent) open.push(line.indent);
    end = line.endLine;
  }
  return end;
}
