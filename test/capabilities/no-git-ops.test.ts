import { afterEach, describe, expect, it } from 'vitest';
import { decisionOf, runGate } from '../helpers/gate.js';
import { FIXTURES } from '../corpus/corpus.js';

const gate = (command: string) => runGate({ capability: 'policy::no-git-ops', toolInput: { command }, cwd: FIXTURES });

const denials = [
    ['git push origin main', 'git', { command: 'git push origin main', what: 'git push' }],
    ["bash -c 'git commit -am wip'", 'git', { command: 'git commit -am wip', what: 'git commit' }],
    ['git-lfs pull', 'git', { command: 'git-lfs pull', what: 'git-lfs' }],
    ['gh repo create acme/x', 'gh', { command: 'gh repo create acme/x', what: 'gh repo create' }],
    ['gh api repos/acme/x/git/refs -f ref=x', 'gh', { command: 'gh api repos/acme/x/git/refs -f ref=x', what: 'gh api on repositories' }],
    ['gh pr checkout 7', 'gh', { command: 'gh pr checkout 7', what: 'gh pr checkout' }],
    ['rm -rf .git', 'git-state', { command: 'rm -rf .git', what: 'rm changes .git' }],
    ['mv .git /tmp/g', 'git-state', { command: 'mv .git /tmp/g', what: 'mv changes .git' }],
    ['echo x > .git/HEAD', 'git-state', { command: 'echo x > .git/HEAD', what: 'redirect changes .git/HEAD' }],
    ["python3 -c 'import os; os.system(cmd)'", 'hidden-exec', { command: "python3 -c 'import os; os.system(cmd)'", language: 'python', detail: 'os.system(…) runs a command built at run time' }],
] as const;

describe('policy::no-git-ops denies with the rule, the part of the call, and what to do', () => {
  it.each(denials)('%j', (command, message, data) => {
    const outcome = decisionOf(gate(command));
    expect(outcome).toMatchObject({ kind: 'deny', message, data });
    expect(outcome.reason).toContain(data.command);
  });

  it('tells the agent that the orchestrator owns git and to list files under Files written:', () => {
    const { reason } = decisionOf(gate('git push'));
    expect(reason).toBe(
      '`git push` runs git push. The orchestrator owns every git operation (branches, staging, commits, pushes, rebases, merges): do not run git. List each file you changed under `Files written:` in your report; the orchestrator stages and commits exactly those.',
    );
  });

});

describe('policy::no-git-ops on what it cannot see', () => {
  it('denies what it cannot analyse, naming the problem', () => {
    expect(decisionOf(gate('$CMD push'))).toMatchObject({
      kind: 'deny',
      message: 'unanalysable',
      data: { problem: 'the command name $CMD is not static, so what it runs cannot be known' },
      reason: 'Could not analyse this command (the command name $CMD is not static, so what it runs cannot be known); split it up or simplify it so every command it runs is written out.',
    });
    expect(decisionOf(gate('echo "unterminated')).data?.problem).toMatch(/^not valid shell syntax: unterminated double quote/);
  });

  it('reports every git command of a call', () => {
    expect(gate('git add -A; git commit -m x && git push').map((o) => o.data?.what)).toEqual(['git add', 'git commit', 'git push']);
  });

  it('passes other tools and commands that only mention git', () => {
    expect(runGate({ capability: 'policy::no-git-ops', toolName: 'Read', toolInput: { file_path: '/x/.git/config' } })).toEqual([{ kind: 'pass' }]);
    expect(gate('grep -rn "git push" docs/')).toEqual([{ kind: 'pass' }]);
  });
});

describe('ORCHESTRATOR_META=1 is not a bypass', () => {
  const saved = process.env.ORCHESTRATOR_META;
  afterEach(() => {
    if (saved === undefined) delete process.env.ORCHESTRATOR_META;
    else process.env.ORCHESTRATOR_META = saved;
  });

  it.each(['ORCHESTRATOR_META=1 git push', 'export ORCHESTRATOR_META=1; git push', 'env ORCHESTRATOR_META=1 git push'])('in the command: %j', (command) => {
    expect(decisionOf(gate(command))).toMatchObject({ kind: 'deny', message: 'git' });
  });

  it('in the environment of the hook', () => {
    process.env.ORCHESTRATOR_META = '1';
    expect(decisionOf(gate('git push'))).toMatchObject({ kind: 'deny', message: 'git', data: { what: 'git push' } });
  });

  it('in the hook payload', () => {
    const outcome = runGate({ capability: 'policy::no-git-ops', toolInput: { command: 'git push', env: { ORCHESTRATOR_META: '1' } }, input: { ORCHESTRATOR_META: '1' } as never });
    expect(decisionOf(outcome)).toMatchObject({ kind: 'deny', message: 'git' });
  });
});

describe('a path that is a link to git', () => {
  it('is denied by what the link points to', async () => {
    const { mkdtempSync, symlinkSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'kei-link-'));
    symlinkSync('/usr/bin/git', join(dir, 'helper'));
    const outcome = runGate({ capability: 'policy::no-git-ops', toolInput: { command: './helper push' }, cwd: dir });
    expect(decisionOf(outcome)).toMatchObject({ kind: 'deny', message: 'git', data: { command: './helper push', what: './helper is a link to git' } });
  });
});
