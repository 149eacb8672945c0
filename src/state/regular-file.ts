/**
 * Reads files whose paths come from an agent's tool calls (a script it runs, a file it edits,
 * the task file in its worktree) without ever blocking. A FIFO or a device would make a plain
 * read wait forever; the hook would be killed at Claude Code's timeout, and a killed hook lets
 * the call through. Opening with O_NONBLOCK returns at once for a FIFO, and anything but a
 * regular file is refused, checked on the open descriptor (no swap between check and read).
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

const FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);

/** `code`: an errno code (ENOENT, EACCES, …), EISDIR, ENOTREG (FIFO, socket, device) or EFBIG (over the limit). */
export type RegularRead = { ok: true; data: Buffer; size: number } | { ok: false; code: string; size?: number };

/** The whole file when it is at most `limit` bytes, or only its first `head` bytes when given. */
export function readRegular(path: string, limit: number, head?: number): RegularRead {
  let fd: number | undefined;
  try {
    fd = openSync(path, FLAGS);
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { ok: false, code: stat.isDirectory() ? 'EISDIR' : 'ENOTREG' };
    if (head === undefined && stat.size > limit) return { ok: false, code: 'EFBIG', size: stat.size };
    const data = Buffer.alloc(head === undefined ? stat.size : Math.min(head, stat.size));
    let filled = 0;
    while (filled < data.length) {
      const n = readSync(fd, data, filled, data.length - filled, filled);
      if (n === 0) break;
      filled += n;
    }
    return { ok: true, data: data.subarray(0, filled), size: stat.size };
  } catch (error) {
    return { ok: false, code: (error as NodeJS.ErrnoException).code ?? 'EIO' };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** The text of a regular file of at most `limit` bytes; undefined for anything else. */
export function readRegularFile(path: string, limit: number): string | undefined {
  const read = readRegular(path, limit);
  return read.ok ? read.data.toString('utf8') : undefined;
}
