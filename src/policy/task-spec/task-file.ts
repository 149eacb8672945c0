import { statSync } from 'node:fs';
import { TaskSpecError } from '../../capabilities/types.js';
import { readRegular } from '../../state/regular-file.js';
import { join } from 'node:path';
import { parseTaskSpec } from './parse.js';
import { readJsonFile, writeFileAtomic } from '../../state/files.js';
import { recordOf, type BindingRecord } from './record.js';

const MAX_TASK_FILE_BYTES = 256 * 1024;

/** The manual alternative to a kei-task block: a spec file at the worktree root. */
export function taskFilePath(worktree: string): string {
  return join(worktree, '.kei', 'task.yaml');
}

interface CachedTaskFile {
  key: string;
  record: BindingRecord;
}

/** Never a plain read: a FIFO in its place would block the hook (state/regular-file.ts). */
function readSpecFile(file: string): string {
  const read = readRegular(file, MAX_TASK_FILE_BYTES);
  if (read.ok) return read.data.toString('utf8');
  throw new TaskSpecError(read.code === 'ENOTREG' ? 'it is not a regular file' : read.code === 'EFBIG' ? `it is larger than ${MAX_TASK_FILE_BYTES} bytes` : `it cannot be read (${read.code})`, file);
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
  const record = recordOf('file', file, () => parseTaskSpec(readSpecFile(file), file));
  writeFileAtomic(cacheFile, JSON.stringify({ key, record } satisfies CachedTaskFile));
  return record;
}
