import { homedir, tmpdir } from 'node:os';
import { isAbsolute, resolve } from 'node:path';
import type { ShellAnalysis, WriteTarget } from '../shell/types.js';
import { canonicalPath } from './canonical.js';
import { isWithin, lexicalPath, resolveInWorktree } from './resolve.js';

/** Where one file a Bash command could write lands. `unknown` counts as inside the worktree. */
export type BashPlace =
  | { place: 'inside'; abs: string; rel: string }
  | { place: 'temp' | 'stream' | 'outside'; abs: string }
  | { place: 'unknown'; problem: string };

export interface BashWrite {
  target: WriteTarget;
  /** The target as the agent wrote it, for messages. */
  shown: string;
  where: BashPlace;
}

/** Not files: writing them changes nothing on disk. */
const STREAMS = new Set(['/dev/null', '/dev/stdout', '/dev/stderr']);

let tempRoots: string[] | undefined;

/** The system temp dir ($TMPDIR or the OS default) and /tmp, as real paths. */
function systemTempRoots(): string[] {
  tempRoots ??= [...new Set([tmpdir(), '/tmp'].map((dir) => canonicalPath(resolve(dir))))];
  return tempRoots;
}

/** `~` and `~/x` expand to the home dir; `~user/x` is someone else's home, not known here. */
function expandTilde(path: string): string | undefined {
  if (path === '~' || path.startsWith('~/')) return (process.env.HOME || homedir()) + path.slice(1);
  return path.startsWith('~') ? undefined : path;
}

/** The absolute path a write target names, or why it cannot be known before bash runs. */
function targetPath(target: WriteTarget, callCwd: string): { path: string } | { problem: string } {
  if (target.path === undefined) return { problem: 'its name is only known when the command runs' };
  const path = expandTilde(target.path);
  if (path === undefined) return { problem: "it is in another user's home directory" };
  if (isAbsolute(path)) return { path };
  if (target.cwd === undefined) return { problem: 'it is relative to a directory only known when the command runs' };
  return { path: resolve(callCwd, target.cwd, path) };
}

/** Places one write target: inside the worktree, in a temp dir, a stream, or elsewhere. */
export function placeBashWrite(target: WriteTarget, callCwd: string, root: string): BashPlace {
  const named = targetPath(target, callCwd);
  if ('problem' in named) return { place: 'unknown', problem: named.problem };
  const lexical = lexicalPath(named.path, callCwd);
  if ('problem' in lexical) return { place: 'unknown', problem: lexical.problem };
  if (STREAMS.has(lexical.abs)) return { place: 'stream', abs: lexical.abs };
  const resolved = resolveInWorktree(lexical.abs, root);
  if (resolved.place === 'unresolvable') return { place: 'unknown', problem: resolved.problem };
  if (resolved.place === 'inside') return resolved;
  const inTemp = systemTempRoots().some((dir) => isWithin(resolved.abs, dir));
  return { place: inTemp ? 'temp' : 'outside', abs: resolved.abs };
}

/** Every file the analysed command could write, placed relative to the worktree. */
export function placeBashWrites(analysis: ShellAnalysis, callCwd: string, root: string): BashWrite[] {
  return analysis.writes.map((target) => ({
    target,
    shown: target.path ?? `a dynamic target in \`${target.command.text}\``,
    where: placeBashWrite(target, callCwd, root),
  }));
}
