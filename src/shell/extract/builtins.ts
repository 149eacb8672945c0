import type { ExecutedCommand } from '../types.js';
import { parseOptions } from './options.js';
import { problem, type Scope } from './scope.js';
import { runScript } from './scripts.js';
import { analyseText } from './shells.js';
import { joinDir } from './wrappers.js';

/** `eval args…`: the arguments joined by spaces are parsed again. */
export function runEval(command: ExecutedCommand, scope: Scope): void {
  const args = command.argv.slice(1);
  if (args.length === 0) return;
  const dynamic = args.find((word) => !word.static);
  if (dynamic) {
    problem(scope, `eval of text that is not static (${dynamic.raw}): what it runs cannot be known`);
    return;
  }
  analyseText(args.map((word) => word.value!).join(' '), scope, 'eval');
}

/** `source file args…` / `. file`. */
export function runSource(command: ExecutedCommand, scope: Scope): void {
  const [, file, ...args] = command.argv;
  if (file) runScript(file, args, scope);
}

/** `trap 'handler' SIGNAL…`: the handler runs later, in this shell. */
export function runTrap(command: ExecutedCommand, scope: Scope): void {
  const parsed = parseOptions(command.argv, 1, {});
  if (parsed.seen.has('l') || parsed.seen.has('p') || parsed.seen.has('P')) return;
  const handler = command.argv[parsed.index];
  if (!handler || command.argv.length - parsed.index < 2) return;
  if (!handler.static) {
    problem(scope, `trap handler that is not static (${handler.raw}): what it runs cannot be known`);
    return;
  }
  if (handler.value === '-' || handler.value === '') return;
  analyseText(handler.value!, scope, 'trap');
}

/** `alias name='text'`: later uses of name run the text. */
export function defineAlias(command: ExecutedCommand, scope: Scope): void {
  for (const word of command.argv.slice(1)) {
    if (!word.static) {
      problem(scope, `alias defined with text that is not static (${word.raw})`);
      continue;
    }
    const eq = word.value!.indexOf('=');
    if (eq > 0) scope.session.aliases.set(word.value!.slice(0, eq), word.value!.slice(eq + 1));
  }
}

/** `hash -p /usr/bin/git name`: name now runs that binary. */
export function hashPath(command: ExecutedCommand, scope: Scope): void {
  const parsed = parseOptions(command.argv, 1, { shortValue: 'pt' });
  const path = parsed.seen.get('p');
  if (path === undefined) return;
  const names = command.argv.slice(parsed.index);
  if (parsed.dynamic || names.some((word) => !word.static) || path === '') {
    problem(scope, 'hash -p with words that are not static');
    return;
  }
  for (const name of names) scope.session.aliases.set(name.value!, `'${path.replace(/'/g, `'\\''`)}'`);
}

/** `mapfile -C callback`: the callback runs for every few lines read. */
export function runMapfile(command: ExecutedCommand, scope: Scope): void {
  const parsed = parseOptions(command.argv, 1, { shortValue: 'dnOsuCc' });
  const callback = parsed.seen.get('C');
  if (parsed.dynamic) problem(scope, `${command.name} with options that are not static`);
  else if (callback) analyseText(callback, scope, 'eval');
}

/** cd/pushd/popd move the directory that relative paths of later commands start from. */
export function changeDir(command: ExecutedCommand, scope: Scope): void {
  if (command.name === 'popd') {
    scope.cwd.value = undefined;
    return;
  }
  const parsed = parseOptions(command.argv, 1, {});
  const target = command.argv[parsed.index];
  if (parsed.dynamic || !target || !target.static || /^[+-][0-9]+$/.test(target.value!)) {
    scope.cwd.value = undefined;
    return;
  }
  scope.cwd.value = joinDir(scope.cwd.value, target.value!);
}
