import { gitMaybe, resolveCommit } from './git.js';

/** The branch checked out in `worktree`, or undefined when HEAD is detached. */
async function currentBranch(worktree: string): Promise<string | undefined> {
  return (await gitMaybe(worktree, ['symbolic-ref', '--quiet', '--short', 'HEAD']))?.trim() || undefined;
}

/**
 * The upstream of `branch`, unless it is the same branch on a remote (that would hide the
 * agent's own pushed commits from the changed set).
 */
async function upstreamOf(worktree: string, branch: string): Promise<string | undefined> {
  const out = await gitMaybe(worktree, ['for-each-ref', '--format=%(upstream)%00%(upstream:remotename)%00%(upstream:short)', `refs/heads/${branch}`]);
  const [full = '', remote = '', short = ''] = (out ?? '').trim().split('\0');
  if (full === '') return undefined;
  const name = full.startsWith('refs/heads/') ? full.slice('refs/heads/'.length) : full.slice(`refs/remotes/${remote}/`.length);
  return name === branch ? undefined : short;
}

/** The start point named when the branch was created ("branch: Created from X"), if a real ref. */
async function createdFrom(worktree: string, branch: string): Promise<string | undefined> {
  const out = await gitMaybe(worktree, ['reflog', 'show', '--format=%gs', `refs/heads/${branch}`, '--']);
  const oldest = out?.trim().split('\n').at(-1) ?? '';
  const match = /^branch: Created from (.+)$/.exec(oldest);
  const ref = match?.[1]?.trim();
  if (!ref || ref === 'HEAD' || ref === branch || /^[0-9a-f]{7,40}$/.test(ref)) return undefined;
  return ref;
}

/** For a linked worktree: the branch checked out in the main worktree. */
async function mainWorktreeBranch(worktree: string, branch: string): Promise<string | undefined> {
  const out = await gitMaybe(worktree, ['worktree', 'list', '--porcelain']);
  const first = out?.split('\n\n')[0] ?? '';
  const line = first.split('\n').find((l) => l.startsWith('branch refs/heads/'));
  const name = line?.slice('branch refs/heads/'.length);
  return name && name !== branch ? name : undefined;
}

/**
 * The ref an agent's worktree is measured against when none is given: the branch it came from
 * (its upstream, the start point its reflog names, or the main worktree's branch), else `main`.
 */
export async function defaultBaseRef(worktree: string): Promise<string> {
  const branch = await currentBranch(worktree);
  const candidates = branch ? [upstreamOf, createdFrom, mainWorktreeBranch] : [mainWorktreeBranch];
  for (const find of candidates) {
    const ref = await find(worktree, branch ?? '');
    if (ref && (await resolveCommit(worktree, ref))) return ref;
  }
  return 'main';
}
