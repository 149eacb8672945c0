import { describe, expect, it } from 'vitest';
import { mkdirSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findWorktreeRoot } from '../../src/paths/index.js';
import { tempDir } from '../helpers/gate.js';
import { git, writeFile } from './worktree-fixture.js';

function repo(): string {
  const root = realpathSync(tempDir('kei-root-'));
  git(root, 'init', '-q');
  return root;
}

describe('findWorktreeRoot', () => {
  it('finds the top of a git repository from a nested directory', () => {
    const root = repo();
    mkdirSync(join(root, 'a', 'b'), { recursive: true });
    expect(findWorktreeRoot(join(root, 'a', 'b'))).toBe(root);
    expect(findWorktreeRoot(root)).toBe(root);
  });

  it('agrees with git rev-parse --show-toplevel, linked worktrees included', () => {
    const main = repo();
    writeFile(join(main, 'src', 'x.ts'));
    git(main, 'add', '.');
    git(main, 'commit', '-q', '-m', 'init');
    const linked = join(realpathSync(tempDir('kei-linked-')), 'wt');
    git(main, 'worktree', 'add', '-q', linked);
    const inside = join(linked, 'src');
    expect(findWorktreeRoot(inside)).toBe(linked);
    expect(findWorktreeRoot(inside)).toBe(git(inside, 'rev-parse', '--show-toplevel').trim());
  });

  it('is the cwd itself outside any repository', () => {
    const dir = realpathSync(tempDir('kei-norepo-'));
    mkdirSync(join(dir, 'sub'));
    expect(findWorktreeRoot(join(dir, 'sub'))).toBe(join(dir, 'sub'));
  });

  it('ignores a .git file that is not a gitdir pointer', () => {
    const root = repo();
    mkdirSync(join(root, 'pkg'));
    writeFileSync(join(root, 'pkg', '.git'), 'not a pointer\n');
    expect(findWorktreeRoot(join(root, 'pkg'))).toBe(root);
  });

  it('returns the real path when the cwd is reached through a symlink', () => {
    const root = repo();
    mkdirSync(join(root, 'src'));
    const link = join(tempDir('kei-cwdlink-'), 'l');
    symlinkSync(root, link);
    expect(findWorktreeRoot(join(link, 'src'))).toBe(root);
  });

  it('copes with a cwd that does not exist', () => {
    const root = repo();
    expect(findWorktreeRoot(join(root, 'gone', 'deeper'))).toBe(root);
  });
});
