/** The sum of libtest's `test result:` lines over every test binary of a run. */
export interface TestTally {
  passed: number;
  failed: number;
  ignored: number;
  /** Number of `test result:` lines (one per test binary, doc tests included). */
  binaries: number;
  /** Any binary reporting FAILED. */
  anyFailed: boolean;
}

const RESULT_LINE = /^test result: (ok|FAILED)\. (\d+) passed; (\d+) failed(?:; (\d+) ignored)?/;

export function emptyTally(): TestTally {
  return { passed: 0, failed: 0, ignored: 0, binaries: 0, anyFailed: false };
}

export function addTallies(a: TestTally, b: TestTally): TestTally {
  return {
    passed: a.passed + b.passed,
    failed: a.failed + b.failed,
    ignored: a.ignored + b.ignored,
    binaries: a.binaries + b.binaries,
    anyFailed: a.anyFailed || b.anyFailed,
  };
}

/** Reads every line that starts (after indentation) with libtest's `test result:` summary. */
export function tallyTestResults(text: string): TestTally {
  const tally = emptyTally();
  for (const raw of text.split('\n')) {
    const match = RESULT_LINE.exec(raw.trim());
    if (!match) continue;
    tally.binaries += 1;
    tally.passed += Number(match[2]);
    tally.failed += Number(match[3]);
    tally.ignored += Number(match[4] ?? 0);
    if (match[1] === 'FAILED') tally.anyFailed = true;
  }
  return tally;
}

export function describeTally(t: TestTally): string {
  return `${t.passed} passed, ${t.failed} failed, ${t.ignored} ignored over ${t.binaries} test binar${t.binaries === 1 ? 'y' : 'ies'}`;
}
