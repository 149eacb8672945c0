import { readlinkSync, realpathSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

/** As many symlinks as Linux follows before ELOOP. */
const MAX_LINKS = 40;

export class SymlinkLoopError extends Error {}

function readLink(path: string): string | undefined {
  try {
    return readlinkSync(path);
  } catch {
    return undefined;
  }
}

function canonical(abs: string, budget: { links: number }): string {
  try {
    return realpathSync.native(abs);
  } catch {
    // Part of the path does not exist yet (a file about to be created) or cannot be resolved.
  }
  const parent = dirname(abs);
  if (parent === abs) return abs;
  const target = readLink(abs);
  if (target !== undefined) {
    // A dangling symlink: writing through it creates its target, so follow it by hand.
    if (--budget.links < 0) throw new SymlinkLoopError(`more than ${MAX_LINKS} symlinks`);
    return canonical(resolve(canonical(parent, budget), target), budget);
  }
  return join(canonical(parent, budget), basename(abs));
}

/**
 * The real location a write to `abs` (absolute, normalised) would reach: symlinks in the part of
 * the path that exists are resolved, dangling symlinks are followed, and the missing rest is kept
 * as written. Throws SymlinkLoopError on a loop.
 */
export function canonicalPath(abs: string): string {
  return canonical(abs, { links: MAX_LINKS });
}
