import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runVerifies } from '../../src/verify/runner.js';
import type { TaskSpec } from '../../src/schemas/task-spec.js';
import { testAgent } from '../helpers/gate.js';
import { addWorktree, commitAll, makeRepo, writeFiles, type TestRepo } from './helpers/repo.js';

const EDIT_LOCAL = [
  'tools::deny-tools',
  'policy::no-git-ops',
  'scope::files-whitelist',
  'scope::files-denylist',
  'quality::constructor-pattern',
  'quality::cargo-check-green',
  'quality::tests-green',
  'safety::no-dep-bump',
  'output::report-format',
];

const TASK: TaskSpec = {
  scope: { 'files-whitelist': ['scripts/**'], 'files-denylist': ['**/Cargo.lock'] },
  output: { 'report-fields-required': ['files-written'] },
};

function source(i: number): string {
  return `def run_${i}():\n    return ${i}\n`;
}

describe('verify speed', () => {
  let repo: TestRepo;
  let wt: string;
  beforeAll(() => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 40; i++) files[`scripts/mod_${i}.py`] = source(i);
    repo = makeRepo(files);
    wt = addWorktree(repo);
    const change: Record<string, string> = {};
    for (let i = 0; i < 10; i++) change[`scripts/mod_${i}.py`] = source(i + 100);
    writeFiles(wt, change);
    commitAll(wt, 'half of the change, committed');
    for (let i = 10; i < 15; i++) change[`scripts/mod_${i}.py`] = source(i + 200);
    for (let i = 0; i < 5; i++) change[`scripts/new_${i}.py`] = source(i);
    writeFiles(wt, change);
  });
  afterAll(() => repo.cleanup());

  it('verifies a 20-file change without cargo work in under a second', async () => {
    const agent = testAgent({ capabilities: EDIT_LOCAL, reportName: '' });
    const started = performance.now();
    const results = await runVerifies({ worktree: wt, base: 'main', agent, task: TASK, report: 'Files written: scripts/', capabilities: undefined });
    const elapsed = performance.now() - started;
    process.stderr.write(`verify of a 20-file change: ${elapsed.toFixed(0)} ms\n`);
    expect(results.find((r) => r.capability === 'scope::files-whitelist')?.summary).toBe('all 20 changed paths inside the whitelist');
    expect(results.filter((r) => r.status === 'fail')).toEqual([]);
    expect(results.map((r) => r.status)).toEqual(['pass', 'pass', 'pass', 'skipped', 'skipped', 'pass', 'pass']);
    expect(elapsed).toBeLessThan(1000);
  });
});
