import type { VerifyContext, VerifyOutcome } from '../../capabilities/types.js';
import { changedSetFor } from '../run-memo.js';
import { withMergedTree } from '../simulated-merge.js';
import { cargoRoots } from '../cargo/workspaces.js';
import { planTests, type CargoStep } from '../cargo/plan.js';
import { runSteps, type StepResult } from '../cargo/passes.js';
import { addTallies, emptyTally, tallyTestResults, type TestTally } from '../cargo/test-count.js';
import type { Pass } from '../cargo/run-cargo.js';
import { readTestClaim } from '../report/test-claim.js';
import { testPassEvidence } from './tests-evidence.js';

export interface TestPass {
  results: StepResult[];
  tally: TestTally;
  problems: string[];
  evidence: string[];
}

const PASS_NAME: Record<Pass, string> = { worktree: 'worktree pass', merge: 'simulated-merge pass' };

async function testPass(pass: Pass, steps: CargoStep[], tree: string, ctx: VerifyContext, floor: number | undefined): Promise<TestPass> {
  const results = await runSteps(steps, pass, tree, ctx.worktree, ctx.signal);
  const tally = results.reduce((sum, r) => addTallies(sum, tallyTestResults(r.result?.stdout ?? '')), emptyTally());
  const { problems, evidence } = testPassEvidence(PASS_NAME[pass], results, tally, floor);
  return { results, tally, problems, evidence };
}

/** Compares the count the report claims with the count the worktree pass really produced. */
function claimProblems(report: string | undefined, counted: number): { problems: string[]; evidence: string[] } {
  if (report === undefined) return { problems: [], evidence: ['report: none given, claimed count not compared'] };
  const claim = readTestClaim(report);
  if (claim.kind === 'absent') return { problems: [], evidence: ['report: no cargo-test: field, claimed count not compared'] };
  if (claim.kind === 'no-count') return { problems: [`report: cargo-test: (line ${claim.line}) has no pasted \`test result:\` line with a pass count`], evidence: [] };
  if (claim.passed !== counted) return { problems: [`report: cargo-test: (line ${claim.line}) claims ${claim.passed} passed, the verifier counted ${counted}`], evidence: [] };
  return { problems: [], evidence: [`report: cargo-test: claims ${claim.passed} passed, matches`] };
}

function outcome(problems: string[], evidence: string[], passSummary: string): VerifyOutcome {
  if (problems.length > 0) return { status: 'fail', summary: problems[0]!, evidence: [...problems.slice(1), ...evidence] };
  return { status: 'pass', summary: passSummary, evidence };
}

/**
 * quality::tests-green: `cargo test -p <crate>` for each listed crate, in the worktree and after
 * a simulated merge; every run exits 0 and the passed count (summed over test binaries) reaches
 * test-count-min; the report's claimed count must match what the verifier counted.
 */
export async function verifyTestsGreen(ctx: VerifyContext): Promise<VerifyOutcome> {
  const crates = ctx.task?.verification?.['cargo-test-crates'] ?? [];
  const floor = ctx.task?.verification?.['test-count-min'];
  if (crates.length === 0) {
    if (floor !== undefined) return { status: 'fail', summary: `task spec error: test-count-min is ${floor} but cargo-test-crates lists no crate, so the floor cannot be checked`, evidence: [] };
    return { status: 'skipped', summary: 'the task lists no cargo-test-crates', evidence: [] };
  }
  const plan = planTests(await cargoRoots(ctx.worktree, ctx.signal), crates);
  if (plan.kind !== 'run') return { status: plan.kind === 'skip' ? 'skipped' : 'fail', summary: plan.reason, evidence: plan.evidence };
  const local = await testPass('worktree', plan.steps, ctx.worktree, ctx, floor);
  const claim = claimProblems(ctx.report, local.tally.passed);
  if (local.problems.length > 0) {
    return outcome([...local.problems, ...claim.problems], [...local.evidence, 'simulated-merge pass: not run (the worktree pass failed)', ...claim.evidence], '');
  }
  const set = await changedSetFor(ctx);
  const merged = await withMergedTree(set, async (tree) => {
    const result = await testPass('merge', plan.steps, tree.dir, ctx, floor);
    if (tree.conflicts.length > 0) result.problems.unshift(`simulated-merge pass: does not merge cleanly onto ${set.base}: ${tree.conflicts.join(', ')}`);
    return result;
  }, ctx.signal);
  const floorText = floor === undefined ? 'no test-count-min' : `test-count-min ${floor}`;
  return outcome([...merged.problems, ...claim.problems], [...local.evidence, ...merged.evidence, ...claim.evidence],
    `cargo test passes in both passes: ${local.tally.passed} passed in the worktree, ${merged.tally.passed} after the merge (${floorText})`);
}
