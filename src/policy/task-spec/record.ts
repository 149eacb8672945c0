import { join } from 'node:path';
import type { BoundTask, TaskSource } from '../../capabilities/types.js';
import { TaskSpecError } from '../../capabilities/types.js';
import type { TaskSpec } from '../../schemas/task-spec.js';
import { readJsonFile, writeFileAtomic, joinSafe } from '../../state/files.js';
import { agentDir, sessionDir } from '../../state/session.js';

/**
 * What a binding found, as stored in the state dir: the spec as parsed JSON (so no later call
 * parses YAML again), the problem that made it unusable, or that the spawn prompt has none.
 */
export type BindingRecord =
  | { source: TaskSource; origin: string; spec: TaskSpec }
  | { source: TaskSource; origin: string; error: string }
  | { source: 'none' };

/** The agent's own binding: written once, read by every later call of that agent. */
export function agentTaskFile(stateDir: string, sessionId: string, agentId: string | undefined): string {
  return join(agentDir(stateDir, sessionId, agentId), 'task.json');
}

/** A spec captured from the parent's Agent call, keyed by that call's tool_use_id. */
export function spawnFile(stateDir: string, sessionId: string, toolUseId: string): string {
  return joinSafe(join(sessionDir(stateDir, sessionId), 'spawns'), `${toolUseId}.json`);
}

/** A stored record; undefined when absent or unreadable (then it is found again). */
export function readRecord(file: string): BindingRecord | undefined {
  try {
    const record = readJsonFile<BindingRecord>(file);
    return record && typeof record === 'object' && 'source' in record ? record : undefined;
  } catch {
    return undefined;
  }
}

export function writeRecord(file: string, record: BindingRecord): void {
  writeFileAtomic(file, JSON.stringify(record));
}

/** A record as the gates see it; a spec that could not be used throws TaskSpecError. */
export function boundFromRecord(record: BindingRecord): BoundTask {
  if ('error' in record) throw new TaskSpecError(record.error, record.origin);
  if ('spec' in record) return { spec: record.spec, source: record.source, origin: record.origin };
  return { spec: undefined, source: 'none' };
}

/** Runs a spec reader and stores its outcome, a TaskSpecError included, as a record. */
export function recordOf(source: TaskSource, origin: string, read: () => TaskSpec | undefined): BindingRecord {
  try {
    const spec = read();
    return spec === undefined ? { source: 'none' } : { source, origin, spec };
  } catch (error) {
    if (!(error instanceof TaskSpecError)) throw error;
    return { source, origin: error.origin, error: error.message };
  }
}
