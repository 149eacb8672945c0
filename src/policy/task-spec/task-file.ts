import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseTaskSpec } from './parse.js';
import { readJsonFile, writeFileAtomic } from '../../state/files.js';
import { recordOf, type BindingRecord } from './record.js';

/** The manual alternative to a kei-task block: a spec file at the worktree root. */
export function taskFilePath(worktree: string): string {
  return join(worktree, '.kei', 'task.yaml');
}

interface CachedTaskFile {
  key: string;
  record: BindingRecord;
}

/**
 * The spec in `.kei/task.yaml`, or undefined when there is no such file. The parsed result is
 * kept in `cacheFile` under the file's identity (inode, size, mtime), so later calls cost a stat
 * and parse no YAML until the file changes.
 */
export function taskFileRecord(worktree: string, cacheFile: string): BindingRecord | undefined {
  const file = taskFilePath(worktree);
  let key: string;
  try {
    const stat = statSync(file);
    key = `${file}:${stat.ino}:${stat.size}:${stat.mtimeMs}`;
  } catch {
    return undefined;
  }
  let cached: CachedTaskFile | undefined;
  try {
    cached = readJsonFile<CachedTaskFile>(cacheFile);
  } catch {
    cached = undefined;
  }
  if (cached?.key === key) return cached.record;
  const record = recordOf('file', file, () => parseTaskSpec(readFileSync(file, 'utf8'), file));
  writeFileAtomic(cacheFile, JSON.stringify({ key, record } satisfies CachedTaskFile));
  return record;
}
