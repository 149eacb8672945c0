/** A state dir holding the kit's policy, and payloads for the governed agent and the main thread. */
import { installTestPolicy } from '../../helpers/policy.js';
import { governedCall, kitPolicy, workspace, type Workspace } from './kit.js';

export interface HookEnv extends Workspace {
  env: Record<string, string>;
}

export function hookEnv(): HookEnv {
  const ws = workspace();
  installTestPolicy(ws.stateDir, kitPolicy());
  return { ...ws, env: { KEI_STATE_DIR: ws.stateDir } };
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
