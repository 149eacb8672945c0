import type { ExecutedCommand, Word } from '../types.js';
import { parseOptions, type OptionSpec } from './options.js';
import { innerSource, runCommand, type CommandSource } from './run.js';
import { deeper, problem, type Scope } from './scope.js';
import { analyseText } from './shells.js';
import { literalWord } from './words.js';
import { runPackageScript } from './package-scripts.js';

const PACKAGE_MANAGERS = new Set(['pnpm', 'yarn', 'bun']);

/** Runs a command string given to a program (su -c, flock -c, ssh host cmd …) as shell text. */
function runString(command: ExecutedCommand, words: Word[], scope: Scope): void {
  if (words.length === 0) return;
  const dynamic = words.find((word) => !word.static);
  if (dynamic) {
    problem(scope, `${command.name} runs text that is not static (${dynamic.raw})`);
    return;
  }
  analyseText(words.map((word) => word.value!).join(' '), scope, 'shell-c');
}

function runArgv(argv: Word[], source: CommandSource, scope: Scope): void {
  if (argv.length > 0) runCommand(argv, innerSource(source), deeper(scope, 'wrapper'));
}

/** Programs whose `-c` option (or an operand) holds a command string. */
export function runCommandOption(command: ExecutedCommand, source: CommandSource, scope: Scope): void {
  const spec = COMMAND_OPTION[command.name]!;
  const parsed = parseOptions(command.argv, 1, spec);
  const anywhere = parseOptions(command.argv, 1, spec, true);
  const text = anywhere.seen.get('c') ?? anywhere.seen.get('command');
  if (parsed.dynamic) problem(scope, `${command.name} has options that are not static`);
  else if (text !== undefined) analyseText(text, scope, 'shell-c');
  else if (command.name === 'flock' || (command.name === 'runuser' && parsed.seen.has('u'))) {
    runArgv(command.argv.slice(parsed.index + (command.name === 'flock' ? 1 : 0)), source, scope);
  } else if (command.name === 'sg') runString(command, command.argv.slice(parsed.index + 1), scope);
}

const COMMAND_OPTION: Record<string, OptionSpec> = {
  flock: { shortValue: 'Ewc', longValue: ['conflict-exit-code', 'timeout', 'wait', 'command'] },
  su: { shortValue: 'cgGsw', longValue: ['command', 'group', 'supp-group', 'shell', 'whitelist-environment'] },
  runuser: { shortValue: 'cgGsuw', longValue: ['command', 'group', 'supp-group', 'shell', 'user', 'whitelist-environment'] },
  sg: { shortValue: 'c' },
  script: { shortValue: 'cEIOTtBm', longValue: ['command', 'echo', 'log-in', 'log-out', 'log-timing', 'logging-format'] },
};
export const COMMAND_OPTION_PROGRAMS = Object.keys(COMMAND_OPTION);

const SSH: OptionSpec = { shortValue: 'BbcDEeFIiJLlmOopQRSWw' };

/** ssh host command…: the remote command is shell text too. */
export function runSsh(command: ExecutedCommand, scope: Scope): void {
  const parsed = parseOptions(command.argv, 1, SSH);
  if (parsed.dynamic) return problem(scope, 'ssh has options that are not static');
  runString(command, command.argv.slice(parsed.index + 1), scope);
}

interface Runner {
  /** Subcommands that run a command (`uv run`); empty = the program itself runs it (uvx). */
  sub: string[];
  spec: OptionSpec;
}

const RUNNERS: Record<string, Runner> = {
  uv: { sub: ['run'], spec: { shortValue: 'pw', longValue: ['with', 'with-requirements', 'python', 'project', 'directory', 'env-file', 'extra', 'group', 'package', 'index', 'index-url', 'extra-index-url', 'from'] } },
  uvx: { sub: [], spec: { shortValue: 'pw', longValue: ['from', 'with', 'with-requirements', 'python', 'index', 'index-url', 'extra-index-url'] } },
  poetry: { sub: ['run'], spec: { shortValue: 'CP', longValue: ['directory', 'project'] } },
  pipenv: { sub: ['run'], spec: {} },
  pdm: { sub: ['run'], spec: { shortValue: 'p', longValue: ['project'] } },
  hatch: { sub: ['run'], spec: {} },
  conda: { sub: ['run'], spec: { shortValue: 'np', longValue: ['name', 'prefix', 'cwd'] } },
  mamba: { sub: ['run'], spec: { shortValue: 'np', longValue: ['name', 'prefix', 'cwd'] } },
  micromamba: { sub: ['run'], spec: { shortValue: 'np', longValue: ['name', 'prefix', 'cwd'] } },
  npx: { sub: [], spec: { shortValue: 'p', longValue: ['package', 'call'] } },
  pnpm: { sub: ['exec', 'dlx', 'x'], spec: {} },
  bunx: { sub: [], spec: {} },
  bun: { sub: ['x'], spec: {} },
  yarn: { sub: ['exec', 'dlx'], spec: {} },
  mise: { sub: ['exec', 'x'], spec: {} },
  direnv: { sub: ['exec'], spec: {} },
};
export const RUNNER_PROGRAMS = Object.keys(RUNNERS);

/** uv run, uvx, poetry run, npx …: package-manager front ends that run a program. */
export function runRunner(command: ExecutedCommand, source: CommandSource, scope: Scope): void {
  const runner = RUNNERS[command.name]!;
  let start = 1;
  if (runner.sub.length > 0) {
    const sub = command.argv[1];
    if (!sub?.static || !runner.sub.includes(sub.value!)) return PACKAGE_MANAGERS.has(command.name) ? runPackageScript(command, scope) : undefined;
    start = 2;
  }
  const parsed = parseOptions(command.argv, start, runner.spec);
  if (parsed.dynamic) return problem(scope, `${command.name} has options that are not static`);
  const text = command.name === 'npx' ? parsed.seen.get('c') ?? parsed.seen.get('call') : undefined;
  if (text !== undefined) return analyseText(text, scope, 'shell-c');
  const skip = command.name === 'direnv' ? 1 : 0;
  const argv = command.argv.slice(parsed.index + skip);
  const [tool] = argv;
  if (tool?.static) argv[0] = literalWord(toolName(tool.value!, command.name));
  runArgv(argv, source, scope);
}

/** `modal@1.2` → modal; `env:cmd` (hatch) → cmd. */
function toolName(value: string, runner: string): string {
  const bare = value.replace(/(.)@[^/]*$/, '$1');
  return runner === 'hatch' && bare.includes(':') ? bare.slice(bare.indexOf(':') + 1) : bare;
}
