import { closeSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import type { HookInput } from '../../protocol/hook-input.js';

/** Ids from hook input become file names: only plain ids are trusted for that. */
const PLAIN_ID = /^[A-Za-z0-9_-]{1,128}$/;
/** The spawn prompt is the first user line; a prompt longer than this is not read. */
const MAX_FIRST_LINES_BYTES = 8 * 1024 * 1024;
const CHUNK_BYTES = 64 * 1024;

/** Directories a search for a nested subagent transcript may read, at most. */
const SEARCH_BUDGET = 64;

/**
 * Where Claude Code keeps a subagent's own transcript:
 * `<dirname(transcript_path)>/<session_id>/subagents/agent-<agent_id>.jsonl` (SubagentStop also
 * gives it as agent_transcript_path); the layout before 2.1.2 (beside the session file) and
 * nested subagent folders are the fallbacks.
 */
export function subagentTranscript(input: HookInput): string | undefined {
  const { transcript_path: parent, session_id: session, agent_id: agent } = input;
  if (!agent || !PLAIN_ID.test(agent)) return undefined;
  // SubagentStop names the file itself.
  const named = input.agent_transcript_path;
  if (named && basename(named) === `agent-${agent}.jsonl` && isFile(named)) return named;
  if (!parent || !PLAIN_ID.test(session)) return undefined;
  const name = `agent-${agent}.jsonl`;
  const subagents = join(dirname(parent), session, 'subagents');
  for (const file of [join(subagents, name), join(dirname(parent), name)]) {
    if (isFile(file)) return file;
  }
  return findNested(subagents, name, { dirs: SEARCH_BUDGET });
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** Breadth-first search under `dir`, reading at most `budget.dirs` directories. */
function findNested(dir: string, name: string, budget: { dirs: number }): string | undefined {
  const queue = [dir];
  while (queue.length > 0 && budget.dirs-- > 0) {
    const current = queue.shift()!;
    let entries;
    try {
      entries = readdirSync(current, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      const path = join(current, entry.name);
      if (entry.name === name && entry.isFile()) return path;
      if (entry.isDirectory()) queue.push(path);
    }
  }
  return undefined;
}

/** `agent-<id>.meta.json` beside the transcript: the spawning Agent call's tool_use_id. */
export function metaFileOf(transcript: string): string {
  return transcript.replace(/\.jsonl$/, '.meta.json');
}

/** The text of a transcript user line: a string, or the text blocks of an array. */
function userText(record: unknown): string | undefined {
  const content = (record as { message?: { content?: unknown } }).message?.content;
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return undefined;
  const texts = content.filter((b) => b?.type === 'text' && typeof b.text === 'string').map((b) => b.text as string);
  return texts.length > 0 ? texts.join('\n') : undefined;
}

/** Calls `visit` on each complete line from the file's start until it returns true or the cap. */
function eachLine(file: string, visit: (line: string) => boolean): void {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(CHUNK_BYTES);
    const decoder = new StringDecoder('utf8');
    let pending = '';
    for (let offset = 0; offset < MAX_FIRST_LINES_BYTES; ) {
      const read = readSync(fd, buffer, 0, CHUNK_BYTES, offset);
      if (read === 0) return;
      offset += read;
      const lines = (pending + decoder.write(buffer.subarray(0, read))).split('\n');
      pending = lines.pop()!;
      if (lines.some(visit)) return;
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * The first user message of a subagent transcript: the prompt it was spawned with. undefined
 * when the file holds no user line yet.
 */
export function firstUserText(file: string): string | undefined {
  let text: string | undefined;
  eachLine(file, (line) => {
    if (!line.includes('"user"')) return false;
    let record: { type?: unknown };
    try {
      record = JSON.parse(line) as { type?: unknown };
    } catch {
      return false;
    }
    if (record.type !== 'user') return false;
    text = userText(record) ?? '';
    return true;
  });
  return text;
}
