import { matchList } from './glob-list.js';

/** The two lists of a task's scope (task spec `scope`, or an agent's default scope). */
export interface FileScope {
  'files-whitelist'?: readonly string[] | undefined;
  'files-denylist'?: readonly string[] | undefined;
}

/** Git's own files and the manual task file: no task may change them, whatever it lists. */
export const PROTECTED_GLOBS: readonly string[] = ['/.git', '/.kei'];

export type ScopeRule = 'protected' | 'denylist' | 'whitelist' | 'no-whitelist-match' | 'outside-worktree';

export interface ScopeVerdict {
  allowed: boolean;
  /** What decided: a protected or denylist glob, a whitelist glob, or the lack of one. */
  rule: ScopeRule;
  /** The deciding glob as written (for no-whitelist-match: the `!` glob that excluded it, if any). */
  glob?: string;
}

/** True when a relative path leaves the root (`..`, `../x`) or is absolute. */
export function escapesRoot(relPath: string): boolean {
  return relPath === '..' || relPath.startsWith('../') || relPath.startsWith('/');
}

function listedInAnyForm(globs: readonly string[], relPath: string): string | undefined {
  const raw = matchList(globs, relPath);
  if (raw.listed) return raw.glob;
  // NFC and NFD spellings of one name are one file on macOS: a denylist catches both.
  const composedPath = relPath.normalize('NFC');
  const composedGlobs = globs.map((g) => g.normalize('NFC'));
  if (composedPath === relPath && composedGlobs.every((g, i) => g === globs[i])) return undefined;
  const composed = matchList(composedGlobs, composedPath);
  return composed.listed ? globs[composedGlobs.indexOf(composed.glob!)] : undefined;
}

/** The protected glob a path falls under, if any. */
export function protectedMatch(relPath: string): string | undefined {
  return listedInAnyForm(PROTECTED_GLOBS, relPath);
}

/** The denylist glob that lists the path (in raw or NFC form), if any. */
export function denylistMatch(relPath: string, denylist: readonly string[]): string | undefined {
  return listedInAnyForm(denylist, relPath);
}

/** Whether the whitelist lists the path exactly as spelled (case and normal form count). */
export function whitelistMatch(relPath: string, whitelist: readonly string[]): { listed: boolean; glob: string | undefined } {
  return matchList(whitelist, relPath);
}

/**
 * Decides one path, relative to the worktree root, against a scope: protected paths and the
 * denylist win over the whitelist; a path the whitelist does not list is not allowed.
 */
export function scopeVerdict(relPath: string, scope: FileScope): ScopeVerdict {
  if (escapesRoot(relPath)) return { allowed: false, rule: 'outside-worktree' };
  const guarded = protectedMatch(relPath);
  if (guarded !== undefined) return { allowed: false, rule: 'protected', glob: guarded };
  const denied = denylistMatch(relPath, scope['files-denylist'] ?? []);
  if (denied !== undefined) return { allowed: false, rule: 'denylist', glob: denied };
  const white = whitelistMatch(relPath, scope['files-whitelist'] ?? []);
  if (white.listed) return { allowed: true, rule: 'whitelist', glob: white.glob! };
  return white.glob === undefined ? { allowed: false, rule: 'no-whitelist-match' } : { allowed: false, rule: 'no-whitelist-match', glob: white.glob };
}
