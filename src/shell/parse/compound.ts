import type { CommandNode, CompoundNode, ListNode, RedirectNode, WordNode } from './ast.js';
import { parseCase } from './case.js';
import { parseCond } from './cond.js';
import { parseSimple } from './command.js';
import { parseArith } from './dollar.js';
import { exact } from './exact.js';
import { newline } from './heredoc.js';
import { parseList } from './list.js';
import { atRedirect, parseRedirect } from './redirect.js';
import {
  consumeReserved, endsWord, enter, fail, leave, peek, peekReserved, skipBlanks, skipBlanksAndComments, startsWith, type Cursor,
} from './state.js';
import { parseWord } from './word.js';

const OPENERS = new Set(['if', 'while', 'until', 'for', 'select', 'case', '{', '[[', 'function', 'coproc']);

export function startsCompound(c: Cursor): boolean {
  return peek(c) === '(' || OPENERS.has(peekReserved(c));
}

/** A compound command with the redirections that follow it. */
export function parseCompound(c: Cursor): CommandNode {
  const start = c.pos;
  enter(c);
  const node = compoundBody(c) as CommandNode;
  leave(c);
  node.redirects = trailingRedirects(c);
  node.text = c.text.slice(start, c.pos);
  node.start = start;
  node.end = c.pos;
  return node;
}

function compoundBody(c: Cursor): CompoundNode {
  if (startsWith(c, '((')) {
    c.pos += 2;
    return { type: 'arith', parts: parseArith(c, '))') };
  }
  if (peek(c) === '(') return { type: 'subshell', body: closedList(c, 1, ')') };
  const word = peekReserved(c);
  c.pos += word.length;
  if (word === 'if') return parseIf(c);
  if (word === 'while' || word === 'until') return parseLoop(c, word);
  if (word === 'for' || word === 'select') return parseFor(c, word);
  if (word === 'case') return parseCase(c);
  if (word === '{') return { type: 'group', body: bodyUntil(c, '}') };
  if (word === '[[') return { type: 'cond', words: parseCond(c) };
  if (word === 'function') return parseFunctionKeyword(c);
  return parseCoproc(c);
}

function closedList(c: Cursor, open: number, close: string): ListNode {
  c.pos += open;
  const body = parseList(c);
  skipLinebreaks(c);
  if (peek(c) !== close) fail(c, `expected '${close}'`);
  c.pos += 1;
  return body;
}

/** A list closed by a reserved word (`}`, `fi`, `done`, `esac`). */
export function bodyUntil(c: Cursor, closer: string): ListNode {
  const body = parseList(c);
  expectReserved(c, closer);
  return body;
}

export function skipLinebreaks(c: Cursor): void {
  for (;;) {
    skipBlanksAndComments(c);
    if (peek(c) !== '\n') return;
    newline(c);
  }
}

export function expectReserved(c: Cursor, word: string): void {
  skipLinebreaks(c);
  if (!consumeReserved(c, word)) fail(c, `expected '${word}'`);
}

function parseIf(c: Cursor): CompoundNode {
  const clauses: { cond: ListNode; body: ListNode }[] = [];
  do {
    const cond = bodyUntil(c, 'then');
    clauses.push({ cond, body: parseList(c) });
    skipLinebreaks(c);
  } while (consumeReserved(c, 'elif'));
  const otherwise = consumeReserved(c, 'else') ? parseList(c) : undefined;
  expectReserved(c, 'fi');
  return { type: 'if', clauses: exact(clauses), otherwise };
}

function parseLoop(c: Cursor, keyword: 'while' | 'until'): CompoundNode {
  const before = c.shared.dirChanges;
  const cond = bodyUntil(c, 'do');
  const body = bodyUntil(c, 'done');
  return { type: 'loop', keyword, cond, body, changesDir: c.shared.dirChanges > before };
}

function parseFor(c: Cursor, keyword: 'for' | 'select'): CompoundNode {
  const before = c.shared.dirChanges;
  skipBlanks(c);
  if (keyword === 'for' && startsWith(c, '((')) {
    c.pos += 2;
    const parts = parseArith(c, '))');
    const body = doGroup(c);
    return { type: 'arith-for', parts, body, changesDir: c.shared.dirChanges > before };
  }
  const name = parseWord(c);
  if (!name) fail(c, `expected a name after ${keyword}`);
  const items = forItems(c);
  const body = doGroup(c);
  return { type: 'for', keyword, name: name.raw, items, body, changesDir: c.shared.dirChanges > before };
}

function forItems(c: Cursor): WordNode[] | undefined {
  skipLinebreaks(c);
  if (!consumeReserved(c, 'in')) return undefined;
  const items: WordNode[] = [];
  for (;;) {
    skipBlanks(c);
    const word = endsWord(peek(c)) ? undefined : parseWord(c);
    if (!word) break;
    items.push(word);
  }
  return exact(items);
}

/** `do … done`, or `{ … }` which bash also accepts after for/select. */
function doGroup(c: Cursor): ListNode {
  skipBlanks(c);
  if (peek(c) === ';') c.pos += 1;
  skipLinebreaks(c);
  if (consumeReserved(c, '{')) return bodyUntil(c, '}');
  expectReserved(c, 'do');
  return bodyUntil(c, 'done');
}

function parseFunctionKeyword(c: Cursor): CompoundNode {
  skipBlanks(c);
  const name = parseWord(c);
  if (!name) fail(c, 'expected a function name');
  skipBlanks(c);
  if (peek(c) === '(') {
    c.pos += 1;
    skipBlanks(c);
    if (peek(c) !== ')') fail(c, "expected ')'");
    c.pos += 1;
  }
  return functionNode(c, name.raw);
}

function functionNode(c: Cursor, name: string): CompoundNode {
  const before = c.shared.dirChanges;
  skipLinebreaks(c);
  if (!startsCompound(c)) fail(c, `function ${name} needs a compound body`);
  const body = parseCompound(c);
  return { type: 'function', name, body, changesDir: c.shared.dirChanges > before };
}

/** `name () body` after the head was read by the command parser. */
export function parseFunctionBody(c: Cursor, name: string, start: number): CommandNode {
  const node = functionNode(c, name);
  return { ...node, redirects: [], text: c.text.slice(start, c.pos), start, end: c.pos } as CommandNode;
}

function parseCoproc(c: Cursor): CompoundNode {
  skipBlanks(c);
  if (startsCompound(c)) return { type: 'coproc', name: undefined, body: parseCompound(c) };
  const save = c.pos;
  const name = parseWord(c);
  skipBlanks(c);
  if (name && /^[A-Za-z_][A-Za-z0-9_]*$/.test(name.raw) && startsCompound(c)) {
    return { type: 'coproc', name: name.raw, body: parseCompound(c) };
  }
  c.pos = save;
  return { type: 'coproc', name: undefined, body: parseSimple(c) };
}

function trailingRedirects(c: Cursor): RedirectNode[] {
  const out: RedirectNode[] = [];
  for (;;) {
    skipBlanks(c);
    if (!atRedirect(c)) return exact(out);
    out.push(parseRedirect(c));
  }
}
