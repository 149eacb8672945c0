import { filledField, findField } from './fields.js';
import { tallyTestResults } from '../cargo/test-count.js';

export type TestClaim =
  | { kind: 'count'; passed: number; line: number }
  | { kind: 'no-count'; line: number }
  | { kind: 'absent' };

/**
 * The pass count an agent's report claims in its `cargo-test:` field: the sum of the pasted
 * libtest `test result:` lines, or a bare "N passed" when no result line was pasted.
 */
export function readTestClaim(report: string): TestClaim {
  const hit = filledField(report, 'cargo-test');
  if (!hit) {
    const empty = findField(report, 'cargo-test')[0];
    return empty ? { kind: 'no-count', line: empty.line } : { kind: 'absent' };
  }
  const text = hit.value.join('\n');
  const tally = tallyTestResults(text.replace(/^[-*+`>\s]+/gm, ''));
  if (tally.binaries > 0) return { kind: 'count', passed: tally.passed, line: hit.line };
  const bare = [...text.matchAll(/(\d+) passed/g)].map((m) => Number(m[1]));
  if (bare.length > 0) return { kind: 'count', passed: bare.reduce((a, b) => a + b, 0), line: hit.line };
  return { kind: 'no-count', line: hit.line };
}
