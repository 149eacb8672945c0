import type { ChangedSet } from '../changed-set.js';

/** One path the change touches, with how it was touched, for scope checks and their evidence. */
export interface TouchedPath {
  path: string;
  /** e.g. ' (untracked)', ' (deleted)', ' (renamed to src/b.rs)'. */
  note: string;
}

/** Every path of the change: current paths, deleted ones, and the old side of each rename. */
export function touched(set: ChangedSet): TouchedPath[] {
  const out: TouchedPath[] = [];
  for (const file of set.files) {
    const note = file.untracked ? ' (untracked)' : file.kind === 'deleted' ? ' (deleted)' : file.kind === 'added' ? ' (new)' : '';
    out.push({ path: file.path, note });
    if (file.from) out.push({ path: file.from, note: ` (renamed to ${file.path})` });
  }
  return out;
}

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** At most `limit` evidence lines, with a count of the rest. */
export function capped(lines: string[], limit = 50): string[] {
  return lines.length <= limit ? lines : [...lines.slice(0, limit), `... and ${lines.length - limit} more`];
}
