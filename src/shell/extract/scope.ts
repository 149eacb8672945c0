import type { AnalyseOptions } from '../options.js';
import type { FunctionNode } from './functions.js';
import type { Shared } from '../parse/state.js';
import type { ExecutedCommand, InterpreterEffect, Origin, WriteTarget } from '../types.js';
import { LIMITS } from '../limits.js';
import { ShellLimitError } from '../parse/errors.js';

/** What a command reads on stdin, as far as it can be known before bash runs. */
export type Stdin =
  | { kind: 'none' }
  | { kind: 'text'; text: string; from: string }
  | { kind: 'file'; path: string }
  | { kind: 'dynamic'; from: string };

/** State of one whole analysis: results, budgets, and definitions visible to later commands. */
export interface Session {
  commands: ExecutedCommand[];
  writes: WriteTarget[];
  effects: InterpreterEffect[];
  problems: string[];
  shared: Shared;
  options: AnalyseOptions;
  visits: number;
  scripts: number;
  interpreterChars: number;
  functions: Map<string, FunctionNode>;
  functionDefs: FunctionNode[];
  /** Function bodies already analysed, by name and static arguments. */
  calls: Set<string>;
  callStack: string[];
  aliases: Map<string, string>;
  aliasesUsed: Set<string>;
  /** Prompt variables set to values we cannot see (they matter only if a prompt is shown). */
  hiddenPrompts: string[];
  /** Scripts run by this command, so a write to them earlier in the command is noticed. */
  scriptsRun: { path: string; cwd: string | undefined }[];
}

/** A mutable cell so `cd` in a group changes the cwd of the commands after it. */
export interface CwdCell {
  value: string | undefined;
}

/** Where a command sits: how it came to run, its directory, its positional parameters. */
export interface Scope {
  session: Session;
  origin: Origin[];
  cwd: CwdCell;
  /** $0, $1 … when known (bash -c '…' _ a b); undefined = not known. */
  positional: string[] | undefined;
  stdin: Stdin;
  /** Wrapper and re-parse chain length. */
  chain: number;
  /** IFS was assigned somewhere: word splitting can no longer be predicted. */
  ifsChanged: boolean;
}

export function newSession(options: AnalyseOptions, shared: Shared): Session {
  return {
    commands: [], writes: [], effects: [], problems: [], shared, options, visits: 0, scripts: 0, interpreterChars: 0,
    functions: new Map(), functionDefs: [], calls: new Set(), callStack: [], aliases: new Map(), aliasesUsed: new Set(), hiddenPrompts: [], scriptsRun: [],
  };
}

export function rootScope(session: Session): Scope {
  return { session, origin: ['top'], cwd: { value: '.' }, positional: undefined, stdin: { kind: 'none' }, chain: 0, ifsChanged: false };
}

/** A scope one step further in: optional new origin, a copy of the cwd (a subshell), new stdin. */
export function child(scope: Scope, change: { origin?: Origin; copyCwd?: boolean; stdin?: Stdin; positional?: string[] | undefined }): Scope {
  const next: Scope = { ...scope };
  if (change.origin) next.origin = [...scope.origin, change.origin];
  if (change.copyCwd) next.cwd = { value: scope.cwd.value };
  if (change.stdin) next.stdin = change.stdin;
  if ('positional' in change) next.positional = change.positional;
  return next;
}

/** One step deeper in a wrapper chain (sudo env nice …); too long a chain is a limit. */
export function deeper(scope: Scope, origin: Origin, stdin?: Stdin): Scope {
  if (scope.chain + 1 > LIMITS.unwrapDepth) throw new ShellLimitError(`more than ${LIMITS.unwrapDepth} nested wrappers`);
  const next = child(scope, stdin ? { origin, stdin } : { origin });
  next.chain = scope.chain + 1;
  return next;
}

export function countVisit(session: Session): void {
  session.visits += 1;
  if (session.visits > LIMITS.visits) throw new ShellLimitError(`more than ${LIMITS.visits} commands to visit`);
}

export function problem(scope: Scope, message: string): void {
  const problems = scope.session.problems;
  if (!problems.includes(message) && problems.length < 20) problems.push(message);
}
