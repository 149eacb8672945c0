import type { AssignNode, CommandNode, Part, SimpleNode, WordNode } from './ast.js';
import { mergeLits } from './builder.js';
import { parseCompound, parseFunctionBody, startsCompound } from './compound.js';
import { exact } from './exact.js';
import { newline } from './heredoc.js';
import { atRedirect, parseRedirect } from './redirect.js';
import { countWord, endsWord, fail, peek, skipBlanks, skipBlanksAndComments, startsWith, type Cursor } from './state.js';
import { parseWord } from './word.js';

/** One command: compound (if, while, { }, ( ) …), a function definition, or a simple command. */
export function parseCommand(c: Cursor): CommandNode {
  skipBlanksAndComments(c);
  if (startsCompound(c)) return parseCompound(c);
  const start = c.pos;
  const fn = functionName(c);
  if (fn !== undefined) return parseFunctionBody(c, fn, start);
  return parseSimple(c);
}

const FUNCTION_HEAD = /([^\s;&|<>()'"\\$`=]+)[ \t]*\([ \t]*\)/y;

/** `name ( )` at the cursor: consumes it and returns the name. */
function functionName(c: Cursor): string | undefined {
  FUNCTION_HEAD.lastIndex = c.pos;
  const m = FUNCTION_HEAD.exec(c.text);
  if (!m) return undefined;
  c.pos += m[0].length;
  return m[1];
}

/** Assignments, words and redirections in any order, up to a control operator. */
export function parseSimple(c: Cursor): SimpleNode {
  const start = c.pos;
  const node: SimpleNode = { type: 'simple', assigns: [], words: [], redirects: [], text: '', start, end: start };
  for (;;) {
    skipBlanks(c);
    const ch = peek(c);
    if (ch === '#' && node.words.length + node.assigns.length + node.redirects.length > 0) break;
    if (atRedirect(c)) node.redirects.push(parseRedirect(c));
    else if (endsWord(ch) && !startsWith(c, '<(') && !startsWith(c, '>(')) break;
    else addWord(c, node);
  }
  if (node.words.length + node.assigns.length + node.redirects.length === 0) fail(c, 'expected a command');
  if (peek(c) === '(') fail(c, "unexpected '('");
  node.end = c.pos;
  node.text = c.text.slice(start, c.pos).trim();
  node.assigns = exact(node.assigns);
  node.words = exact(node.words);
  node.redirects = exact(node.redirects);
  return node;
}

function addWord(c: Cursor, node: SimpleNode): void {
  const word = parseWord(c);
  if (!word) fail(c, `unexpected '${peek(c)}'`);
  const assign = node.words.length === 0 && word.raw.includes('=') ? asAssignment(c, word) : undefined;
  if (assign) node.assigns.push(assign);
  else if (node.words.length > 0 && isArrayStart(c, word)) node.words.push(arrayWord(c, word));
  else node.words.push(word);
  if (node.words.length === 1 && isDirChange(word)) c.shared.dirChanges += 1;
}

function isDirChange(word: WordNode): boolean {
  return word.raw === 'cd' || word.raw === 'pushd' || word.raw === 'popd';
}

const ASSIGN_HEAD = /^([A-Za-z_][A-Za-z0-9_]*)(\[[^\]]*\])?(\+?)=/;

/** `NAME=value`, `NAME+=value`, `NAME[i]=value` and `NAME=( … )` before the command name. */
function asAssignment(c: Cursor, word: WordNode): AssignNode | undefined {
  const head = ASSIGN_HEAD.exec(word.raw);
  if (!head) return undefined;
  const name = head[1]!;
  const append = head[3] === '+';
  if (peek(c) === '(' && word.raw === head[0]) {
    return { name, append, value: undefined, elements: arrayElements(c), raw: word.raw, word };
  }
  return { name, append, value: valueAfterEquals(word, head[0].length), raw: word.raw, word };
}

/** The value of an assignment word: what follows the first `=`; no pathname expansion applies. */
function valueAfterEquals(word: WordNode, headLength: number): WordNode {
  const parts: Part[] = [];
  let found = false;
  for (const part of word.parts) {
    if (found) parts.push(part.type === 'glob' ? { type: 'lit', text: part.text } : part);
    else if (part.type === 'lit' && part.text.includes('=')) {
      found = true;
      const rest = part.text.slice(part.text.indexOf('=') + 1);
      if (rest !== '') parts.push({ type: 'lit', text: rest });
    }
  }
  return { parts: mergeLits(parts), raw: word.raw.slice(headLength), quoted: word.quoted };
}

function isArrayStart(c: Cursor, word: WordNode): boolean {
  return peek(c) === '(' && /^[A-Za-z_][A-Za-z0-9_]*\+?=$/.test(word.raw);
}

/** `declare a=( … )`: the elements become words of the argument so substitutions stay visible. */
function arrayWord(c: Cursor, word: WordNode): WordNode {
  const elements = arrayElements(c);
  return { parts: [...word.parts, ...elements.flatMap((e) => e.parts)], raw: word.raw + '(…)', quoted: true };
}

function arrayElements(c: Cursor): WordNode[] {
  c.pos += 1;
  const out: WordNode[] = [];
  for (;;) {
    skipBlanksAndComments(c);
    const ch = peek(c);
    if (ch === ')') break;
    if (ch === '\n') newline(c);
    else if (ch === '') fail(c, 'unterminated array');
    else {
      const word = parseWord(c);
      if (!word) fail(c, `unexpected '${ch}' in array`);
      countWord(c);
      out.push(word);
    }
  }
  c.pos += 1;
  return exact(out);
}
