import { describe, expect, it } from 'vitest';
import { readTestClaim } from '../../src/verify/report/test-claim.js';
import { tallyTestResults } from '../../src/verify/cargo/test-count.js';

describe('tallyTestResults', () => {
  it('sums every test result line over binaries, doc tests included', () => {
    const out = [
      'running 40 tests',
      'test result: ok. 40 passed; 0 failed; 1 ignored; 0 measured; 0 filtered out; finished in 0.00s',
      '     Running tests/extra.rs',
      'test result: FAILED. 2 passed; 1 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.01s',
      '   Doc-tests alpha',
      'test result: ok. 0 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.00s',
      'not a test result: ok. 9 passed',
    ].join('\n');
    expect(tallyTestResults(out)).toEqual({ passed: 42, failed: 1, ignored: 1, binaries: 3, anyFailed: true });
  });
});

describe('readTestClaim', () => {
  it.each([
    ['cargo-test: test result: ok. 44 passed; 0 failed; 0 ignored', { kind: 'count', passed: 44, line: 1 }],
    ['x\nCargo test:\n- test result: ok. 40 passed; 0 failed\n- test result: ok. 3 passed; 0 failed\n', { kind: 'count', passed: 43, line: 2 }],
    ['cargo-test: 44 passed', { kind: 'count', passed: 44, line: 1 }],
    ['cargo-test: all green', { kind: 'no-count', line: 1 }],
    ['cargo-test:\n\nnext: none', { kind: 'no-count', line: 1 }],
    ['Files written: a.rs', { kind: 'absent' }],
  ])('%j', (report, expected) => {
    expect(readTestClaim(report)).toEqual(expected);
  });
});
