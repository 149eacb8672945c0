import { describe, expect, it } from 'vitest';
import { invocationOf } from '../../src/modal/invocation.js';
import { modalCommand } from '../../src/modal/modal-cli.js';

const words = (text: string) => text.split(' ').map((w) => (w === '$X' ? undefined : w));

const CASES_1 = [
  ['modal run train.py', { kind: 'modal', args: ['run', 'train.py'] }],
  ['/usr/local/bin/modal deploy app.py', { kind: 'modal', args: ['deploy', 'app.py'] }],
  ['python -m modal run train.py', { kind: 'modal', args: ['run', 'train.py'] }],
  ['python3.11 -u -m modal run train.py', { kind: 'modal', args: ['run', 'train.py'] }],
  ['python -W ignore -mmodal serve app.py', { kind: 'modal', args: ['serve', 'app.py'] }],
  ['uv run modal run train.py', { kind: 'modal', args: ['run', 'train.py'] }],
  ['uv run --with torch --python 3.11 modal run train.py', { kind: 'modal', args: ['run', 'train.py'] }],
  ['uv run python -m modal run train.py', { kind: 'modal', args: ['run', 'train.py'] }],
  ['uv run -m modal run train.py', { kind: 'modal', args: ['run', 'train.py'] }],
  ['uv tool run modal run train.py', { kind: 'modal', args: ['run', 'train.py'] }],
  ['uvx modal run train.py', { kind: 'modal', args: ['run', 'train.py'] }],
  ['uvx --from modal==0.73 modal@0.73 run train.py', { kind: 'modal', args: ['run', 'train.py'] }],
  ['poetry run modal run train.py', { kind: 'modal', args: ['run', 'train.py'] }],
  ['poetry run python -m modal run train.py', { kind: 'modal', args: ['run', 'train.py'] }],
  ['pipx run modal run train.py', { kind: 'modal', args: ['run', 'train.py'] }],
  ['pdm run modal run train.py', { kind: 'modal', args: ['run', 'train.py'] }],
  ['conda run -n ml modal run train.py', { kind: 'modal', args: ['run', 'train.py'] }],
  ['python launch.py --lr 3e-4', { kind: 'python-file', file: 'launch.py' }],
  ['python -u -- launch.py', { kind: 'python-file', file: 'launch.py' }],
  ['uv run launch.py', { kind: 'python-file', file: 'launch.py' }],
  ['poetry run python scripts/launch.py', { kind: 'python-file', file: 'scripts/launch.py' }],
  ['./launch.py', { kind: 'python-file', file: './launch.py' }],
  ['python -m pkg.launch', { kind: 'python-module', module: 'pkg.launch' }],
  ['uv run -m pkg.launch', { kind: 'python-module', module: 'pkg.launch' }],
  ['python -c print(1)', { kind: 'python-code', code: 'print(1)' }],
  ['python -', { kind: 'python-stdin' }],
  ['python', { kind: 'python-stdin' }],
  ['pytest -q', { kind: 'other' }],
  ['uv pip install modal', { kind: 'other' }],
  ['poetry install', { kind: 'other' }],
  ['python $X', { kind: 'dynamic', why: 'a python argument is not a literal' }],
  ['python -m $X', { kind: 'dynamic', why: 'the module of python -m is not a literal' }],
  ['uv run $X train.py', { kind: 'dynamic', why: 'the command uv runs is not a literal' }],
  ['$X run train.py', { kind: 'dynamic', why: 'the command name is not a literal' }],
] as const;

describe('invocationOf: launchers seen through', () => {
  it.each(CASES_1)('%s', (argv, expected) => {
    expect(invocationOf(words(argv))).toEqual(expected);
  });
});

const CASES_2 = [
  ['run train.py', { kind: 'launch', subcommand: 'run', ref: { written: 'train.py', file: 'train.py', entry: undefined }, gpu: undefined }],
  ['run --detach -e prod src/train.py::main --lr 1', { kind: 'launch', subcommand: 'run', ref: { written: 'src/train.py::main', file: 'src/train.py', entry: 'main' }, gpu: undefined }],
  ['run -m pkg.train::main', { kind: 'launch', subcommand: 'run', ref: { written: 'pkg.train::main', file: 'pkg/train.py', entry: 'main' }, gpu: undefined }],
  ['deploy app.py', { kind: 'launch', subcommand: 'deploy', ref: { written: 'app.py', file: 'app.py', entry: undefined }, gpu: undefined }],
  ['serve web.py', { kind: 'launch', subcommand: 'serve', ref: { written: 'web.py', file: 'web.py', entry: undefined }, gpu: undefined }],
  ['shell --gpu H100:2', { kind: 'launch', subcommand: 'shell', ref: undefined, gpu: 'H100:2' }],
  ['shell --gpu=A10G train.py::train', { kind: 'launch', subcommand: 'shell', ref: { written: 'train.py::train', file: 'train.py', entry: 'train' }, gpu: 'A10G' }],
  ['run train.py --help', { kind: 'other' }],
  ['run -h', { kind: 'other' }],
  ['--help', { kind: 'other' }],
  ['app list', { kind: 'app-list' }],
  ['app list --json', { kind: 'app-list' }],
  ['app stop ap-123', { kind: 'other' }],
  ['volume ls ckpt', { kind: 'other' }],
  ['run $X', { kind: 'dynamic', why: 'an argument of modal run is not a literal' }],
  ['run train.py --lr $X', { kind: 'launch', subcommand: 'run', ref: { written: 'train.py', file: 'train.py', entry: undefined }, gpu: undefined }],
  ['$X train.py', { kind: 'dynamic', why: 'the modal subcommand is not a literal' }],
] as const;

describe('modalCommand', () => {
  it.each(CASES_2)('modal %s', (args, expected) => {
    expect(modalCommand(words(args))).toEqual(expected);
  });
});
