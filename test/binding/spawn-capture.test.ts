import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bindTask, captureAgentSpawn } from '../../src/policy/task-binding.js';
import { TaskSpecError } from '../../src/capabilities/types.js';
import { sessionDir } from '../../src/state/session.js';
import { agentPolicy, FakeSession, promptWith, scratchDir } from './transcript-fixture.js';

function setup() {
  const worktree = scratchDir('kei-wt-');
  return { session: new FakeSession(worktree), stateDir: scratchDir('kei-state-'), worktree };
}

/** A subagent whose transcript holds no user line yet, so only the capture can bind it. */
function spawnWithoutPrompt(session: FakeSession, agentId: string, toolUseId: string): void {
  session.spawn(agentId, 'placeholder', toolUseId);
  writeFileSync(session.subagentFile(agentId), '');
}

describe('captureAgentSpawn', () => {
  it('stores nothing for an Agent call without a kei-task block', () => {
    const { session, stateDir } = setup();
    expect(captureAgentSpawn(session.agentCall('toolu_plain', 'Review src/ for bugs.'), stateDir)).toEqual({ captured: false });
    expect(existsSync(join(sessionDir(stateDir, session.sessionId), 'spawns'))).toBe(false);
  });

  it('stores nothing for other tools, even when their input holds a block', () => {
    const { session, stateDir } = setup();
    const input = { ...session.agentCall('toolu_x', promptWith(['a/**'])), tool_name: 'Bash' };
    expect(captureAgentSpawn(input, stateDir)).toEqual({ captured: false });
  });

  it('stores the parsed spec under the tool_use_id, for Agent and the old Task name', () => {
    const { session, stateDir } = setup();
    expect(captureAgentSpawn(session.agentCall('toolu_01A', promptWith(['a/**'])), stateDir)).toEqual({ captured: true });
    expect(captureAgentSpawn({ ...session.agentCall('toolu_01B', promptWith(['b/**'])), tool_name: 'Task' }, stateDir)).toEqual({ captured: true });
    expect(readdirSync(join(sessionDir(stateDir, session.sessionId), 'spawns')).sort()).toEqual(['toolu_01A.json', 'toolu_01B.json']);
  });

  it('reports a spec that cannot be used, naming the field', () => {
    const { session, stateDir } = setup();
    const result = captureAgentSpawn(session.agentCall('toolu_bad', 'Go.\n```kei-task\nscope:\n  files-whitelist: [1]\n```'), stateDir);
    expect(result).toEqual({ captured: true, problem: expect.stringContaining('scope.files-whitelist.0:') });
  });
});

describe('bindTask through the capture and agent-<id>.meta.json', () => {
  it('joins each spawned agent to its own Agent call', () => {
    const { session, stateDir, worktree } = setup();
    captureAgentSpawn(session.agentCall('toolu_01Alpha', promptWith(['crates/alpha/**'])), stateDir);
    captureAgentSpawn(session.agentCall('toolu_01Beta', promptWith(['crates/beta/**'])), stateDir);
    spawnWithoutPrompt(session, 'aalpha', 'toolu_01Alpha');
    spawnWithoutPrompt(session, 'abeta', 'toolu_01Beta');
    const alpha = bindTask(session.input('aalpha'), agentPolicy(), stateDir, worktree);
    const beta = bindTask(session.input('abeta'), agentPolicy(), stateDir, worktree);
    expect(alpha).toMatchObject({ source: 'agent-call', origin: 'the spawn prompt of Agent call toolu_01Alpha' });
    expect(alpha.spec?.scope?.['files-whitelist']).toEqual(['crates/alpha/**']);
    expect(beta.spec?.scope?.['files-whitelist']).toEqual(['crates/beta/**']);
  });

  it('turns a captured spec that cannot be used into TaskSpecError for the spawned agent', () => {
    const { session, stateDir, worktree } = setup();
    captureAgentSpawn(session.agentCall('toolu_01Bad', 'Go.\n```kei-task\nrole: boss\n```'), stateDir);
    spawnWithoutPrompt(session, 'abad', 'toolu_01Bad');
    expect(() => bindTask(session.input('abad'), agentPolicy(), stateDir, worktree)).toThrow(TaskSpecError);
    expect(() => bindTask(session.input('abad'), agentPolicy(), stateDir, worktree)).toThrow(/^role:/);
  });

  it('falls back to the transcript when the Agent call was not captured', () => {
    const { session, stateDir, worktree } = setup();
    session.spawn('auncaptured', promptWith(['x/**']), 'toolu_01Missing');
    expect(bindTask(session.input('auncaptured'), agentPolicy(), stateDir, worktree).source).toBe('transcript');
  });
});
