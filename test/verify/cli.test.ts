import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { run } from '../../src/cli/commands/verify.js';
import { REPO_ROOT } from '../helpers/gate.js';
import { addWorktree, makeRepo, writeFiles, type TestRepo } from './helpers/repo.js';

const TASK = `role: edit-local
scope:
  files-whitelist: [notes.md]
output:
  report-fields-required: [files-written, cargo-test]
`;
const GOOD = 'Files written:\n- notes.md (new, 1 LOC)\ncargo-test: test result: ok. 0 passed; 0 failed\n';

async function kei(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => { out += String(chunk); return true; });
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => { err += String(chunk); return true; });
  try {
    return { code: await run(args), out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

describe('kei verify', () => {
  let repo: TestRepo;
  let wt: string;
  let files: string;
  beforeAll(() => {
    repo = makeRepo({ 'README.md': 'x\n' });
    wt = addWorktree(repo);
    writeFiles(wt, { 'notes.md': 'n\n' });
    files = join(repo.home, 'inputs');
    writeFiles(files, {
      'task.yaml': TASK,
      'prompt.md': `Please do the thing.\n\n\`\`\`kei-task\n${TASK}\`\`\`\n`,
      'good.md': GOOD,
      'bad.md': 'Files written:\n- notes.md\n',
      'broken.yaml': 'role: edit-local\nscope:\n  files-allowlist: [x]\n',
    });
  });
  afterAll(() => repo.cleanup());

  it('exits 0 and prints the table when every check passes or is skipped', async () => {
    const { code, out } = await kei(['--worktree', wt, '--task', join(files, 'task.yaml'), '--report', join(files, 'good.md')]);
    expect(out).toContain(`kei verify: role edit-local in ${wt} against main`);
    expect(out).toMatch(/^output::report-format\s+pass\s+\d+ms\s+the final report has files-written, cargo-test$/m);
    expect(out).toMatch(/^quality::cargo-check-green\s+skipped\s+\d+ms\s+no Cargo\.toml in the worktree$/m);
    expect(out).toMatch(/^quality::tests-green\s+skipped\s+\d+ms\s+the task lists no cargo-test-crates$/m);
    expect(code).toBe(0);
  });

  it('exits 1 when a check fails, with the evidence under its row', async () => {
    const { code, out } = await kei(['--worktree', wt, '--task', join(files, 'prompt.md'), '--report', join(files, 'bad.md')]);
    expect(out).toMatch(/^output::report-format\s+FAIL\s+\d+ms\s+the final report misses 1 required item\n\s+cargo-test: missing/m);
    expect(code).toBe(1);
  });

  it('prints JSON with --json', async () => {
    const { code, out } = await kei(['--worktree', wt, '--task', join(files, 'task.yaml'), '--report', join(files, 'bad.md'), '--json']);
    const parsed = JSON.parse(out);
    expect(parsed).toMatchObject({ worktree: wt, base: 'main', agent: 'role edit-local', ok: false });
    expect(parsed.results.find((r: { capability: string }) => r.capability === 'output::report-format')).toMatchObject({ status: 'fail', evidence: [expect.stringMatching(/^cargo-test: missing/)] });
    expect(code).toBe(1);
  });

  it('checks a read-only kit agent\'s report: its block and graded findings', async () => {
    writeFiles(files, {
      'critic-good.md': '=== KEI-CRITIC REPORT ===\nFindings:\n- [HIGH] retries are unbounded\n',
      'critic-bad.md': '=== KEI-CRITIC REPORT ===\nFindings:\n- FOLLOW the ALLOW list\n',
    });
    const good = await kei(['--worktree', wt, '--agent', 'kei-critic', '--report', join(files, 'critic-good.md')]);
    expect(good.out).toMatch(/^output::severity-grade\s+pass\s+\d+ms\s+1 graded finding/m);
    expect(good.code).toBe(0);
    const bad = await kei(['--worktree', wt, '--agent', 'kei-critic', '--report', join(files, 'critic-bad.md'), '--base', 'no-such-ref']);
    expect(bad.out).toMatch(/^output::severity-grade\s+FAIL\s+\d+ms\s+1 finding without a \[HIGH\]\/\[MEDIUM\]\/\[LOW\] grade$/m);
    expect(bad.code).toBe(1);
  });

  it('fails an untracked file outside the whitelist of an edit-local task', async () => {
    writeFiles(files, { 'scoped.yaml': 'role: edit-local\nscope:\n  files-whitelist: [docs/**]\n' });
    const { code, out } = await kei(['--worktree', wt, '--task', join(files, 'scoped.yaml')]);
    expect(out).toMatch(/^scope::files-whitelist\s+FAIL\s+\d+ms\s+1 changed path outside the whitelist \(docs\/\*\*\)\n\s+notes\.md \(untracked\): no whitelist glob matches$/m);
    expect(out).toMatch(/^scope::files-denylist\s+pass/m);
    expect(out).toMatch(/^quality::constructor-pattern\s+pass/m);
    expect(out).toMatch(/^safety::no-dep-bump\s+pass/m);
    expect(code).toBe(1);
  });

  it.each([
    [['--frobnicate'], /unknown option --frobnicate/],
    [['--worktree', '/'], /is not inside a git work tree/],
    [['--task', 'TASK', '--base', 'nope'], /base ref 'nope' does not name a commit/],
    [['--task', 'BROKEN'], /task spec .*broken\.yaml: unknown key 'files-allowlist' at scope/],
    [['--task', 'MISSING'], /cannot read task spec .*missing\.yaml: ENOENT/],
    [[], /say whose work this is: --agent <name>, or 'role:' in the task spec/],
    [['--agent', 'no-such-agent'], /unknown agent 'no-such-agent'/],
  ])('exits 2 on usage and environment errors: %j', async (args, message) => {
    const named = args.map((a) => ({ TASK: join(files, 'task.yaml'), BROKEN: join(files, 'broken.yaml'), MISSING: join(files, 'missing.yaml') })[a] ?? a);
    const { code, err } = await kei(args.includes('--worktree') ? named : ['--worktree', wt, ...named]);
    expect(err).toMatch(message);
    expect(code).toBe(2);
  });

  it('reads .kei/task.yaml in the worktree and the report from stdin, as the built kei command', () => {
    writeFiles(wt, { '.kei/task.yaml': TASK });
    const result = spawnSync(process.execPath, [join(REPO_ROOT, 'dist', 'kei.cjs'), 'verify', '--worktree', wt, '--report', '-'], { input: GOOD, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^output::report-format\s+pass/m);
    expect(result.status).toBe(0);
    const bad = spawnSync(process.execPath, [join(REPO_ROOT, 'dist', 'kei.cjs'), 'verify', '--worktree', wt, '--report', '-'], { input: 'nothing', encoding: 'utf8' });
    expect(bad.status).toBe(1);
  });
});
