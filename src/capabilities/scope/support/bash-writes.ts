import type { GateContext, GateOutcome } from '../../types.js';
import { placeBashWrites, type BashWrite } from '../../../paths/index.js';

function outcomeOf(write: BashWrite): GateOutcome | undefined {
  const via = write.target.via;
  const target = write.shown;
  const where = write.where;
  switch (where.place) {
    case 'temp':
    case 'stream':
      return undefined;
    case 'inside':
      return { kind: 'deny', message: 'bash-inside', data: { target, via, path: where.rel } };
    case 'outside':
      return { kind: 'deny', message: 'bash-outside', data: { target, via, resolved: where.abs } };
    case 'unknown':
      return { kind: 'deny', message: 'bash-dynamic', data: { target, via, problem: where.problem } };
  }
}

/**
 * A Bash command may write only to the temp dir and /dev/null: code changes go through Edit
 * and Write, where the scope and size rules see them. A target whose location is not known
 * before the command runs counts as inside the worktree.
 */
export function bashWriteOutcomes(ctx: GateContext): GateOutcome[] {
  const analysis = ctx.shell();
  if (analysis.status === 'unknown') {
    return [{ kind: 'deny', message: 'bash-unknown', data: { problems: analysis.problems.join('; ') || 'not understood' } }];
  }
  const writes = placeBashWrites(analysis, ctx.input.cwd, ctx.worktree());
  return writes.flatMap((write) => outcomeOf(write) ?? []);
}
