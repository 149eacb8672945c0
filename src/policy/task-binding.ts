import type { HookInput } from '../protocol/hook-input.js';
import type { AgentPolicy } from './bundle-types.js';
import type { BoundTask } from '../capabilities/types.js';

/** Placeholder until task binding lands: only the manifest default scope is known. */
export function bindTask(_input: HookInput, agent: AgentPolicy, _stateDir: string, _worktree: string): BoundTask {
  if (agent.defaultScope) {
    return { spec: { scope: agent.defaultScope }, source: 'manifest-default', origin: `manifest ${agent.name}` };
  }
  return { spec: undefined, source: 'none' };
}

/** Placeholder until task binding lands: records nothing. */
export function captureAgentSpawn(_input: HookInput, _stateDir: string): void {}
