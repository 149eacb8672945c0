import type { AndOrNode, CommandNode, ListNode, PipelineNode } from './ast.js';
import { parseCommand } from './command.js';
import { exact } from './exact.js';
import { newline, readHeredocs } from './heredoc.js';
import { addCommand, newStream, releaseCommands, type CommandStream, type PipelinePlace, type TakeCommand } from './stream.js';
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
 * Parses a whole program and hands each top-level command to `take` as soon as it is complete
 * (its heredoc bodies read), so the caller can analyse it and let its tree go: a long script or
 * pipeline then never holds its whole tree in memory.
 */
export function streamProgram(text: string, shared: Shared, take: TakeCommand): void {
  const c = newCursor(text, shared, 0);
  const stream = newStream(take);
  parseList(c, stream);
  if (!atEnd(c)) fail(c, `unexpected '${peek(c)}'`);
  if (c.heredocs.length > 0) readHeredocs(c);
  releaseCommands(stream, c);
}

/** A program nested in another text (backtick bodies, bash -c strings): one level deeper. */
export function parseSubProgram(text: string, parent: Cursor): ListNode {
  return parseProgram(text, parent.shared, parent.depth + 1);
}

/**
 * Commands separated by `;`, `&` and newlines, up to something that closes the list. With a
 * stream, its commands are handed over instead of kept (the list comes back empty).
 */
export function parseList(c: Cursor, stream?: CommandStream): ListNode {
  const list: ListNode = { type: 'list', items: [] };
  for (;;) {
    skipSeparators(c);
    if (atListEnd(c)) return finishList(list);
    const node = parseAndOr(c, stream);
    skipBlanksAndComments(c);
    const background = peek(c) === '&' && !startsWith(c, '&&') && !startsWith(c, '&>');
    if (!stream) list.items.push({ node, background });
    const more = endItem(c, background);
    if (stream) releaseCommands(stream, c);
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

function parseAndOr(c: Cursor, stream: CommandStream | undefined): AndOrNode {
  const node: AndOrNode = { type: 'andor', first: parsePipeline(c, stream), rest: [] };
  for (;;) {
    skipBlanksAndComments(c);
    const op = startsWith(c, '&&') ? '&&' : startsWith(c, '||') ? '||' : undefined;
    if (!op) {
      node.rest = exact(node.rest);
      return node;
    }
    c.pos += 2;
    skipSeparators(c);
    node.rest.push({ op, pipeline: parsePipeline(c, stream) });
  }
}

function parsePipeline(c: Cursor, stream: CommandStream | undefined): PipelineNode {
  const node: PipelineNode = { type: 'pipeline', negated: false, timed: false, commands: [] };
  pipelinePrefix(c, node);
  let command = requireCommand(c);
  let place: PipelinePlace = 'first';
  for (;;) {
    skipBlanksAndComments(c);
    const more = peek(c) === '|' && !startsWith(c, '||');
    if (stream) addCommand(stream, c, command, place === 'first' && !more ? 'alone' : place);
    else node.commands.push(command);
    if (!more) {
      node.commands = exact(node.commands);
      return node;
    }
    c.pos += startsWith(c, '|&') ? 2 : 1;
    skipSeparators(c);
    command = requireCommand(c);
    place = 'next';
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
