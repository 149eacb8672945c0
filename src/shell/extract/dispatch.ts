import { interpreterFamily } from './names.js';
import type { ExecutedCommand } from '../types.js';
import { changeDir, defineAlias, hashPath, runEval, runMapfile, runSource, runTrap } from './builtins.js';
import { callFunction } from './functions.js';
import { runInterpreter } from './interpreter.js';
import type { CommandSource } from './run.js';
import { COMMAND_OPTION_PROGRAMS, RUNNER_PROGRAMS, runCommandOption, runRunner, runSsh } from './runners.js';
import { analyseText, runShell, SHELLS } from './shells.js';
import { runExecutable } from './scripts.js';
import { runSed } from './sed.js';
import { runPackageScript } from './package-scripts.js';
import type { Scope } from './scope.js';
import { runEnv, runFind, runParallel, runWatch, runXargs } from './special.js';
import { unwrap, WRAPPERS } from './wrappers.js';

type Handler = (command: ExecutedCommand, source: CommandSource, scope: Scope) => void;

const HANDLERS = new Map<string, Handler>([
  ['env', runEnv],
  ['xargs', runXargs],
  ['find', runFind],
  ['parallel', (c, _s, scope) => runParallel(c, scope)],
  ['watch', runWatch],
  ['ssh', (c, _s, scope) => runSsh(c, scope)],
  ['eval', (c, _s, scope) => runEval(c, scope)],
  ['source', (c, _s, scope) => runSource(c, scope)],
  ['.', (c, _s, scope) => runSource(c, scope)],
  ['trap', (c, _s, scope) => runTrap(c, scope)],
  ['alias', (c, _s, scope) => defineAlias(c, scope)],
  ['hash', (c, _s, scope) => hashPath(c, scope)],
  ['mapfile', (c, _s, scope) => runMapfile(c, scope)],
  ['readarray', (c, _s, scope) => runMapfile(c, scope)],
  ['sed', (c, _s, scope) => runSed(c, scope)],
  ['npm', (c, _s, scope) => runPackageScript(c, scope)],
  ['gsed', (c, _s, scope) => runSed(c, scope)],
  ['cd', (c, _s, scope) => changeDir(c, scope)],
  ['pushd', (c, _s, scope) => changeDir(c, scope)],
  ['popd', (c, _s, scope) => changeDir(c, scope)],
  ...Object.entries(WRAPPERS).map(([name, def]): [string, Handler] => [name, (c, s, scope) => unwrap(c, s, scope, def)]),
  ...[...SHELLS].map((name): [string, Handler] => [name, (c, _s, scope) => runShell(c, scope)]),
  ...COMMAND_OPTION_PROGRAMS.map((name): [string, Handler] => [name, runCommandOption]),
  ...RUNNER_PROGRAMS.map((name): [string, Handler] => [name, runRunner]),
  ...['awk', 'gawk', 'mawk', 'nawk'].map((name): [string, Handler] => [name, (c, s, scope) => runInterpreter(c, s, scope, 'awk')]),
]);

/** Runs whatever the command runs in turn: wrapped commands, shell text, functions, aliases, code. */
export function dispatch(command: ExecutedCommand, source: CommandSource, scope: Scope): void {
  const first = command.argv[0]!;
  const plainName = first.raw === first.value && !first.value!.includes('/');
  const session = scope.session;
  const alias = plainName ? session.aliases.get(command.name) : undefined;
  if (alias !== undefined) return runAlias(command, alias, scope);
  const fn = plainName ? session.functions.get(command.name) : undefined;
  if (fn) callFunction(fn, command.args, scope);
  const handler = HANDLERS.get(command.name);
  if (handler) return handler(command, source, scope);
  const family = interpreterFamily(command.name);
  if (family === 'python' || family === 'perl' || family === 'ruby' || family === 'node') return runInterpreter(command, source, scope, family);
  if (family === undefined && command.name === 'nodejs') return runInterpreter(command, source, scope, 'node');
  if (first.value!.includes('/')) runExecutable(first, command.argv.slice(1), scope);
}

/** Alias expansion is textual: the alias text followed by the rest of the words. */
function runAlias(command: ExecutedCommand, alias: string, scope: Scope): void {
  scope.session.aliases.delete(command.name);
  scope.session.aliasesUsed.add(command.name);
  try {
    analyseText([alias, ...command.argv.slice(1).map((word) => word.raw)].join(' '), scope, 'alias');
  } finally {
    scope.session.aliases.set(command.name, alias);
  }
}
