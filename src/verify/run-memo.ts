import type { VerifyContext } from '../capabilities/types.js';
import { computeChangedSet, type ChangedSet } from './changed-set.js';

/**
 * One verify run shares one AbortSignal, so facts every check needs (the changed set) are
 * computed once per run and forgotten with it.
 */
const memo = new WeakMap<AbortSignal, Map<string, Promise<unknown>>>();

export function oncePerRun<T>(signal: AbortSignal, key: string, compute: () => Promise<T>): Promise<T> {
  let entries = memo.get(signal);
  if (!entries) {
    entries = new Map();
    memo.set(signal, entries);
  }
  let value = entries.get(key) as Promise<T> | undefined;
  if (!value) {
    value = compute();
    entries.set(key, value);
  }
  return value;
}

/** The changed set of this run's worktree against its base. */
export function changedSetFor(ctx: Pick<VerifyContext, 'worktree' | 'base' | 'signal'>): Promise<ChangedSet> {
  return oncePerRun(ctx.signal, `changed:${ctx.worktree}\0${ctx.base}`, () => computeChangedSet(ctx.worktree, ctx.base, ctx.signal));
}
