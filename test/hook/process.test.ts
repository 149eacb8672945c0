import { describe, expect, it } from 'vitest';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runHookProcess } from '../helpers/hook-process.js';
import { installTestPolicy, testPolicy } from '../helpers/policy.js';
import { testAgent, tempDir } from '../helpers/gate.js';

const agent = testAgent({ name: 'kei-test-agent', tools: ['Read', 'Bash'], capabilities: ['tools::deny-tools'] });

function stateWithPolicy(): string {
  const dir = tempDir();
  installTestPolicy(dir, testPolicy([agent]));
  return dir;
}

function payload(extra: Record<string, unknown> = {}) {
  return JSON.stringify({
    session_id: 's-proc', transcript_path: '/tmp/t.jsonl', cwd: '/tmp', hook_event_name: 'PreToolUse',
    agent_id: 'a1', agent_type: 'kei-test-agent', tool_name: 'Write', tool_input: { file_path: '/tmp/a', content: 'a' }, tool_use_id: 'toolu_p',
    ...extra,
  });
}

describe('kei hook as a process', () => {
  it('denies a governed agent with the protocol JSON and exit 0', () => {
    const answer = runHookProcess('PreToolUse', payload(), { KEI_STATE_DIR: stateWithPolicy() });
    expect(answer.status).toBe(0);
    expect(answer.json.hookSpecificOutput).toMatchObject({ hookEventName: 'PreToolUse', permissionDecision: 'deny' });
    expect(answer.json.hookSpecificOutput.permissionDecisionReason).toContain('`Write` is not one of them');
  });

  it('prints nothing and exits 0 for the main thread', () => {
    const state = stateWithPolicy();
    const answer = runHookProcess('PreToolUse', payload({ agent_id: undefined, agent_type: undefined }), { KEI_STATE_DIR: state });
    expect(answer).toMatchObject({ status: 0, stdout: '', stderr: '' });
    expect(existsSync(join(state, 'decisions.jsonl'))).toBe(false);
  });

  it.each([
    ['garbage', 'this is not json {'],
    ['empty', ''],
    ['binary', Buffer.from([0xff, 0x00, 0xfe, 0x01])],
  ])('blocks %s stdin with exit 2 and a clear message', (_label, stdin) => {
    const answer = runHookProcess('PreToolUse', stdin, { KEI_STATE_DIR: stateWithPolicy() });
    expect(answer.status).toBe(2);
    expect(answer.stderr).toContain('kei-substrate: hook input is not JSON');
  });

  it('handles a 10 MB payload: main thread passes, governed agent is judged', () => {
    const state = stateWithPolicy();
    const big = 'x'.repeat(10 * 1024 * 1024);
    const main = runHookProcess('PreToolUse', payload({ agent_id: undefined, agent_type: undefined, tool_input: { file_path: '/tmp/a', content: big } }), { KEI_STATE_DIR: state });
    expect(main).toMatchObject({ status: 0, stdout: '' });
    const governed = runHookProcess('PreToolUse', payload({ tool_input: { file_path: '/tmp/a', content: big } }), { KEI_STATE_DIR: state });
    expect(governed.status).toBe(0);
    expect(governed.json.hookSpecificOutput.permissionDecision).toBe('deny');
  });

  it('fails closed for a subagent when the policy cannot be read, never for the main thread', () => {
    const state = tempDir();
    const broken = { KEI_STATE_DIR: state };
    installTestPolicy(state);
    writeFileSync(join(state, 'policy.json'), '{ not json');
    const sub = runHookProcess('PreToolUse', payload(), broken);
    expect(sub.status).toBe(2);
    expect(sub.stderr).toContain('cannot read its compiled policy');
    const main = runHookProcess('PreToolUse', payload({ agent_type: undefined, agent_id: undefined }), broken);
    expect(main).toMatchObject({ status: 0, stdout: '' });
  });
});
