import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bindTask } from '../../src/policy/task-binding.js';
import { TaskSpecError } from '../../src/capabilities/types.js';
import { agentDir } from '../../src/state/session.js';
import { agentPolicy, FakeSession, promptWith, scratchDir } from './transcript-fixture.js';

function setup() {
  const worktree = scratchDir('kei-wt-');
  return { session: new FakeSession(worktree), stateDir: scratchDir('kei-state-'), worktree };
}

function taskError(run: () => unknown): TaskSpecError {
  try {
    run();
  } catch (error) {
    if (error instanceof TaskSpecError) return error;
    throw error;
  }
  throw new Error('expected a TaskSpecError');
}

describe('bindTask from the subagent transcript', () => {
  it("binds the kei-task block of the agent's spawn prompt", () => {
    const { session, stateDir, worktree } = setup();
    const file = session.spawn('a583d82909ac9f161', promptWith(['_primitives/_rust/kei-forge/**'], 'verification:\n  test-count-min: 44'));
    const bound = bindTask(session.input('a583d82909ac9f161'), agentPolicy(), stateDir, worktree);
    expect(bound.source).toBe('transcript');
    expect(bound.origin).toBe(file);
    expect(bound.spec).toEqual({
      role: 'edit-local',
      scope: { 'files-whitelist': ['_primitives/_rust/kei-forge/**'], 'files-denylist': ['**/Cargo.toml', '**/Cargo.lock', '.github/**'] },
      verification: { 'test-count-min': 44 },
    });
  });

  it('reads a first user line whose content is an array of text blocks', () => {
    const { session, stateDir, worktree } = setup();
    session.spawn('a1', [{ type: 'text', text: 'Intro.' }, { type: 'text', text: promptWith(['train/**']) }]);
    expect(bindTask(session.input('a1'), agentPolicy(), stateDir, worktree).spec?.scope?.['files-whitelist']).toEqual(['train/**']);
  });

  it('gives parallel spawns of one agent type each their own spec', () => {
    const { session, stateDir, worktree } = setup();
    session.spawn('a0000000000000aaa', promptWith(['crates/alpha/**']));
    session.spawn('a0000000000000bbb', promptWith(['crates/beta/**']));
    const alpha = bindTask(session.input('a0000000000000aaa'), agentPolicy(), stateDir, worktree);
    const beta = bindTask(session.input('a0000000000000bbb'), agentPolicy(), stateDir, worktree);
    expect(alpha.spec?.scope?.['files-whitelist']).toEqual(['crates/alpha/**']);
    expect(beta.spec?.scope?.['files-whitelist']).toEqual(['crates/beta/**']);
    // and again, now from each agent's cache
    expect(bindTask(session.input('a0000000000000aaa'), agentPolicy(), stateDir, worktree).spec?.scope?.['files-whitelist']).toEqual(['crates/alpha/**']);
  });

  it('stores the parsed spec once, so later calls read JSON and not the transcript', () => {
    const { session, stateDir, worktree } = setup();
    const file = session.spawn('a2', promptWith(['src/**']));
    const first = bindTask(session.input('a2'), agentPolicy(), stateDir, worktree);
    const cache = join(agentDir(stateDir, session.sessionId, 'a2'), 'task.json');
    expect(JSON.parse(readFileSync(cache, 'utf8'))).toEqual({ source: 'transcript', origin: file, spec: first.spec });
    writeFileSync(file, 'not json at all\n');
    expect(bindTask(session.input('a2'), agentPolicy(), stateDir, worktree)).toEqual(first);
  });

  it('finds the transcript in the older flat layout and in nested subagent folders', () => {
    const { session, stateDir, worktree } = setup();
    session.spawn('aflat', promptWith(['flat/**']), undefined, join(session.projectDir, 'agent-aflat.jsonl'));
    session.spawn('anested', promptWith(['nested/**']), undefined, join(session.projectDir, session.sessionId, 'subagents', 'team', 'agent-anested.jsonl'));
    expect(bindTask(session.input('aflat'), agentPolicy(), stateDir, worktree).spec?.scope?.['files-whitelist']).toEqual(['flat/**']);
    expect(bindTask(session.input('anested'), agentPolicy(), stateDir, worktree).spec?.scope?.['files-whitelist']).toEqual(['nested/**']);
  });

  it("takes SubagentStop's agent_transcript_path when it names this agent's file", () => {
    const { session, stateDir, worktree } = setup();
    const file = session.spawn('astop', promptWith(['stop/**']), undefined, join(session.projectDir, 'elsewhere', 'agent-astop.jsonl'));
    const input = session.input('astop', { hook_event_name: 'SubagentStop', transcript_path: '/nonexistent/s.jsonl', agent_transcript_path: file });
    expect(bindTask(input, agentPolicy(), stateDir, worktree)).toMatchObject({ source: 'transcript', origin: file });
  });

  it('does not remember a transcript that is not written yet, and binds once it is', () => {
    const { session, stateDir, worktree } = setup();
    expect(bindTask(session.input('alate'), agentPolicy(), stateDir, worktree)).toEqual({ spec: undefined, source: 'none' });
    session.spawn('alate', promptWith(['late/**']));
    expect(bindTask(session.input('alate'), agentPolicy(), stateDir, worktree).source).toBe('transcript');
  });

  it('ignores agent ids that are not plain ids', () => {
    const { session, stateDir, worktree } = setup();
    session.spawn('evil', promptWith(['**']));
    const input = session.input('../subagents/agent-evil');
    expect(bindTask(input, agentPolicy(), stateDir, worktree)).toEqual({ spec: undefined, source: 'none' });
  });
});

describe('bindTask when the spawn spec is unusable', () => {
  it.each([
    ['an unknown key', 'role: edit-local\nscope:\n  files-whitelst: ["src/**"]', "unknown key 'files-whitelst' at scope"],
    ['a wrong type', 'scope:\n  files-whitelist: "src/**"', 'scope.files-whitelist:'],
    ['a bad role', 'role: admin', 'role:'],
    ['a negative count', 'verification:\n  test-count-min: -1', 'verification.test-count-min:'],
    ['invalid YAML', 'scope: [unclosed', 'not valid YAML'],
    ['an empty block', '', 'the spec is empty'],
    ['a glob with ..', 'scope:\n  files-whitelist: ["../other/**"]', "scope.files-whitelist.0: '../other/**' contains '..'"],
  ])('%s throws TaskSpecError naming the field, and keeps throwing from the cache', (_what, yaml, expected) => {
    const { session, stateDir, worktree } = setup();
    const file = session.spawn('abad', `Do it.\n\`\`\`kei-task\n${yaml}\n\`\`\`\n`);
    const error = taskError(() => bindTask(session.input('abad'), agentPolicy(), stateDir, worktree));
    expect(error.message).toContain(expected);
    expect(error.origin).toBe(`${file}, kei-task block at line 2`);
    rmSync(file);
    expect(taskError(() => bindTask(session.input('abad'), agentPolicy(), stateDir, worktree)).message).toBe(error.message);
  });

  it('refuses two kei-task blocks in one prompt', () => {
    const { session, stateDir, worktree } = setup();
    session.spawn('atwo', `${promptWith(['a/**'])}\n${promptWith(['b/**'])}`);
    expect(taskError(() => bindTask(session.input('atwo'), agentPolicy(), stateDir, worktree)).message).toMatch(/2 kei-task blocks \(lines 3, 14\)/);
  });
});

describe('bindTask fallbacks: .kei/task.yaml, the manifest default, none', () => {
  const DEFAULT = { 'files-whitelist': ['modal/**', '*.py'], 'files-denylist': ['*.lock', '.env'] };

  it('uses the default scope when the spawn prompt has no block', () => {
    const { session, stateDir, worktree } = setup();
    session.spawn('aplain', 'Just do the thing.');
    expect(bindTask(session.input('aplain'), agentPolicy(DEFAULT), stateDir, worktree)).toEqual({
      spec: { scope: DEFAULT },
      source: 'manifest-default',
      origin: 'the default scope of kei-modal-runner',
    });
    expect(bindTask(session.input('aplain'), agentPolicy(), stateDir, worktree)).toEqual({ spec: undefined, source: 'none' });
  });

  it('fills the lists a spec leaves out from the default scope', () => {
    const { session, stateDir, worktree } = setup();
    session.spawn('apart', 'Go.\n```kei-task\nscope:\n  files-denylist: ["secrets/"]\nverification:\n  test-count-min: 3\n```');
    const bound = bindTask(session.input('apart'), agentPolicy(DEFAULT), stateDir, worktree);
    expect(bound.spec).toEqual({ scope: { 'files-whitelist': DEFAULT['files-whitelist'], 'files-denylist': ['secrets/'] }, verification: { 'test-count-min': 3 } });
  });

  it('reads .kei/task.yaml at the worktree root, re-reading it only when it changes', () => {
    const { session, stateDir, worktree } = setup();
    session.spawn('afile', 'No block here.');
    const file = join(worktree, '.kei', 'task.yaml');
    mkdirSync(join(worktree, '.kei'));
    writeFileSync(file, 'scope:\n  files-whitelist: ["docs/**"]\n');
    const bound = bindTask(session.input('afile'), agentPolicy(DEFAULT), stateDir, worktree);
    expect(bound).toEqual({ spec: { scope: { 'files-whitelist': ['docs/**'], 'files-denylist': DEFAULT['files-denylist'] } }, source: 'file', origin: file });
    writeFileSync(file, 'scope:\n  files-whitelist: ["docs/**", "more/**"]\n');
    expect(bindTask(session.input('afile'), agentPolicy(), stateDir, worktree).spec?.scope?.['files-whitelist']).toEqual(['docs/**', 'more/**']);
    writeFileSync(file, 'scope:\n  whitelist: ["x"]\n');
    expect(taskError(() => bindTask(session.input('afile'), agentPolicy(), stateDir, worktree)).message).toBe("unknown key 'whitelist' at scope");
  });

  it('binds the main thread (no agent_id) from .kei/task.yaml only', () => {
    const { session, stateDir, worktree } = setup();
    expect(bindTask(session.input(undefined), agentPolicy(), stateDir, worktree).source).toBe('none');
    mkdirSync(join(worktree, '.kei'));
    writeFileSync(join(worktree, '.kei', 'task.yaml'), 'scope:\n  files-whitelist: ["x/**"]\n');
    expect(bindTask(session.input(undefined), agentPolicy(), stateDir, worktree).source).toBe('file');
    expect(existsSync(join(agentDir(stateDir, session.sessionId, undefined), 'task.json'))).toBe(false);
  });
});
