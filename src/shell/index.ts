import { LIMITS } from './limits.js';
import type { AnalyseOptions } from './options.js';
import { ShellLimitError, ShellSyntaxError } from './parse/errors.js';
import { parseProgram, streamProgram } from './parse/list.js';
import { newShared } from './parse/state.js';
import { analyseUncalled } from './extract/functions.js';
import { analyseUnusedAliases, checkHiddenPrompts, checkScriptsNotRewritten } from './extract/finish.js';
import { newSession, rootScope, type Scope, type Session } from './extract/scope.js';
import { commandVisitor, visitList } from './extract/walk.js';
import type { ShellAnalysis } from './types.js';

export type { AnalyseOptions } from './options.js';

/**
 * What bash would execute and write for one command string. Bounded: anything over a limit, any
 * syntax error and any construct whose effect cannot be seen makes the result 'unknown'.
 */
export function analyseShell(command: string, options: AnalyseOptions = {}): ShellAnalysis {
  if (command.length > LIMITS.inputChars) return unknown(`the command is longer than ${LIMITS.inputChars} characters`);
  return analyseStreamed(command, options) ?? analyseWhole(command, options);
}

/**
 * The usual path: each top-level command is analysed as soon as it is parsed and its tree is then
 * dropped, so a long script or pipeline never holds its whole tree (the garbage collector copies
 * what is held, and that was most of the time). Undefined when an error leaves the answer in
 * doubt; then `analyseWhole` gives it, so both paths always agree.
 */
function analyseStreamed(command: string, options: AnalyseOptions): ShellAnalysis | undefined {
  const shared = newShared();
  const session = newSession(options, shared);
  const scope = rootScope(session);
  const visit = commandVisitor(scope);
  let analysing = false;
  let budgetsShared = false;
  try {
    streamProgram(command, shared, (node, place) => {
      analysing = true;
      const { words, parsedChars } = shared;
      visit(node, place);
      budgetsShared ||= shared.words !== words || shared.parsedChars !== parsedChars;
      analysing = false;
    });
    analysing = true;
    finish(session, scope);
  } catch (error) {
    return analysing ? undefined : parseFailure(error, budgetsShared);
  }
  return result(session);
}

/**
 * An error of the parser while analysis ran between its steps. Parsing the whole text first would
 * meet the same syntax error: the text is the same and shared budgets only run out sooner here.
 * A limit is the same only if the analysis spent none of the budgets the parser counts.
 */
function parseFailure(error: unknown, budgetsShared: boolean): ShellAnalysis | undefined {
  if (error instanceof ShellSyntaxError) return unknown(describe(error));
  if (error instanceof ShellLimitError && !budgetsShared) return unknown(describe(error));
  return undefined;
}

/** The whole text parsed first, then analysed: the reference behaviour, used when an error occurred. */
function analyseWhole(command: string, options: AnalyseOptions): ShellAnalysis {
  const shared = newShared();
  const session = newSession(options, shared);
  try {
    const program = parseProgram(command, shared);
    const scope = rootScope(session);
    visitList(program, scope);
    finish(session, scope);
  } catch (error) {
    return unknown(describe(error), session);
  }
  return result(session);
}

/**
 * The checks once every command is known. Each runs only when there is something to check: in a
 * hook process every function is compiled when it first runs, and most calls need none of these.
 */
function finish(session: Session, scope: Scope): void {
  if (session.aliases.size > 0) analyseUnusedAliases(session, scope);
  if (session.functionDefs.length > 0) analyseUncalled(session, scope);
  if (session.scriptsRun.length > 0) checkScriptsNotRewritten(session, scope);
  if (session.hiddenPrompts.length > 0) checkHiddenPrompts(session, scope);
}

function result(session: Session): ShellAnalysis {
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
