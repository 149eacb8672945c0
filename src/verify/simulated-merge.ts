import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChangedSet } from './changed-set.js';
import { git, gitMaybe } from './git.js';
import { applyChanges } from './merge-apply.js';

export interface MergedTree {
  /** The temporary checkout: the base ref with the agent's change applied. */
  dir: string;
  /** Paths that did not merge cleanly onto the base ref. */
  conflicts: string[];
}

/**
 * Runs `work` in a temporary detached worktree of the base ref with the agent's change applied
 * (what integrating the change would produce). The temporary worktree is removed afterwards,
 * whatever happens, and git's worktree list is pruned.
 */
export async function withMergedTree<T>(set: ChangedSet, work: (tree: MergedTree) => Promise<T>, signal?: AbortSignal): Promise<T> {
  const scratch = await mkdtemp(join(tmpdir(), 'kei-verify-merge-'));
  const dir = join(scratch, `tree-${process.pid}-${Math.random().toString(36).slice(2, 8)}`);
  try {
    await git(set.worktree, ['worktree', 'add', '--detach', '--quiet', dir, set.baseCommit], signal);
    const conflicts = await applyChanges(set, dir, signal);
    return await work({ dir, conflicts });
  } finally {
    await gitMaybe(set.worktree, ['worktree', 'remove', '--force', '--force', dir]);
    await rm(scratch, { recursive: true, force: true });
    await gitMaybe(set.worktree, ['worktree', 'prune']);
  }
}
