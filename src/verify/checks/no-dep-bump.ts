import type { VerifyContext, VerifyOutcome } from '../../capabilities/types.js';
import { dependencyChanges, dependencyFileKind, ManifestParseError, type DependencyChange } from '../../deps/index.js';
import type { ChangedFile, ChangedSet } from '../changed-set.js';
import { changedSetFor } from '../run-memo.js';
import { capped, plural } from './changed-paths.js';
import { contentAfter, contentBefore } from './base-content.js';

function describe(c: DependencyChange): string {
  if (c.key === '*') return `${c.file}: lock file ${c.before === undefined ? 'created' : c.after === undefined ? 'deleted' : 'changed'}`;
  if (c.before === undefined) return `${c.file}: [${c.table}] ${c.key} added (${c.after})`;
  if (c.after === undefined) return `${c.file}: [${c.table}] ${c.key} removed (was ${c.before})`;
  return `${c.file}: [${c.table}] ${c.key} changed from ${c.before} to ${c.after}`;
}

/** The dependency changes of one changed manifest or lock file, compared as parsed tables. */
async function fileChanges(set: ChangedSet, file: ChangedFile, signal: AbortSignal): Promise<string[]> {
  const [before, bytes] = await Promise.all([contentBefore(set, file, signal), contentAfter(set, file)]);
  const after = bytes?.toString('utf8');
  try {
    // A rename between kinds (Cargo.lock -> Cargo.lock.bak) is a removal plus an addition.
    if (file.from !== undefined && dependencyFileKind(file.from) !== dependencyFileKind(file.path)) {
      return [...dependencyChanges(file.from, before, undefined), ...dependencyChanges(file.path, undefined, after)].map(describe);
    }
    return dependencyChanges(file.path, before, after).map(describe);
  } catch (error) {
    if (error instanceof ManifestParseError) return [`${file.path}: cannot compare its dependencies, it does not parse (${error.detail})`];
    throw error;
  }
}

/**
 * safety::no-dep-bump on return: lock files unchanged, and the dependency tables of every
 * changed manifest (Cargo.toml and the other ecosystems' manifests) the same as at the
 * merge-base, compared as parsed tables rather than line patterns. Other sections may change.
 */
export async function verifyNoDepBump(ctx: VerifyContext): Promise<VerifyOutcome> {
  const set = await changedSetFor(ctx);
  const files = set.files.filter((f) => dependencyFileKind(f.path) !== undefined || (f.from !== undefined && dependencyFileKind(f.from) !== undefined));
  if (files.length === 0) return { status: 'pass', summary: 'no dependency manifest or lock file changed', evidence: [] };
  const found = (await Promise.all(files.map((f) => fileChanges(set, f, ctx.signal)))).flat();
  if (found.length > 0) return { status: 'fail', summary: `${plural(found.length, 'dependency change')} in the change`, evidence: capped(found) };
  return { status: 'pass', summary: `${plural(files.length, 'changed manifest')} with the same dependencies as before`, evidence: [] };
}
