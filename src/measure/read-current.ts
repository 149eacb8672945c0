import { readRegular } from '../state/regular-file.js';

/** A file a tool call is about to change, as it is now: content, absent, or why it cannot be read. */
export type CurrentFile = { content: string | undefined } | { error: string };

/**
 * Reads the file (undefined content when it does not exist); larger than `maxBytes` is an error,
 * and so is anything but a regular file (a FIFO would block the hook: see state/regular-file.ts).
 */
export function readCurrent(path: string, maxBytes: number): CurrentFile {
  const read = readRegular(path, maxBytes);
  if (read.ok) return { content: read.data.toString('utf8') };
  if (read.code === 'ENOENT') return { content: undefined };
  if (read.code === 'EFBIG') return { error: `${read.size} bytes, more than the ${maxBytes} this check reads` };
  return { error: read.code === 'ENOTREG' ? 'not a regular file' : read.code };
}
