/**
 * What an argv really runs once Python launchers are seen through: the modal CLI (`modal`,
 * `python -m modal`, `uv run modal`, `uvx modal`, `poetry run modal`, `pipx run modal`, ...),
 * a Python file, a module, or inline code. Shell wrappers (bash -c, env, ...) are the shell
 * analysis's job; these launchers are ours.
 */

export type Invocation =
  | { kind: 'modal'; args: (string | undefined)[] }
  | { kind: 'python-file'; file: string }
  | { kind: 'python-module'; module: string }
  | { kind: 'python-code'; code: string }
  | { kind: 'python-stdin' }
  | { kind: 'other' }
  | { kind: 'dynamic'; why: string };

type Words = (string | undefined)[];

interface Runner {
  /** Words after the runner's name that select its "run" (e.g. ['run'] for `poetry run`). */
  sub: string[][];
  /** Options that take a value. */
  values: Set<string>;
}

const UV_VALUES = ['--with', '--with-editable', '--with-requirements', '--python', '-p', '--env-file', '--project', '--directory', '--package', '--extra', '--group', '--only-group', '--index', '--index-url', '--extra-index-url', '--default-index', '--find-links', '-f', '--config-file', '--cache-dir', '--from', '-m', '--module'];
const CONDA_VALUES = ['-n', '--name', '-p', '--prefix', '--cwd'];
const RUNNERS: Record<string, Runner> = {
  uv: { sub: [['run'], ['tool', 'run']], values: new Set(UV_VALUES) },
  uvx: { sub: [[]], values: new Set(UV_VALUES) },
  pipx: { sub: [['run']], values: new Set(['--spec', '--python', '--index-url', '--pip-args']) },
  poetry: { sub: [['run']], values: new Set(['-C', '--directory', '-P', '--project']) },
  pdm: { sub: [['run']], values: new Set(['-p', '--project']) },
  pipenv: { sub: [['run']], values: new Set() },
  rye: { sub: [['run']], values: new Set() },
  hatch: { sub: [['run']], values: new Set(['-e', '--env']) },
  conda: { sub: [['run']], values: new Set(CONDA_VALUES) },
  mamba: { sub: [['run']], values: new Set(CONDA_VALUES) },
  micromamba: { sub: [['run']], values: new Set(CONDA_VALUES) },
};
const PYTHON = /^python(\d+(\.\d+)*)?$/;
const PYTHON_VALUES = new Set(['-X', '-W', '--check-hash-based-pycs']);
const MAX_NESTING = 4;

export function basename(word: string): string {
  return word.slice(word.lastIndexOf('/') + 1);
}

/** `modal@1.0`, `modal==0.73` → `modal` (uvx and pipx accept pinned tool names). */
function toolName(word: string): string {
  return basename(word).split(/@|==/)[0]!;
}

function dynamic(why: string): Invocation {
  return { kind: 'dynamic', why };
}

function python(args: Words): Invocation {
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === undefined) return dynamic('a python argument is not a literal');
    if (a === '-m' || a.startsWith('-m')) {
      const module = a === '-m' ? args[i + 1] : a.slice(2);
      if (module === undefined) return dynamic('the module of python -m is not a literal');
      return module === 'modal' ? { kind: 'modal', args: args.slice(i + (a === '-m' ? 2 : 1)) } : { kind: 'python-module', module };
    }
    if (a === '-c') return args[i + 1] === undefined ? dynamic('the code of python -c is not a literal') : { kind: 'python-code', code: args[i + 1]! };
    if (a === '-') return { kind: 'python-stdin' };
    if (a === '--') return args[i + 1] === undefined ? dynamic('the script python runs is not a literal') : { kind: 'python-file', file: args[i + 1]! };
    if (PYTHON_VALUES.has(a)) i++;
    else if (!a.startsWith('-')) return { kind: 'python-file', file: a };
  }
  return { kind: 'python-stdin' };
}

/** Skips a runner's options; the index of the first word of the command it runs. */
function commandStart(args: Words, from: number, values: Set<string>): number {
  let i = from;
  while (i < args.length) {
    const a = args[i];
    if (a === undefined || !a.startsWith('-')) return i;
    if (a === '--') return i + 1;
    i += values.has(a) ? 2 : 1;
  }
  return i;
}

function viaRunner(name: string, args: Words, depth: number): Invocation {
  const runner = RUNNERS[name]!;
  const sub = runner.sub.find((s) => s.every((w, k) => args[k] === w));
  if (!sub) return args.slice(0, 2).some((a) => a === undefined) ? dynamic(`the ${name} subcommand is not a literal`) : { kind: 'other' };
  const start = commandStart(args, sub.length, runner.values);
  const moduleFlag = args[start - 2] === '-m' || args[start - 2] === '--module';
  const module = moduleFlag ? args[start - 1] : undefined;
  if (moduleFlag && module === undefined) return dynamic(`the module ${name} runs is not a literal`);
  if (module !== undefined) return module === 'modal' ? { kind: 'modal', args: args.slice(start) } : { kind: 'python-module', module };
  const first = args[start];
  if (first === undefined) return start < args.length ? dynamic(`the command ${name} runs is not a literal`) : { kind: 'other' };
  if (first.endsWith('.py') && name !== 'uvx' && name !== 'pipx') return { kind: 'python-file', file: first };
  return invocationOf([first, ...args.slice(start + 1)], depth + 1);
}

/** What the argv runs. `words[0]` is argv[0] as written; undefined words are not static. */
export function invocationOf(words: Words, depth = 0): Invocation {
  const first = words[0];
  if (first === undefined) return dynamic('the command name is not a literal');
  if (depth > MAX_NESTING) return dynamic('launchers nested too deep');
  const name = toolName(first);
  const args = words.slice(1);
  if (name === 'modal') return { kind: 'modal', args };
  if (PYTHON.test(name)) return python(args);
  if (first.endsWith('.py')) return { kind: 'python-file', file: first };
  if (RUNNERS[name]) return viaRunner(name, args, depth);
  return { kind: 'other' };
}
