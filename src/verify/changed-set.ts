import { git, gitTopLevel, resolveCommit, splitNul } from './git.js';
import { VerifyEnvironmentError } from './errors.js';

export type ChangeKind = 'added' | 'modified' | 'deleted' | 'renamed';

export interface ChangedFile {
  /** Path relative to the worktree root, forward slashes; for a rename, the new path. */
  path: string;
  kind: ChangeKind;
  /** For a rename: the old path (which is gone). */
  from?: string;
  /** Not known to git at all (new file, not staged, not ignored). */
  untracked: boolean;
}

export interface ChangedSet {
  worktree: string;
  base: string;
  baseCommit: string;
  mergeBase: string;
  files: ChangedFile[];
}

/**
 * Untracked files under .kei/ at the worktree root are the orchestrator's (the task spec it
 * placed there), not the agent's work; tracked files there still count as changes.
 */
const CONTROL_DIR = '.kei/';

const KINDS: Record<string, ChangeKind> = { A: 'added', M: 'modified', T: 'modified', D: 'deleted', R: 'renamed', C: 'added' };

/** Parses `git diff --name-status -z`: status, then one path (two for renames and copies). */
export function parseNameStatus(text: string): ChangedFile[] {
  const fields = splitNul(text);
  const files: ChangedFile[] = [];
  for (let i = 0; i < fields.length; ) {
    const status = fields[i++]!;
    const letter = status[0] ?? '';
    const kind = KINDS[letter];
    if (letter === 'R' || letter === 'C') {
      const from = fields[i++]!;
      const to = fields[i++]!;
      files.push(letter === 'R' ? { path: to, kind: 'renamed', from, untracked: false } : { path: to, kind: 'added', untracked: false });
    } else {
      const path = fields[i++]!;
      if (kind) files.push({ path, kind, untracked: false });
      else throw new VerifyEnvironmentError(`git diff reported an unknown status '${status}' for ${path}`);
    }
  }
  return files;
}

async function mergeBaseOf(worktree: string, base: string, signal?: AbortSignal): Promise<{ baseCommit: string; mergeBase: string }> {
  const baseCommit = await resolveCommit(worktree, base, signal);
  if (!baseCommit) {
    if (!(await gitTopLevel(worktree))) throw new VerifyEnvironmentError(`${worktree} is not inside a git work tree`);
    throw new VerifyEnvironmentError(`base ref '${base}' does not name a commit in ${worktree} (give the right one with --base)`);
  }
  if (!(await resolveCommit(worktree, 'HEAD', signal))) throw new VerifyEnvironmentError(`${worktree} has no commit checked out (HEAD is unborn)`);
  const mergeBase = (await git(worktree, ['merge-base', 'HEAD', baseCommit], signal)).trim();
  return { baseCommit, mergeBase };
}

/**
 * Everything that differs in `worktree` from its merge-base with `base`: committed, staged and
 * unstaged changes (the merge-base against the working tree, renames detected), plus untracked
 * files that .gitignore does not exclude. Deleted and renamed-away paths are included.
 */
export async function computeChangedSet(worktree: string, base: string, signal?: AbortSignal): Promise<ChangedSet> {
  const { baseCommit, mergeBase } = await mergeBaseOf(worktree, base, signal);
  const [diff, others] = await Promise.all([
    git(worktree, ['-c', 'core.quotePath=false', 'diff', '--no-ext-diff', '--name-status', '-z', '-M', '--ignore-submodules=none', mergeBase, '--'], signal),
    git(worktree, ['ls-files', '--others', '--exclude-standard', '-z', '--full-name'], signal),
  ]);
  const files = parseNameStatus(diff);
  for (const path of splitNul(others)) {
    if (!path.startsWith(CONTROL_DIR)) files.push({ path, kind: 'added', untracked: true });
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { worktree, base, baseCommit, mergeBase, files };
}

/** Every path the change touches: current paths and the old paths of renames. */
export function touchedPaths(set: ChangedSet): string[] {
  const paths = new Set<string>();
  for (const file of set.files) {
    paths.add(file.path);
    if (file.from) paths.add(file.from);
  }
  return [...paths].sort();
}

/** Files whose content exists in the worktree after the change (everything but deletions). */
export function presentFiles(set: ChangedSet): ChangedFile[] {
  return set.files.filter((file) => file.kind !== 'deleted');
}
