import { describe, expect, it } from 'vitest';
import { checkReportFields, hasReportHeader, verifyReportFormat } from '../../src/verify/checks/report-format.js';
import type { TaskSpec } from '../../src/schemas/task-spec.js';
import { capabilityMeta, testAgent } from '../helpers/gate.js';
import CAPABILITY from '../../src/capabilities/output/report-format.js';

const SEED_REPORT = `=== KEI-MODAL-RUNNER REPORT ===
Goal: add the renderer

Files written:
- _primitives/_rust/kei-forge/src/lib.rs (new, 120 LOC)
- _primitives/_rust/kei-forge/tests/render.rs (new, 45 LOC)

cargo-check: clean
cargo-test: test result: ok. 44 passed; 0 failed; 0 ignored
loc-delta: +165 / -0
`;

const REQUIRED = ['files-written', 'cargo-check', 'cargo-test', 'loc-delta'];

describe('report fields: valid', () => {
  it.each([
    ['the seed skeleton', SEED_REPORT, REQUIRED],
    ['names differ in case, spaces and dashes', 'FILES_WRITTEN: a.rs\nCargo Check: clean\n', ['files-written', 'cargo-check']],
    ['value on indented lines under the label', 'cargo-check:\n    warning: unused\n    exit 0\n', ['cargo-check']],
    ['bulleted labels with bold', '- **Files written:** a.rs\n- **cargo-test**: test result: ok. 3 passed\n', ['files-written', 'cargo-test']],
    ['numbered items under the label, after a blank line', 'Files written:\n\n1. a.rs\n2. b.rs\n', ['files-written']],
    ['blockers: none counts as a value', 'blockers: none\n', ['blockers']],
    ['a later occurrence fills an empty earlier one', 'cargo-test:\n\ncargo-test: test result: ok. 1 passed\n', ['cargo-test']],
    ['inside a code fence', '```\ncargo-check: clean\n```\n', ['cargo-check']],
  ])('%s', (_name, report, required) => {
    expect(checkReportFields(report, required).problems).toEqual([]);
  });
});

describe('report fields: invalid', () => {
  it.each([
    ['a missing cargo-test', SEED_REPORT.replace(/^cargo-test:.*\n/m, ''), REQUIRED, ['cargo-test: missing']],
    ['mentioned in a sentence only', 'I ran cargo-test: it passed.\n', ['cargo-test'], ['cargo-test: missing']],
    ['an empty label', 'cargo-check:\ncargo-test: ok\n', ['cargo-check'], ['cargo-check: present at line 1 but empty']],
    ['an unfilled placeholder', 'loc-delta: <per file>\n', ['loc-delta'], ['loc-delta: present at line 1 but empty']],
    ['only a dash', 'next: -\n', ['next'], ['next: present at line 1 but empty']],
    ['a list that belongs to the next bulleted field', '- Files written:\n- cargo-check: clean\n', ['files-written'], ['files-written: present at line 1 but empty']],
    ['unindented prose under the label is not its value', 'Files written:\nnone of them\n', ['files-written'], ['files-written: present at line 1 but empty']],
  ])('%s', (_name, report, required, expected) => {
    const { problems } = checkReportFields(report, required);
    expect(problems.map((p) => p.split(' (')[0])).toEqual(expected);
  });
});

describe('report block header', () => {
  it.each([
    ['=== KEI-MODAL-RUNNER REPORT ===\nGoal: x', true],
    ['  **=== KEI-MODAL-RUNNER REPORT ===**  ', true],
    ['see the === KEI-MODAL-RUNNER REPORT === below', false],
    ['=== KEI-OTHER REPORT ===', false],
    ['== KEI-MODAL-RUNNER REPORT ==', false],
  ])('%j -> %s', (report, expected) => {
    expect(hasReportHeader(report, 'KEI-MODAL-RUNNER')).toBe(expected);
  });
});

function ctx(report: string | undefined, task: TaskSpec | undefined, reportName = 'KEI-MODAL-RUNNER') {
  return {
    worktree: '/nonexistent',
    base: 'main',
    agent: testAgent({ reportName }),
    capability: capabilityMeta('output::report-format'),
    task,
    report,
    signal: new AbortController().signal,
  };
}

describe('output::report-format verify', () => {
  const task: TaskSpec = { output: { 'report-fields-required': REQUIRED } };

  it('is the module registered for the capability', () => {
    expect(CAPABILITY.verify).toBe(verifyReportFormat);
    expect(capabilityMeta('output::report-format').verify).toBe(true);
  });

  it('passes the seed skeleton with its block', async () => {
    const outcome = await verifyReportFormat(ctx(SEED_REPORT, task));
    expect(outcome.status).toBe('pass');
    expect(outcome.summary).toBe('the final report has === KEI-MODAL-RUNNER REPORT ===, files-written, cargo-check, cargo-test, loc-delta');
  });

  it('fails a report missing cargo-test:, naming it', async () => {
    const outcome = await verifyReportFormat(ctx(SEED_REPORT.replace(/^cargo-test:.*\n/m, ''), task));
    expect(outcome).toEqual({
      status: 'fail',
      summary: 'the final report misses 1 required item',
      evidence: ['cargo-test: missing (no line starting with `cargo-test:`; case, spaces and dashes are ignored)'],
    });
  });

  it('fails a report without the agent\'s block header', async () => {
    const outcome = await verifyReportFormat(ctx(SEED_REPORT.replace(/^===.*\n/, ''), task));
    expect(outcome.status).toBe('fail');
    expect(outcome.evidence).toEqual(['report block: no `=== KEI-MODAL-RUNNER REPORT ===` line']);
  });

  it('fails an empty final message', async () => {
    expect(await verifyReportFormat(ctx('  \n', task))).toEqual({ status: 'fail', summary: 'the final report is empty', evidence: [] });
  });

  it('says skipped, with the reason, when there is nothing to check', async () => {
    expect(await verifyReportFormat(ctx(SEED_REPORT, undefined, ''))).toMatchObject({ status: 'skipped', summary: 'the task requires no report fields and the agent defines no report block' });
    expect(await verifyReportFormat(ctx(undefined, task))).toMatchObject({ status: 'skipped', summary: 'no final report was given to check (kei verify --report <file>)' });
  });
});
