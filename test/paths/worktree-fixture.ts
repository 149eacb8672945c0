import { execFileSync } from 'node:child_process';
import { mkdirSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { tempDir } from '../helpers/gate.js';

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', ...args], { cwd, encoding: 'utf8' });
}

export function writeFile(file: string, content = 'x\n'): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, content);
}

export interface Worktree {
  /** The worktree root as created (real path). */
  root: string;
  /** A directory beside it, outside the worktree. */
  outside: string;
}

/**
 * A real git worktree with the shapes path attacks use: symlinks out (dir, file, dangling),
 * a symlink loop, a symlink that stays inside, and a secret outside.
 */
export function attackWorktree(): Worktree {
  const root = realpathSync(tempDir('kei-wt-'));
  const outside = realpathSync(tempDir('kei-out-'));
  git(root, 'init', '-q');
  writeFile(join(root, 'src', 'a.ts'));
  writeFile(join(root, 'notebooks', 'analysis.ipynb'), '{"cells":[]}');
  writeFile(join(outside, 'secret.txt'));
  symlinkSync(outside, join(root, 'src', 'out-link'));
  symlinkSync(join(outside, 'secret.txt'), join(root, 'src', 'file-link'));
  symlinkSync(join(outside, 'not-yet.txt'), join(root, 'src', 'dangling'));
  symlinkSync('loop-b', join(root, 'loop-a'));
  symlinkSync('loop-a', join(root, 'loop-b'));
  symlinkSync(join(root, 'src'), join(root, 'in-link'));
  symlinkSync('..', join(root, 'src', 'up'));
  return { root, outside };
}
