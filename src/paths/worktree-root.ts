import { closeSync, openSync, readSync, realpathSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** True when `dir/.git` marks a work tree: a directory, or a linked worktree's `gitdir:` file. */
function holdsGit(dir: string): boolean {
  const marker = join(dir, '.git');
  let isFile: boolean;
  try {
    const stat = statSync(marker);
    if (stat.isDirectory()) return true;
    isFile = stat.isFile();
  } catch {
    return false;
  }
  return isFile && startsWithGitdir(marker);
}

function startsWithGitdir(file: string): boolean {
  const head = Buffer.alloc(8);
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    return readSync(fd, head, 0, 8, 0) >= 7 && head.toString('utf8').startsWith('gitdir:');
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function realOrResolved(path: string): string {
  try {
    return realpathSync.native(path);
  } catch {
    return resolve(path);
  }
}

/**
 * The worktree root for a cwd: the nearest ancestor holding `.git` (a directory, or the file a
 * linked worktree or submodule has), else the cwd itself. Symlinks in the cwd are resolved, so
 * the root compares equal to the real paths of the files under it. A walk up the tree costs one
 * stat per level, far less than starting `git rev-parse`.
 */
export function findWorktreeRoot(cwd: string): string {
  const start = realOrResolved(cwd);
  for (let dir = start; ; dir = dirname(dir)) {
    if (holdsGit(dir)) return dir;
    if (dirname(dir) === dir) return start;
  }
}
