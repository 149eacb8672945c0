import { existsSync, readFileSync, rmSync } from 'node:fs';
import { writeFileAtomic } from '../state/files.js';

/** Writes each file whose content changed (atomically); returns the paths written, in order. */
export function writeAssembled(files: Map<string, string>): string[] {
  const written: string[] = [];
  for (const [path, content] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (existsSync(path) && readFileSync(path, 'utf8') === content) continue;
    writeFileAtomic(path, content);
    written.push(path);
  }
  return written;
}

/** Removes generated files whose manifest is gone (the caller found them with findOrphans). */
export function removeFiles(paths: string[]): void {
  for (const path of paths) rmSync(path, { force: true });
}
