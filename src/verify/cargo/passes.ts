import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { ProcessResult } from '../process.js';
import { runCargo, type Pass } from './run-cargo.js';
import type { CargoStep } from './plan.js';

export interface StepResult {
  step: CargoStep;
  /** Undefined when the step's directory does not exist in this tree. */
  result: ProcessResult | undefined;
}

export function stepOk(r: StepResult): boolean {
  return r.result !== undefined && r.result.code === 0 && !r.result.timedOut && !r.result.aborted;
}

/**
 * Runs one step with `--locked` when the root has a Cargo.lock (a lock cargo would rewrite means
 * the dependencies changed). Without one, cargo writes a fresh lock: it is removed again so the
 * agent's worktree is left as it was found.
 */
async function lockedRun(step: CargoStep, cwd: string, pass: Pass, worktree: string, signal: AbortSignal): Promise<ProcessResult> {
  const lock = join(cwd, 'Cargo.lock');
  const hadLock = existsSync(lock);
  const [sub = '', ...rest] = step.args;
  const args = hadLock ? [sub, '--locked', ...rest] : step.args;
  try {
    return await runCargo({ args, cwd, worktree, pass, signal });
  } finally {
    if (!hadLock) rmSync(lock, { force: true });
  }
}

/** Runs the plan's steps one after another in `tree` (the worktree or the merged checkout). */
export async function runSteps(steps: CargoStep[], pass: Pass, tree: string, worktree: string, signal: AbortSignal): Promise<StepResult[]> {
  const results: StepResult[] = [];
  for (const step of steps) {
    const cwd = join(tree, step.dir);
    if (!existsSync(cwd)) {
      results.push({ step, result: undefined });
      continue;
    }
    results.push({ step, result: await lockedRun(step, cwd, pass, worktree, signal) });
    if (signal.aborted) break;
  }
  return results;
}

export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)}s`;
}
