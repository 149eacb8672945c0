import type { CapabilityModule, GateContext, GateOutcome } from '../types.js';
import { fileToolPath, resolveInWorktree, whitelistMatch } from '../../paths/index.js';
import { bashWriteOutcomes } from './support/bash-writes.js';
import { taskScope } from './support/task-scope.js';
import { verifyFilesWhitelist } from '../../hook/parts/verify-checks.js';

const PASS: GateOutcome = { kind: 'pass' };

function deny(message: string, data: Record<string, string>): GateOutcome {
  return { kind: 'deny', message, data };
}

/** The whitelist's answer for one path relative to the worktree root. */
function whitelistOutcome(ctx: GateContext, rel: string): GateOutcome {
  const task = taskScope(ctx);
  if (task.kind === 'none') return deny('no-task', { path: rel });
  if (task.kind === 'invalid') return deny('task-invalid', { origin: task.origin, problem: task.problem });
  if (task.kind === 'read-only') return deny('read-only-task', { origin: task.origin, path: rel });
  const whitelist = task.scope['files-whitelist'] ?? [];
  if (whitelist.length === 0) return deny('empty-whitelist', { origin: task.origin, path: rel });
  const match = whitelistMatch(rel, whitelist);
  if (match.listed) return PASS;
  const why = match.glob === undefined ? 'no glob in it matches' : `\`${match.glob}\` takes it back out`;
  return deny('not-listed', { path: rel, why, whitelist: whitelist.map((g) => `\`${g}\``).join(', ') });
}

/** Edit, Write, MultiEdit, NotebookEdit: the one file they name must be inside and listed. */
function fileToolOutcome(ctx: GateContext): GateOutcome {
  const target = fileToolPath(ctx.toolName, ctx.toolInput);
  if (target === undefined) return PASS;
  if (target.path === undefined) return deny('no-path', { tool: ctx.toolName ?? 'tool', field: target.field });
  const root = ctx.worktree();
  const resolved = resolveInWorktree(target.path, root, ctx.input.cwd);
  if (resolved.place === 'unresolvable') return deny('unresolvable', { path: target.path, problem: resolved.problem });
  if (resolved.place === 'outside') return deny('outside-worktree', { path: target.path, resolved: resolved.abs, root });
  return whitelistOutcome(ctx, resolved.rel);
}

/**
 * scope::files-whitelist — files change only inside the worktree, only where the task's
 * whitelist allows, and only through the file tools; Bash writes only scratch files.
 */
const capability: CapabilityModule = {
  name: 'scope::files-whitelist',
  verify: verifyFilesWhitelist,
  gate(ctx): GateOutcome | GateOutcome[] {
    if (ctx.toolName !== 'Bash') return fileToolOutcome(ctx);
    const outcomes = bashWriteOutcomes(ctx);
    return outcomes.length > 0 ? outcomes : PASS;
  },
};

export default capability;
