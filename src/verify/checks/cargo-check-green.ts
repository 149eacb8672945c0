import type { VerifyContext, VerifyOutcome } from '../../capabilities/types.js';
import { changedSetFor } from '../run-memo.js';
import { withMergedTree } from '../simulated-merge.js';
import { cargoRoots, showRoot } from '../cargo/workspaces.js';
import { planCheck, describeStep, type CargoStep } from '../cargo/plan.js';
import { runSteps, stepOk, seconds, type StepResult } from '../cargo/passes.js';
import { exitText, failureLines, type Pass } from '../cargo/run-cargo.js';

const PASS_NAME: Record<Pass, string> = { worktree: 'worktree pass', merge: 'simulated-merge pass' };

/** Evidence lines for one pass: each command with its result, failures with the compiler's lines. */
export function passEvidence(pass: Pass, results: StepResult[]): string[] {
  const lines: string[] = [];
  for (const r of results) {
    if (!r.result) {
      lines.push(`${PASS_NAME[pass]}: FAILED — ${showRoot(r.step.dir)} does not exist in this tree`);
    } else if (stepOk(r)) {
      lines.push(`${PASS_NAME[pass]}: ok — ${describeStep(r.step)} (${seconds(r.result.ms)})`);
    } else {
      lines.push(`${PASS_NAME[pass]}: FAILED — ${describeStep(r.step)}, ${exitText(r.result)}`);
      lines.push(...failureLines(r.result).map((l) => `  ${l}`));
    }
  }
  return lines;
}

async function mergePass(ctx: VerifyContext, steps: CargoStep[]): Promise<{ ok: boolean; evidence: string[] }> {
  const set = await changedSetFor(ctx);
  return withMergedTree(set, async (tree) => {
    const results = await runSteps(steps, 'merge', tree.dir, ctx.worktree, ctx.signal);
    const evidence = passEvidence('merge', results);
    if (tree.conflicts.length > 0) evidence.unshift(`simulated-merge pass: does not merge cleanly onto ${set.base}: ${tree.conflicts.join(', ')}`);
    return { ok: tree.conflicts.length === 0 && results.every(stepOk), evidence };
  }, ctx.signal);
}

/**
 * quality::cargo-check-green: `cargo check` in the worktree, then on the base ref with the
 * change applied. Both must pass; the merge pass is not run when the worktree pass failed.
 */
export async function verifyCargoCheckGreen(ctx: VerifyContext): Promise<VerifyOutcome> {
  const set = await changedSetFor(ctx);
  const plan = planCheck(await cargoRoots(ctx.worktree, ctx.signal), set, ctx.task?.verification?.['cargo-check-crates']);
  if (plan.kind !== 'run') return { status: plan.kind === 'skip' ? 'skipped' : 'fail', summary: plan.reason, evidence: plan.evidence };
  const local = await runSteps(plan.steps, 'worktree', ctx.worktree, ctx.worktree, ctx.signal);
  const localEvidence = passEvidence('worktree', local);
  if (!local.every(stepOk)) {
    return { status: 'fail', summary: 'cargo check fails in the worktree', evidence: [...localEvidence, 'simulated-merge pass: not run (the worktree pass failed)'] };
  }
  const merged = await mergePass(ctx, plan.steps);
  if (!merged.ok) {
    return { status: 'fail', summary: `cargo check passes in the worktree but fails after a simulated merge onto ${set.base}`, evidence: [...localEvidence, ...merged.evidence] };
  }
  return { status: 'pass', summary: `cargo check passes in the worktree and after a simulated merge onto ${set.base}`, evidence: [...localEvidence, ...merged.evidence] };
}
