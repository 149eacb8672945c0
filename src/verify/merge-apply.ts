import { copyFile, lstat, mkdir, mkdtemp, readFile, readlink, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { ChangedSet, ChangedFile } from './changed-set.js';
import { gitMaybe, git, splitNul } from './git.js';
import { runProcess } from './process.js';

/** Paths the base ref changed since the merge-base: there the agent's version must be merged, not copied. */
async function upstreamChanges(set: ChangedSet, signal?: AbortSignal): Promise<Set<string>> {
  if (set.baseCommit === set.mergeBase) return new Set();
  const out = await git(set.worktree, ['diff', '--name-only', '--no-renames', '-z', set.mergeBase, set.baseCommit, '--'], signal);
  return new Set(splitNul(out));
}

async function exists(path: string): Promise<boolean> {
  return lstat(path).then(() => true, () => false);
}

/** Merges the agent's file into the base's with `git merge-file`; true when it merged cleanly. */
async function threeWay(set: ChangedSet, file: ChangedFile, target: string, signal?: AbortSignal): Promise<boolean> {
  const theirs = await readFile(join(set.worktree, file.path));
  if (!(await exists(target))) {
    // The base deleted a file the agent changed: keep the agent's version, report the conflict.
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, theirs);
    return false;
  }
  const ours = await readFile(target);
  if (ours.equals(theirs)) return true;
  const ancestor = (await gitMaybe(set.worktree, ['show', `${set.mergeBase}:${file.from ?? file.path}`], signal)) ?? '';
  if (ancestor.includes('\0') || theirs.includes(0) || ours.includes(0)) return false;
  const scratch = await mkdtemp(join(tmpdir(), 'kei-merge-file-'));
  try {
    const [o, a, t] = ['ours', 'base', 'theirs'].map((n) => join(scratch, n)) as [string, string, string];
    await Promise.all([writeFile(o, ours), writeFile(a, ancestor), writeFile(t, theirs)]);
    const merged = await runProcess('git', ['merge-file', '-p', '-L', 'base ref', '-L', 'merge-base', '-L', 'agent', o, a, t], { cwd: scratch, signal });
    await writeFile(target, merged.stdout);
    return merged.code === 0;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** Puts the worktree's version of one file at the same path in the merge tree (symlinks as symlinks). */
async function place(set: ChangedSet, file: ChangedFile, tree: string, merge: boolean, signal?: AbortSignal): Promise<boolean> {
  const source = join(set.worktree, file.path);
  const target = join(tree, file.path);
  const info = await lstat(source);
  if (info.isSymbolicLink()) {
    await rm(target, { force: true });
    await mkdir(dirname(target), { recursive: true });
    await symlink(await readlink(source), target);
    return true;
  }
  if (!info.isFile()) return true; // A directory entry (submodule): nothing to copy.
  if (merge) return threeWay(set, file, target, signal);
  await mkdir(dirname(target), { recursive: true });
  await copyFile(source, target);
  return true;
}

/**
 * The old side of a rename leaves the tree. When the base changed that file since the
 * merge-base, its version moves to the new path, so the agent's edits merge into it.
 */
async function moveAside(tree: string, from: string, to: string, baseChanged: boolean): Promise<void> {
  const source = join(tree, from);
  if (baseChanged && (await exists(source)) && !(await exists(join(tree, to)))) {
    await mkdir(dirname(join(tree, to)), { recursive: true });
    await rename(source, join(tree, to));
  } else {
    await rm(source, { force: true });
  }
}

/**
 * Applies the agent's change set onto a checkout of the base ref: deletions and renames remove
 * paths; every other file takes the worktree's bytes, merged three-way where the base changed
 * the same file since the merge-base. Returns the paths that did not merge cleanly.
 */
export async function applyChanges(set: ChangedSet, tree: string, signal?: AbortSignal): Promise<string[]> {
  const upstream = await upstreamChanges(set, signal);
  const conflicts: string[] = [];
  for (const file of set.files) {
    if (file.from) await moveAside(tree, file.from, file.path, upstream.has(file.from));
    if (file.kind === 'deleted') {
      await rm(join(tree, file.path), { force: true });
      continue;
    }
    const merge = upstream.has(file.path) || (file.from !== undefined && upstream.has(file.from));
    const clean = await place(set, file, tree, merge, signal);
    if (!clean) conflicts.push(file.path);
  }
  return conflicts;
}
