import { readFileSync, statSync } from 'node:fs';

/** A file a tool call is about to change, as it is now: content, absent, or why it cannot be read. */
export type CurrentFile = { content: string | undefined } | { error: string };

/** Reads the file (undefined content when it does not exist); larger than `maxBytes` is an error. */
export function readCurrent(path: string, maxBytes: number): CurrentFile {
  try {
    const size = statSync(path).size;
    if (size > maxBytes) return { error: `${size} bytes, more than the ${maxBytes} this check reads` };
    return { content: readFileSync(path, 'utf8') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? { content: undefined } : { error: code ?? (error as Error).message };
  }
}
