/** The script a launch runs: where it is on disk, its text, and whether the same call writes it. */
import { isAbsolute, resolve } from 'node:path';
import type { ExecutedCommand, ShellAnalysis } from '../shell/types.js';
import type { ScriptRefWords } from './modal-cli.js';
import { readScriptSource, type ScriptSource } from './script-source.js';

export interface LaunchScript {
  /** As written in the command, e.g. 'train.py::main'. */
  shown: string;
  /** Absolute path; undefined when the command's directory is not known. */
  path: string | undefined;
  entry: string | undefined;
  source: ScriptSource | undefined;
  /** The same Bash call writes this file before running it. */
  writtenByCall: boolean;
}

function directoryOf(cwd: string, relative: string | undefined): string | undefined {
  return relative === undefined ? undefined : resolve(cwd, relative);
}

/** Absolute path of a file named in a command that runs in `commandCwd` (relative to the call's cwd). */
export function resolveIn(cwd: string, commandCwd: string | undefined, file: string): string | undefined {
  if (isAbsolute(file)) return resolve(file);
  const dir = directoryOf(cwd, commandCwd);
  return dir === undefined ? undefined : resolve(dir, file);
}

function writtenBy(analysis: ShellAnalysis, cwd: string, path: string): boolean {
  return analysis.writes.some((w) => w.path !== undefined && resolveIn(cwd, w.cwd, w.path) === path);
}

export function locateScript(ref: ScriptRefWords, cmd: ExecutedCommand, cwd: string, analysis: ShellAnalysis): LaunchScript {
  const path = resolveIn(cwd, cmd.cwd, ref.file);
  return {
    shown: ref.written,
    path,
    entry: ref.entry,
    source: path === undefined ? undefined : readScriptSource(path),
    writtenByCall: path !== undefined && writtenBy(analysis, cwd, path),
  };
}
