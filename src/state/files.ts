import { closeSync, fstatSync, mkdirSync, openSync, readFileSync, readSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Appends whole lines with a single write(2) on an O_APPEND descriptor: concurrent hook
 * processes then never interleave or lose lines (each call is one write, far under the size at
 * which a local file system splits appends). When the file does not end in a newline (a writer
 * was killed, or the disk filled, in the middle of a line) the write starts with one, so the
 * torn line cannot swallow the new record.
 */
export function appendLines(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true });
  const fd = openSync(file, 'a+');
  try {
    const size = fstatSync(fd).size;
    const last = Buffer.alloc(1);
    const torn = size > 0 && readSync(fd, last, 0, 1, size - 1) === 1 && last[0] !== 0x0a;
    writeFileSync(fd, torn ? `\n${text}` : text);
  } finally {
    closeSync(fd);
  }
}

export function appendJsonLine(file: string, record: unknown): void {
  appendLines(file, JSON.stringify(record) + '\n');
}

/** Writes through a temp file and rename, so readers see the old or the new content, never half. */
export function writeFileAtomic(file: string, data: string): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${Date.now()}.${Math.random().toString(36).slice(2)}.tmp`;
  writeFileSync(tmp, data);
  renameSync(tmp, file);
}

/** Reads a JSON file; undefined when it does not exist. Corrupt content throws. */
export function readJsonFile<T>(file: string): T | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  return JSON.parse(text) as T;
}

/**
 * Takes a one-shot token: exactly one of any number of racing callers gets true. The token file
 * is renamed away (rename is atomic), so a second claimer finds nothing.
 */
export function claimToken(file: string): boolean {
  const taken = `${file}.used.${process.pid}.${Date.now()}`;
  try {
    renameSync(file, taken);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

/** Creates a file only if it does not exist yet; true when this caller created it. */
export function createExclusive(file: string, data: string): boolean {
  mkdirSync(dirname(file), { recursive: true });
  let fd: number;
  try {
    fd = openSync(file, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeFileSync(fd, data);
  } finally {
    closeSync(fd);
  }
  return true;
}

/** A file-system-safe single path segment for ids that come from hook input. */
export function safeSegment(id: string): string {
  const cleaned = id.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 120);
  return cleaned === '' || cleaned === '.' || cleaned === '..' ? '_' : cleaned;
}

export function joinSafe(base: string, ...ids: string[]): string {
  return join(base, ...ids.map(safeSegment));
}
