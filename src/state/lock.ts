import { mkdirSync, rmdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

const WAIT_STEP_MS = 5;
/** A holder that has not let go after this long died mid-check (hooks finish in well under it). */
const STALE_AFTER_MS = 10_000;

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function tryTake(lock: string): boolean {
  try {
    mkdirSync(lock);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return false;
  }
}

function breakIfStale(lock: string, now: number): void {
  try {
    if (now - statSync(lock).mtimeMs > STALE_AFTER_MS) rmdirSync(lock);
  } catch {
    // gone already, or taken over by another waiter
  }
}

export class LockTimeout extends Error {}

/**
 * Runs `work` while holding a cross-process lock (a directory: mkdir is atomic), for
 * read-decide-write steps that parallel hook processes must not interleave, such as checking the
 * daily cap and reserving a place under it. Waiting longer than `timeoutMs` throws LockTimeout,
 * which the gate turns into a deny: a check that cannot be made safely is not made at all.
 */
export function withLock<T>(lock: string, work: () => T, timeoutMs = 3000): T {
  mkdirSync(dirname(lock), { recursive: true });
  const deadline = Date.now() + timeoutMs;
  while (!tryTake(lock)) {
    const now = Date.now();
    if (now > deadline) throw new LockTimeout(`could not lock ${lock} within ${timeoutMs} ms`);
    breakIfStale(lock, now);
    sleep(WAIT_STEP_MS);
  }
  try {
    return work();
  } finally {
    try {
      rmdirSync(lock);
    } catch {
      // broken as stale by another process: nothing left to release
    }
  }
}
