import type { ExecutedCommand, Origin, Word } from '../types.js';
import { parseOptions } from './options.js';
import { innerSource, runCommand, type CommandSource } from './run.js';
import { deeper, problem, type Scope } from './scope.js';
import { analyseText } from './shells.js';
import { splitString } from './split-string.js';
import { joinDir } from './wrappers.js';
import { WordResult } from './results.js';
import { literalWord } from './words.js';

const FROM_INPUT: Word = new WordResult(undefined, '<arguments read from stdin>', false, ['unknown']);

function runInner(argv: Word[], source: CommandSource, scope: Scope, origin: Origin, cwd?: string | undefined | null): void {
  if (argv.length === 0) return;
  const next = deeper(scope, origin, { kind: 'none' });
  if (cwd !== null) next.cwd = { value: cwd };
  runCommand(argv, innerSource(source), next);
}

/** env [-i] [-u NAME] [-C DIR] [-S STRING] [NAME=VALUE]… command. */
export function runEnv(command: ExecutedCommand, source: CommandSource, scope: Scope): void {
  const parsed = parseOptions(command.argv, 1, { shortValue: 'uCSP', longValue: ['unset', 'chdir', 'split-string', 'path'] });
  let i = parsed.index;
  const assignments: { name: string; value: string | undefined }[] = [];
  for (; i < command.argv.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(command.argv[i]!.value ?? ''); i += 1) {
    const value = command.argv[i]!.value!;
    assignments.push({ name: value.slice(0, value.indexOf('=')), value: value.slice(value.indexOf('=') + 1) });
  }
  const split = parsed.seen.get('S') ?? parsed.seen.get('split-string');
  const argv = [...(split !== undefined ? splitString(split) : []), ...command.argv.slice(i)];
  const dir = parsed.seen.get('C') ?? parsed.seen.get('chdir');
  if (argv.length === 0) return;
  const next = deeper(scope, 'wrapper');
  if (dir !== undefined) next.cwd = { value: joinDir(scope.cwd.value, dir) };
  runCommand(argv, innerSource(source, assignments), next);
}

const XARGS = { shortValue: 'adEILnPs', longValue: ['arg-file', 'delimiter', 'max-args', 'max-procs', 'max-chars', 'process-slot-var'] };

/**
 * xargs runs its command (echo by default) with arguments read from stdin. When stdin is text we
 * can see (`echo a b | xargs cmd`), those are the arguments; otherwise they are unknown.
 */
export function runXargs(command: ExecutedCommand, source: CommandSource, scope: Scope): void {
  const parsed = parseOptions(command.argv, 1, XARGS);
  const replace = parsed.seen.get('I') ?? parsed.seen.get('replace') ?? (parsed.seen.has('i') ? parsed.seen.get('i') || '{}' : undefined);
  const template = command.argv.slice(parsed.index);
  const argv = template.length > 0 ? template : [literalWord('echo')];
  const input = scope.stdin.kind === 'text' && !parsed.seen.has('a') && !parsed.seen.has('arg-file') ? scope.stdin.text : undefined;
  if (input === undefined || parsed.dynamic) return runInner(fromInput(argv, replace), source, scope, 'xargs', null);
  if (!replace) return runInner([...argv, ...xargsWords(input, parsed.seen)], source, scope, 'xargs', null);
  for (const line of input.split('\n').filter((l) => l.trim() !== '').slice(0, 50)) {
    runInner(argv.map((word) => (word.static && word.value!.includes(replace) ? literalWord(word.value!.split(replace).join(line.trim())) : word)), source, scope, 'xargs', null);
  }
}

function fromInput(argv: Word[], replace: string | undefined): Word[] {
  if (!replace) return [...argv, FROM_INPUT];
  return argv.map((word) => (word.value?.includes(replace) ? { ...FROM_INPUT, raw: word.raw } : word));
}

/** How xargs splits its input: by NUL (-0), by a delimiter (-d), else blanks with quotes. */
function xargsWords(input: string, seen: Map<string, string>): Word[] {
  if (seen.has('0') || seen.has('null')) return input.split('\0').filter(Boolean).map(literalWord);
  const delimiter = seen.get('d') ?? seen.get('delimiter');
  if (delimiter !== undefined) return input.split(delimiter === '\\n' ? '\n' : delimiter).filter(Boolean).map(literalWord);
  return splitString(input);
}

const EXEC_ACTIONS = new Set(['-exec', '-execdir', '-ok', '-okdir']);

/** find … -exec cmd {} ; (each action's command, with the found names unknown). */
export function runFind(command: ExecutedCommand, source: CommandSource, scope: Scope): void {
  const argv = command.argv;
  for (let i = 1; i < argv.length; i += 1) {
    const action = argv[i]!.value;
    if (!argv[i]!.static) continue;
    if (!action || !EXEC_ACTIONS.has(action)) continue;
    let end = i + 1;
    while (end < argv.length && argv[end]!.value !== ';' && argv[end]!.value !== '+') end += 1;
    const inner = argv.slice(i + 1, end).map((word) => (word.value?.includes('{}') ? { ...FROM_INPUT, raw: word.raw } : word));
    runInner(inner, source, scope, 'find-exec', action.endsWith('dir') ? undefined : scope.cwd.value);
    i = end;
  }
}

const PARALLEL = {
  shortValue: 'jNnISaCdELl',
  longValue: ['jobs', 'max-args', 'replace', 'sshlogin', 'arg-file', 'colsep', 'delimiter', 'delay', 'timeout', 'joblog', 'results', 'tmpdir', 'workdir', 'wd', 'halt', 'retries', 'tagstring', 'env', 'load', 'memfree'],
};

/** GNU parallel runs its command template through a shell; with no template each input is a command. */
export function runParallel(command: ExecutedCommand, scope: Scope): void {
  const parsed = parseOptions(command.argv, 1, PARALLEL);
  const rest = command.argv.slice(parsed.index);
  const sep = rest.findIndex((word) => /^::::?\+?$/.test(word.value ?? ''));
  const template = sep < 0 ? rest : rest.slice(0, sep);
  const inputs = sep < 0 ? [] : rest.slice(sep + 1).filter((word) => !/^::::?\+?$/.test(word.value ?? ''));
  if (parsed.dynamic || template.some((word) => !word.static)) {
    problem(scope, 'parallel is given words that are not static, so what it runs cannot be known');
    return;
  }
  if (template.length > 0) return analyseText(template.map((w) => w.value!).join(' '), scope, 'parallel');
  for (const input of inputs) {
    if (!input.static) problem(scope, `parallel runs ${input.raw} as a command, which is not static`);
    else analyseText(input.value!, scope, 'parallel');
  }
  if (sep < 0 && scope.stdin.kind === 'text') analyseText(scope.stdin.text, scope, 'parallel');
  else if (sep < 0) problem(scope, 'parallel runs commands read from stdin, which cannot be seen');
}

/** watch joins its arguments and runs them with sh -c (or exec with -x). */
export function runWatch(command: ExecutedCommand, source: CommandSource, scope: Scope): void {
  const parsed = parseOptions(command.argv, 1, { shortValue: 'nq', longValue: ['interval'] });
  const argv = command.argv.slice(parsed.index);
  if (argv.length === 0) return;
  if (parsed.seen.has('x') || parsed.seen.has('exec')) return runInner(argv, source, scope, 'wrapper', null);
  if (parsed.dynamic || argv.some((word) => !word.static)) {
    problem(scope, 'watch is given words that are not static, so what it runs cannot be known');
    return;
  }
  analyseText(argv.map((word) => word.value!).join(' '), scope, 'wrapper');
}
