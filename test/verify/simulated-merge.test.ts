import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { computeChangedSet } from '../../src/verify/changed-set.js';
import { withMergedTree } from '../../src/verify/simulated-merge.js';
import { addWorktree, commitAll, git, makeRepo, writeFiles, type TestRepo } from './helpers/repo.js';

let repo: TestRepo;
afterEach(() => repo?.cleanup());

const lines = (n: number, tag = '') => Array.from({ length: n }, (_, i) => `line ${i}${tag}`).join('\n') + '\n';

function worktreeCount(): number {
  return git(repo.main, 'worktree', 'list', '--porcelain').match(/^worktree /gm)!.length;
}

describe('withMergedTree', () => {
  it('applies the change onto the base ref: new, untracked, deleted, renamed, merged files', async () => {
    repo = makeRepo({ 'both.txt': lines(20), 'gone.txt': 'x\n', 'old.txt': 'moving\n', 'theirs.txt': 'a\n' });
    const wt = addWorktree(repo);
    writeFiles(wt, { 'both.txt': lines(20).replace('line 1\n', 'line 1 agent\n'), 'new/untracked.txt': 'u\n' });
    rmSync(join(wt, 'gone.txt'));
    git(wt, 'mv', 'old.txt', 'renamed.txt');
    symlinkSync('renamed.txt', join(wt, 'link'));
    writeFiles(repo.main, { 'both.txt': lines(20).replace('line 18\n', 'line 18 base\n'), 'theirs.txt': 'b\n' });
    commitAll(repo.main, 'base moves');
    const set = await computeChangedSet(wt, 'main');
    const seen = await withMergedTree(set, async (tree) => {
      const read = (p: string) => readFileSync(join(tree.dir, p), 'utf8');
      expect(tree.conflicts).toEqual([]);
      expect(read('both.txt')).toContain('line 1 agent\n');
      expect(read('both.txt')).toContain('line 18 base\n');
      expect(read('theirs.txt')).toBe('b\n');
      expect(read('new/untracked.txt')).toBe('u\n');
      expect(read('renamed.txt')).toBe('moving\n');
      expect(read('link')).toBe('moving\n');
      expect(existsSync(join(tree.dir, 'gone.txt'))).toBe(false);
      expect(existsSync(join(tree.dir, 'old.txt'))).toBe(false);
      expect(worktreeCount()).toBe(3);
      return tree.dir;
    });
    expect(existsSync(seen)).toBe(false);
    expect(worktreeCount()).toBe(2);
  });

  it('merges the base\'s edits of a file into the agent\'s rename of it', async () => {
    repo = makeRepo({ 'old.txt': lines(20) });
    const wt = addWorktree(repo);
    git(wt, 'mv', 'old.txt', 'new.txt');
    writeFiles(wt, { 'new.txt': lines(20).replace('line 1\n', 'line 1 agent\n') });
    writeFiles(repo.main, { 'old.txt': lines(20).replace('line 18\n', 'line 18 base\n') });
    commitAll(repo.main, 'base edits the old name');
    await withMergedTree(await computeChangedSet(wt, 'main'), async (tree) => {
      expect(tree.conflicts).toEqual([]);
      const merged = readFileSync(join(tree.dir, 'new.txt'), 'utf8');
      expect(merged).toContain('line 1 agent\n');
      expect(merged).toContain('line 18 base\n');
      expect(existsSync(join(tree.dir, 'old.txt'))).toBe(false);
    });
  });

  it('reports a file both sides changed on the same line as a conflict', async () => {
    repo = makeRepo({ 'both.txt': lines(5) });
    const wt = addWorktree(repo);
    writeFiles(wt, { 'both.txt': lines(5, ' agent') });
    writeFiles(repo.main, { 'both.txt': lines(5, ' base') });
    commitAll(repo.main, 'base moves');
    const conflicts = await withMergedTree(await computeChangedSet(wt, 'main'), async (tree) => tree.conflicts);
    expect(conflicts).toEqual(['both.txt']);
  });

  it('removes the temporary worktree when the work throws', async () => {
    repo = makeRepo({ 'a.txt': 'a\n' });
    const wt = addWorktree(repo);
    let dir = '';
    await expect(withMergedTree(await computeChangedSet(wt, 'main'), async (tree) => {
      dir = tree.dir;
      throw new Error('boom');
    })).rejects.toThrow('boom');
    expect(existsSync(dir)).toBe(false);
    expect(worktreeCount()).toBe(2);
  });
});
