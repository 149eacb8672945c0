import { join } from 'node:path';
import { rmSync } from 'node:fs';
import { agentDir } from '../../state/session.js';
import { readJsonFile, writeFileAtomic } from '../../state/files.js';

/** How often the stop of one agent may be blocked before it is let go with a note. */
export const MAX_ROUNDS = 3;

function roundsFile(stateDir: string, sessionId: string, agentId: string | undefined): string {
  return join(agentDir(stateDir, sessionId, agentId), 'verify-rounds.json');
}

/**
 * Blocks already issued in this stop sequence. A stop that does not come from a blocked one
 * (`stop_hook_active` false) starts a new sequence, so stale counts never carry over.
 */
export function blocksSoFar(stateDir: string, sessionId: string, agentId: string | undefined, stopHookActive: boolean): number {
  if (!stopHookActive) return 0;
  let stored: { blocks?: unknown } | undefined;
  try {
    stored = readJsonFile<{ blocks?: unknown }>(roundsFile(stateDir, sessionId, agentId));
  } catch {
    stored = undefined; // A corrupt counter restarts the count; the Claude Code cap still bounds the loop.
  }
  const blocks = Number(stored?.blocks);
  return Number.isInteger(blocks) && blocks > 0 ? blocks : 0;
}

export function recordBlocks(stateDir: string, sessionId: string, agentId: string | undefined, blocks: number): void {
  writeFileAtomic(roundsFile(stateDir, sessionId, agentId), JSON.stringify({ blocks }));
}

export function clearBlocks(stateDir: string, sessionId: string, agentId: string | undefined): void {
  rmSync(roundsFile(stateDir, sessionId, agentId), { force: true });
}
