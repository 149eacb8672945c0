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
 * Last line of the body: the last statement indented deeper than the `def`, then the comment
 * lines right after it that sit at the indentation of a block still open there (the body's or
 * a nested block's). Comment lines between statements never end the body.
 */
function bodyEnd(lines: readonly LogicalLine[], def: number): number {
  const indent = lines[def]!.indent;
  const open: number[] = [];
  let end = lines[def]!.endLine;
  for (let k = def + 1; k < lines.length; k++) {
    const line = lines[k]!;
    if (!line.comment && line.indent <= indent) break;
    while (open.length > 0 && open[open.length - 1]! > line.indent) open.pop();
    if (!line.comment && open[open.length - 1] !== line.indent) open.push(line.indent);
    if (!line.comment || open[open.length - 1] === line.indent) end = line.endLine;
    else open.length = 0;
  }
  return end;
}
