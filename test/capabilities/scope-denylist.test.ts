import { describe, expect, it } from 'vitest';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BoundTask } from '../../src/capabilities/types.js';
import { decisionOf, runGate, tempDir, type FormattedOutcome } from '../helpers/gate.js';
import { attackWorktree } from '../paths/worktree-fixture.js';
import { FakeSession } from '../binding/transcript-fixture.js';

const CAP = 'scope::files-denylist';
const { root, outside } = attackWorktree();
writeFileSync(join(root, 'Cargo.lock'), '# lock\n');
symlinkSync(join(root, 'Cargo.lock'), join(root, 'src', 'lock-link'));
mkdirSync(join(root, 'secrets'));
const TASK: BoundTask = {
  spec: { scope: { 'files-whitelist': ['**'], 'files-denylist': ['**/Cargo.lock', '.github/**', 'secrets/café.key', '*.snap', '!keep.snap'] } },
  source: 'transcript',
  origin: '/t/agent-a1.jsonl',
};

function gate(toolName: string, toolInput: Record<string, unknown>, task: BoundTask | null = TASK): FormattedOutcome {
  return decisionOf(runGate({ capability: CAP, toolName, toolInput, cwd: root, stateDir: tempDir(), ...(task ? { task } : {}) }));
}

const write = (file_path: string) => ({ file_path, content: 'x\n' });

describe('scope::files-denylist', () => {
  it.each<[string, string, Record<string, unknown>]>([
    ['a file the denylist does not list', 'Write', write(`${root}/src/a.ts`)],
    ['a file a later ! glob takes back out', 'Write', write(`${root}/keep.snap`)],
    ['a file outside the worktree (the whitelist refuses it)', 'Write', write(`${outside}/Cargo.lock`)],
    ['a Bash scratch write', 'Bash', { command: 'echo x > /tmp/Cargo.lock' }],
    ['a Bash read of a listed file', 'Bash', { command: 'cat Cargo.lock | head' }],
  ])('passes %s', (_what, tool, input) => {
    expect(gate(tool, input)).toEqual({ kind: 'pass' });
  });

  it.each<[string, string, Record<string, unknown>, string, Record<string, string>, string]>([
    ['an absolute path to a listed file', 'Write', write(`${root}/Cargo.lock`), 'denylisted',
      { path: 'Cargo.lock', via: 'Write', glob: '**/Cargo.lock', origin: '/t/agent-a1.jsonl' },
      "`Cargo.lock` (Write) matches `**/Cargo.lock` in your task's files-denylist (/t/agent-a1.jsonl); the denylist wins over the whitelist. Leave the file unchanged; if the task needs it, stop and return a note naming the file and why."],
    ['a nested listed file by Edit', 'Edit', { file_path: `${root}/crates/x/Cargo.lock`, old_string: 'a', new_string: 'b' }, 'denylisted', { path: 'crates/x/Cargo.lock', via: 'Edit', glob: '**/Cargo.lock' }, 'the denylist wins over the whitelist'],
    ['a listed file reached by `..`', 'MultiEdit', { file_path: `${root}/src/../Cargo.lock`, edits: [] }, 'denylisted', { path: 'Cargo.lock', via: 'MultiEdit' }, '`Cargo.lock` (MultiEdit)'],
    ['a listed file reached through a symlink inside', 'Write', write(`${root}/src/lock-link`), 'denylisted', { path: 'Cargo.lock', via: 'Write', glob: '**/Cargo.lock' }, '`Cargo.lock` (Write)'],
    ['a notebook in a listed directory', 'NotebookEdit', { notebook_path: `${root}/.github/nb.ipynb`, new_source: '' }, 'denylisted', { path: '.github/nb.ipynb', via: 'NotebookEdit', glob: '.github/**' }, '.github/**'],
    ['the NFD spelling of a listed NFC name', 'Write', write(`${root}/secrets/cafe\u0301.key`), 'denylisted', { path: 'secrets/cafe\u0301.key', glob: 'secrets/café.key' }, 'files-denylist'],
    ['a Bash append to a listed file', 'Bash', { command: 'echo x >> Cargo.lock' }, 'denylisted', { path: 'Cargo.lock', via: 'Bash redirect', glob: '**/Cargo.lock' }, '`Cargo.lock` (Bash redirect)'],
    ['a Bash copy into a listed directory', 'Bash', { command: 'cp /tmp/x .github/workflows/ci.yml' }, 'denylisted', { path: '.github/workflows/ci.yml', via: 'Bash cp', glob: '.github/**' }, '(Bash cp)'],
    ["git's own files", 'Write', write(`${root}/.git/hooks/pre-commit`), 'protected', { path: '.git/hooks/pre-commit', via: 'Write', glob: '/.git' },
      '`.git/hooks/pre-commit` (Write) is under `/.git`, which no task may change (git\'s own files and the task file). Leave it unchanged.'],
    ['the task file', 'Write', write(`${root}/.kei/task.yaml`), 'protected', { path: '.kei/task.yaml', glob: '/.kei' }, 'which no task may change'],
    ['the task file by Bash', 'Bash', { command: 'mkdir -p .kei && echo "scope: {}" > .kei/task.yaml' }, 'protected', { path: '.kei', via: 'Bash mkdir', glob: '/.kei' }, '(Bash mkdir)'],
  ])('denies %s', (_what, tool, input, message, data, reason) => {
    const outcome = gate(tool, input);
    expect(outcome).toMatchObject({ kind: 'deny', message, data });
    expect(outcome.reason).toContain(reason);
  });

  it('keeps protecting git and the task file when no task is bound, and lists nothing else', () => {
    expect(gate('Write', write(`${root}/Cargo.lock`), null)).toEqual({ kind: 'pass' });
    expect(gate('Write', write(`${root}/.git/config`), null)).toMatchObject({ kind: 'deny', message: 'protected' });
  });

  it('denies, naming the field, when the spawn prompt holds a spec that cannot be used', () => {
    const session = new FakeSession(root);
    const transcript = session.spawn('abroken', 'Fix it.\n```kei-task\nscope:\n  files-denylst: ["x"]\n```\n');
    const input = session.input('abroken');
    const outcome = decisionOf(runGate({ capability: CAP, toolName: 'Write', toolInput: write(`${root}/src/a.ts`), cwd: root, stateDir: tempDir(), input }));
    const origin = `${transcript}, kei-task block at line 2`;
    expect(outcome).toMatchObject({ kind: 'deny', message: 'task-invalid', data: { origin, problem: "unknown key 'files-denylst' at scope" } });
    expect(outcome.reason).toBe(
      `Your task spec (${origin}) cannot be used: unknown key 'files-denylst' at scope. No file may be changed until the orchestrator fixes the kei-task block (\`kei task check <file>\` shows what is wrong).`,
    );
  });
});
