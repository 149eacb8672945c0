import { isAbsolute, relative, resolve, sep } from 'node:path';
import { canonicalPath, SymlinkLoopError } from './canonical.js';

/** Linux PATH_MAX: no write to a longer path can succeed, and it bounds the matching work. */
export const MAX_PATH_LENGTH = 4096;

/** Where a path lands relative to a worktree, after `..` and symlinks are resolved. */
export type WorktreePath =
  | { place: 'inside'; abs: string; rel: string }
  | { place: 'outside'; abs: string }
  | { place: 'unresolvable'; abs: string; problem: string };

/**
 * Not cached across calls: a hook server decides many calls in one process, and a root that is
 * a symlink may point elsewhere by the next call.
 */
function canonicalRoot(root: string): string {
  return canonicalPath(resolve(root));
}

/** `rel` (from path.relative) names the root itself or something under it. */
function isBelow(rel: string): boolean {
  return rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

/** The lexical absolute form of `path` (relative paths are taken from `base`), or a problem. */
export function lexicalPath(path: string, base: string): { abs: string } | { problem: string } {
  if (path.includes('\0')) return { problem: 'it contains a NUL byte' };
  const abs = resolve(base, path);
  if (abs.length > MAX_PATH_LENGTH) return { problem: `it is longer than ${MAX_PATH_LENGTH} characters` };
  return { abs };
}

/**
 * Resolves `path` (absolute, or relative to `base`, default the root) the way a write would:
 * `.`/`..` normalised, symlinks of the existing part followed. `rel` is relative to the root's
 * real path with `/` separators ('' for the root itself).
 */
export function resolveInWorktree(path: string, root: string, base: string = root): WorktreePath {
  const lexical = lexicalPath(path, base);
  if ('problem' in lexical) return { place: 'unresolvable', abs: path, problem: lexical.problem };
  let abs: string;
  try {
    abs = canonicalPath(lexical.abs);
  } catch (error) {
    if (!(error instanceof SymlinkLoopError)) throw error;
    return { place: 'unresolvable', abs: lexical.abs, problem: `its symlinks loop (${error.message})` };
  }
  const rel = relative(canonicalRoot(root), abs);
  if (!isBelow(rel)) return { place: 'outside', abs };
  return { place: 'inside', abs, rel: sep === '/' ? rel : rel.split(sep).join('/') };
}

/** True when `abs` is `dir` or below it (both absolute and canonical). */
export function isWithin(abs: string, dir: string): boolean {
  return isBelow(relative(dir, abs));
}
