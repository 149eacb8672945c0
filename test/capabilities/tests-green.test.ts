import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyTestsGreen } from '../../src/verify/checks/tests-green.js';
import type { TaskSpec } from '../../src/schemas/task-spec.js';
import CAPABILITY from '../../src/capabilities/quality/tests-green.js';
import { capabilityMeta, testAgent } from '../helpers/gate.js';
import { addWorktree, makeRepo, writeFiles, type TestRepo } from '../verify/helpers/repo.js';
import { makeCargoRepo, shareCargoTarget } from '../verify/helpers/cargo.js';

function ctx(worktree: string, task: TaskSpec | undefined, report?: string) {
  return {
    worktree,
    base: 'main',
    agent: testAgent(),
    capability: capabilityMeta('quality::tests-green'),
    task,
    report,
    signal: new AbortController().signal,
  };
}

const crates = (floor?: number): TaskSpec => ({ verification: { 'cargo-test-crates': ['alpha'], ...(floor === undefined ? {} : { 'test-count-min': floor }) } });

describe('quality::tests-green with a real workspace of 43 tests', () => {
  let repo: TestRepo;
  let wt: string;
  beforeAll(() => {
    shareCargoTarget();
    repo = makeCargoRepo();
    wt = addWorktree(repo);
    writeFiles(wt, { 'crates/alpha/src/total.rs': '/// Still 42.\npub fn total() -> u32 {\n    40 + 2\n}\n' });
  });
  afterAll(() => repo.cleanup());

  it('is the module registered for the capability', () => {
    expect(CAPABILITY.verify).toBe(verifyTestsGreen);
  });

  it('fails 43 tests against a floor of 44, and flags the report claiming 44', async () => {
    const report = 'cargo-test: test result: ok. 44 passed; 0 failed; 0 ignored\n';
    const outcome = await verifyTestsGreen(ctx(wt, crates(44), report));
    expect(outcome.status).toBe('fail');
    expect(outcome.summary).toBe('worktree pass: 43 tests passed, below test-count-min 44');
    expect(outcome.evidence).toContain('report: cargo-test: (line 1) claims 44 passed, the verifier counted 43');
    expect(outcome.evidence).toContain('simulated-merge pass: not run (the worktree pass failed)');
    expect(outcome.evidence).toContain('worktree pass: total 43 passed (floor 44)');
    expect(outcome.evidence.find((l) => l.startsWith('worktree pass: ok'))).toMatch(/cargo test -p alpha in \(top level\): 43 passed, 0 failed, 0 ignored over 3 test binaries/);
  }, 240_000);

  it('passes 43 tests against a floor of 43 in both passes when the report pastes the real lines', async () => {
    const report = 'cargo-test:\n  test result: ok. 40 passed; 0 failed; 0 ignored\n  test result: ok. 3 passed; 0 failed; 0 ignored\n';
    const outcome = await verifyTestsGreen(ctx(wt, crates(43), report));
    expect(outcome.summary).toBe('cargo test passes in both passes: 43 passed in the worktree, 43 after the merge (test-count-min 43)');
    expect(outcome.status).toBe('pass');
    expect(outcome.evidence).toContain('simulated-merge pass: total 43 passed (floor 43)');
    expect(outcome.evidence).toContain('report: cargo-test: claims 43 passed, matches');
  }, 240_000);
});

describe('quality::tests-green without cargo work', () => {
  let repo: TestRepo;
  beforeAll(() => { repo = makeRepo({ 'README.md': 'x\n' }); });
  afterAll(() => repo.cleanup());

  it('treats a floor with no crates as a task-spec error', async () => {
    expect(await verifyTestsGreen(ctx(repo.main, { verification: { 'test-count-min': 44 } }))).toEqual({
      status: 'fail',
      summary: 'task spec error: test-count-min is 44 but cargo-test-crates lists no crate, so the floor cannot be checked',
      evidence: [],
    });
  });

  it('says skipped when the task lists no crates', async () => {
    expect(await verifyTestsGreen(ctx(repo.main, undefined))).toEqual({ status: 'skipped', summary: 'the task lists no cargo-test-crates', evidence: [] });
  });

  it('fails a listed crate that no Cargo.toml declares', async () => {
    const outcome = await verifyTestsGreen(ctx(repo.main, crates(1)));
    expect(outcome).toMatchObject({ status: 'fail', summary: 'task lists crate alpha that no Cargo.toml in the worktree declares' });
  });
});
