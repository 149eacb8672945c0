import type { AndOrNode, CommandNode, ListItem, ListNode, PipelineNode } from './ast.js';
import { parseCommand } from './command.js';
import { exact } from './exact.js';
import { newline, readHeredocs } from './heredoc.js';
import {
  atEnd, consumeReserved, fail, newCursor, peek, peekReserved, skipBlanksAndComments, startsWith,
  type Cursor, type Shared,
} from './state.js';

/** Reserved words that close the list they appear in (the caller consumes them). */
const CLOSERS = new Set(['then', 'elif', 'else', 'fi', 'do', 'done', 'esac', '}']);

/** Parses a whole program text. */
export function parseProgram(text: string, shared: Shared, depth = 0): ListNode {
  const c = newCursor(text, shared, depth);
  const list = parseList(c);
  if (!atEnd(c)) fail(c, `unexpected '${peek(c)}'`);
  if (c.heredocs.length > 0) readHeredocs(c);
  return list;
}

/**
 * Parses a whole program and hands its top-level items to `take` as soon as they are complete
 * (their heredoc bodies read), so a caller can analyse each one and let its tree go: a long
 * script then never holds its whole tree in memory.
 */
export function streamProgram(text: string, shared: Shared, take: (items: ListItem[]) => void): void {
  const c = newCursor(text, shared, 0);
  const rest = parseList(c, take);
  if (!atEnd(c)) fail(c, `unexpected '${peek(c)}'`);
  if (c.heredocs.length > 0) readHeredocs(c);
  if (rest.items.length > 0) take(rest.items);
}

/** A program nested in another text (backtick bodies, bash -c strings): one level deeper. */
export function parseSubProgram(text: string, parent: Cursor): ListNode {
  return parseProgram(text, parent.shared, parent.depth + 1);
}

/**
 * Commands separated by `;`, `&` and newlines, up to something that closes the list. With `take`,
 * items whose heredoc bodies have been read are handed over instead of kept in the list.
 */
export function parseList(c: Cursor, take?: (items: ListItem[]) => void): ListNode {
  const list: ListNode = { type: 'list', items: [] };
  for (;;) {
    skipSeparators(c);
    if (atListEnd(c)) return finishList(list);
    const node = parseAndOr(c);
    skipBlanksAndComments(c);
    const background = peek(c) === '&' && !startsWith(c, '&&') && !startsWith(c, '&>');
    list.items.push({ node, background });
    const more = endItem(c, background);
    if (take && c.heredocs.length === 0) {
      take(list.items);
      list.items = [];
    }
    if (!more) return finishList(list);
  }
}

function finishList(list: ListNode): ListNode {
  list.items = exact(list.items);
  return list;
}

/** Consumes the separator after an item; false when there is none (the list must end here). */
function endItem(c: Cursor, background: boolean): boolean {
  if (background) c.pos += 1;
  else if (peek(c) === ';' && !startsWith(c, ';;') && !startsWith(c, ';&')) c.pos += 1;
  else if (peek(c) === '\n') newline(c);
  else return false;
  return true;
}

function skipSeparators(c: Cursor): void {
  for (;;) {
    skipBlanksAndComments(c);
    if (peek(c) !== '\n') return;
    newline(c);
  }
}

function atListEnd(c: Cursor): boolean {
  const ch = peek(c);
  if (ch === '' || ch === ')' || startsWith(c, ';;') || startsWith(c, ';&')) return true;
  return CLOSERS.has(peekReserved(c));
}

function parseAndOr(c: Cursor): AndOrNode {
  const node: AndOrNode = { type: 'andor', first: parsePipeline(c), rest: [] };
  for (;;) {
    skipBlanksAndComments(c);
    const op = startsWith(c, '&&') ? '&&' : startsWith(c, '||') ? '||' : undefined;
    if (!op) {
      node.rest = exact(node.rest);
      return node;
    }
    c.pos += 2;
    skipSeparators(c);
    node.rest.push({ op, pipeline: parsePipeline(c) });
  }
}

function parsePipeline(c: Cursor): PipelineNode {
  const node: PipelineNode = { type: 'pipeline', negated: false, timed: false, commands: [] };
  pipelinePrefix(c, node);
  node.commands.push(requireCommand(c));
  for (;;) {
    skipBlanksAndComments(c);
    if (peek(c) !== '|' || startsWith(c, '||')) {
      node.commands = exact(node.commands);
      return node;
    }
    c.pos += startsWith(c, '|&') ? 2 : 1;
    skipSeparators(c);
    node.commands.push(requireCommand(c));
  }
}

/** `time [-p]` and `!` before a pipeline, in any order bash accepts. */
function pipelinePrefix(c: Cursor, node: PipelineNode): void {
  for (;;) {
    if (consumeReserved(c, 'time')) {
      node.timed = true;
      skipBlanksAndComments(c);
      if (startsWith(c, '-p') && /[\s;]|^$/.test(c.text.charAt(c.pos + 2))) c.pos += 2;
    } else if (consumeReserved(c, '!')) node.negated = !node.negated;
    else return;
  }
}

function requireCommand(c: Cursor): CommandNode {
  skipBlanksAndComments(c);
  if (atListEnd(c) || '|&;'.includes(peek(c))) fail(c, `expected a command before '${peek(c) || 'end of input'}'`);
  return parseCommand(c);
}
