/**
 * Which Python files a Bash call read back (cat, head, tail, less, more, bat, nl, sed -n) and
 * which it wrote (from the shell analysis), for the pre-launch "file verify".
 */
import type { ExecutedCommand, ShellAnalysis } from '../shell/types.js';
import { resolveIn } from './launch-script.js';

const READERS = new Set(['cat', 'head', 'tail', 'less', 'more', 'bat', 'batcat', 'nl', 'view']);
const VALUE_OPTIONS = new Set(['-n', '-c', '--lines', '--bytes', '-r', '--line-range', '-l', '--language']);

/** `sed -n 'p-range' file…` prints files without changing them; -i edits, so it is not a read. */
function sedReadArgs(args: (string | undefined)[]): string[] {
  if (!args.some((a) => a === '-n' || a === '--quiet' || a === '--silent')) return [];
  if (args.some((a) => a !== undefined && (a.startsWith('-i') || a.startsWith('--in-place')))) return [];
  const positional: string[] = [];
  let scripted = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-e' || a === '-f') {
      scripted = true;
      i++;
    } else if (a !== undefined && !a.startsWith('-')) positional.push(a);
  }
  return scripted ? positional : positional.slice(1);
}

function readArgs(cmd: ExecutedCommand): string[] {
  if (cmd.name === 'sed') return sedReadArgs(cmd.args);
  if (!READERS.has(cmd.name)) return [];
  const out: string[] = [];
  for (let i = 0; i < cmd.args.length; i++) {
    const a = cmd.args[i];
    if (a === undefined) continue;
    if (VALUE_OPTIONS.has(a)) i++;
    else if (!a.startsWith('-') && !/^\+?\d+$/.test(a)) out.push(a);
  }
  return out;
}

export interface FileAccess {
  read: string[];
  written: string[];
}

/** Absolute paths of .py files the call read and wrote (a file both read and written counts as written). */
export function pythonFileAccess(analysis: ShellAnalysis, cwd: string): FileAccess {
  const written = new Set<string>();
  for (const w of analysis.writes) {
    const path = w.path === undefined ? undefined : resolveIn(cwd, w.cwd, w.path);
    if (path?.endsWith('.py')) written.add(path);
  }
  const read = new Set<string>();
  for (const cmd of analysis.commands) {
    for (const arg of readArgs(cmd)) {
      const path = resolveIn(cwd, cmd.cwd, arg);
      if (path?.endsWith('.py') && !written.has(path)) read.add(path);
    }
  }
  return { read: [...read], written: [...written] };
}
