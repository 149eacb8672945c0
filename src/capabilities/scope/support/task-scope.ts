import type { GateContext } from '../../types.js';
import { TaskSpecError } from '../../types.js';
import type { FileScope } from '../../../paths/index.js';

/** What the bound task says about the files this agent may change. */
export type TaskScope =
  | { kind: 'scope'; scope: FileScope; origin: string }
  | { kind: 'none' }
  | { kind: 'read-only'; origin: string }
  | { kind: 'invalid'; origin: string; problem: string };

/** The call's task scope; a spec that cannot be used becomes `invalid` with its problem. */
export function taskScope(ctx: GateContext): TaskScope {
  let bound;
  try {
    bound = ctx.task();
  } catch (error) {
    if (error instanceof TaskSpecError) return { kind: 'invalid', origin: error.origin, problem: error.message };
    throw error;
  }
  if (bound.spec === undefined) return { kind: 'none' };
  const origin = bound.origin ?? bound.source;
  if (bound.spec.role === 'read-only') return { kind: 'read-only', origin };
  return { kind: 'scope', scope: bound.spec.scope ?? {}, origin };
}
