import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { bindTask } from '../../src/policy/task-binding.js';
import { agentTaskFile, writeRecord } from '../../src/policy/task-spec/record.js';
import { agentPolicy, FakeSession, promptWith, scratchDir } from './transcript-fixture.js';

const nodeRequire = createRequire(import.meta.url);
const yamlLoaded = () => Object.keys(nodeRequire.cache).some((file) => file.includes('/node_modules/yaml/'));

// This file imports nothing that parses YAML, so the yaml package is loaded only by binding.
describe('the YAML parser is loaded only when a spec must be parsed', () => {
  it('answers from the binding cache without loading it, and loads it for a first read', () => {
    const worktree = scratchDir('kei-wt-');
    const session = new FakeSession(worktree);
    const stateDir = scratchDir('kei-state-');
    writeRecord(agentTaskFile(stateDir, session.sessionId, 'acached'), { source: 'transcript', origin: 'x', spec: { scope: { 'files-whitelist': ['a/**'] } } });
    expect(yamlLoaded()).toBe(false);
    expect(bindTask(session.input('acached'), agentPolicy(), stateDir, worktree).spec).toEqual({ scope: { 'files-whitelist': ['a/**'] } });
    expect(yamlLoaded()).toBe(false);
    session.spawn('afresh', promptWith(['b/**']));
    bindTask(session.input('afresh'), agentPolicy(), stateDir, worktree);
    expect(yamlLoaded()).toBe(true);
  });
});
