import type { AssignNode, RedirectNode, SimpleNode } from '../parse/ast.js';
import type { Redirect } from '../types.js';
import { visitRedirectParts } from './compound.js';
import { runCommand, type CommandSource } from './run.js';
import { noteAssignments } from './assignments.js';
import { AssignmentResult, RedirectResult } from './results.js';
import { child, type Scope } from './scope.js';
import { redirectStdin } from './stdin.js';
import { visitParts, visitWords } from './walk.js';
import { expandWords, toWord } from './words.js';
import { addRedirectWrites, bareRedirectCommand } from './writes.js';

/** A simple command: its substitutions run first, then the command (unwrapped) itself. */
export function visitSimple(node: SimpleNode, scope: Scope): void {
  for (const assign of node.assigns) {
    visitParts(assign.word.parts, scope);
    if (assign.elements) visitWords(assign.elements, scope);
  }
  visitWords(node.words, scope);
  visitRedirectParts(node.redirects, scope);
  if (node.assigns.length > 0) noteAssignments(node.assigns, node.words.length === 0, scope);
  const source: CommandSource = {
    redirects: node.redirects.map((r) => toRedirect(r, scope)),
    redirectNodes: node.redirects,
    assignments: node.assigns.map((a) => toAssignment(a, scope)),
    text: node.text,
  };
  const argv = expandWords(node.words, scope);
  if (argv.length === 0) {
    addRedirectWrites(node.redirects, bareRedirectCommand(source, scope), scope);
    return;
  }
  const stdin = redirectStdin(node.redirects, scope);
  runCommand(argv, source, stdin ? child(scope, { stdin }) : scope);
}

export function toRedirect(node: RedirectNode, scope: Scope): Redirect {
  const redirect: Redirect = new RedirectResult(node.fd ?? 1, node.op, toWord(node.target, scope));
  if (node.op === '&>' || node.op === '&>>') redirect.both = true;
  return redirect;
}

function toAssignment(node: AssignNode, scope: Scope): { name: string; value: string | undefined } {
  if (!node.value) return new AssignmentResult(node.name, undefined);
  const word = toWord(node.value, scope);
  return new AssignmentResult(node.name, word.static ? word.value : undefined);
}
