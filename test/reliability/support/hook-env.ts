/** A state dir holding the kit's policy, and payloads for the governed agent and the main thread. */
import { installTestPolicy } from '../../helpers/policy.js';
import { governedCall, kitPolicy, workspace, type Workspace } from './kit.js';

export interface HookEnv extends Workspace {
  env: Record<string, string>;
}

/**
 * The suite runs many hook processes in parallel on few cores; a call can then take seconds.
 * Tests that are not about time give the hook a generous deadline so load cannot change answers.
 */
export const GENEROUS_DEADLINE = { KEI_HOOK_DEADLINE_MS: '60000' };

export function hookEnv(): HookEnv {
  const ws = workspace();
  installTestPolicy(ws.stateDir, kitPolicy());
  return { ...ws, env: { KEI_STATE_DIR: ws.stateDir, ...GENEROUS_DEADLINE } };
}

/** A governed Write the gates judge (and log), inside the task's scope. */
export function governedWrite(ws: Workspace): string {
  return JSON.stringify(governedCall(ws, 'Write', { file_path: `${ws.worktree}/train/new.py`, content: 'print("x")\n' }));
}

export function governedBash(ws: Workspace, command: string): string {
  return JSON.stringify(governedCall(ws, 'Bash', { command, description: 'check' }));
}

/** The same call from the main thread: not ours. */
export function mainThreadWrite(ws: Workspace): string {
  const call = governedCall(ws, 'Write', { file_path: `${ws.worktree}/train/new.py`, content: 'x' }) as Record<string, unknown>;
  delete call.agent_id;
  delete call.agent_type;
  return JSON.stringify(call);
}
