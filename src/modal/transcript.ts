/**
 * The agent's own words from its subagent transcript (JSONL): the assistant text written since
 * its previous launch. At PreToolUse the file already holds the text that preceded the call and
 * the call's own tool_use line. Only the tail of the file is read, so the cost stays bounded.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { HookInput } from '../protocol/hook-input.js';

const TAIL_BYTES = 1024 * 1024;

/** `<dirname(transcript_path)>/<session_id>/subagents/agent-<agent_id>.jsonl` (or the main transcript). */
export function agentTranscriptPath(input: HookInput): string | undefined {
  if (typeof input.agent_transcript_path === 'string') return input.agent_transcript_path;
  if (!input.transcript_path) return undefined;
  if (!input.agent_id) return input.transcript_path;
  return join(dirname(input.transcript_path), input.session_id, 'subagents', `agent-${input.agent_id}.jsonl`);
}

function readTail(path: string): string {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const start = Math.max(0, size - TAIL_BYTES);
    const buffer = Buffer.alloc(size - start);
    const read = readSync(fd, buffer, 0, buffer.length, start);
    const text = buffer.subarray(0, read).toString('utf8');
    return start > 0 ? text.slice(text.indexOf('\n') + 1) : text;
  } finally {
    closeSync(fd);
  }
}

interface Block {
  type?: unknown;
  text?: unknown;
  id?: unknown;
}

function blocksOf(line: string): Block[] {
  if (!line.includes('"assistant"')) return [];
  try {
    const entry = JSON.parse(line) as { type?: unknown; message?: { content?: unknown } };
    if (entry.type !== 'assistant' || !Array.isArray(entry.message?.content)) return [];
    return entry.message.content as Block[];
  } catch {
    return [];
  }
}

export interface AgentWords {
  /** Assistant text blocks, newest first. */
  texts: string[];
  /** Why the transcript could not be read, when it could not. */
  problem?: string;
}

/** Assistant text newer than the tool_use `stopAt` (the agent's previous launch), newest first. */
export function assistantTextSince(path: string | undefined, stopAt: string | undefined): AgentWords {
  if (!path) return { texts: [], problem: 'no transcript path in the hook input' };
  let tail: string;
  try {
    tail = readTail(path);
  } catch (error) {
    return { texts: [], problem: `cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
  }
  const texts: string[] = [];
  const lines = tail.split('\n');
  for (let k = lines.length - 1; k >= 0; k--) {
    const blocks = blocksOf(lines[k]!);
    for (let b = blocks.length - 1; b >= 0; b--) {
      const block = blocks[b]!;
      if (block.type === 'tool_use' && stopAt !== undefined && block.id === stopAt) return { texts };
      if (block.type === 'text' && typeof block.text === 'string') texts.push(block.text);
    }
  }
  return { texts };
}
