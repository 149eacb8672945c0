import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { BoundTask } from '../../src/capabilities/types.js';
import { decisionOf, runGate, tempDir, testAgent, type FormattedOutcome } from '../helpers/gate.js';
import { attackWorktree } from '../paths/worktree-fixture.js';

const CAP = 'scope::files-whitelist';
const { root, outside } = attackWorktree();
const TASK: BoundTask = {
  spec: { scope: { 'files-whitelist': ['src/**', 'notebooks/*.ipynb', '_primitives/_rust/kei-forge/**'], 'files-denylist': ['**/Cargo.lock'] } },
  source: 'transcript',
  origin: '/t/agent-a1.jsonl',
};
const WHITELIST = '`src/**`, `notebooks/*.ipynb`, `_primitives/_rust/kei-forge/**`';

/** One gate run; `task: null` lets the real binding run (nothing is bound in this worktree). */
function gate(toolName: string, toolInput: Record<string, unknown>, task: BoundTask | null = TASK): FormattedOutcome {
  return decisionOf(runGate({ capability: CAP, toolName, toolInput, cwd: root, stateDir: tempDir(), ...(task ? { task } : {}) }));
}

const write = (file_path: string) => ({ file_path, content: 'x\n' });
const edit = (file_path: string) => ({ file_path, old_string: 'x', new_string: 'y' });

describe('scope::files-whitelist on file tools (absolute paths, real worktree)', () => {
  it.each<[string, string, Record<string, unknown>]>([
    ['Write inside the whitelist', 'Write', write(`${root}/src/a.ts`)],
    ['Write a new file in new directories', 'Write', write(`${root}/src/new/deep/b.ts`)],
    ['Edit', 'Edit', edit(`${root}/src/a.ts`)],
    ['MultiEdit', 'MultiEdit', { file_path: `${root}/src/a.ts`, edits: [{ old_string: 'x', new_string: 'y' }, { old_string: 'y', new_string: 'z' }] }],
    ['NotebookEdit', 'NotebookEdit', { notebook_path: `${root}/notebooks/analysis.ipynb`, new_source: 'print(1)', cell_id: 'c1' }],
    ['a relative path from the cwd', 'Write', write('src/a.ts')],
    ['a symlink that stays in the whitelist', 'Edit', edit(`${root}/in-link/a.ts`)],
    ["the issue's crate glob (relative) against an absolute path", 'Write', write(`${root}/_primitives/_rust/kei-forge/src/lib.rs`)],
  ])('passes: %s', (_what, tool, input) => {
    expect(gate(tool, input)).toEqual({ kind: 'pass' });
  });

  it.each<[string, string, Record<string, unknown>, string, Record<string, string>, string]>([
    ['a file no glob lists', 'Write', write(`${root}/README.md`), 'not-listed',
      { path: 'README.md', why: 'no glob in it matches', whitelist: WHITELIST },
      `\`README.md\` is not in your task's files-whitelist (no glob in it matches; the whitelist is ${WHITELIST}). Change only files it lists; if the task needs this one, stop and return a note naming the file so the orchestrator can widen the scope.`],
    ['`..` out of the whitelist', 'Edit', edit(`${root}/src/../lib/x.ts`), 'not-listed', { path: 'lib/x.ts', why: 'no glob in it matches', whitelist: WHITELIST }, '`lib/x.ts` is not in'],
    ['a sibling crate', 'Write', write(`${root}/_primitives/_rust/kei-other/src/lib.rs`), 'not-listed', { path: '_primitives/_rust/kei-other/src/lib.rs', why: 'no glob in it matches', whitelist: WHITELIST }, 'kei-other'],
    ['a notebook outside the whitelist', 'NotebookEdit', { notebook_path: `${root}/scratch.ipynb`, new_source: '' }, 'not-listed', { path: 'scratch.ipynb', why: 'no glob in it matches', whitelist: WHITELIST }, '`scratch.ipynb`'],
    ['a case variant', 'Write', write(`${root}/SRC/a.ts`), 'not-listed', { path: 'SRC/a.ts', why: 'no glob in it matches', whitelist: WHITELIST }, '`SRC/a.ts`'],
    ['a Cyrillic look-alike', 'Write', write(`${root}/\u0455rc/a.ts`), 'not-listed', { path: '\u0455rc/a.ts', why: 'no glob in it matches', whitelist: WHITELIST }, '\u0455rc'],
    ['a file outside the root', 'Write', write(`${outside}/secret.txt`), 'outside-worktree', { path: `${outside}/secret.txt`, resolved: `${outside}/secret.txt`, root }, `resolves to ${outside}/secret.txt, outside your worktree ${root}. Change only files inside the worktree.`],
    ['`..` out of the root', 'Write', write(`${root}/src/../../escape.ts`), 'outside-worktree', { path: `${root}/src/../../escape.ts`, resolved: join(root, '..', 'escape.ts'), root }, 'outside your worktree'],
    ['a symlinked directory pointing out', 'Write', write(`${root}/src/out-link/secret.txt`), 'outside-worktree', { path: `${root}/src/out-link/secret.txt`, resolved: `${outside}/secret.txt`, root }, 'outside your worktree'],
    ['a dangling symlink pointing out', 'Write', write(`${root}/src/dangling`), 'outside-worktree', { path: `${root}/src/dangling`, resolved: `${outside}/not-yet.txt`, root }, 'outside your worktree'],
    ['a symlink loop', 'Write', write(`${root}/loop-a/x.ts`), 'unresolvable', { path: `${root}/loop-a/x.ts`, problem: 'its symlinks loop (more than 40 symlinks)' }, 'cannot be checked: its symlinks loop'],
    ['a path longer than PATH_MAX', 'Write', write(`${root}/src/${'d/'.repeat(2100)}x`), 'unresolvable', { path: `${root}/src/${'d/'.repeat(2100)}x`, problem: 'it is longer than 4096 characters' }, 'longer than 4096'],
    ['a Write without file_path', 'Write', { content: 'x' }, 'no-path', { tool: 'Write', field: 'file_path' }, 'The Write call has no file_path, so the file it changes cannot be checked.'],
    ['a NotebookEdit with file_path instead of notebook_path', 'NotebookEdit', { file_path: `${root}/src/a.ipynb`, new_source: '' }, 'no-path', { tool: 'NotebookEdit', field: 'notebook_path' }, 'has no notebook_path'],
  ])('denies %s', (_what, tool, input, message, data, reason) => {
    const outcome = gate(tool, input);
    expect(outcome).toMatchObject({ kind: 'deny', message, data });
    expect(outcome.reason).toContain(reason);
  });
});

describe('scope::files-whitelist when the task does not allow edits', () => {
  const target = write(`${root}/src/a.ts`);

  it('denies with the kei-task format when no task is bound', () => {
    const outcome = gate('Write', target, null);
    expect(outcome).toMatchObject({ kind: 'deny', message: 'no-task', data: { path: 'src/a.ts' } });
    expect(outcome.reason).toContain('```kei-task\nscope:\n  files-whitelist: ["src/feature/**"]\n  files-denylist: ["**/Cargo.lock"]\n```');
  });

  it('uses the manifest default scope when no task is bound', () => {
    const agent = testAgent({ defaultScope: { 'files-whitelist': ['src/**'], 'files-denylist': [] } });
    const run = (file: string) => decisionOf(runGate({ capability: CAP, toolName: 'Write', toolInput: write(file), cwd: root, stateDir: tempDir(), agent }));
    expect(run(`${root}/src/a.ts`)).toEqual({ kind: 'pass' });
    expect(run(`${root}/lib/a.ts`)).toMatchObject({ kind: 'deny', message: 'not-listed', data: { whitelist: '`src/**`' } });
  });

  it.each<[string, BoundTask, string, Record<string, string>, string]>([
    ['an empty whitelist', { spec: { scope: { 'files-whitelist': [] } }, source: 'file', origin: '/w/.kei/task.yaml' }, 'empty-whitelist', { origin: '/w/.kei/task.yaml', path: 'src/a.ts' }, 'lists no files in scope.files-whitelist'],
    ['a spec without scope', { spec: { verification: { 'test-count-min': 1 } }, source: 'transcript', origin: 'T' }, 'empty-whitelist', { origin: 'T', path: 'src/a.ts' }, 'Stop and ask the orchestrator for a whitelist.'],
    ['a read-only task', { spec: { role: 'read-only', scope: { 'files-whitelist': ['**'] } }, source: 'agent-call', origin: 'A' }, 'read-only-task', { origin: 'A', path: 'src/a.ts' }, 'has role: read-only'],
  ])('denies for %s', (_what, task, message, data, reason) => {
    const outcome = gate('Write', target, task);
    expect(outcome).toMatchObject({ kind: 'deny', message, data });
    expect(outcome.reason).toContain(reason);
  });
});

describe('scope::files-whitelist on Bash (real shell analysis)', () => {
  it.each([
    ['a scratch file in /tmp', 'echo done > /tmp/kei-scratch.log'],
    ['/dev/null', 'cargo build 2> /dev/null'],
    ['a read-only pipeline', 'cat src/a.ts | grep x | wc -l'],
    ['mkdir in the temp dir', 'mkdir -p /tmp/kei-work && cd /tmp/kei-work && echo x > notes.txt'],
  ])('passes %s', (_what, command) => {
    expect(gate('Bash', { command })).toEqual({ kind: 'pass' });
  });

  it.each<[string, string, string, Record<string, string>, string]>([
    ['a redirect into the worktree', 'echo x > src/a.ts', 'bash-inside', { target: 'src/a.ts', via: 'redirect', path: 'src/a.ts' },
      'Bash may not write inside the worktree: `src/a.ts` (redirect) is `src/a.ts` there. Change files with Edit or Write so the scope and size rules see the change; put scratch files in the temp dir.'],
    ['sed -i after cd', 'cd src && sed -i s/x/y/ a.ts', 'bash-inside', { target: 'a.ts', via: 'sed -i', path: 'src/a.ts' }, '`a.ts` (sed -i) is `src/a.ts` there'],
    ['a whitelisted file all the same', 'tee src/b.ts < /dev/null', 'bash-inside', { target: 'src/b.ts', via: 'tee', path: 'src/b.ts' }, 'Bash may not write inside the worktree'],
    ['a python one-liner', `python3 -c "open('gen.py','w').write('1')"`, 'bash-inside', { target: 'gen.py', via: 'interpreter', path: 'gen.py' }, '(interpreter)'],
    ['a dynamic target', 'echo x > "$F"', 'bash-dynamic', { via: 'redirect', problem: 'its name is only known when the command runs' }, 'counts as a write inside the worktree'],
    ['a relative target after cd to a variable', 'cd "$D" && touch z', 'bash-dynamic', { target: 'z', via: 'touch', problem: 'it is relative to a directory only known when the command runs' }, 'counts as a write inside the worktree'],
    ['a write outside worktree and temp', 'echo x > /etc/kei-x', 'bash-outside', { target: '/etc/kei-x', via: 'redirect', resolved: '/etc/kei-x' }, 'Bash may write only to the temp dir and /dev/null.'],
    ['a command that cannot be analysed', 'echo "unterminated', 'bash-unknown', { problems: 'not valid shell syntax: unterminated double quote (at offset 18)' }, 'cannot be known (not valid shell syntax'],
  ])('denies %s', (_what, command, message, data, reason) => {
    const outcome = gate('Bash', { command });
    expect(outcome).toMatchObject({ kind: 'deny', message, data });
    expect(outcome.reason).toContain(reason);
  });

  it('denies each write of a command on its own, and needs no task to do so', () => {
    const outcomes = runGate({ capability: CAP, toolName: 'Bash', toolInput: { command: 'echo a > x; echo b > /tmp/y; echo c > z' }, cwd: root, stateDir: tempDir() });
    expect(outcomes.map((o) => [o.kind, o.message, o.data?.path])).toEqual([
      ['deny', 'bash-inside', 'x'],
      ['deny', 'bash-inside', 'z'],
    ]);
  });
});
