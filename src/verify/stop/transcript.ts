import { open } from 'node:fs/promises';
import { homedir } from 'node:os';

const TAIL_BYTES = 8 * 1024 * 1024;

async function readTail(path: string): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    const start = Math.max(0, size - TAIL_BYTES);
    const buffer = Buffer.alloc(size - start);
    await handle.read(buffer, 0, buffer.length, start);
    return buffer.toString('utf8');
  } finally {
    await handle.close();
  }
}

interface AssistantText {
  id: string | undefined;
  text: string;
}

/** The text blocks of one transcript line, when it is an assistant message that has any. */
function assistantText(line: string): AssistantText | undefined {
  if (!line.includes('"assistant"')) return undefined;
  let entry: { type?: unknown; message?: { id?: unknown; content?: unknown } };
  try {
    entry = JSON.parse(line);
  } catch {
    return undefined; // A line cut by the tail window or still being written.
  }
  if (entry.type !== 'assistant' || !Array.isArray(entry.message?.content)) return undefined;
  const texts = (entry.message.content as Array<{ type?: unknown; text?: unknown }>)
    .filter((b) => b?.type === 'text' && typeof b.text === 'string')
    .map((b) => b.text as string);
  if (texts.length === 0) return undefined;
  return { id: typeof entry.message.id === 'string' ? entry.message.id : undefined, text: texts.join('\n') };
}

/**
 * The last assistant text of a subagent transcript (JSONL): one API message can be split over
 * several lines sharing `message.id`, so the text blocks of the last message are joined.
 * Undefined when the file cannot be read or holds no assistant text.
 */
export async function lastAssistantText(path: string | undefined): Promise<string | undefined> {
  if (!path) return undefined;
  const file = path.startsWith('~/') ? `${homedir()}${path.slice(1)}` : path;
  let text: string;
  try {
    text = await readTail(file);
  } catch {
    return undefined;
  }
  const entries = text.split('\n').map(assistantText).filter((e): e is AssistantText => e !== undefined);
  const last = entries.at(-1);
  if (!last) return undefined;
  if (last.id === undefined) return last.text;
  return entries.filter((e) => e.id === last.id).map((e) => e.text).join('\n');
}
