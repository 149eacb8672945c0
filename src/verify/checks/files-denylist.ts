import type { VerifyContext, VerifyOutcome } from '../../capabilities/types.js';
import { denylistMatch, protectedMatch } from '../../paths/index.js';
import { changedSetFor } from '../run-memo.js';
import { capped, plural, touched } from './changed-paths.js';

/**
 * scope::files-denylist on return: no path the change touches may match the task's denylist,
 * nor a path no task may change (git's files, the manual task file), whatever the whitelist says.
 */
export async function verifyFilesDenylist(ctx: VerifyContext): Promise<VerifyOutcome> {
  const paths = touched(await changedSetFor(ctx));
  const denylist = ctx.task?.scope?.['files-denylist'] ?? [];
  const hits: string[] = [];
  for (const p of paths) {
    const guarded = protectedMatch(p.path);
    const denied = guarded === undefined ? denylistMatch(p.path, denylist) : undefined;
    if (guarded !== undefined) hits.push(`${p.path}${p.note}: protected (${guarded})`);
    else if (denied !== undefined) hits.push(`${p.path}${p.note}: matches ${denied}`);
  }
  if (hits.length > 0) {
    return { status: 'fail', summary: `${plural(hits.length, 'changed path')} on the denylist`, evidence: capped(hits) };
  }
  const lists = denylist.length > 0 ? `the denylist (${denylist.join(', ')})` : 'a protected path (the task has no files-denylist)';
  return { status: 'pass', summary: `no changed path matches ${lists}`, evidence: [] };
}
