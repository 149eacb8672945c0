/**
 * The hook runtime is split (scripts/runtime-split.mjs): a call loads the parts its event and
 * tool need, on first use, through stand-ins in the built runtime. Here one process answers every
 * kind of call in a row through the built bundle, as the hook server does, and shows: each call
 * loads only its parts, every function of every part is reached through its stand-in (so every
 * deferred use the hook makes runs through the built bundle), and the answers are the decisions.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT, testAgent } from '../helpers/gate.js';
import { governedCall, kitPolicy } from './support/kit.js';
import { hookEnv, type HookEnv } from './support/hook-env.js';
import type { HookAnswer } from '../../src/protocol/output.js';

const DIST = join(REPO_ROOT, 'dist');
const CHILD = join(REPO_ROOT, 'test', 'reliability', 'support', 'split-runtime-child.cjs');
const ESTIMATE = 'Estimate: $4.50 (= 1 × 1h × $4.50/hr/gpu)';
/** An agent whose only Modal check is the cost line: a launch with a good cost line clears. */
const PROBE = testAgent({ name: 'kei-launch-probe', capabilities: ['policy::no-git-ops', 'modal::cost-line'] });

interface Run {
  answers: HookAnswer[];
  called: string[];
  exports: Record<string, string[]>;
  loads: { part: string; call: number }[];
  loaded: string[];
}

type Call = { event: string; payload: Record<string, unknown> };

function runInOneProcess(h: HookEnv, calls: Call[]): Run {
  const policy = { ...kitPolicy(), agents: { ...kitPolicy().agents, [PROBE.name]: PROBE } };
  const input = JSON.stringify({ distDir: DIST, policy, calls });
  const result = spawnSync(process.execPath, [CHILD], { input, cwd: h.worktree, env: { ...process.env, ...h.env }, encoding: 'utf8', timeout: 120_000 });
  if (result.status !== 0) throw new Error(`the runtime process failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as Run;
}

const as = (h: HookEnv, agentType: string, tool: string, input: Record<string, unknown>, extra: Record<string, unknown> = {}): Call => ({
  event: (extra.hook_event_name as string | undefined) ?? 'PreToolUse',
  payload: { ...governedCall(h, tool, input, extra), agent_type: agentType },
});
const post = { hook_event_name: 'PostToolUse', tool_response: { stdout: '', stderr: '', interrupted: false } };
const stop = (h: HookEnv, agentType: string): Call => {
  const { tool_name: _tool, tool_input: _input, tool_use_id: _id, ...rest } = governedCall(h, 'Bash', {});
  return { event: 'SubagentStop', payload: { ...rest, hook_event_name: 'SubagentStop', agent_type: agentType, stop_hook_active: false, last_assistant_message: 'Done.' } };
};

/** A function of 40 lines in a Rust file: over the 30-line limit. */
const LONG_FN = `pub fn long() -> u32 {\n${'    let _x = 1;\n'.repeat(38)}    0\n}\n`;

/** Every kind of call, in an order that makes later calls find parts already loaded. */
function everyKindOfCall(h: HookEnv): Call[] {
  // A base commit on main, so the return verifier has something to compare the work with.
  const git = (...args: string[]) => execFileSync('git', ['-C', h.worktree, '-c', 'user.name=kei', '-c', 'user.email=kei@example.invalid', ...args]);
  git('symbolic-ref', 'HEAD', 'refs/heads/main');
  git('add', '-A');
  git('commit', '-qm', 'base');
  copyFileSync(join(REPO_ROOT, 'test', 'fixtures', 'modal', 'train_good.py'), join(h.worktree, 'train_good.py'));
  writeFileSync(join(h.worktree, 'configs', 'Cargo.toml'), '[package]\nname = "x"\n\n[dependencies]\nrand = "0.8"\n');
  writeFileSync(join(h.worktree, 'train', 'job.py'), 'import modal\napp = modal.App("job")\n');
  const launch = { command: 'modal run train_good.py', description: ESTIMATE };
  return [
    as(h, 'kei-modal-runner', 'Bash', { command: 'ls -la train', description: 'look' }),
    as(h, 'kei-modal-runner', 'Write', { file_path: join(h.worktree, 'train', 'big.rs'), content: LONG_FN }),
    as(h, 'kei-architect', 'Bash', { command: 'pip install torch', description: 'install' }),
    as(h, 'kei-modal-runner', 'Bash', { command: 'kill 4242; pkill -f kei-no-such-process', description: 'stop' }),
    as(h, 'kei-modal-runner', 'Bash', launch),
    as(h, PROBE.name, 'Bash', launch, { tool_use_id: 'toolu_probe' }),
    as(h, 'kei-modal-runner', 'Bash', { command: 'modal app list', description: 'apps' }, post),
    as(h, 'kei-modal-runner', 'Write', { file_path: join(h.worktree, 'train', 'job.py'), content: 'import modal\n' }, post),
    as(h, 'kei-code-implementer', 'Edit', { file_path: join(h.worktree, 'configs', 'Cargo.toml'), old_string: 'rand = "0.8"', new_string: 'rand = "0.9"' }),
    as(h, 'kei-code-implementer', 'Write', { file_path: join(h.worktree, 'configs', 'pyproject.toml'), content: '[project\n' }),
    stop(h, 'kei-code-implementer'),
    stop(h, 'kei-architect'),
  ];
}

function reason(answer: HookAnswer): string {
  const out = answer.stdout ? JSON.parse(answer.stdout) : {};
  return out.hookSpecificOutput?.permissionDecisionReason ?? out.reason ?? out.hookSpecificOutput?.additionalContext ?? '';
}

const loadedAt = (run: Run, call: number) => run.loads.filter((l) => l.call === call).map((l) => l.part).sort();

describe('one process, every kind of call, through the built runtime', () => {
  let run: Run;
  beforeAll(() => {
    const h = hookEnv();
    run = runInOneProcess(h, everyKindOfCall(h));
  }, 120_000);

  it('decides each call as the gates say, never as a failure to load code', () => {
    for (const answer of run.answers) expect(answer.stderr + reason(answer)).not.toMatch(/cannot load|internal error|could not check/);
    expect(run.answers[0]).toMatchObject({ stdout: '', exitCode: 0 });
    expect(reason(run.answers[1]!)).toContain('[quality::constructor-pattern]');
    expect(reason(run.answers[2]!)).toContain('[tools::bash-read-only]');
    expect(reason(run.answers[3]!)).toContain('[safety::kill-guard]');
    expect(reason(run.answers[4]!)).toContain('[modal::prelaunch]');
    expect(run.answers[5]).toMatchObject({ stdout: '', exitCode: 0 });
    expect(reason(run.answers[8]!)).toContain('changes rand in [dependencies] from "0.8" to "0.9"');
    expect(reason(run.answers[9]!)).toContain('[safety::no-dep-bump]');
    for (const i of [10, 11]) expect(JSON.parse(run.answers[i]!.stdout).decision).toBe('block');
    expect(reason(run.answers[10]!)).not.toContain('could not run');
    expect(reason(run.answers[11]!)).toContain('output::severity-grade');
  });

  it('loads a part only for the call that needs it', () => {
    expect(loadedAt(run, 0)).toEqual(['hook-runtime-bash', 'hook-runtime-modal-scan']);
    expect(loadedAt(run, 1)).toEqual(['hook-runtime-file-edits']);
    expect(loadedAt(run, 3)).toEqual(['hook-runtime-modal-checks']);
    expect(loadedAt(run, 10)).toEqual(['hook-runtime-verify']);
    expect(run.loads).toHaveLength(5);
  });

  it('reaches every function of every part through its stand-in, and a part holds only functions', () => {
    const all = Object.entries(run.exports).flatMap(([part, keys]) => keys.map((k) => `${part}.${k.split(':')[0]}`));
    expect(Object.values(run.exports).flat().filter((k) => !k.endsWith(':function'))).toEqual([]);
    expect(all.filter((name) => !run.called.includes(name))).toEqual([]);
    expect(new Set(run.loaded).size).toBe(run.loaded.length);
  });
});

describe('a call loads only what its tool needs, in a fresh process', () => {
  it('a Write or an Edit loads no shell parser, no Modal code and no verifier', () => {
    const h = hookEnv();
    const file = join(h.worktree, 'train', 'a.py');
    const run = runInOneProcess(h, [
      as(h, 'kei-modal-runner', 'Write', { file_path: file, content: 'x = 1\n' }),
      as(h, 'kei-code-implementer', 'Edit', { file_path: join(h.worktree, 'train', 'train.py'), old_string: 'step', new_string: 'epoch' }),
    ]);
    expect(run.answers.map((a) => a.stdout)).toEqual(['', '']);
    expect(run.loads.map((l) => l.part)).toEqual(['hook-runtime-file-edits']);
  });

  it('after a Read or an Edit of a file that is not Python, the Modal bookkeeping loads nothing', () => {
    const h = hookEnv();
    const run = runInOneProcess(h, [
      as(h, 'kei-modal-runner', 'Read', { file_path: join(h.worktree, 'configs', 'base.yaml') }, post),
      as(h, 'kei-modal-runner', 'Edit', { file_path: join(h.worktree, 'configs', 'base.yaml'), old_string: 'lr', new_string: 'lr' }, post),
    ]);
    expect(run.answers.map((a) => a.stdout)).toEqual(['', '']);
    expect(run.loads).toEqual([]);
  });

  it('a Bash call loads no measurer and no verifier, and no Modal code for an agent without Modal checks', () => {
    const h = hookEnv();
    const run = runInOneProcess(h, [as(h, 'kei-code-implementer', 'Bash', { command: 'ls -la train | head -3', description: 'look' })]);
    expect(run.answers[0]).toMatchObject({ stdout: '', exitCode: 0 });
    expect(run.loads.map((l) => l.part)).toEqual(['hook-runtime-bash']);
  });
});
