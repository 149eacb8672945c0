import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { verifyCargoCheckGreen } from '../../src/verify/checks/cargo-check-green.js';
import type { TaskSpec } from '../../src/schemas/task-spec.js';
import CAPABILITY from '../../src/capabilities/quality/cargo-check-green.js';
import { capabilityMeta, testAgent } from '../helpers/gate.js';
import { addWorktree, commitAll, git, makeRepo, writeFiles, type TestRepo } from '../verify/helpers/repo.js';
import { makeCargoRepo, shareCargoTarget } from '../verify/helpers/cargo.js';

function ctx(worktree: string, task?: TaskSpec) {
  return {
    worktree,
    base: 'main',
    agent: testAgent(),
    capability: capabilityMeta('quality::cargo-check-green'),
    task,
    report: undefined,
    signal: new AbortController().signal,
  };
}

describe('quality::cargo-check-green', () => {
  const repos: TestRepo[] = [];
  beforeAll(() => shareCargoTarget());
  afterAll(() => repos.forEach((r) => r.cleanup()));

  it('is the module registered for the capability', () => {
    expect(CAPABILITY.verify).toBe(verifyCargoCheckGreen);
  });

  it('fails only the simulated-merge pass when the base changed a type the new code relies on', async () => {
    const repo = makeCargoRepo();
    repos.push(repo);
    const wt = addWorktree(repo);
    // The agent adds a module (untracked) and declares it in lib.rs (unstaged edit at the top).
    writeFiles(wt, { 'crates/alpha/src/usage.rs': 'pub fn doubled() -> u32 {\n    crate::total() * 2\n}\n' });
    const lib = join(wt, 'crates/alpha/src/lib.rs');
    writeFiles(wt, { 'crates/alpha/src/lib.rs': `pub mod usage;\n${(await import('node:fs')).readFileSync(lib, 'utf8')}` });
    // Meanwhile the base branch widens total() to u64 and touches the end of lib.rs.
    writeFiles(repo.main, { 'crates/alpha/src/total.rs': 'pub fn total() -> u64 {\n    42\n}\n' });
    const mainLib = join(repo.main, 'crates/alpha/src/lib.rs');
    writeFiles(repo.main, { 'crates/alpha/src/lib.rs': `${(await import('node:fs')).readFileSync(mainLib, 'utf8')}// widened upstream\n` });
    commitAll(repo.main, 'widen total');

    const outcome = await verifyCargoCheckGreen(ctx(wt));
    expect(outcome.status).toBe('fail');
    expect(outcome.summary).toBe('cargo check passes in the worktree but fails after a simulated merge onto main');
    expect(outcome.evidence[0]).toMatch(/^worktree pass: ok — cargo check --workspace in \(top level\)/);
    expect(outcome.evidence[1]).toBe('simulated-merge pass: FAILED — cargo check --workspace in (top level), exit 101');
    expect(outcome.evidence.join('\n')).toMatch(/error\[E0308\]: mismatched types/);
    expect(outcome.evidence.join('\n')).toMatch(/--> crates\/alpha\/src\/usage\.rs:2/);
    // The temporary worktree is gone and git no longer lists it.
    expect(git(repo.main, 'worktree', 'list', '--porcelain').match(/^worktree /gm)).toHaveLength(2);
    // Nothing was written into the agent's worktree.
    expect(git(wt, 'status', '--porcelain')).toBe(' M crates/alpha/src/lib.rs\n?? crates/alpha/src/usage.rs\n');
  }, 240_000);

  it('says skipped when the worktree has no Cargo.toml', async () => {
    const repo = makeRepo({ 'train.py': 'print("x", flush=True)\n' });
    repos.push(repo);
    const wt = addWorktree(repo);
    writeFiles(wt, { 'train.py': 'print("y", flush=True)\n' });
    expect(await verifyCargoCheckGreen(ctx(wt))).toEqual({ status: 'skipped', summary: 'no Cargo.toml in the worktree', evidence: [] });
  });

  it('says skipped when the change touches no Cargo workspace', async () => {
    const repo = makeRepo({ 'rust/Cargo.toml': '[workspace]\nmembers = []\n', 'scripts/train.py': '\n' });
    repos.push(repo);
    const wt = addWorktree(repo);
    writeFiles(wt, { 'scripts/train.py': 'print(1, flush=True)\n' });
    expect(await verifyCargoCheckGreen(ctx(wt))).toEqual({ status: 'skipped', summary: 'the change touches no Cargo workspace', evidence: ['Cargo roots: rust'] });
  });

  it('fails when the task lists a crate no Cargo.toml declares', async () => {
    const repo = makeRepo({ 'Cargo.toml': '[package]\nname = "solo"\nversion = "0.1.0"\n' });
    repos.push(repo);
    const wt = addWorktree(repo);
    expect(await verifyCargoCheckGreen(ctx(wt, { verification: { 'cargo-check-crates': ['kei-forge'] } }))).toEqual({
      status: 'fail',
      summary: 'task lists crate kei-forge that no Cargo.toml in the worktree declares',
      evidence: ['packages found: solo'],
    });
  });
});
