import { describe, expect, it } from 'vitest';
import { symlinkSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyseShell } from '../../src/shell/index.js';
import type { ExecutedCommand, ShellAnalysis, WriteTarget } from '../../src/shell/types.js';
import { placeBashWrite, placeBashWrites, type BashPlace } from '../../src/paths/index.js';
import { tempDir } from '../helpers/gate.js';
import { attackWorktree } from './worktree-fixture.js';

const { root } = attackWorktree();
const scratch = tempDir('kei-scratch-');
const linkIntoWorktree = join(scratch, 'into-src');
symlinkSync(join(root, 'src'), linkIntoWorktree);
symlinkSync('/etc', join(root, 'src', 'etc-link'));

type Placed = Pick<BashPlace, 'place'> & { rel?: string };

function placed(command: string, cwd = root): Placed[] {
  const analysis = analyseShell(command, { cwd });
  expect(analysis.status).toBe('ok');
  return placeBashWrites(analysis, cwd, root).map(({ where }) => (where.place === 'inside' ? { place: 'inside', rel: where.rel } : { place: where.place }));
}

// [command, where each write lands]: the worktree itself lives in the temp dir, so "inside"
// must win over "temp".
const CASES: [string, Placed[]][] = [
  ['echo hi > out.txt', [{ place: 'inside', rel: 'out.txt' }]],
  ['cd src && echo x > y.ts', [{ place: 'inside', rel: 'src/y.ts' }]],
  ['pushd src && tee z.ts < /dev/null', [{ place: 'inside', rel: 'src/z.ts' }]],
  ['sed -i s/a/b/ src/a.ts', [{ place: 'inside', rel: 'src/a.ts' }]],
  [`python3 -c "open('gen.py','w').write('x')"`, [{ place: 'inside', rel: 'gen.py' }]],
  ['rm -rf src', [{ place: 'inside', rel: 'src' }]],
  [`echo x > ${root}/src/../README.md`, [{ place: 'inside', rel: 'README.md' }]],
  [`echo x > ${linkIntoWorktree}/sneaky.ts`, [{ place: 'inside', rel: 'src/sneaky.ts' }]],
  ['echo x > /tmp/kei-scratch.txt', [{ place: 'temp' }]],
  [`cp src/a.ts ${join(tmpdir(), 'copy.ts')}`, [{ place: 'temp' }]],
  ['cd /tmp && echo x > rel.txt', [{ place: 'temp' }]],
  ['cat src/a.ts > /dev/null', []],
  ['echo x > /etc/kei-x', [{ place: 'outside' }]],
  ['echo x > /tmp/../etc/kei-x', [{ place: 'outside' }]],
  ['echo x > src/etc-link/stolen.txt', [{ place: 'outside' }]],
  ['echo x > src/out-link/scratch.txt', [{ place: 'temp' }]],
  ['echo x > "$F"', [{ place: 'unknown' }]],
  ['echo x > $(pwd)/x', [{ place: 'unknown' }]],
  ['cd "$D" && touch z', [{ place: 'unknown' }]],
  ['ls -la && cat src/a.ts', []],
];

describe('placeBashWrites with the real shell analysis', () => {
  it.each(CASES)('%s', (command, expected) => {
    expect(placed(command)).toEqual(expected);
  });

  it('takes relative targets from the call cwd', () => {
    expect(placed('echo x > b.ts', join(root, 'src'))).toEqual([{ place: 'inside', rel: 'src/b.ts' }]);
  });
});

describe('placeBashWrite on targets the analysis may hand over', () => {
  const command = { text: 'x' } as ExecutedCommand;
  const target = (path: string | undefined, cwd: string | undefined = '.'): WriteTarget => ({ path, via: 'redirect', cwd, command });
  const afterUnknownCd = (path: string): WriteTarget => ({ path, via: 'redirect', cwd: undefined, command });

  it.each<[string, WriteTarget, BashPlace['place']]>([
    ['a stream', target('/dev/stderr'), 'stream'],
    ['/dev/null', target('/dev/null'), 'stream'],
    ['a file in the home dir', target('~/notes.txt'), homedir().startsWith(root) ? 'inside' : 'outside'],
    ["another user's home", target('~root/x'), 'unknown'],
    ['a relative target after an unknown cd', afterUnknownCd('x.ts'), 'unknown'],
    ['an absolute target after an unknown cd', afterUnknownCd('/tmp/x'), 'temp'],
    ['a target longer than PATH_MAX', target('a/'.repeat(2100)), 'unknown'],
  ])('%s', (_what, write, place) => {
    expect(placeBashWrite(write, root, root).place).toBe(place);
  });

  it('keeps each target with its text for messages', () => {
    const analysis: ShellAnalysis = { status: 'ok', problems: [], commands: [], effects: [], writes: [target(undefined)] };
    expect(placeBashWrites(analysis, root, root)[0]).toMatchObject({ shown: 'a dynamic target in `x`', where: { place: 'unknown' } });
  });
});
