import { dirname, resolve } from 'node:path';
import { existsSync } from 'node:fs';

/** The worktree root for a cwd: the nearest ancestor holding .git, else the cwd itself. */
export function findWorktreeRoot(cwd: string): string {
  let dir = resolve(cwd);
  for (;;) {
    if (existsSync(resolve(dir, '.git'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return resolve(cwd);
    dir = parent;
  }
}
