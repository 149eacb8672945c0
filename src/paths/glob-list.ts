import { compileGlob, matchGlob, type CompiledGlob } from './glob.js';

/** The outcome of an ordered glob list for one path: the last glob that matched decides. */
export interface ListMatch {
  /** The path is in the list (the deciding glob is not a `!` one). */
  listed: boolean;
  /** The deciding glob as written; undefined when none matched. */
  glob: string | undefined;
}

const compiled = new Map<string, CompiledGlob>();

function compileCached(source: string): CompiledGlob {
  let glob = compiled.get(source);
  if (glob === undefined) {
    glob = compileGlob(source);
    compiled.set(source, glob);
  }
  return glob;
}

/**
 * Decides one relative path (`/`-separated, normalised) against an ordered list, as gitignore
 * does: every glob is tried in order and the last one that matches decides, so `!src/gen/**`
 * after `src/**` takes generated files back out.
 */
export function matchList(globs: readonly string[], relPath: string): ListMatch {
  const segments = relPath === '' ? [] : relPath.split('/');
  let decided: CompiledGlob | undefined;
  for (const source of globs) {
    const glob = compileCached(source);
    if (matchGlob(glob, segments)) decided = glob;
  }
  return { listed: decided !== undefined && !decided.negated, glob: decided?.source };
}
