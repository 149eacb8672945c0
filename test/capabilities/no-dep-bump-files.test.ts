/**
 * safety::no-dep-bump on the other manifests and on lock files: package.json, pyproject.toml,
 * Pipfile, go.mod, requirement files; every write to a lock file is denied, also through a
 * symlink; files that declare no dependencies pass.
 */
import { expect, it } from 'vitest';
import { symlinkSync } from 'node:fs';
import { decisionOf, runGate } from '../helpers/gate.js';
import { gitWorktree } from '../deps/support/worktree.js';

const PACKAGE_JSON = JSON.stringify({ name: 'web', scripts: { test: 'vitest' }, dependencies: { zod: '^4.0.0' }, devDependencies: { vitest: '^4.1.0' }, pnpm: { overrides: { a: '1' } } }, null, 2);
const PYPROJECT = '[project]\nname = "trainer"\ndependencies = ["torch>=2.1", "numpy"]\n\n[project.optional-dependencies]\ndev = ["pytest"]\n\n[tool.poetry.dependencies]\npython = "^3.11"\n\n[tool.ruff]\nline-length = 100\n';
const GO_MOD = 'module example.com/q\n\ngo 1.21\n\nrequire (\n\tgolang.org/x/sync v0.6.0\n\tgithub.com/pkg/errors v0.9.1 // indirect\n)\n';

const wt = gitWorktree({
  'web/package.json': PACKAGE_JSON,
  'train/pyproject.toml': PYPROJECT,
  'train/Pipfile': '[packages]\nrequests = "*"\n\n[requires]\npython_version = "3.11"\n',
  'train/requirements.txt': '# pinned\ntorch==2.3.0\nnumpy\n',
  'q/go.mod': GO_MOD,
  'Cargo.lock': '# @generated\nversion = 3\n',
});

function edit(rel: string, oldString: string, newString: string) {
  return decisionOf(runGate({ capability: 'safety::no-dep-bump', toolName: 'Edit', cwd: wt.root, toolInput: { file_path: wt.path(rel), old_string: oldString, new_string: newString } }));
}

it.each([
  ['web/package.json', '"zod": "^4.0.0"', '"zod": "^4.1.0"', 'changes zod in [dependencies] from "^4.0.0" to "^4.1.0"'],
  ['web/package.json', '"vitest": "^4.1.0"', '"vitest": "^4.1.0",\n    "tsx": "^4.0.0"', 'adds tsx = "^4.0.0" to [devDependencies]'],
  ['web/package.json', '"a": "1"', '"a": "2"', 'changes a in [pnpm.overrides] from "1" to "2"'],
  ['train/pyproject.toml', '"numpy"]', '"numpy", "pandas"]', 'adds pandas = pandas to [project.dependencies]'],
  ['train/pyproject.toml', '"torch>=2.1"', '"torch>=2.3"', 'changes torch in [project.dependencies] from torch>=2.1 to torch>=2.3'],
  ['train/pyproject.toml', 'dev = ["pytest"]', 'dev = ["pytest", "hypothesis"]', 'adds hypothesis = hypothesis to [project.optional-dependencies.dev]'],
  ['train/pyproject.toml', 'python = "^3.11"', 'python = "^3.11"\nrich = "^13"', 'adds rich = "^13" to [tool.poetry.dependencies]'],
  ['train/Pipfile', 'requests = "*"', 'requests = "==2.31"', 'changes requests in [packages] from "*" to "==2.31"'],
  ['train/requirements.txt', 'numpy\n', 'numpy\npandas\n', 'adds pandas = pandas to [requirements]'],
  ['train/requirements.txt', 'torch==2.3.0', 'torch==2.4.0', 'changes torch in [requirements] from torch==2.3.0 to torch==2.4.0'],
  ['q/go.mod', 'v0.6.0', 'v0.7.0', 'changes golang.org/x/sync in [require] from v0.6.0 to v0.7.0'],
  ['q/go.mod', ')\n', ')\n\nreplace golang.org/x/sync => ../sync\n', 'adds golang.org/x/sync = ../sync to [replace]'],
])('denies a dependency change in %s', (rel, oldString, newString, change) => {
  const decision = edit(rel, oldString, newString);
  expect(decision).toMatchObject({ kind: 'deny', message: 'dependency-change', data: { file: rel, changes: change } });
  expect(decision.reason).toContain(`This edit of ${rel} ${change}.`);
});

it.each([
  ['web/package.json', '"test": "vitest"', '"test": "vitest run"'],
  ['train/pyproject.toml', 'line-length = 100', 'line-length = 120'],
  ['train/pyproject.toml', 'name = "trainer"', 'name = "trainer2"'],
  ['train/Pipfile', 'python_version = "3.11"', 'python_version = "3.12"'],
  ['train/requirements.txt', '# pinned', '# pinned versions'],
  ['q/go.mod', 'go 1.21', 'go 1.22'],
])('allows a change outside the dependency tables of %s', (rel, oldString, newString) => {
  expect(edit(rel, oldString, newString)).toEqual({ kind: 'pass' });
});

it('denies an edit that breaks package.json', () => {
  const decision = edit('web/package.json', '"name": "web",', '"name": "web"');
  expect(decision).toMatchObject({ kind: 'deny', message: 'manifest-unparseable', data: { file: 'web/package.json' } });
  expect(decision.data!.error).toMatch(/^not valid JSON: /);
});

it.each(['Cargo.lock', 'web/package-lock.json', 'web/yarn.lock', 'web/pnpm-lock.yaml', 'train/poetry.lock', 'train/uv.lock', 'q/go.sum'])('denies any Write to %s', (rel) => {
  const decision = decisionOf(runGate({ capability: 'safety::no-dep-bump', toolName: 'Write', cwd: wt.root, toolInput: { file_path: wt.path(rel), content: 'x\n' } }));
  expect(decision).toMatchObject({ kind: 'deny', message: 'lock-file', data: { file: rel } });
  expect(decision.reason).toBe(`${rel} is a lock file: package managers regenerate it and you may not write it. If the task needs a dependency change, stop and say in your report which package, which version and why: the orchestrator decides.`);
});

it('denies an Edit of Cargo.lock, even one that changes nothing about versions', () => {
  expect(edit('Cargo.lock', 'version = 3', 'version = 3\n')).toMatchObject({ kind: 'deny', message: 'lock-file', data: { file: 'Cargo.lock' } });
});

it('denies a Write through a symlink whose target is Cargo.lock', () => {
  symlinkSync(wt.path('Cargo.lock'), wt.path('notes.txt'));
  const decision = decisionOf(runGate({ capability: 'safety::no-dep-bump', toolName: 'Write', cwd: wt.root, toolInput: { file_path: wt.path('notes.txt'), content: 'x\n' } }));
  expect(decision).toMatchObject({ kind: 'deny', message: 'lock-file', data: { file: 'notes.txt' } });
});

it('passes files that declare no dependencies', () => {
  for (const rel of ['src/main.rs', 'README.md', 'config/train.toml', 'package.json.bak']) {
    const decision = decisionOf(runGate({ capability: 'safety::no-dep-bump', toolName: 'Write', cwd: wt.root, toolInput: { file_path: wt.path(rel), content: '[dependencies]\nserde = "1"\n' } }));
    expect(decision).toEqual({ kind: 'pass' });
  }
});

it('denies a file call without a path (fail closed)', () => {
  const decision = decisionOf(runGate({ capability: 'safety::no-dep-bump', toolName: 'Write', cwd: wt.root, toolInput: { content: 'x' } }));
  expect(decision).toMatchObject({ kind: 'deny', message: 'invalid-input', data: { tool: 'Write', problem: 'no file_path' } });
  expect(decision.reason).toBe('This Write call cannot be checked for dependency changes: no file_path.');
});
