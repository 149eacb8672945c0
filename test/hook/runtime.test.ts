import { describe, expect, it } from 'vitest';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { runHook } from '../../src/hook/runtime.js';
import { CAPABILITY_MODULES } from '../../src/capabilities/registry.js';
import type { CapabilityModule } from '../../src/capabilities/types.js';
import { testAgent, tempDir } from '../helpers/gate.js';
import { testPolicy } from '../helpers/policy.js';

const denyToolsOnly = testAgent({ name: 'kei-test-agent', tools: ['Read', 'Bash'], capabilities: ['tools::deny-tools'] });

function options(overrides: { modules?: ReadonlyMap<string, CapabilityModule> } = {}) {
  const stateDir = tempDir();
  return { stateDir, policy: testPolicy([denyToolsOnly]), modules: overrides.modules ?? CAPABILITY_MODULES };
}

const base = {
  session_id: 's-1',
  transcript_path: '/tmp/none.jsonl',
  cwd: '/tmp',
  permission_mode: 'default',
  tool_use_id: 'toolu_1',
};

function subagentCall(tool: string, extra: Record<string, unknown> = {}) {
  return { ...base, hook_event_name: 'PreToolUse', agent_id: 'a216198197bfc04c4', agent_type: 'kei-test-agent', tool_name: tool, tool_input: { file_path: '/tmp/x', content: 'x' }, ...extra };
}

function decisions(stateDir: string) {
  const file = join(stateDir, 'decisions.jsonl');
  return existsSync(file) ? readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l)) : [];
}

describe('runHook: who is calling', () => {
  it('denies a tool outside the manifest list, naming agent, role and tools', async () => {
    const opts = options();
    const answer = await runHook('PreToolUse', subagentCall('Write'), opts);
    expect(answer.exitCode).toBe(0);
    const out = JSON.parse(answer.stdout);
    expect(out.hookSpecificOutput.hookEventName).toBe('PreToolUse');
    expect(out.hookSpecificOutput.permissionDecision).toBe('deny');
    expect(out.hookSpecificOutput.permissionDecisionReason).toContain('[tools::deny-tools] kei-test-agent (role edit-local) may use only Read, Bash; `Write` is not one of them.');
    const log = decisions(opts.stateDir);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ session: 's-1', agentId: 'a216198197bfc04c4', agentType: 'kei-test-agent', tool: 'Write', capability: 'tools::deny-tools', decision: 'deny' });
    expect(typeof log[0].micros).toBe('number');
  });

  it('passes a listed tool with no output at all (never "allow") and logs the pass', async () => {
    const opts = options();
    const answer = await runHook('PreToolUse', subagentCall('Read', { tool_input: { file_path: '/tmp/x' } }), opts);
    expect(answer).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    expect(decisions(opts.stateDir).map((d) => d.decision)).toEqual(['pass']);
  });

  it('strips a plugin prefix from agent_type', async () => {
    const answer = await runHook('PreToolUse', subagentCall('Write', { agent_type: 'kei-substrate:kei-test-agent' }), options());
    expect(JSON.parse(answer.stdout).hookSpecificOutput.permissionDecision).toBe('deny');
  });

  it.each([
    ['the main thread (no agent_type)', { agent_type: undefined, agent_id: undefined }],
    ['an agent the kit does not know', { agent_type: 'general-purpose' }],
    ['a plugin agent the kit does not know', { agent_type: 'other-plugin:reviewer' }],
  ])('says nothing and touches no state for %s', async (_label, extra) => {
    const opts = options();
    const answer = await runHook('PreToolUse', subagentCall('Write', extra), opts);
    expect(answer).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    expect(existsSync(join(opts.stateDir, 'decisions.jsonl'))).toBe(false);
  });
});

describe('runHook: fails closed for governed agents', () => {
  it('turns an exception inside a capability into a deny naming it', async () => {
    const exploding: CapabilityModule = { name: 'tools::deny-tools', gate: () => { throw new Error('boom'); } };
    const answer = await runHook('PreToolUse', subagentCall('Read'), options({ modules: new Map([['tools::deny-tools', exploding]]) }));
    const out = JSON.parse(answer.stdout).hookSpecificOutput;
    expect(out.permissionDecision).toBe('deny');
    expect(out.permissionDecisionReason).toContain('internal error in tools::deny-tools (boom)');
  });

  it('denies when a capability has no gate in this build', async () => {
    const answer = await runHook('PreToolUse', subagentCall('Read'), options({ modules: new Map() }));
    expect(JSON.parse(answer.stdout).hookSpecificOutput.permissionDecisionReason).toContain('no gate is built for tools::deny-tools');
  });

  it.each([
    ['session_id missing', { session_id: undefined }, 'session_id'],
    ['cwd of the wrong type', { cwd: 42 }, 'cwd'],
    ['tool_input not an object', { tool_input: 'rm -rf /' }, 'tool_input'],
  ])('denies input of the wrong shape: %s', async (_label, extra, field) => {
    const answer = await runHook('PreToolUse', subagentCall('Read', extra), options());
    const out = JSON.parse(answer.stdout).hookSpecificOutput;
    expect(out.permissionDecision).toBe('deny');
    expect(out.permissionDecisionReason).toContain('does not have the expected shape');
    expect(out.permissionDecisionReason).toContain(field);
  });

  it('blocks (exit 2) input that is not an object', async () => {
    const answer = await runHook('PreToolUse', [1, 2], options());
    expect(answer.exitCode).toBe(2);
    expect(answer.stderr).toContain('must be one JSON object');
  });

  it('blocks an unknown event name for a governed agent, ignores it for others', async () => {
    expect((await runHook('Bogus', subagentCall('Read'), options())).exitCode).toBe(2);
    expect(await runHook('Bogus', { ...base, tool_name: 'Read' }, options())).toEqual({ stdout: '', stderr: '', exitCode: 0 });
  });
});

describe('runHook: every event shape from the reference', () => {
  const opts = options();
  it.each([
    ['PostToolUse', { hook_event_name: 'PostToolUse', tool_name: 'Read', tool_input: { file_path: '/tmp/x' }, tool_response: { type: 'text', file: { filePath: '/tmp/x', content: 'x' } }, duration_ms: 3 }],
    ['PostToolUseFailure', { hook_event_name: 'PostToolUseFailure', tool_name: 'Bash', tool_input: { command: 'false' }, error: 'Exit code 1\n', is_interrupt: false }],
    ['SubagentStart', { hook_event_name: 'SubagentStart' }],
  ])('%s from a governed agent is accepted', async (event, extra) => {
    const answer = await runHook(event, { ...subagentCall('Read'), ...extra }, opts);
    expect(answer.exitCode).toBe(0);
    expect(answer.stdout).not.toContain('"allow"');
  });

  it('UserPromptSubmit from the main thread is silent', async () => {
    const answer = await runHook('UserPromptSubmit', { ...base, hook_event_name: 'UserPromptSubmit', prompt: 'hello' }, opts);
    expect(answer).toEqual({ stdout: '', stderr: '', exitCode: 0 });
  });
});

describe('answer wording', () => {
  it('says a reason once when several gates refuse the same thing', async () => {
    const { answerFor } = await import('../../src/hook/answer.js');
    const same = 'could not analyse this command; split it up or simplify it';
    const answer = answerFor('PreToolUse', [
      { capability: 'policy::no-git-ops', kind: 'deny', reason: same, micros: 1 },
      { capability: 'scope::files-whitelist', kind: 'deny', reason: same, micros: 1 },
      { capability: 'safety::kill-guard', kind: 'deny', reason: 'another reason', micros: 1 },
    ]);
    const reason: string = JSON.parse(answer.stdout).hookSpecificOutput.permissionDecisionReason;
    expect(reason.split(same)).toHaveLength(2);
    expect(reason).toContain('[policy::no-git-ops] could not analyse');
    expect(reason).toContain('[safety::kill-guard] another reason');
  });
});
