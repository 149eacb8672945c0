import { parseProgram } from '../parse/list.js';
import type { ExecutedCommand, Origin, Word } from '../types.js';
import { runScript } from './scripts.js';
import { deeper, problem, type Scope } from './scope.js';
import { visitList } from './walk.js';
import { literalWord } from './words.js';

export const SHELLS = new Set(['bash', 'sh', 'zsh', 'dash', 'ksh', 'mksh', 'ash', 'yash', 'fish', 'csh', 'tcsh', 'rbash']);

/** Parses shell text found in a command (bash -c '…', eval, trap …) and analyses it one level deeper. */
export function analyseText(text: string, scope: Scope, origin: Origin, positional?: string[]): void {
  const next = deeper(scope, origin);
  if (positional !== undefined) next.positional = positional;
  visitList(parseProgram(text, scope.session.shared, next.chain), next);
}

interface ShellArgs {
  /** Index of the -c string, the script, or argv.length. */
  index: number;
  commandString: boolean;
  fromStdin: boolean;
}

/**
 * bash/sh/zsh …: `-c string [$0 [args]]`, a script file, or commands read from stdin. A word that
 * is not static ends the options: it is then the -c text or the script, and reported as such.
 */
export function runShell(command: ExecutedCommand, scope: Scope): void {
  const parsed = shellArgs(command.argv);
  const operand = command.argv[parsed.index];
  if (parsed.commandString) return runCommandString(command, parsed.index, scope);
  if (operand && !parsed.fromStdin) return runScript(operand, command.argv.slice(parsed.index + 1), scope);
  runStdin(command, scope, ['-s', ...command.args.slice(parsed.index).map((a) => a ?? '')]);
}

function shellArgs(argv: Word[]): ShellArgs {
  const out: ShellArgs = { index: argv.length, commandString: false, fromStdin: false };
  for (let i = 1; i < argv.length; i += 1) {
    const word = argv[i]!;
    if (!word.static) return { ...out, index: i };
    const value = word.value!;
    if (value === '--' || value === '-') return { ...out, index: i + 1 };
    if (value === '--rcfile' || value === '--init-file') i += 1;
    else if (/^[-+][A-Za-z]+$/.test(value)) {
      if (value.startsWith('-') && value.includes('c')) out.commandString = true;
      if (value.includes('s')) out.fromStdin = true;
      if (/[oO]/.test(value)) i += 1;
    } else if (!value.startsWith('--')) return { ...out, index: i };
  }
  return out;
}

function runCommandString(command: ExecutedCommand, index: number, scope: Scope): void {
  const text = command.argv[index];
  if (!text) return;
  if (!text.static) {
    problem(scope, `${command.name} -c is given text that is not static (${text.raw}), so what it runs cannot be known`);
    return;
  }
  const rest = command.argv.slice(index + 1);
  const positional = rest.every((word) => word.static) ? [rest[0]?.value ?? command.name, ...rest.slice(1).map((w) => w.value!)] : undefined;
  analyseText(text.value!, scope, 'shell-c', positional);
}

/** A shell (or `source /dev/stdin`) reading its commands from stdin. */
export function runStdin(command: ExecutedCommand, scope: Scope, positional?: string[]): void {
  const stdin = scope.stdin;
  if (stdin.kind === 'text') analyseText(stdin.text, scope, 'shell-stdin', positional ? [command.name, ...positional.slice(1)] : undefined);
  else if (stdin.kind === 'file') runScript(literalWord(stdin.path), [], scope);
  else if (stdin.kind === 'dynamic') problem(scope, `${command.name} reads commands from ${stdin.from}, which cannot be seen before it runs`);
}
