import type { CommandNode, ListNode, RedirectNode } from '../parse/ast.js';
import type { ExecutedCommand } from '../types.js';
import { defineFunction } from './functions.js';
import { redirectStdin } from './stdin.js';
import { child, type Scope } from './scope.js';
import { visitCommand, visitList, visitParts, visitWords } from './walk.js';
import { CommandResult, emptyList } from './results.js';
import { toRedirect } from './simple.js';
import { literalWord } from './words.js';
import { addRedirectWrites } from './writes.js';

type Compound = Exclude<CommandNode, { type: 'simple' }>;

/** if/while/for/case/{ }/( )/[[ ]]/(( ))/function/coproc, with their redirections. */
export function visitCompound(node: Compound, scope: Scope): void {
  visitRedirectParts(node.redirects, scope);
  addRedirectWrites(node.redirects, standIn(node, scope), scope);
  const stdin = redirectStdin(node.redirects, scope);
  const inner = stdin ? child(scope, { stdin }) : scope;
  visitBody(node, inner);
}

function visitBody(node: Compound, scope: Scope): void {
  switch (node.type) {
    case 'subshell':
      return visitList(node.body, child(scope, { origin: 'subshell', copyCwd: true }));
    case 'group':
      return visitList(node.body, scope);
    case 'if':
      for (const clause of node.clauses) visitList(clause.cond, scope);
      return branches([...node.clauses.map((c) => c.body), ...(node.otherwise ? [node.otherwise] : [])], !node.otherwise, scope);
    case 'case':
      visitParts(node.subject.parts, scope);
      for (const item of node.items) visitWords(item.patterns, scope);
      return branches(node.items.map((item) => item.body), true, scope);
    case 'arith':
      return visitParts(node.parts, scope);
    case 'cond':
      return visitWords(node.words, scope);
    case 'function':
      return defineFunction(scope.session, node.name, node.body, node.changesDir);
    case 'coproc':
      return visitCommand(node.body, child(scope, { origin: 'subshell', copyCwd: true }));
    default:
      return visitLoop(node, scope);
  }
}

/** A loop that changes directory runs its body from a different directory each time round. */
function visitLoop(node: Extract<Compound, { type: 'loop' | 'for' | 'arith-for' }>, scope: Scope): void {
  if (node.changesDir) scope.cwd.value = undefined;
  if (node.type === 'loop') visitList(node.cond, scope);
  else if (node.type === 'for' && node.items) visitWords(node.items, scope);
  else if (node.type === 'arith-for') visitParts(node.parts, scope);
  visitList(node.body, scope);
  if (node.changesDir) scope.cwd.value = undefined;
}

/** Alternatives: each starts from the same directory; afterwards the directory is known only if all agree. */
function branches(lists: ListNode[], mayRunNone: boolean, scope: Scope): void {
  const start = scope.cwd.value;
  const ends = new Set<string | undefined>(mayRunNone ? [start] : []);
  for (const list of lists) {
    const cell = { value: start };
    visitList(list, { ...scope, cwd: cell });
    ends.add(cell.value);
  }
  scope.cwd.value = ends.size === 1 ? [...ends][0] : undefined;
}

export function visitRedirectParts(redirects: RedirectNode[], scope: Scope): void {
  for (const redirect of redirects) {
    visitParts(redirect.target.parts, scope);
    if (redirect.heredoc && !redirect.heredoc.quoted) visitParts(redirect.heredoc.parts, scope);
  }
}

const KEYWORD: Record<Compound['type'], string> = {
  subshell: '(', group: '{', if: 'if', loop: 'while', for: 'for', 'arith-for': 'for', case: 'case', arith: '((', cond: '[[', function: 'function', coproc: 'coproc',
};

/** Writes made by a compound's redirections are attributed to this stand-in (not in `commands`). */
function standIn(node: Compound, scope: Scope): ExecutedCommand {
  return new CommandResult({
    name: KEYWORD[node.type], argv: [literalWord(KEYWORD[node.type])], args: emptyList(), dynamicName: false, origin: [...scope.origin],
    redirects: node.redirects.map((r) => toRedirect(r, scope)),
    assignments: emptyList(), cwd: scope.cwd.value, text: node.text.length > 200 ? node.text.slice(0, 200) + '…' : node.text,
  });
}
