import { describe, expect, it } from 'vitest';
import { verifySeverityGrade } from '../../src/verify/checks/severity-grade.js';
import { readFindings } from '../../src/verify/report/findings.js';
import { capabilityMeta, testAgent } from '../helpers/gate.js';
import CAPABILITY from '../../src/capabilities/output/severity-grade.js';

function ctx(report: string | undefined, role: 'read-only' | 'edit-local' = 'read-only') {
  return {
    worktree: '/nonexistent',
    base: 'main',
    agent: testAgent({ name: 'kei-critic', role, reportName: 'KEI-CRITIC' }),
    capability: capabilityMeta('output::severity-grade'),
    task: undefined,
    report,
    signal: new AbortController().signal,
  };
}

const PASSING: Array<[string, string, string]> = [
  ['graded list items', 'Findings:\n- [HIGH] token compared with ==\n- [LOW] typo in README\n', '2 graded findings (1 HIGH, 0 MEDIUM, 1 LOW)'],
  ['a heading and numbered items', '## Findings\n1. [MEDIUM] retries unbounded\n   it loops forever on 500s\n2. [LOW] naming\n', '2 graded findings (0 HIGH, 1 MEDIUM, 1 LOW)'],
  ['bare lines starting with a token', 'Findings (2):\n[HIGH] a\n[LOW] b\n\nSummary: fine otherwise\n', '2 graded findings (1 HIGH, 0 MEDIUM, 1 LOW)'],
  ['explicit No findings line', '=== KEI-CRITIC REPORT ===\nNo findings.\n', 'the report states "No findings"'],
  ['Findings: none', 'Findings: none\nVerify: read all files\n', 'the report states "No findings"'],
  ['No findings as the only item', 'Findings:\n- No findings\n', 'the report states "No findings"'],
  ['graded lines without a section', 'Review:\n- [MEDIUM] x\n', '1 graded finding (0 HIGH, 1 MEDIUM, 0 LOW)'],
  ['the section ends at the next label', 'Findings:\n- [LOW] a\nBlockers / next: none\n', '1 graded finding (0 HIGH, 0 MEDIUM, 1 LOW)'],
];

const FAILING: Array<[string, string, string]> = [
  ['an ungraded finding', 'Findings:\n- [HIGH] a\n- b is slow\n', '1 finding without a [HIGH]/[MEDIUM]/[LOW] grade'],
  ['FOLLOW and ALLOW are not LOW', 'Findings:\n- FOLLOW the ALLOW list\n', '1 finding without a [HIGH]/[MEDIUM]/[LOW] grade'],
  ['lower-case or unbracketed grades', 'Findings:\n- [low] a\n- HIGH b\n- (MEDIUM) c\n', '3 findings without a [HIGH]/[MEDIUM]/[LOW] grade'],
  ['a longer word in brackets', 'Findings:\n- [LOWER] a\n', '1 finding without a [HIGH]/[MEDIUM]/[LOW] grade'],
  ['no section and no statement', 'Goal: review\nAll good.\n', 'the report has no Findings section: list each finding with [HIGH]/[MEDIUM]/[LOW], or state "No findings"'],
  ['an empty section', 'Findings:\n\nVerify: done\n', 'the Findings section is empty: list each finding with [HIGH]/[MEDIUM]/[LOW], or state "No findings"'],
  ['No findings next to findings', 'No findings.\nFindings:\n- [HIGH] a\n', 'the report says "No findings" but lists 1'],
];

describe('output::severity-grade verify', () => {
  it('is the module registered for the capability', () => {
    expect(CAPABILITY.verify).toBe(verifySeverityGrade);
  });

  it.each(PASSING)('passes: %s', async (_name, report, summary) => {
    expect(await verifySeverityGrade(ctx(report))).toEqual({ status: 'pass', summary, evidence: [] });
  });

  it.each(FAILING)('fails: %s', async (_name, report, summary) => {
    const outcome = await verifySeverityGrade(ctx(report));
    expect(outcome.status).toBe('fail');
    expect(outcome.summary).toBe(summary);
  });

  it('names the ungraded finding with its line', async () => {
    const outcome = await verifySeverityGrade(ctx('Findings:\n- [HIGH] a\n- b is slow\n'));
    expect(outcome.evidence).toEqual(['line 3: - b is slow']);
  });

  it('says skipped for other roles and for a missing report', async () => {
    expect(await verifySeverityGrade(ctx('x', 'edit-local'))).toEqual({ status: 'skipped', summary: 'applies to read-only roles, not edit-local', evidence: [] });
    expect((await verifySeverityGrade(ctx(undefined))).status).toBe('skipped');
  });
});

describe('readFindings', () => {
  it('joins indented continuation lines into their finding', () => {
    expect(readFindings('Findings:\n- [HIGH] a\n  more about a\n- [LOW] b\n').findings.map((f) => f.text)).toEqual(['- [HIGH] a more about a', '- [LOW] b']);
  });

  it('ends the section at plain text after a blank line', () => {
    expect(readFindings('Findings:\n- [HIGH] a\n\nOverall the code is fine.\n').findings).toHaveLength(1);
  });
});
