/** Reads a Python script the checks need, size-limited (callers memoize per hook call). */
import { readRegular } from '../state/regular-file.js';

/** Same bound as the shell analysis uses for scripts it reads. */
export const SCRIPT_SIZE_LIMIT = 256 * 1024;

export type ScriptSource = { ok: true; text: string } | { ok: false; missing: boolean; why: string };

export function readScriptSource(path: string): ScriptSource {
  // Never a plain read: a FIFO named as the script would block the hook (state/regular-file.ts).
  const read = readRegular(path, SCRIPT_SIZE_LIMIT);
  if (read.ok) return { ok: true, text: read.data.toString('utf8') };
  if (read.code === 'EFBIG') return { ok: false, missing: false, why: `it is larger than ${SCRIPT_SIZE_LIMIT / 1024} KB` };
  const missing = read.code === 'ENOENT' || read.code === 'ENOTDIR';
  const why = read.code === 'ENOENT' ? 'it does not exist' : read.code === 'ENOTREG' ? 'it is not a regular file' : `it cannot be read (${read.code})`;
  return { ok: false, missing, why };
}
