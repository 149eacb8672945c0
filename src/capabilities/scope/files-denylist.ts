import type { CapabilityModule, GateContext, GateOutcome } from '../types.js';
import { denylistMatch, protectedMatch } from '../../paths/index.js';
import { insideTargets, type InsideTarget } from './support/inside-targets.js';
import { taskScope } from './support/task-scope.js';
import { verifyFilesDenylist } from '../../hook/parts/verify-checks.js';

const PASS: GateOutcome = { kind: 'pass' };

/** Denies each target the task's denylist lists; an unusable spec denies once for all of them. */
function denylistOutcomes(ctx: GateContext, targets: InsideTarget[]): GateOutcome[] {
  const task = taskScope(ctx);
  if (task.kind === 'invalid') return [{ kind: 'deny', message: 'task-invalid', data: { origin: task.origin, problem: task.problem } }];
  if (task.kind !== 'scope') return [];
  const denylist = task.scope['files-denylist'] ?? [];
  return targets.flatMap((target): GateOutcome[] => {
    const glob = denylistMatch(target.rel, denylist);
    if (glob === undefined) return [];
    return [{ kind: 'deny', message: 'denylisted', data: { path: target.rel, via: target.via, glob, origin: task.origin } }];
  });
}

/**
 * scope::files-denylist — no tool may change a file the task's denylist lists (the denylist
 * wins over the whitelist), nor git's own files or the task file, whatever the task says.
 */
const capability: CapabilityModule = {
  name: 'scope::files-denylist',
  verify: verifyFilesDenylist,
  gate(ctx): GateOutcome[] {
    const targets = insideTargets(ctx);
    if (targets.length === 0) return [PASS];
    const protectedOutcomes = targets.flatMap((target): GateOutcome[] => {
      const glob = protectedMatch(target.rel);
      return glob === undefined ? [] : [{ kind: 'deny', message: 'protected', data: { path: target.rel, via: target.via, glob } }];
    });
    const unprotected = targets.filter((target) => protectedMatch(target.rel) === undefined);
    const listed = unprotected.length > 0 ? denylistOutcomes(ctx, unprotected) : [];
    const outcomes = [...protectedOutcomes, ...listed];
    return outcomes.length > 0 ? outcomes : [PASS];
  },
};

export default capability;
