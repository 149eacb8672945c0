import { LIMITS } from './limits.js';
import type { AnalyseOptions } from './options.js';
import { ShellLimitError, ShellSyntaxError } from './parse/errors.js';
import { parseProgram } from './parse/list.js';
import { newShared } from './parse/state.js';
import { analyseUncalled } from './extract/functions.js';
import { analyseUnusedAliases, checkHiddenPrompts, checkScriptsNotRewritten } from './extract/finish.js';
import { newSession, rootScope } from './extract/scope.js';
import { visitList } from './extract/walk.js';
import type { ShellAnalysis } from './types.js';

export type { AnalyseOptions } from './options.js';

/**
 * What bash would execute and write for one command string. Bounded: anything over a limit, any
 * syntax error and any construct whose effect cannot be seen makes the result 'unknown'.
 */
export function analyseShell(command: string, options: AnalyseOptions = {}): ShellAnalysis {
  if (command.length > LIMITS.inputChars) return unknown(`the command is longer than ${LIMITS.inputChars} characters`);
  const shared = newShared();
  const session = newSession(options, shared);
  try {
    const program = parseProgram(command, shared);
    const scope = rootScope(session);
    visitList(program, scope);
    analyseUnusedAliases(session, scope);
    analyseUncalled(session, scope);
    checkScriptsNotRewritten(session, scope);
    checkHiddenPrompts(session, scope);
  } catch (error) {
    return unknown(describe(error), session);
  }
  const { commands, writes, effects, problems } = session;
  return { status: problems.length > 0 ? 'unknown' : 'ok', problems, commands, writes, effects };
}

function describe(error: unknown): string {
  if (error instanceof ShellSyntaxError) return `not valid shell syntax: ${error.message}`;
  if (error instanceof ShellLimitError) return `too complex to analyse: ${error.message}`;
  if (error instanceof RangeError) return 'too complex to analyse: nesting too deep';
  throw error;
}

function unknown(problem: string, partial?: { commands: ShellAnalysis['commands']; writes: ShellAnalysis['writes']; effects: ShellAnalysis['effects']; problems: string[] }): ShellAnalysis {
  return {
    status: 'unknown',
    problems: [problem, ...(partial?.problems ?? [])],
    commands: partial?.commands ?? [],
    writes: partial?.writes ?? [],
    effects: partial?.effects ?? [],
  };
}
