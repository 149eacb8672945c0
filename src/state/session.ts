import { join } from 'node:path';
import { joinSafe } from './files.js';

/**
 * Session-scoped facts live under sessions/<session>/ and agent-scoped ones under
 * sessions/<session>/agents/<agent_id>/, one small file per fact, so every hot-path read is O(1).
 */
export function sessionDir(stateDir: string, sessionId: string): string {
  return joinSafe(join(stateDir, 'sessions'), sessionId);
}

export function agentDir(stateDir: string, sessionId: string, agentId: string | undefined): string {
  return joinSafe(join(sessionDir(stateDir, sessionId), 'agents'), agentId ?? 'main');
}
