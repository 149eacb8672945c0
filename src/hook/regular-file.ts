/**
 * Reads a file the agent may control (a script it runs, a spec it wrote) without ever blocking:
 * a FIFO or a device would make a plain read wait forever, the hook would be killed at Claude
 * Code's timeout, and a killed hook lets the call through. Opening with O_NONBLOCK returns at
 * once for FIFOs; anything but a regular file of bounded size is refused.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

const FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);

export function readRegularFile(path: string, limit: number): string | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(path, FLAGS);
    const stat = fstatSync(fd);
    if (!stat.isFile() || stat.size > limit) return undefined;
    const buffer = Buffer.alloc(stat.size);
    let filled = 0;
    while (filled < buffer.length) {
      const n = readSync(fd, buffer, filled, buffer.length - filled, filled);
      if (n === 0) break;
      filled += n;
    }
    return buffer.subarray(0, filled).toString('utf8');
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
