import { afterEach, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { verifyFilesWhitelist } from '../../src/verify/checks/files-whitelist.js';
import { verifyFilesDenylist } from '../../src/verify/checks/files-denylist.js';
import type { TaskSpec } from '../../src/schemas/task-spec.js';
import { testAgent } from '../helpers/gate.js';
import { addWorktree, commitAll, git, makeRepo, writeFiles, type TestRepo } from './helpers/repo.js';

const SCOPE: TaskSpec = {
  scope: {
    'files-whitelist': ['_primitives/_rust/kei-forge/**'],
    'files-denylist': ['**/Cargo.toml', '**/Cargo.lock', '.github/**'],
  },
};

const BASE = {
  '_primitives/_rust/Cargo.lock': '# lock\n',
  '_primitives/_rust/kei-forge/Cargo.toml': '[package]\nname = "kei-forge"\n',
  '_primitives/_rust/kei-forge/src/lib.rs': 'pub fn a() {}\n',
  '_primitives/_rust/kei-other/src/lib.rs': 'pub fn b() {}\n',
  'scripts/run.sh': 'echo\n',
};

let repo: TestRepo;
let wt: string;
afterEach(() => repo?.cleanup());

function setup(): void {
  repo = makeRepo(BASE);
  wt = addWorktree(repo);
}

function ctx(task: TaskSpec | undefined) {
  const capability = { name: 'scope::files-whitelist', title: 't', description: 'd', hooks: [], params: [], verify: true, messages: {} };
  return { worktree: wt, base: 'main', agent: testAgent(), capability, task, report: undefined, signal: new AbortController().signal };
}

describe('scope::files-whitelist on return', () => {
  it('passes a change inside the whitelist (committed, unstaged and untracked)', async () => {
    setup();
    writeFiles(wt, { '_primitives/_rust/kei-forge/src/render.rs': 'pub fn r() {}\n' });
    commitAll(wt, 'agent');
    writeFiles(wt, { '_primitives/_rust/kei-forge/src/lib.rs': 'pub fn a() { }\n', '_primitives/_rust/kei-forge/tests/t.rs': '\n' });
    expect(await verifyFilesWhitelist(ctx(SCOPE))).toEqual({ status: 'pass', summary: 'all 3 changed paths inside the whitelist', evidence: [] });
  });

  it('fails an untracked file outside the whitelist, naming it', async () => {
    setup();
    writeFiles(wt, { '_primitives/_rust/kei-forge/src/lib.rs': 'pub fn a() { }\n', 'scripts/helper.py': 'print(1)\n' });
    expect(await verifyFilesWhitelist(ctx(SCOPE))).toEqual({
      status: 'fail',
      summary: '1 changed path outside the whitelist (_primitives/_rust/kei-forge/**)',
      evidence: ['scripts/helper.py (untracked): no whitelist glob matches'],
    });
  });

  it('fails deletions and the old side of a rename outside the whitelist', async () => {
    setup();
    rmSync(join(wt, 'scripts/run.sh'));
    git(wt, 'mv', '_primitives/_rust/kei-other/src/lib.rs', '_primitives/_rust/kei-forge/src/other.rs');
    const outcome = await verifyFilesWhitelist(ctx(SCOPE));
    expect(outcome.status).toBe('fail');
    expect(outcome.evidence).toEqual([
      '_primitives/_rust/kei-other/src/lib.rs (renamed to _primitives/_rust/kei-forge/src/other.rs): no whitelist glob matches',
      'scripts/run.sh (deleted): no whitelist glob matches',
    ]);
  });

  it('names the ! glob that took a path back out', async () => {
    setup();
    writeFiles(wt, { '_primitives/_rust/kei-forge/src/gen/out.rs': '\n' });
    const task: TaskSpec = { scope: { 'files-whitelist': ['_primitives/_rust/kei-forge/**', '!_primitives/_rust/kei-forge/src/gen/**'] } };
    expect((await verifyFilesWhitelist(ctx(task))).evidence).toEqual(['_primitives/_rust/kei-forge/src/gen/out.rs (untracked): excluded by !_primitives/_rust/kei-forge/src/gen/**']);
  });

  it('fails any change when no whitelist is bound, and passes when nothing changed', async () => {
    setup();
    expect(await verifyFilesWhitelist(ctx(undefined))).toEqual({ status: 'pass', summary: 'nothing changed', evidence: [] });
    writeFiles(wt, { 'scripts/run.sh': 'echo 2\n' });
    const outcome = await verifyFilesWhitelist(ctx(undefined));
    expect(outcome.status).toBe('fail');
    expect(outcome.summary).toBe('no files-whitelist is bound to this task, so none of the 1 changed path is authorised');
    expect(outcome.evidence[0]).toBe('scripts/run.sh');
  });
});

describe('scope::files-denylist on return', () => {
  it('fails a denylisted file even inside the whitelist', async () => {
    setup();
    writeFiles(wt, { '_primitives/_rust/kei-forge/Cargo.toml': '[package]\nname = "kei-forge"\nedition = "2021"\n', '_primitives/_rust/Cargo.lock': '# lock 2\n' });
    expect(await verifyFilesDenylist(ctx(SCOPE))).toEqual({
      status: 'fail',
      summary: '2 changed paths on the denylist',
      evidence: ['_primitives/_rust/Cargo.lock: matches **/Cargo.lock', '_primitives/_rust/kei-forge/Cargo.toml: matches **/Cargo.toml'],
    });
  });

  it('fails a new file under a denylisted directory, and a tracked change to .kei/', async () => {
    repo = makeRepo({ ...BASE, '.kei/notes.md': 'x\n' });
    wt = addWorktree(repo);
    writeFiles(wt, { '.github/workflows/ci.yml': 'on: push\n', '.kei/notes.md': 'y\n' });
    expect((await verifyFilesDenylist(ctx(SCOPE))).evidence).toEqual(['.github/workflows/ci.yml (untracked): matches .github/**', '.kei/notes.md: protected (/.kei)']);
  });

  it('passes a change that matches no denylist glob, saying which list it checked', async () => {
    setup();
    writeFiles(wt, { '_primitives/_rust/kei-forge/src/lib.rs': 'pub fn a() { }\n' });
    expect(await verifyFilesDenylist(ctx(SCOPE))).toEqual({ status: 'pass', summary: 'no changed path matches the denylist (**/Cargo.toml, **/Cargo.lock, .github/**)', evidence: [] });
    expect((await verifyFilesDenylist(ctx(undefined))).summary).toBe('no changed path matches a protected path (the task has no files-denylist)');
  });
});

describe('the scope capabilities carry these verifies', () => {
  it('wires scope::files-whitelist and scope::files-denylist to them', async () => {
    const { CAPABILITY_MODULES } = await import('../../src/capabilities/registry.js');
    expect(CAPABILITY_MODULES.get('scope::files-whitelist')?.verify).toBe(verifyFilesWhitelist);
    expect(CAPABILITY_MODULES.get('scope::files-denylist')?.verify).toBe(verifyFilesDenylist);
  });
});
