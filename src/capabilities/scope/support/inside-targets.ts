import type { GateContext } from '../../types.js';
import { fileToolPath, placeBashWrites, resolveInWorktree } from '../../../paths/index.js';

/** A file inside the worktree that the call would change. */
export interface InsideTarget {
  /** Path relative to the worktree root. */
  rel: string;
  /** What writes it: the tool, or `Bash <how>`. */
  via: string;
}

/**
 * The files inside the worktree this call would change, by the one path engine: the path of
 * an Edit, Write, MultiEdit or NotebookEdit, or the static write targets of a Bash command.
 * Targets outside the worktree or not known statically are the whitelist gate's to refuse.
 */
export function insideTargets(ctx: GateContext): InsideTarget[] {
  if (ctx.toolName === 'Bash') {
    const analysis = ctx.shell();
    return placeBashWrites(analysis, ctx.input.cwd, ctx.worktree()).flatMap((write) =>
      write.where.place === 'inside' ? [{ rel: write.where.rel, via: `Bash ${write.target.via}` }] : [],
    );
  }
  const target = fileToolPath(ctx.toolName, ctx.toolInput);
  if (target?.path === undefined) return [];
  const resolved = resolveInWorktree(target.path, ctx.worktree(), ctx.input.cwd);
  return resolved.place === 'inside' ? [{ rel: resolved.rel, via: ctx.toolName ?? 'tool' }] : [];
}
