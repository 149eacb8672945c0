/**
 * dependencyCommand on hand-built commands: what the real shell analysis does not produce
 * directly (its 'unknown' for dynamic names is tested through the gate), plus argument shapes.
 */
import { expect, it } from 'vitest';
import { dependencyCommand } from '../../src/deps/commands/index.js';
import type { ExecutedCommand } from '../../src/shell/types.js';

function command(name: string, args: (string | undefined)[], dynamicName = false): ExecutedCommand {
  const words = [name, ...args].map((w) => ({ value: w, raw: w ?? '$X', static: w !== undefined, dynamic: w === undefined ? ['variable' as const] : [] }));
  return { name: dynamicName ? '' : name, argv: words, args, dynamicName, origin: ['top'], redirects: [], assignments: [], cwd: '.', text: [name, ...args].map((w) => w ?? '$X').join(' ') };
}

it('guesses the tool of a command whose name is not static from its arguments', () => {
  expect(dependencyCommand(command('$CARGO', ['add', 'serde'], true))).toMatchObject({ tool: 'cargo', guessed: true, verdict: { effect: 'adds a dependency to Cargo.toml and Cargo.lock' } });
  expect(dependencyCommand(command('$PY', ['-m', 'pip', 'install', 'numpy'], true))).toMatchObject({ tool: 'python', guessed: true });
  expect(dependencyCommand(command('$PY', ['train.py', '--steps', '10'], true))).toBeUndefined();
  expect(dependencyCommand(command('$EDITOR', [], true))).toBeUndefined();
});

it('denies a subcommand only known when it runs', () => {
  expect(dependencyCommand(command('cargo', [undefined, 'serde']))?.verdict.effect).toBe('runs a cargo subcommand that is not known before it runs');
  expect(dependencyCommand(command('npm', [undefined]))?.verdict.effect).toBe('runs an npm subcommand that is not known before it runs');
});

it('counts a package named by a dynamic word as an install', () => {
  expect(dependencyCommand(command('pip', ['install', undefined]))?.verdict.effect).toBe("installs a dynamic word, which the project's requirements do not list");
});

it.each([
  [['cargo-add', ['add', 'serde']], 'adds a dependency to Cargo.toml and Cargo.lock'],
  [['cargo-upgrade', ['upgrade']], 'upgrades dependency requirements in Cargo.toml'],
  [['npm', ['pkg', 'set', 'dependencies.zod=^4']], 'edits the dependency fields of package.json'],
  [['yarn', ['workspace', 'web', 'add', 'zod']], 'changes dependencies (`yarn add`) in package.json and yarn.lock'],
  [['pdm', ['install']], 'may rewrite pdm.lock'],
  [['micromamba', ['install', '-n', 'env', 'torch']], 'changes the packages of the conda environment'],
  [['go', ['work', 'sync']], 'rewrites the requirements of the workspace modules'],
  [['python3.11', ['-u', '-m', 'pip', 'install', 'x']], "installs `x`, which the project's requirements do not list"],
] as Array<[[string, string[]], string]>)('%j', ([name, args], effect) => {
  expect(dependencyCommand(command(name, args))?.verdict.effect).toBe(effect);
});

it.each([
  ['npm', ['install', '--no-package-lock']], ['npm', ['i', '--location=global', 'x']], ['npm', ['pkg', 'set', 'scripts.test=vitest']],
  ['yarn', ['global', 'add', 'x']], ['pnpm', ['add', '-g', 'x']], ['pip', ['install', '-r', 'req.txt', '-c', 'c.txt']], ['pip', ['install', './pkg']],
  ['uv', ['lock', '--check']], ['uv', ['tool', 'install', 'ruff']], ['go', ['mod', 'edit', '-fmt']], ['cargo', ['metadata']], ['cargo', []],
] as Array<[string, string[]]>)('allows %s %j', (name, args) => {
  expect(dependencyCommand(command(name, args))).toBeUndefined();
});
