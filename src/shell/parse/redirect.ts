import type { RedirectNode, RedirectOp } from './ast.js';
import { heredocDelimiter } from './heredoc.js';
import { fail, skipBlanks, type Cursor } from './state.js';
import { parseWord } from './word.js';

/** Longest operators first, so `>>` is not read as `>`. */
const OPS: RedirectOp[] = ['&>>', '<<<', '<<-', '&>', '>>', '>|', '<>', '<<', '>&', '<&', '<', '>'];
const FD_PREFIX = /(?:[0-9]{1,9}|\{[A-Za-z_][A-Za-z0-9_]*\})(?=[<>])/y;

/** The redirection operator at the cursor (with its fd prefix), or undefined. */
function peekRedirect(c: Cursor): { prefix: string; op: RedirectOp } | undefined {
  const ch = c.text.charAt(c.pos);
  if (ch !== '<' && ch !== '>' && ch !== '&' && ch !== '{' && !(ch >= '0' && ch <= '9')) return undefined;
  FD_PREFIX.lastIndex = c.pos;
  const prefix = FD_PREFIX.test(c.text) ? c.text.slice(c.pos, FD_PREFIX.lastIndex) : '';
  const at = c.pos + prefix.length;
  const op = OPS.find((candidate) => c.text.startsWith(candidate, at));
  if (op === undefined) return undefined;
  if ((op === '<' || op === '>') && c.text.charAt(at + 1) === '(') return undefined;
  if (prefix && op.startsWith('&')) return undefined;
  return { prefix, op };
}

export function atRedirect(c: Cursor): boolean {
  return peekRedirect(c) !== undefined;
}

/** Parses one redirection; heredocs are queued and get their body at the next newline. */
export function parseRedirect(c: Cursor): RedirectNode {
  const found = peekRedirect(c);
  if (!found) fail(c, 'expected a redirection');
  c.pos += found.prefix.length + found.op.length;
  skipBlanks(c);
  const target = parseWord(c);
  if (!target) fail(c, `expected a word after ${found.op}`);
  const redirect: RedirectNode = { fd: fdNumber(found.prefix, found.op), op: found.op, target };
  if (found.prefix.startsWith('{')) redirect.fdVar = found.prefix.slice(1, -1);
  if (found.op === '<<' || found.op === '<<-') queueHeredoc(c, redirect);
  return redirect;
}

function fdNumber(prefix: string, op: RedirectOp): number | undefined {
  if (prefix !== '' && !prefix.startsWith('{')) return Number(prefix);
  return op.startsWith('<') ? 0 : op.startsWith('&') ? 1 : op === '<>' ? 0 : 1;
}

function queueHeredoc(c: Cursor, redirect: RedirectNode): void {
  const { delimiter, quoted } = heredocDelimiter(redirect);
  c.heredocs.push({ redirect, delimiter, quoted, stripTabs: redirect.op === '<<-' });
}

