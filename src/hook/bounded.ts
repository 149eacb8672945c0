/**
 * Runs synchronous work with a hard time limit. Gates are synchronous, so a timer on the event
 * loop cannot fire while one of them spins (a runaway loop, a regular expression that
 * backtracks): the process would hang until Claude Code kills it, and a killed hook lets the
 * call through. V8 can stop running JavaScript from its watchdog thread, which Node exposes as
 * the `timeout` of vm scripts; the stop unwinds past every catch block and surfaces here.
 * (A blocking system call cannot be stopped this way: readers of paths the agent controls open
 * only regular files, see context.ts.)
 */
import { Script } from 'node:vm';

const SLOT = '__keiBoundedWork';
const runner = new Script(`globalThis.${SLOT}()`, { filename: 'kei-bounded-work' });

export class WorkTimedOut extends Error {
  constructor(readonly ms: number) {
    super(`checks did not finish within ${ms} ms`);
    this.name = 'WorkTimedOut';
  }
}

/** fn() if it returns within `ms`; otherwise throws WorkTimedOut. Other errors pass through. */
export function runBounded<T>(fn: () => T, ms: number): T {
  const slots = globalThis as unknown as Record<string, unknown>;
  slots[SLOT] = fn;
  try {
    return runner.runInThisContext({ timeout: Math.max(1, Math.floor(ms)) }) as T;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') throw new WorkTimedOut(ms);
    throw error;
  } finally {
    delete slots[SLOT];
  }
}
