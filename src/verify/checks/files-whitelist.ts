import type { VerifyContext, VerifyOutcome } from '../../capabilities/types.js';
import { whitelistMatch } from '../../paths/index.js';
import { changedSetFor } from '../run-memo.js';
import { capped, plural, touched } from './changed-paths.js';

const HOW_TO_BIND = 'bind a task with a kei-task block in the agent prompt (or .kei/task.yaml) listing scope.files-whitelist';

/**
 * scope::files-whitelist on return: every path the change touches (committed, staged, unstaged,
 * untracked, deleted, both sides of a rename) must be listed by the task's whitelist, matched
 * by the same glob engine as the live gate.
 */
export async function verifyFilesWhitelist(ctx: VerifyContext): Promise<VerifyOutcome> {
  const paths = touched(await changedSetFor(ctx));
  if (paths.length === 0) return { status: 'pass', summary: 'nothing changed', evidence: [] };
  const whitelist = ctx.task?.scope?.['files-whitelist'] ?? [];
  if (whitelist.length === 0) {
    return {
      status: 'fail',
      summary: `no files-whitelist is bound to this task, so none of the ${plural(paths.length, 'changed path')} is authorised`,
      evidence: capped([...paths.map((p) => `${p.path}${p.note}`), HOW_TO_BIND]),
    };
  }
  const outside: string[] = [];
  for (const p of paths) {
    const match = whitelistMatch(p.path, whitelist);
    if (match.listed) continue;
    outside.push(`${p.path}${p.note}: ${match.glob ? `excluded by ${match.glob}` : 'no whitelist glob matches'}`);
  }
  if (outside.length > 0) {
    return {
      status: 'fail',
      summary: `${plural(outside.length, 'changed path')} outside the whitelist (${whitelist.join(', ')})`,
      evidence: capped(outside),
    };
  }
  return { status: 'pass', summary: `all ${plural(paths.length, 'changed path')} inside the whitelist`, evidence: [] };
}
