import type { StepResult } from '../cargo/passes.js';
import { stepOk, seconds } from '../cargo/passes.js';
import { describeStep } from '../cargo/plan.js';
import { exitText, failureLines } from '../cargo/run-cargo.js';
import { describeTally, tallyTestResults, type TestTally } from '../cargo/test-count.js';

/** Names of failing tests from libtest's `test x ... FAILED` lines. */
function failingTests(stdout: string): string[] {
  return stdout.split('\n').filter((l) => /^test .+ \.\.\. FAILED$/.test(l.trim())).slice(0, 10).map((l) => l.trim());
}

function stepLines(name: string, r: StepResult): { ok: boolean; lines: string[] } {
  if (!r.result) return { ok: false, lines: [`${name}: FAILED — ${r.step.dir || '(top level)'} does not exist in this tree`] };
  const counted = describeTally(tallyTestResults(r.result.stdout));
  if (stepOk(r)) return { ok: true, lines: [`${name}: ok — ${describeStep(r.step)}: ${counted} (${seconds(r.result.ms)})`] };
  const detail = [...failingTests(r.result.stdout), ...failureLines(r.result)].map((l) => `  ${l}`);
  return { ok: false, lines: [`${name}: FAILED — ${describeStep(r.step)}, ${exitText(r.result)}: ${counted}`, ...detail] };
}

/** Evidence and problems of one pass: each command's outcome, then the floor against the summed count. */
export function testPassEvidence(name: string, results: StepResult[], tally: TestTally, floor: number | undefined): { problems: string[]; evidence: string[] } {
  const problems: string[] = [];
  const evidence: string[] = [];
  for (const r of results) {
    const { ok, lines } = stepLines(name, r);
    if (!ok) problems.push(`${name}: ${describeStep(r.step)} failed`);
    evidence.push(...lines);
  }
  if (floor !== undefined && tally.passed < floor) {
    problems.push(`${name}: ${tally.passed} tests passed, below test-count-min ${floor}`);
  }
  evidence.push(`${name}: total ${tally.passed} passed${floor === undefined ? '' : ` (floor ${floor})`}`);
  return { problems, evidence };
}
