import { afterEach, describe, expect, it } from 'vitest';
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { computeChangedSet, parseNameStatus, touchedPaths } from '../../src/verify/changed-set.js';
import { defaultBaseRef } from '../../src/verify/base-ref.js';
import { VerifyEnvironmentError } from '../../src/verify/errors.js';
import { addWorktree, commitAll, git, makeRepo, writeFiles, type TestRepo } from './helpers/repo.js';

let repo: TestRepo;
afterEach(() => repo?.cleanup());

const BASE = {
  '.gitignore': 'target/\n*.local\n',
  'src/keep.rs': 'fn keep() {}\n',
  'src/old.rs': 'fn old() {}\n',
  'src/gone.rs': 'fn gone() {}\n',
  'src/edit.rs': 'fn edit() {}\n',
  'src/staged.rs': 'fn staged() {}\n',
  'src/moved.rs': 'fn moved() { /* long enough to be detected as the same file */ }\n',
};

function summary(files: Awaited<ReturnType<typeof computeChangedSet>>['files']) {
  return files.map((f) => `${f.kind}${f.untracked ? '(untracked)' : ''} ${f.from ? `${f.from} -> ` : ''}${f.path}`);
}

describe('computeChangedSet', () => {
  it('sees committed, staged, unstaged and untracked-not-ignored files, deletions and renames (not the orchestrator\'s .kei/)', async () => {
    repo = makeRepo(BASE);
    const wt = addWorktree(repo);
    writeFiles(wt, { 'src/new_committed.rs': 'fn a() {}\n' });
    git(wt, 'mv', 'src/old.rs', 'src/renamed.rs');
    commitAll(wt, 'agent work');
    writeFiles(wt, { 'src/staged.rs': 'fn staged() { 1; }\n' });
    git(wt, 'add', 'src/staged.rs');
    writeFiles(wt, { 'src/edit.rs': 'fn edit() { 2; }\n', 'notes/untracked file.md': 'x\n', 'target/debug/out': 'bin', 'x.local': 'secret', '.kei/task.yaml': 'role: edit-local\n' });
    rmSync(join(wt, 'src/gone.rs'));
    renameSync(join(wt, 'src/moved.rs'), join(wt, 'src/moved_by_mv.rs'));
    const set = await computeChangedSet(wt, 'main');
    expect(summary(set.files)).toEqual([
      'added(untracked) notes/untracked file.md',
      'modified src/edit.rs',
      'deleted src/gone.rs',
      'deleted src/moved.rs',
      'added(untracked) src/moved_by_mv.rs',
      'added src/new_committed.rs',
      'renamed src/old.rs -> src/renamed.rs',
      'modified src/staged.rs',
    ]);
    expect(touchedPaths(set)).toContain('src/old.rs');
    expect(set.mergeBase).toBe(git(repo.main, 'rev-parse', 'main').trim());
  });

  it('measures against the merge-base, so later commits on the base branch are not the agent\'s', async () => {
    repo = makeRepo(BASE);
    const wt = addWorktree(repo);
    writeFiles(repo.main, { 'src/keep.rs': 'fn keep() { upstream(); }\n', 'src/upstream_only.rs': '\n' });
    commitAll(repo.main, 'base moves on');
    writeFiles(wt, { 'src/mine.rs': 'fn mine() {}\n' });
    const set = await computeChangedSet(wt, 'main');
    expect(summary(set.files)).toEqual(['added(untracked) src/mine.rs']);
    expect(set.baseCommit).not.toBe(set.mergeBase);
  });

  it('reports an empty set for an untouched worktree', async () => {
    repo = makeRepo(BASE);
    const wt = addWorktree(repo);
    expect((await computeChangedSet(wt, 'main')).files).toEqual([]);
  });

  it('says so when the directory is not a git work tree', async () => {
    repo = makeRepo(BASE);
    const plain = join(repo.home, 'plain');
    writeFiles(plain, { 'a.txt': 'x' });
    await expect(computeChangedSet(plain, 'main')).rejects.toThrow(`${plain} is not inside a git work tree`);
  });

  it('fails with an environment error for a base ref that does not exist', async () => {
    repo = makeRepo(BASE);
    const wt = addWorktree(repo);
    await expect(computeChangedSet(wt, 'no-such-branch')).rejects.toThrow(VerifyEnvironmentError);
    await expect(computeChangedSet(wt, 'no-such-branch')).rejects.toThrow(/base ref 'no-such-branch' does not name a commit/);
  });
});

describe('parseNameStatus', () => {
  it.each([
    ['M\0a.rs\0', [{ path: 'a.rs', kind: 'modified', untracked: false }]],
    ['T\0link\0', [{ path: 'link', kind: 'modified', untracked: false }]],
    ['R087\0a.rs\0b.rs\0D\0c.rs\0', [{ path: 'b.rs', kind: 'renamed', from: 'a.rs', untracked: false }, { path: 'c.rs', kind: 'deleted', untracked: false }]],
    ['C100\0a.rs\0copy.rs\0', [{ path: 'copy.rs', kind: 'added', untracked: false }]],
  ])('%j', (text, expected) => {
    expect(parseNameStatus(text)).toEqual(expected);
  });
});

describe('defaultBaseRef', () => {
  it('is the main worktree\'s branch for a worktree branched from HEAD', async () => {
    repo = makeRepo(BASE);
    git(repo.main, 'checkout', '-q', '-b', 'develop');
    const wt = addWorktree(repo);
    expect(await defaultBaseRef(wt)).toBe('develop');
  });

  it('is the start point the branch was created from', async () => {
    repo = makeRepo(BASE);
    git(repo.main, 'branch', 'release');
    const wt = join(repo.home, 'wt');
    git(repo.main, 'worktree', 'add', '-q', '-b', 'agent', wt, 'release');
    expect(await defaultBaseRef(wt)).toBe('release');
  });

  it('is the upstream, unless the upstream is the same branch elsewhere', async () => {
    repo = makeRepo(BASE);
    git(repo.main, 'branch', 'trunk');
    const wt = addWorktree(repo);
    git(wt, 'branch', '--set-upstream-to=trunk');
    expect(await defaultBaseRef(wt)).toBe('trunk');
  });

  it('ignores an upstream that is the agent\'s own branch on a remote', async () => {
    repo = makeRepo(BASE);
    const remote = join(repo.home, 'remote.git');
    git(repo.home, 'init', '-q', '--bare', remote);
    git(repo.main, 'remote', 'add', 'origin', remote);
    const wt = addWorktree(repo);
    git(wt, 'push', '-q', '-u', 'origin', 'agent');
    expect(git(wt, 'rev-parse', '--abbrev-ref', '@{upstream}').trim()).toBe('origin/agent');
    expect(await defaultBaseRef(wt)).toBe('main');
  });

  it('falls back to main for a lone checkout', async () => {
    repo = makeRepo(BASE);
    git(repo.main, 'checkout', '-q', '-b', 'feature');
    writeFileSync(join(repo.main, 'f'), 'x');
    expect(await defaultBaseRef(repo.main)).toBe('main');
  });
});
