import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { handleSubagentStop } from '../../src/verify/subagent-stop.js';
import { runHook } from '../../src/hook/runtime.js';
import { CAPABILITY_MODULES } from '../../src/capabilities/registry.js';
import type { PolicyBundle } from '../../src/policy/bundle-types.js';
import type { HookInput } from '../../src/protocol/hook-input.js';
import { capabilityMeta, tempDir, testAgent } from '../helpers/gate.js';
import { addWorktree, makeRepo, type TestRepo } from './helpers/repo.js';

const AGENT = testAgent({ name: 'kei-test-runner', capabilities: ['output::report-format'], reportName: 'KEI-TEST-RUNNER' });
const GOOD_REPORT = '=== KEI-TEST-RUNNER REPORT ===\nGoal: done\n';

let repo: TestRepo;
let wt: string;
let stateDir: string;
beforeEach(() => {
  repo = makeRepo({ 'src/a.rs': 'fn a() {}\n' });
  wt = addWorktree(repo);
  mkdirSync(join(wt, 'src', 'deep'), { recursive: true });
  stateDir = tempDir('kei-stop-state-');
});
afterEach(() => repo.cleanup());

function payload(overrides: Partial<HookInput> = {}): HookInput {
  return {
    hook_event_name: 'SubagentStop',
    session_id: 'sess-1',
    cwd: join(wt, 'src', 'deep'),
    agent_id: 'a0001',
    agent_type: 'kei-test-runner',
    stop_hook_active: false,
    last_assistant_message: 'Done.',
    ...overrides,
  } as HookInput;
}

describe('handleSubagentStop', () => {
  it('blocks a report without its block, listing the failure and asking for the full report again', async () => {
    const result = await handleSubagentStop(payload(), AGENT, stateDir);
    expect(result.decision).toBe('block');
    expect(result.round).toBe(1);
    expect(result.reason).toContain('kei-substrate checked your work before letting you stop (round 1 of 3) and found 1 problem:');
    expect(result.reason).toContain('1. output::report-format: the final report misses 1 required item');
    expect(result.reason).toContain('   report block: no `=== KEI-TEST-RUNNER REPORT ===` line');
    expect(result.reason).toContain('REPEAT YOUR COMPLETE FINAL REPORT as your last message');
    expect(result.checks).toEqual([
      { capability: 'output::report-format', status: 'fail', summary: 'the final report misses 1 required item', micros: expect.any(Number), evidence: ['report block: no `=== KEI-TEST-RUNNER REPORT ===` line'] },
    ]);
  });

  it('binds the task spec (here .kei/task.yaml) and blocks a report missing cargo-test:', async () => {
    mkdirSync(join(wt, '.kei'), { recursive: true });
    writeFileSync(join(wt, '.kei', 'task.yaml'), 'output:\n  report-fields-required: [files-written, cargo-test]\n');
    const report = `${GOOD_REPORT}Files written:\n- src/a.rs (modified)\n`;
    const result = await handleSubagentStop(payload({ last_assistant_message: report }), AGENT, stateDir);
    expect(result.decision).toBe('block');
    expect(result.reason).toContain('   cargo-test: missing (no line starting with `cargo-test:`');
    const fixed = await handleSubagentStop(payload({ stop_hook_active: true, last_assistant_message: `${report}cargo-test: test result: ok. 3 passed\n` }), AGENT, stateDir);
    expect(fixed.decision).toBe('pass');
  });

  it('blocks three rounds, then gives up on the fourth stop with a note', async () => {
    const rounds = [];
    for (let i = 0; i < 4; i++) rounds.push(await handleSubagentStop(payload({ stop_hook_active: i > 0 }), AGENT, stateDir));
    expect(rounds.map((r) => [r.decision, r.round])).toEqual([['block', 1], ['block', 2], ['block', 3], ['pass', 4]]);
    expect(rounds[2]!.reason).toContain('This is the last round');
    expect(rounds[3]!.reason).toMatch(/^kei-substrate: kei-test-runner \(agent a0001\) still fails 1 verify check after 3 rounds; it was allowed to stop/);
    expect(rounds[3]!.checks[0]!.status).toBe('fail');
  });

  it('starts a new count when the stop does not follow a block, and counts each agent on its own', async () => {
    await handleSubagentStop(payload(), AGENT, stateDir);
    await handleSubagentStop(payload({ stop_hook_active: true }), AGENT, stateDir);
    expect((await handleSubagentStop(payload({ stop_hook_active: true, agent_id: 'a0002' }), AGENT, stateDir)).round).toBe(1);
    expect((await handleSubagentStop(payload({ stop_hook_active: false }), AGENT, stateDir)).round).toBe(1);
  });

  it('passes a good report and clears the count', async () => {
    await handleSubagentStop(payload(), AGENT, stateDir);
    const result = await handleSubagentStop(payload({ stop_hook_active: true, last_assistant_message: GOOD_REPORT }), AGENT, stateDir);
    expect(result).toMatchObject({ decision: 'pass', reason: '', round: 0 });
    expect((await handleSubagentStop(payload({ stop_hook_active: true }), AGENT, stateDir)).round).toBe(1);
  });

  it('reads the report from the agent transcript when last_assistant_message is missing', async () => {
    const transcript = join(stateDir, 'agent-a0001.jsonl');
    const line = (id: string, text: string) => JSON.stringify({ type: 'assistant', message: { id, role: 'assistant', content: [{ type: 'text', text }] } });
    writeFileSync(transcript, [line('m1', 'working'), JSON.stringify({ type: 'user', message: { content: 'x' } }), line('m2', '=== KEI-TEST-RUNNER REPORT ==='), line('m2', 'Goal: done'), '{"type":"assistant","mess'].join('\n'));
    const result = await handleSubagentStop(payload({ last_assistant_message: undefined, agent_transcript_path: transcript }), AGENT, stateDir);
    expect(result.decision).toBe('pass');
  });

  it('blocks when no report can be found at all', async () => {
    const result = await handleSubagentStop(payload({ last_assistant_message: undefined, agent_transcript_path: join(stateDir, 'missing.jsonl') }), AGENT, stateDir);
    expect(result.decision).toBe('block');
    expect(result.reason).toContain('output::report-format: the final report is empty');
  });
});

describe('SubagentStop through the hook runtime', () => {
  const policy: PolicyBundle = { version: 1, agents: { 'kei-test-runner': AGENT }, capabilities: { 'output::report-format': capabilityMeta('output::report-format') } };

  it('answers with the block JSON, and with a note once it gives up; each result goes to the decision log', async () => {
    const answers = [];
    for (let i = 0; i < 4; i++) {
      answers.push(await runHook('SubagentStop', payload({ stop_hook_active: i > 0 }), { stateDir, policy, modules: CAPABILITY_MODULES }));
    }
    const first = JSON.parse(answers[0]!.stdout);
    expect(answers[0]!.exitCode).toBe(0);
    expect(Object.keys(first).sort()).toEqual(['decision', 'reason']);
    expect(first.decision).toBe('block');
    expect(first.reason).toContain('REPEAT YOUR COMPLETE FINAL REPORT');
    const last = JSON.parse(answers[3]!.stdout);
    expect(last.decision).toBeUndefined();
    expect(last.systemMessage).toContain('after 3 rounds');
    const log = readFileSync(join(stateDir, 'decisions.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(log).toHaveLength(4);
    expect(log[0]).toMatchObject({ event: 'SubagentStop', agentId: 'a0001', capability: 'output::report-format', decision: 'block' });
  });
});
