import { describe, expect, it } from 'vitest';
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { resolveInWorktree } from '../../src/paths/index.js';
import { tempDir } from '../helpers/gate.js';
import { attackWorktree } from './worktree-fixture.js';

const { root, outside } = attackWorktree();

type Expect = { place: 'inside'; rel: string } | { place: 'outside'; abs?: string } | { place: 'unresolvable'; problem: RegExp };

// [what, path (absolute, or relative to base), base, expected]
const CASES: [string, string, string, Expect][] = [
  ['an absolute path inside', `${root}/src/a.ts`, root, { place: 'inside', rel: 'src/a.ts' }],
  ['a new file in new directories', `${root}/src/new/deep/b.ts`, root, { place: 'inside', rel: 'src/new/deep/b.ts' }],
  ['`..` that stays inside', `${root}/src/../src/a.ts`, root, { place: 'inside', rel: 'src/a.ts' }],
  ['`.` segments', `${root}/./src/./a.ts`, root, { place: 'inside', rel: 'src/a.ts' }],
  ['`..` out of the root', `${root}/src/../../x.txt`, root, { place: 'outside' }],
  ['an absolute path outside', `${outside}/secret.txt`, root, { place: 'outside', abs: `${outside}/secret.txt` }],
  ['/etc/passwd', '/etc/passwd', root, { place: 'outside', abs: '/etc/passwd' }],
  ['a relative path from the root', 'src/a.ts', root, { place: 'inside', rel: 'src/a.ts' }],
  ['a relative path from a subdirectory', '../README.md', join(root, 'src'), { place: 'inside', rel: 'README.md' }],
  ['a relative `..` out of the root', '../../x', join(root, 'src'), { place: 'outside' }],
  ['a symlinked directory pointing out', `${root}/src/out-link/secret.txt`, root, { place: 'outside', abs: `${outside}/secret.txt` }],
  ['a new file under a symlinked directory', `${root}/src/out-link/new.txt`, root, { place: 'outside', abs: `${outside}/new.txt` }],
  ['a symlinked file pointing out', `${root}/src/file-link`, root, { place: 'outside', abs: `${outside}/secret.txt` }],
  ['a dangling symlink pointing out', `${root}/src/dangling`, root, { place: 'outside', abs: `${outside}/not-yet.txt` }],
  ['a relative symlink to the parent', `${root}/src/up/src/a.ts`, root, { place: 'inside', rel: 'src/a.ts' }],
  ['a symlink that stays inside', `${root}/in-link/a.ts`, root, { place: 'inside', rel: 'src/a.ts' }],
  ['a symlink loop', `${root}/loop-a/x`, root, { place: 'unresolvable', problem: /symlinks loop/ }],
  ['a trailing slash', `${root}/src/a.ts/`, root, { place: 'inside', rel: 'src/a.ts' }],
  ['trailing dots (another name)', `${root}/src/a.ts.`, root, { place: 'inside', rel: 'src/a.ts.' }],
  ['a trailing `/.`', `${root}/src/.`, root, { place: 'inside', rel: 'src' }],
  ['the root itself', `${root}/`, root, { place: 'inside', rel: '' }],
  ['a case variant (another name here)', `${root}/SRC/A.ts`, root, { place: 'inside', rel: 'SRC/A.ts' }],
  ['an NFD name', `${root}/src/cafe\u0301.ts`, root, { place: 'inside', rel: 'src/cafe\u0301.ts' }],
  ['a Cyrillic look-alike', `${root}/\u0455rc/a.ts`, root, { place: 'inside', rel: '\u0455rc/a.ts' }],
  ['a name longer than NAME_MAX', `${root}/${'n'.repeat(300)}/f`, root, { place: 'inside', rel: `${'n'.repeat(300)}/f` }],
  ['a path longer than PATH_MAX', `${root}/${'d/'.repeat(2100)}f`, root, { place: 'unresolvable', problem: /longer than 4096/ }],
  ['a NUL byte', `${root}/src/a\0.ts`, root, { place: 'unresolvable', problem: /NUL/ }],
  ['a sibling whose name starts with the root', `${root}-evil/x`, root, { place: 'outside' }],
];

describe('resolveInWorktree on a real worktree', () => {
  it.each(CASES)('%s', (_what, path, base, expected) => {
    const got = resolveInWorktree(path, root, base);
    expect(got.place).toBe(expected.place);
    if (expected.place === 'inside' && got.place === 'inside') expect(got.rel).toBe(expected.rel);
    if (expected.place === 'outside' && expected.abs !== undefined && got.place === 'outside') expect(got.abs).toBe(expected.abs);
    if (expected.place === 'unresolvable' && got.place === 'unresolvable') expect(got.problem).toMatch(expected.problem);
  });

  it('takes the root through a symlink to the same real paths', () => {
    const link = join(tempDir('kei-link-'), 'root-link');
    symlinkSync(root, link);
    expect(resolveInWorktree(`${link}/src/a.ts`, link)).toEqual({ place: 'inside', abs: `${root}/src/a.ts`, rel: 'src/a.ts' });
    expect(resolveInWorktree(`${root}/src/a.ts`, link)).toMatchObject({ place: 'inside', rel: 'src/a.ts' });
    expect(resolveInWorktree(`${link}/src/out-link/x`, link)).toMatchObject({ place: 'outside' });
  });

  it('reaches a worktree through a symlinked parent directory', () => {
    const parentLink = join(tempDir('kei-parent-'), 'p');
    symlinkSync(join(root, '..'), parentLink);
    const viaParent = join(parentLink, root.split('/').at(-1)!, 'src', 'a.ts');
    expect(resolveInWorktree(viaParent, root)).toMatchObject({ place: 'inside', rel: 'src/a.ts' });
  });
});
