import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ChangedFile, ChangedSet } from '../changed-set.js';
import { gitMaybe } from '../git.js';

/** A changed file's content at the merge-base (the old path of a rename); undefined for a new file. */
export async function contentBefore(set: ChangedSet, file: ChangedFile, signal?: AbortSignal): Promise<string | undefined> {
  if (file.kind === 'added') return undefined;
  return gitMaybe(set.worktree, ['show', `${set.mergeBase}:${file.from ?? file.path}`], signal);
}

/** A changed file's content in the worktree now; undefined when it was deleted or cannot be read. */
export async function contentAfter(set: ChangedSet, file: ChangedFile): Promise<Buffer | undefined> {
  if (file.kind === 'deleted') return undefined;
  return readFile(join(set.worktree, file.path)).catch(() => undefined);
}
