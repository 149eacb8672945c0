import { LIMITS } from '../limits.js';
import { ShellLimitError } from '../parse/errors.js';
import { scanCode, type Finding, type Language } from '../interpreters/scan.js';
import type { ExecutedCommand } from '../types.js';
import { interpreterArgs } from './interpreter-args.js';
import { innerSource, runCommand, type CommandSource } from './run.js';
import { deeper, type Scope } from './scope.js';
import { analyseText } from './shells.js';
import { literalWord } from './words.js';

/** python -c / -m / stdin, node -e, perl -e (and -i), ruby -e, awk programs. */
export function runInterpreter(command: ExecutedCommand, source: CommandSource, scope: Scope, language: Language): void {
  const args = interpreterArgs(language, command.argv);
  for (const file of args.inPlace) addWrite(command, file.static ? file.value : undefined, `${command.name} -i`, scope);
  if (args.moduleIndex !== undefined) return runModule(command, source, scope, args.moduleIndex);
  if (args.dynamicOption || args.codeDynamic) return effect(command, scope, language, { kind: 'dynamic-exec', api: command.name, detail: 'runs code that is not static' });
  if (args.code !== undefined) return runCode(command, scope, language, args.code, 0);
  if (args.fromStdin) runStdinCode(command, scope, language);
}

/** `python -m modal app stop`: the module runs like the program of the same name. */
function runModule(command: ExecutedCommand, source: CommandSource, scope: Scope, index: number): void {
  const word = command.argv[index];
  if (!word?.static) return effect(command, scope, 'python', { kind: 'dynamic-exec', api: '-m', detail: 'runs a module chosen at run time' });
  const module = word.value!.startsWith('-m') ? word.value!.slice(2) : word.value!;
  runCommand([literalWord(module.split('.')[0]!), ...command.argv.slice(index + 1)], innerSource(source), deeper(scope, 'wrapper'));
}

function runStdinCode(command: ExecutedCommand, scope: Scope, language: Language): void {
  const stdin = scope.stdin;
  if (stdin.kind === 'text') runCode(command, scope, language, stdin.text, 0);
  else if (stdin.kind === 'dynamic') effect(command, scope, language, { kind: 'dynamic-exec', api: 'stdin', detail: `runs code read from ${stdin.from}` });
}

function runCode(command: ExecutedCommand, scope: Scope, language: Language, code: string, depth: number): void {
  const session = scope.session;
  session.interpreterChars += code.length;
  if (session.interpreterChars > LIMITS.interpreterChars) throw new ShellLimitError('too much interpreter code to scan');
  for (const finding of scanCode(language, code)) {
    if (finding.code !== undefined && depth < 4) runCode(command, scope, language, finding.code, depth + 1);
    else if (finding.code !== undefined) effect(command, scope, language, { ...finding, detail: 'code nested too deep to follow' });
    else applyFinding(command, scope, language, finding);
  }
}

function applyFinding(command: ExecutedCommand, scope: Scope, language: Language, finding: Finding): void {
  effect(command, scope, language, finding);
  if (finding.kind === 'write') addWrite(command, finding.path, 'interpreter', scope);
  if (finding.kind !== 'exec') return;
  if (finding.argv) runCommand(finding.argv.map(literalWord), innerSource({ redirects: [], redirectNodes: [], assignments: [], text: finding.detail }), deeper(scope, 'interpreter'));
  else if (finding.shell !== undefined) analyseText(finding.shell, scope, 'interpreter');
}

function effect(command: ExecutedCommand, scope: Scope, language: Language, finding: Finding): void {
  scope.session.effects.push({ kind: finding.kind, language, api: finding.api, detail: finding.detail, command });
}

function addWrite(command: ExecutedCommand, path: string | undefined, via: string, scope: Scope): void {
  scope.session.writes.push({ path, via, cwd: scope.cwd.value, command });
}
