import type { RedirectNode } from '../parse/ast.js';
import { LIMITS } from '../limits.js';
import { ShellLimitError } from '../parse/errors.js';
import type { ExecutedCommand, Redirect, Word } from '../types.js';
import { dispatch } from './dispatch.js';
import { commandName } from './names.js';
import { problem, type Scope } from './scope.js';
import { addCommandWrites, addRedirectWrites } from './writes.js';
import { CommandResult, emptyList } from './results.js';

/** Where a command's redirections and assignments came from (the simple command as written). */
export interface CommandSource {
  redirects: Redirect[];
  redirectNodes: RedirectNode[];
  assignments: { name: string; value: string | undefined }[];
  text: string;
}

/** A command made by unwrapping (sudo git …): no redirections or assignments of its own. */
export function innerSource(outer: CommandSource, assignments: { name: string; value: string | undefined }[] = emptyList()): CommandSource {
  return { redirects: emptyList(), redirectNodes: [], assignments, text: outer.text };
}

/** Records one executed command, its writes, and whatever it runs in turn. */
export function runCommand(argv: Word[], source: CommandSource, scope: Scope): void {
  const command = makeCommand(argv, source, scope);
  const session = scope.session;
  if (session.commands.length >= LIMITS.commands) throw new ShellLimitError(`more than ${LIMITS.commands} commands`);
  session.commands.push(command);
  addRedirectWrites(source.redirectNodes, command, scope);
  if (command.dynamicName) {
    problem(scope, `the command name ${argv[0]!.raw} is not static, so what it runs cannot be known`);
    return;
  }
  addCommandWrites(command, scope);
  dispatch(command, source, scope);
}

export function makeCommand(argv: Word[], source: CommandSource, scope: Scope): ExecutedCommand {
  const first = argv[0]!;
  return new CommandResult({
    name: first.static ? commandName(first.value!) : '',
    argv,
    args: argv.slice(1).map((word) => (word.static ? word.value : undefined)),
    dynamicName: !first.static,
    origin: scope.origin,
    redirects: source.redirects,
    assignments: source.assignments,
    cwd: scope.cwd.value,
    text: source.text.length > 300 ? source.text.slice(0, 300) + '…' : source.text,
  });
}
