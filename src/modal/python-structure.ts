/**
 * Block structure over Python tokens: logical lines, `def`/`class` definitions with their
 * decorators and bodies, and which tokens run inside a loop (for/while body or comprehension).
 */
import type { PyToken } from './python-tokens.js';

export interface LogicalLine {
  /** Token index range [start, end), the closing newline excluded. */
  start: number;
  end: number;
  indent: number;
  line: number;
}

export interface Decorator {
  /** Dotted name, e.g. 'app.function', 'modal.method'. */
  name: string;
  line: number;
  /** Index of the '(' of its arguments, or -1. */
  open: number;
}

export interface Definition {
  kind: 'def' | 'class';
  name: string;
  line: number;
  indent: number;
  decorators: Decorator[];
  /** Token index range of the body (header excluded). */
  bodyStart: number;
  bodyEnd: number;
  /** Enclosing class name for methods. */
  owner: string | undefined;
}

export interface PyStructure {
  tokens: PyToken[];
  lines: LogicalLine[];
  definitions: Definition[];
  /** Per token: it runs inside a for/while body or a comprehension. */
  inLoop: boolean[];
}

/** How many enclosing brackets are searched for a comprehension's `for` (keeps deep nesting linear). */
const MAX_GROUP_WALK = 32;

export function logicalLines(tokens: PyToken[]): LogicalLine[] {
  const lines: LogicalLine[] = [];
  let start = 0;
  tokens.forEach((t, i) => {
    if (t.type !== 'newline') return;
    if (i > start) lines.push({ start, end: i, indent: tokens[start]!.indent, line: tokens[start]!.line });
    start = i + 1;
  });
  return lines;
}

/** Index of the bracket closing the one opened at `open` (or tokens.length). */
export function closingBracket(tokens: PyToken[], open: number): number {
  for (let i = open + 1; i < tokens.length; i++) if (tokens[i]!.depth === tokens[open]!.depth && tokens[i]!.type === 'op' && ')]}'.includes(tokens[i]!.value)) return i;
  return tokens.length;
}

function dottedName(tokens: PyToken[], from: number, end: number): { name: string; next: number } {
  let name = '';
  let i = from;
  while (i < end && (tokens[i]!.type === 'name' || (tokens[i]!.type === 'op' && tokens[i]!.value === '.'))) name += tokens[i++]!.value;
  return { name, next: i };
}

function headerKeyword(tokens: PyToken[], l: LogicalLine): string | undefined {
  const first = tokens[l.start]!;
  if (first.type !== 'name') return undefined;
  if (first.value === 'async' && l.end > l.start + 1) return tokens[l.start + 1]!.value;
  return first.value;
}

/** The top-level ':' ending a compound statement header, or -1. */
function headerColon(tokens: PyToken[], l: LogicalLine): number {
  for (let i = l.start; i < l.end; i++) if (tokens[i]!.depth === 0 && tokens[i]!.type === 'op' && tokens[i]!.value === ':') return i;
  return -1;
}

function bodyEnd(lines: LogicalLine[], index: number): number {
  const header = lines[index]!;
  for (let k = index + 1; k < lines.length; k++) if (lines[k]!.indent <= header.indent) return lines[k]!.start;
  return lines.length > 0 ? lines[lines.length - 1]!.end : header.end;
}

function definitions(tokens: PyToken[], lines: LogicalLine[]): Definition[] {
  const defs: Definition[] = [];
  let pending: Decorator[] = [];
  const classes: { name: string; indent: number }[] = [];
  lines.forEach((l, k) => {
    while (classes.length > 0 && classes[classes.length - 1]!.indent >= l.indent) classes.pop();
    const first = tokens[l.start]!;
    if (first.type === 'op' && first.value === '@') {
      const { name, next } = dottedName(tokens, l.start + 1, l.end);
      const open = next < l.end && tokens[next]!.value === '(' ? next : -1;
      pending.push({ name, line: l.line, open });
      return;
    }
    const keyword = headerKeyword(tokens, l);
    if (keyword === 'def' || keyword === 'class') {
      const nameIndex = l.start + (first.value === 'async' ? 2 : 1);
      const name = tokens[nameIndex]?.value ?? '';
      const colon = headerColon(tokens, l);
      const inline = colon >= 0 && colon < l.end - 1;
      const owner = classes.length > 0 ? classes[classes.length - 1]!.name : undefined;
      defs.push({ kind: keyword, name, line: l.line, indent: l.indent, decorators: pending, bodyStart: inline ? colon + 1 : l.end, bodyEnd: inline ? l.end : bodyEnd(lines, k), owner });
      if (keyword === 'class') classes.push({ name, indent: l.indent });
    }
    pending = [];
  });
  return defs;
}

function markStatementLoops(tokens: PyToken[], lines: LogicalLine[], inLoop: boolean[]): void {
  const stack: { indent: number; loop: boolean }[] = [];
  for (const l of lines) {
    while (stack.length > 0 && stack[stack.length - 1]!.indent >= l.indent) stack.pop();
    const looping = stack.length > 0 && stack[stack.length - 1]!.loop;
    const keyword = headerKeyword(tokens, l);
    const colon = headerColon(tokens, l);
    const isLoop = keyword === 'for' || keyword === 'while';
    for (let i = l.start; i < l.end; i++) inLoop[i] = looping || (isLoop && colon >= 0 && i > colon);
    if (keyword === 'def' || keyword === 'class') stack.push({ indent: l.indent, loop: false });
    else if (colon === l.end - 1) stack.push({ indent: l.indent, loop: isLoop || looping });
  }
}

function markComprehensions(tokens: PyToken[], inLoop: boolean[]): void {
  const comprehension = new Set<number>();
  tokens.forEach((t) => {
    if (t.type === 'name' && t.value === 'for' && t.group >= 0) comprehension.add(t.group);
  });
  tokens.forEach((t, i) => {
    let g = t.group;
    for (let level = 0; g >= 0 && level < MAX_GROUP_WALK && !inLoop[i]; level++, g = tokens[g]!.group) if (comprehension.has(g)) inLoop[i] = true;
  });
}

export function pythonStructure(tokens: PyToken[]): PyStructure {
  const lines = logicalLines(tokens);
  const inLoop = new Array<boolean>(tokens.length).fill(false);
  markStatementLoops(tokens, lines, inLoop);
  markComprehensions(tokens, inLoop);
  return { tokens, lines, definitions: definitions(tokens, lines), inLoop };
}
