import type { AndOrNode, CommandNode, ListNode, Part, PipelineNode, WordNode } from '../parse/ast.js';
import type { PipelinePlace, TakeCommand } from '../parse/stream.js';
import { visitCompound } from './compound.js';
import { child, countVisit, problem, type Scope, type Stdin } from './scope.js';
import { visitSimple } from './simple.js';
import { pipeOutput } from './stdin.js';

export function visitList(list: ListNode, scope: Scope): void {
  for (const item of list.items) visitAndOr(item.node, scope);
}

function visitAndOr(node: AndOrNode, scope: Scope): void {
  visitPipeline(node.first, scope);
  for (const next of node.rest) visitPipeline(next.pipeline, scope);
}

function visitPipeline(node: PipelineNode, scope: Scope): void {
  const alone = node.commands.length === 1;
  let stdin = scope.stdin;
  for (const command of node.commands) stdin = visitInPipeline(command, alone, stdin, scope);
}

/**
 * One command of a pipeline. Every element of a real pipeline runs in a subshell and reads what
 * the one before it prints (`stdin`); returns what this one prints.
 */
function visitInPipeline(command: CommandNode, alone: boolean, stdin: Stdin, scope: Scope): Stdin {
  if (alone) {
    visitCommand(command, scope);
    return stdin;
  }
  visitCommand(command, child(scope, { copyCwd: true, stdin }));
  return pipeOutput(command, scope);
}

/** Visits the top-level commands a streamed parse hands over one by one, as visitList would. */
export function commandVisitor(scope: Scope): TakeCommand {
  let stdin = scope.stdin;
  return (command: CommandNode, place: PipelinePlace) => {
    if (place !== 'next') stdin = scope.stdin;
    stdin = visitInPipeline(command, place === 'alone', stdin, scope);
  };
}

export function visitCommand(node: CommandNode, scope: Scope): void {
  countVisit(scope.session);
  if (node.type === 'simple') visitSimple(node, scope);
  else visitCompound(node, scope);
}

/** Runs every substitution inside some word parts (they execute before the command itself). */
export function visitParts(parts: Part[], scope: Scope): void {
  for (const part of parts) {
    if (part.type === 'cmdsub') visitList(part.body, child(scope, { origin: 'substitution', copyCwd: true, stdin: { kind: 'none' } }));
    else if (part.type === 'procsub') visitList(part.body, child(scope, { origin: 'process-substitution', copyCwd: true, stdin: { kind: 'none' } }));
    else if (part.type === 'arith') visitParts(part.parts, scope);
    else if (part.type === 'param') visitParam(part, scope);
  }
}

function visitParam(part: Extract<Part, { type: 'param' }>, scope: Scope): void {
  if (part.op === '@P') problem(scope, `\${${part.name}@P} runs the substitutions held in $${part.name}, which cannot be seen`);
  visitParts(part.parts, scope);
}

export function visitWords(words: WordNode[], scope: Scope): void {
  for (const word of words) visitParts(word.parts, scope);
}
