import { afterEach, describe, expect, it } from 'vitest';
import { verifyNoDepBump } from '../../src/verify/checks/no-dep-bump.js';
import { testAgent } from '../helpers/gate.js';
import { addWorktree, git, makeRepo, writeFiles, type TestRepo } from './helpers/repo.js';

const MANIFEST = '[package]\nname = "alpha"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\nanyhow = "1"\n';
const BASE = { 'crates/alpha/Cargo.toml': MANIFEST, 'Cargo.lock': '# generated\nversion = 4\n' };

let repo: TestRepo;
let wt: string;
afterEach(() => repo?.cleanup());

function setup(): void {
  repo = makeRepo(BASE);
  wt = addWorktree(repo);
}

function ctx() {
  const capability = { name: 'safety::no-dep-bump', title: 't', description: 'd', hooks: [], params: [], verify: true, messages: {} };
  return { worktree: wt, base: 'main', agent: testAgent(), capability, task: undefined, report: undefined, signal: new AbortController().signal };
}

describe('safety::no-dep-bump on return', () => {
  it('fails `+serde = "1.0"` added under [dependencies]', async () => {
    setup();
    writeFiles(wt, { 'crates/alpha/Cargo.toml': MANIFEST + 'serde = "1.0"\n' });
    const outcome = await verifyNoDepBump(ctx());
    expect(outcome.status).toBe('fail');
    expect(outcome.summary).toBe('1 dependency change in the change');
    expect(outcome.evidence).toEqual([expect.stringMatching(/^crates\/alpha\/Cargo\.toml: \[dependencies\] serde added \(.*1\.0.*\)$/)]);
  });

  it.each([
    ['a table form', MANIFEST + '\n[dependencies.serde]\nversion = "1"\n', /\[dependencies\] serde added/],
    ['a dev-dependency', MANIFEST + '\n[dev-dependencies]\nproptest = "1"\n', /\[dev-dependencies\] proptest added/],
    ['an upgrade', MANIFEST.replace('anyhow = "1"', 'anyhow = "2"'), /\[dependencies\] anyhow changed from .*1.* to .*2/],
    ['a removal', MANIFEST.replace('anyhow = "1"\n', ''), /\[dependencies\] anyhow removed/],
  ])('fails %s', async (_name, manifest, pattern) => {
    setup();
    writeFiles(wt, { 'crates/alpha/Cargo.toml': manifest });
    const outcome = await verifyNoDepBump(ctx());
    expect(outcome.status).toBe('fail');
    expect(outcome.evidence.join('\n')).toMatch(pattern);
  });

  it('passes edits to other sections of Cargo.toml', async () => {
    setup();
    writeFiles(wt, { 'crates/alpha/Cargo.toml': MANIFEST.replace('edition = "2021"', 'edition = "2024"\ndescription = "x"') + '\n[features]\nfast = []\n' });
    expect(await verifyNoDepBump(ctx())).toEqual({ status: 'pass', summary: '1 changed manifest with the same dependencies as before', evidence: [] });
  });

  it('fails any change to Cargo.lock, and a new lock file', async () => {
    setup();
    writeFiles(wt, { 'Cargo.lock': '# generated\nversion = 4\n[[package]]\nname = "serde"\n', 'tools/Cargo.lock': 'version = 4\n' });
    expect((await verifyNoDepBump(ctx())).evidence).toEqual(['Cargo.lock: lock file changed', 'tools/Cargo.lock: lock file created']);
  });

  it('fails a lock file renamed away', async () => {
    setup();
    git(wt, 'mv', 'Cargo.lock', 'Cargo.lock.bak');
    expect((await verifyNoDepBump(ctx())).evidence).toEqual(['Cargo.lock: lock file deleted']);
  });

  it('fails a manifest that no longer parses', async () => {
    setup();
    writeFiles(wt, { 'crates/alpha/Cargo.toml': '[package\nname = ' });
    expect((await verifyNoDepBump(ctx())).evidence[0]).toMatch(/^crates\/alpha\/Cargo\.toml: cannot compare its dependencies, it does not parse/);
  });

  it('passes when no manifest or lock file changed', async () => {
    setup();
    writeFiles(wt, { 'crates/alpha/src/lib.rs': 'pub fn a() {}\n' });
    expect(await verifyNoDepBump(ctx())).toEqual({ status: 'pass', summary: 'no dependency manifest or lock file changed', evidence: [] });
  });
});

describe('the capability carries this verify', () => {
  it('wires safety::no-dep-bump to it', async () => {
    const { CAPABILITY_MODULES } = await import('../../src/capabilities/registry.js');
    expect(CAPABILITY_MODULES.get('safety::no-dep-bump')?.verify).toBe(verifyNoDepBump);
  });
});
