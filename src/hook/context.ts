import type { HookInput } from '../protocol/hook-input.js';
import type { AgentPolicy } from '../policy/bundle-types.js';
import type { CapabilityMeta } from '../schemas/capability.js';
import type { BoundTask, GateContext } from '../capabilities/types.js';
import type { ShellAnalysis } from '../shell/types.js';
import { analyseShell } from './parts/bash.js';
import { bindTask } from '../policy/task-binding.js';
import { findWorktreeRoot } from '../paths/index.js';
import { readRegularFile } from '../state/regular-file.js';

const SCRIPT_READ_LIMIT = 256 * 1024;

/** Reads a local script for the shell analysis; too large, not a regular file or unreadable = undefined (unknown). */
function readScript(path: string): string | undefined {
  return readRegularFile(path, SCRIPT_READ_LIMIT);
}

function once<T>(compute: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) {
      value = compute();
      done = true;
    }
    return value;
  };
}

/** The per-call facts shared by every capability of one hook call (computed at most once). */
export interface CallFacts {
  shell: () => ShellAnalysis;
  task: () => BoundTask;
  worktree: () => string;
}

export function createCallFacts(input: HookInput, agent: AgentPolicy, stateDir: string): CallFacts {
  const worktree = once(() => findWorktreeRoot(input.cwd));
  const command = typeof input.tool_input?.command === 'string' ? input.tool_input.command : '';
  return {
    worktree,
    shell: once(() => analyseShell(command, { cwd: input.cwd, readScript })),
    task: once(() => bindTask(input, agent, stateDir, worktree())),
  };
}

export function createGateContext(
  input: HookInput,
  agent: AgentPolicy,
  capability: CapabilityMeta,
  stateDir: string,
  facts: CallFacts,
  now: () => Date = () => new Date(),
): GateContext {
  return {
    event: input.hook_event_name,
    input,
    toolName: input.tool_name,
    toolInput: input.tool_input ?? {},
    agent,
    capability,
    stateDir,
    now,
    shell: facts.shell,
    task: facts.task,
    worktree: facts.worktree,
  };
}
