import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/** The latest message a human typed, as the main transcript records it. */
export interface HumanMessage {
  text: string;
  /** Milliseconds since the epoch; undefined when the line has no timestamp. */
  at: number | undefined;
  /** The line's uuid (or its timestamp), to use each message at most once. */
  id: string;
}

const TAIL_BYTES = 512 * 1024;

function readTail(path: string): string | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const size = fstatSync(fd).size;
    const length = Math.min(size, TAIL_BYTES);
    const buffer = Buffer.alloc(length);
    readSync(fd, buffer, 0, length, size - length);
    return buffer.toString('utf8');
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Text of a user line typed by a person: a string, or text blocks (never tool results). */
function humanText(line: Record<string, unknown>): string | undefined {
  if (line.type !== 'user' || line.isMeta === true || line.isSidechain === true) return undefined;
  const content = (line.message as { content?: unknown } | undefined)?.content;
  if (typeof content === 'string') return content;
  if (!Array.isArray(content) || content.length === 0) return undefined;
  if (!content.every((block) => (block as { type?: unknown })?.type === 'text')) return undefined;
  return content.map((block) => String((block as { text?: unknown }).text ?? '')).join('\n');
}

/** Scans the end of the transcript backwards for the latest human message; torn lines are skipped. */
export function latestHumanMessage(transcriptPath: string | undefined): HumanMessage | undefined {
  if (!transcriptPath) return undefined;
  const tail = readTail(transcriptPath);
  if (tail === undefined) return undefined;
  const lines = tail.split('\n');
  for (let i = lines.length - 1; i >= 0; i -= 1) {
    let line: Record<string, unknown>;
    try {
      line = JSON.parse(lines[i]!) as Record<string, unknown>;
    } catch {
      continue;
    }
    const text = humanText(line);
    if (text === undefined) continue;
    const at = typeof line.timestamp === 'string' ? Date.parse(line.timestamp) : NaN;
    const id = typeof line.uuid === 'string' ? line.uuid : String(line.timestamp ?? i);
    return { text, at: Number.isFinite(at) ? at : undefined, id };
  }
  return undefined;
}
