import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { runHook } from '../../src/hook/runtime.js';
import { CAPABILITY_MODULES } from '../../src/capabilities/registry.js';
import { tempDir, testAgent } from '../helpers/gate.js';
import { installTestPolicy, testPolicy } from '../helpers/policy.js';
import { runHookProcess } from '../helpers/hook-process.js';
import { attackWorktree } from '../paths/worktree-fixture.js';
import { FakeSession, promptWith } from '../binding/transcript-fixture.js';

const { root } = attackWorktree();
const agent = testAgent({ capabilities: ['scope::files-whitelist', 'scope::files-denylist'] });
const options = () => ({ stateDir: tempDir(), policy: testPolicy([agent]), modules: CAPABILITY_MODULES });

function decision(stdout: string): { permissionDecision?: string; permissionDecisionReason?: string } {
  return stdout === '' ? {} : (JSON.parse(stdout) as { hookSpecificOutput: { permissionDecision: string; permissionDecisionReason: string } }).hookSpecificOutput;
}

function write(session: FakeSession, agentId: string, rel: string) {
  return session.input(agentId, { tool_input: { file_path: join(root, rel), content: 'x\n' } });
}

describe('the scope gates bind each subagent to its own spawn prompt (hook runtime)', () => {
  it('two parallel agents of one type, bound through their transcripts', async () => {
    const session = new FakeSession(root);
    const opts = options();
    session.spawn('a0000000000000aaa', promptWith(['crates/alpha/**']));
    session.spawn('a0000000000000bbb', promptWith(['crates/beta/**']));
    expect((await runHook('PreToolUse', write(session, 'a0000000000000aaa', 'crates/alpha/src/lib.rs'), opts)).stdout).toBe('');
    expect((await runHook('PreToolUse', write(session, 'a0000000000000bbb', 'crates/beta/src/lib.rs'), opts)).stdout).toBe('');
    const crossed = decision((await runHook('PreToolUse', write(session, 'a0000000000000aaa', 'crates/beta/src/lib.rs'), opts)).stdout);
    expect(crossed.permissionDecision).toBe('deny');
    expect(crossed.permissionDecisionReason).toContain('[scope::files-whitelist] `crates/beta/src/lib.rs` is not in your task\'s files-whitelist (no glob in it matches; the whitelist is `crates/alpha/**`)');
    const lock = decision((await runHook('PreToolUse', write(session, 'a0000000000000bbb', 'crates/beta/Cargo.lock'), opts)).stdout);
    expect(lock.permissionDecisionReason).toContain('[scope::files-denylist] `crates/beta/Cargo.lock` (Write) matches `**/Cargo.lock`');
  });

  it('two parallel agents bound through the captured Agent calls and agent-<id>.meta.json', async () => {
    const session = new FakeSession(root);
    const opts = options();
    expect((await runHook('PreToolUse', session.agentCall('toolu_01Alpha', promptWith(['alpha/**'])), opts)).stdout).toBe('');
    expect((await runHook('PreToolUse', session.agentCall('toolu_01Beta', promptWith(['beta/**'])), opts)).stdout).toBe('');
    for (const [id, call] of [['aalpha', 'toolu_01Alpha'], ['abeta', 'toolu_01Beta']] as const) {
      session.spawn(id, 'no block in this copy', call);
    }
    expect((await runHook('PreToolUse', write(session, 'aalpha', 'alpha/x.py'), opts)).stdout).toBe('');
    expect(decision((await runHook('PreToolUse', write(session, 'aalpha', 'beta/x.py'), opts)).stdout).permissionDecision).toBe('deny');
    expect((await runHook('PreToolUse', write(session, 'abeta', 'beta/x.py'), opts)).stdout).toBe('');
  });

  it('an agent spawned without a task is told how to bind one', async () => {
    const session = new FakeSession(root);
    session.spawn('aplain', 'Please fix the bug.');
    const answer = decision((await runHook('PreToolUse', write(session, 'aplain', 'src/a.ts'), options())).stdout);
    expect(answer.permissionDecision).toBe('deny');
    expect(answer.permissionDecisionReason).toContain('No task is bound to you, so `src/a.ts` may not be changed.');
    expect(answer.permissionDecisionReason).toContain('```kei-task');
  });
});

describe('the bundled hook process', () => {
  it('binds from the real transcript layout and decides file and Bash writes', () => {
    const session = new FakeSession(root);
    const stateDir = tempDir();
    installTestPolicy(stateDir, testPolicy([agent]));
    session.spawn('a583d82909ac9f161', promptWith(['src/**']));
    const call = (input: object) => runHookProcess('PreToolUse', JSON.stringify(input), { KEI_STATE_DIR: stateDir });
    const inside = call(write(session, 'a583d82909ac9f161', 'src/new.ts'));
    expect(inside).toMatchObject({ status: 0, stdout: '' });
    const outsideList = call(write(session, 'a583d82909ac9f161', 'README.md'));
    expect(outsideList.json.hookSpecificOutput.permissionDecision).toBe('deny');
    expect(outsideList.json.hookSpecificOutput.permissionDecisionReason).toContain('`README.md` is not in your task\'s files-whitelist');
    const bash = call(session.input('a583d82909ac9f161', { tool_name: 'Bash', tool_input: { command: 'cd src && echo x > new.ts' } }));
    expect(bash.json.hookSpecificOutput.permissionDecisionReason).toContain('Bash may not write inside the worktree: `new.ts` (redirect) is `src/new.ts` there.');
    expect(call(session.input('a583d82909ac9f161', { tool_name: 'Bash', tool_input: { command: 'echo x > /tmp/kei-note.txt' } }))).toMatchObject({ status: 0, stdout: '' });
  });

  it("captures the main thread's Agent call and binds the spawned agent through its meta.json", () => {
    const session = new FakeSession(root);
    const stateDir = tempDir();
    installTestPolicy(stateDir, testPolicy([agent]));
    const call = (input: object) => runHookProcess('PreToolUse', JSON.stringify(input), { KEI_STATE_DIR: stateDir });
    expect(call(session.agentCall('toolu_01Spawn', promptWith(['train/**'])))).toMatchObject({ status: 0, stdout: '' });
    session.spawn('aspawned', 'this copy of the prompt has no block', 'toolu_01Spawn');
    expect(call(write(session, 'aspawned', 'train/run.py'))).toMatchObject({ status: 0, stdout: '' });
    expect(call(write(session, 'aspawned', 'src/a.ts')).json.hookSpecificOutput.permissionDecisionReason).toContain('the whitelist is `train/**`');
  });
});
