import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

const CHUNK = 64 * 1024;
/** The log only grows; past this much scanned from the end we stop and say so. */
export const DEFAULT_SCAN_LIMIT = 32 * 1024 * 1024;

export interface TailResult<T> {
  /** Oldest first. */
  records: T[];
  /** Lines that were not JSON (a torn write, a hand edit); skipped. */
  unreadable: number;
  /** True when the scan limit stopped the search before the start of the file. */
  truncated: boolean;
}

interface Scan<T> {
  accept: (record: T) => boolean;
  limit: number;
  found: T[];
  unreadable: number;
}

function take<T>(scan: Scan<T>, line: string): void {
  if (line.trim() === '') return;
  let record: T;
  try {
    record = JSON.parse(line) as T;
  } catch {
    scan.unreadable++;
    return;
  }
  if (scan.accept(record)) scan.found.push(record);
}

/**
 * The last `limit` records of a JSON-lines file that pass `accept`, read backwards in chunks from
 * the end, so a large log costs only as much as the lines it takes to answer.
 */
export function tailRecords<T>(file: string, accept: (record: T) => boolean, limit: number, scanLimit = DEFAULT_SCAN_LIMIT): TailResult<T> {
  const fd = openSync(file, 'r');
  const scan: Scan<T> = { accept, limit, found: [], unreadable: 0 };
  try {
    let pos = fstatSync(fd).size;
    const stopAt = Math.max(0, pos - scanLimit);
    let carry = Buffer.alloc(0);
    while (pos > stopAt && scan.found.length < limit) {
      const size = Math.min(CHUNK, pos - stopAt);
      pos -= size;
      const chunk = Buffer.alloc(size);
      readSync(fd, chunk, 0, size, pos);
      const buffer = Buffer.concat([chunk, carry]);
      const lines = buffer.toString('utf8').split('\n');
      const first = pos > 0 ? lines.shift()! : '';
      carry = Buffer.from(first, 'utf8');
      for (let i = lines.length - 1; i >= 0 && scan.found.length < limit; i--) take(scan, lines[i]!);
    }
    if (pos === 0 && scan.found.length < limit && stopAt === 0) take(scan, carry.toString('utf8'));
    return { records: scan.found.reverse(), unreadable: scan.unreadable, truncated: pos > 0 && scan.found.length < limit };
  } finally {
    closeSync(fd);
  }
}
