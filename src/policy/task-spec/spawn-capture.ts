import type { HookInput } from '../../protocol/hook-input.js';
import { KEI_TASK_FENCE } from './block.js';
import { specFromPrompt } from './parse.js';
import { readRecord, recordOf, spawnFile, writeRecord, type BindingRecord } from './record.js';
import { metaFileOf } from './transcript.js';
import { readJsonFile } from '../../state/files.js';

export interface SpawnCapture {
  /** A kei-task block was found and stored under the call's tool_use_id. */
  captured: boolean;
  /** Why the block cannot be used (the field named); the spawned agent's edits will be denied. */
  problem?: string;
}

/**
 * Stores the kei-task block of an Agent (or Task) call, keyed by its tool_use_id, so the agent
 * it spawns finds its spec through `agent-<id>.meta.json`. Called for every PreToolUse of those
 * tools, whoever makes it; a prompt without a block costs one substring search.
 */
export function captureAgentSpawn(input: HookInput, stateDir: string): SpawnCapture {
  const prompt = input.tool_input?.prompt;
  if (typeof prompt !== 'string' || !prompt.includes(KEI_TASK_FENCE)) return { captured: false };
  if (input.hook_event_name !== 'PreToolUse' || (input.tool_name !== 'Agent' && input.tool_name !== 'Task')) return { captured: false };
  if (!input.tool_use_id) return { captured: false };
  const origin = `the spawn prompt of Agent call ${input.tool_use_id}`;
  const record = recordOf('agent-call', origin, () => specFromPrompt(prompt, origin));
  if (record.source === 'none') return { captured: false };
  writeRecord(spawnFile(stateDir, input.session_id, input.tool_use_id), record);
  return 'error' in record ? { captured: true, problem: record.error } : { captured: true };
}

/** The spec captured at the spawn of the agent whose transcript this is, when there is one. */
export function capturedSpawn(transcript: string, stateDir: string, sessionId: string): BindingRecord | undefined {
  let meta: { toolUseId?: unknown } | undefined;
  try {
    meta = readJsonFile<{ toolUseId?: unknown }>(metaFileOf(transcript));
  } catch {
    return undefined;
  }
  if (typeof meta?.toolUseId !== 'string' || meta.toolUseId === '') return undefined;
  return readRecord(spawnFile(stateDir, sessionId, meta.toolUseId));
}
