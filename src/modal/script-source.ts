/** Reads a Python script the checks need, size-limited (callers memoize per hook call). */
import { readFileSync, statSync } from 'node:fs';

/** Same bound as the shell analysis uses for scripts it reads. */
export const SCRIPT_SIZE_LIMIT = 256 * 1024;

export type ScriptSource = { ok: true; text: string } | { ok: false; missing: boolean; why: string };

export function readScriptSource(path: string): ScriptSource {
  try {
    const size = statSync(path).size;
    if (size > SCRIPT_SIZE_LIMIT) return { ok: false, missing: false, why: `it is larger than ${SCRIPT_SIZE_LIMIT / 1024} KB` };
    return { ok: true, text: readFileSync(path, 'utf8') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    return { ok: false, missing: code === 'ENOENT' || code === 'ENOTDIR', why: code === 'ENOENT' ? 'it does not exist' : `it cannot be read (${code})` };
  }
}
