import type { RedirectNode } from '../parse/ast.js';
import type { ExecutedCommand } from '../types.js';
import type { CommandSource } from './run.js';
import type { Scope } from './scope.js';
import { COMMAND_WRITES } from './write-rules.js';
import { CommandResult, emptyList, WriteResult } from './results.js';
import { literalWord, toWord } from './words.js';

/** Targets that are not files in any tree a gate protects. */
export const HARMLESS_TARGETS = new Set(['/dev/null', '/dev/stdout', '/dev/stderr', '/dev/tty', '/dev/fd/1', '/dev/fd/2', '-']);
const WRITING_OPS = new Set(['>', '>>', '>|', '&>', '&>>', '<>']);

export function addWrite(scope: Scope, command: ExecutedCommand, path: string | undefined, via: string): void {
  if (path !== undefined && HARMLESS_TARGETS.has(path)) return;
  scope.session.writes.push(new WriteResult(path, via, command.cwd, command));
}

/** `> file`, `>> file`, `&> file`, `<> file`, `>&file` (not `>&2`, not /dev/null). */
export function addRedirectWrites(redirects: RedirectNode[], command: ExecutedCommand, scope: Scope): void {
  for (const redirect of redirects) {
    const target = toWord(redirect.target, scope);
    if (WRITING_OPS.has(redirect.op)) addWrite(scope, command, target.static ? target.value : undefined, 'redirect');
    else if (redirect.op === '>&' && !(target.static && /^(?:[0-9]+-?|-)$/.test(target.value!))) {
      addWrite(scope, command, target.static ? target.value : undefined, 'redirect');
    }
  }
}

/** A line of only assignments and redirections (`> out.txt`) still creates the file. */
export function bareRedirectCommand(source: CommandSource, scope: Scope): ExecutedCommand {
  return new CommandResult({
    name: '', argv: [literalWord('')], args: emptyList(), dynamicName: false, origin: [...scope.origin], redirects: source.redirects,
    assignments: source.assignments, cwd: scope.cwd.value, text: source.text,
  });
}

/** Files a command changes through its arguments: cp/mv/rm/tee/sed -i/tar -x/curl -o … */
export function addCommandWrites(command: ExecutedCommand, scope: Scope): void {
  // Own keys only: a command named `constructor` or `toString` must not find Object's methods.
  const rule = Object.hasOwn(COMMAND_WRITES, command.name) ? COMMAND_WRITES[command.name] : undefined;
  if (!rule) return;
  for (const write of rule(command.argv)) addWrite(scope, command, write.path, write.via ?? command.name);
}
