import { join } from 'node:path';
import type { HookInput } from '../protocol/hook-input.js';
import type { AgentPolicy } from './bundle-types.js';
import type { BoundTask } from '../capabilities/types.js';
import type { TaskSpec } from '../schemas/task-spec.js';
import { agentDir } from '../state/session.js';
import { specFromPrompt } from './task-spec/parse.js';
import { agentTaskFile, boundFromRecord, readRecord, recordOf, writeRecord, type BindingRecord } from './task-spec/record.js';
import { capturedSpawn } from './task-spec/spawn-capture.js';
import { taskFileRecord } from './task-spec/task-file.js';
import { firstUserText, subagentTranscript } from './task-spec/transcript.js';

export { captureAgentSpawn, type SpawnCapture } from './task-spec/spawn-capture.js';

/**
 * The spec the subagent was spawned with, read from its transcript's first user line, or from
 * the capture of the parent's Agent call. undefined while neither can be read yet (not stored,
 * so a later call looks again).
 */
function findSpawnRecord(input: HookInput, stateDir: string): BindingRecord | undefined {
  const transcript = subagentTranscript(input);
  if (transcript === undefined) return undefined;
  const captured = capturedSpawn(transcript, stateDir, input.session_id);
  if (captured !== undefined) return captured;
  const prompt = firstUserText(transcript);
  if (prompt === undefined) return undefined;
  return recordOf('transcript', transcript, () => specFromPrompt(prompt, transcript));
}

/** The spawn spec of a subagent, found once and then read from the state dir. */
function spawnRecord(input: HookInput, stateDir: string): BindingRecord | undefined {
  const cacheFile = agentTaskFile(stateDir, input.session_id, input.agent_id);
  const cached = readRecord(cacheFile);
  if (cached !== undefined) return cached;
  const found = findSpawnRecord(input, stateDir);
  if (found !== undefined) writeRecord(cacheFile, found);
  return found;
}

/** Scope lists the spec leaves out come from the agent's default scope. */
export function withDefaultScope(spec: TaskSpec, agent: AgentPolicy): TaskSpec {
  const fallback = agent.defaultScope;
  if (!fallback) return spec;
  const scope = spec.scope ?? {};
  return {
    ...spec,
    scope: {
      'files-whitelist': scope['files-whitelist'] ?? fallback['files-whitelist'],
      'files-denylist': scope['files-denylist'] ?? fallback['files-denylist'],
    },
  };
}

/**
 * The task spec of the agent making this call, first found wins: the kei-task block it was
 * spawned with (per agent_id, so parallel spawns of one agent type each get their own), then
 * `.kei/task.yaml` at the worktree root, then the manifest's default scope. A spec that exists
 * but cannot be used throws TaskSpecError naming the field.
 */
export function bindTask(input: HookInput, agent: AgentPolicy, stateDir: string, worktree: string): BoundTask {
  const spawned = input.agent_id ? spawnRecord(input, stateDir) : undefined;
  const record =
    spawned !== undefined && spawned.source !== 'none'
      ? spawned
      : taskFileRecord(worktree, join(agentDir(stateDir, input.session_id, input.agent_id), 'task-file.json'));
  const bound = record === undefined ? { spec: undefined, source: 'none' as const } : boundFromRecord(record);
  if (bound.spec !== undefined) return { ...bound, spec: withDefaultScope(bound.spec, agent) };
  if (!agent.defaultScope) return bound;
  return { spec: { scope: agent.defaultScope }, source: 'manifest-default', origin: `the default scope of ${agent.name}` };
}
