import { describe, expect, it } from 'vitest';
import picomatch from 'picomatch';
import fc from 'fast-check';
import { compileGlob, matchGlob, matchList } from '../../src/paths/index.js';

function matches(glob: string, path: string): boolean {
  return matchGlob(compileGlob(glob), path === '' ? [] : path.split('/'));
}

// [glob, path, expected]: the table is the specification of the glob meaning.
const TABLE: [string, string, boolean][] = [
  // a glob without a slash matches at any depth, and covers a directory's contents
  ['Cargo.lock', 'Cargo.lock', true],
  ['Cargo.lock', 'crates/a/Cargo.lock', true],
  ['Cargo.lock', 'Cargo.lock.bak', false],
  ['*.rs', 'src/deep/x.rs', true],
  ['*.rs', 'x.rs/inner.txt', true],
  ['.env', '.env', true],
  ['.env', 'app/.env', true],
  ['.env', '.envrc', false],
  ['.github', '.github/workflows/ci.yml', true],
  // a leading or inner slash anchors at the root
  ['/Cargo.toml', 'Cargo.toml', true],
  ['/Cargo.toml', 'crates/a/Cargo.toml', false],
  ['src/*.ts', 'src/a.ts', true],
  ['src/*.ts', 'lib/src/a.ts', false],
  ['src/*.ts', 'src/sub/a.ts', false],
  // ** spans levels; a/** is what is inside a
  ['**/Cargo.toml', 'Cargo.toml', true],
  ['**/Cargo.toml', 'a/b/c/Cargo.toml', true],
  ['_primitives/_rust/kei-forge/**', '_primitives/_rust/kei-forge/src/lib.rs', true],
  ['_primitives/_rust/kei-forge/**', '_primitives/_rust/kei-forge', false],
  ['_primitives/_rust/kei-forge/**', '_primitives/_rust/kei-other/src/lib.rs', false],
  ['_primitives/_rust/kei-forge/**', '_primitives/_rust/kei-forge-extra/lib.rs', false],
  ['a/**/b', 'a/b', true],
  ['a/**/b', 'a/x/y/b', true],
  ['a/**/b', 'a/x/y/c', false],
  ['.github/**', '.github/workflows/ci.yml', true],
  ['**', 'any/thing/.hidden', true],
  // a trailing slash matches directories only
  ['build/', 'build/out.bin', true],
  ['build/', 'x/build/out.bin', true],
  ['build/', 'build', false],
  // * and ? stay within one level, dot-files included
  ['src/*', 'src/.hidden', true],
  ['src/?.ts', 'src/a.ts', true],
  ['src/?.ts', 'src/ab.ts', false],
  ['a?c', 'a/c', false],
  ['*a*a*b', 'xaayab', true],
  ['*a*a*b', 'xaayac', false],
  // classes, negated classes, ranges, escapes
  ['file[0-9].txt', 'file7.txt', true],
  ['file[0-9].txt', 'filex.txt', false],
  ['file[!0-9].txt', 'filex.txt', true],
  ['file[^0-9].txt', 'file7.txt', false],
  ['[]]x', ']x', true],
  ['[a-]x', '-x', true],
  ['\\*.txt', '*.txt', true],
  ['\\*.txt', 'a.txt', false],
  ['\\!important', '!important', true],
  ['[unclosed', '[unclosed', true],
  // case and Unicode spelling count
  ['src/**', 'SRC/a.ts', false],
  ['README.md', 'readme.md', false],
  ['src/**', '\u0455rc/a.ts', false],
  ['café/**', 'cafe\u0301/x', false],
  ['ü?', 'üx', true],
  // ./ prefix and doubled slashes are read as plain relative globs
  ['./src/**', 'src/a.ts', true],
  ['src//*.ts', 'src/a.ts', true],
];

describe('compileGlob + matchGlob: gitignore-like globs', () => {
  it.each(TABLE)('%j against %j → %j', (glob, path, expected) => {
    expect(matches(glob, path)).toBe(expected);
  });
});

describe('matchList: ordered globs, the last match decides', () => {
  const cases: [string[], string, boolean, string | undefined][] = [
    [['src/**'], 'src/a.ts', true, 'src/**'],
    [['src/**', '!src/gen/**'], 'src/gen/x.ts', false, '!src/gen/**'],
    [['src/**', '!src/gen/**'], 'src/main.ts', true, 'src/**'],
    [['src/**', '!src/gen/**', 'src/gen/keep.ts'], 'src/gen/keep.ts', true, 'src/gen/keep.ts'],
    [['!src/**'], 'src/a.ts', false, '!src/**'],
    [['.github/', '!.github/CODEOWNERS'], '.github/CODEOWNERS', false, '!.github/CODEOWNERS'],
    [[], 'src/a.ts', false, undefined],
    [['lib/**'], 'src/a.ts', false, undefined],
  ];
  it.each(cases)('%j on %j → listed %j by %j', (globs, path, listed, glob) => {
    expect(matchList(globs, path)).toEqual({ listed, glob });
  });
});

describe('matching work is bounded on adversarial input', () => {
  // picomatch 4.0.7 compiles `*a*a*a*a*a*b` to a regex that took 19.5 s on a 160-character name.
  it.each([
    ['*a*a*a*a*a*a*a*a*b', 'a'.repeat(4000)],
    ['**/a*a*a*a*a*b', 'a/'.repeat(2000) + 'x'],
    ['a/**/a/**/a/**/a/**/b', 'a/'.repeat(2000) + 'c'],
    ['**/**/**/**/x', 'y/'.repeat(2000) + 'z'],
  ])('%s against a 4000-character path answers in well under a second', (glob, path) => {
    const start = performance.now();
    expect(matches(glob, path)).toBe(false);
    expect(performance.now() - start).toBeLessThan(500);
  });
});

describe('agrees with picomatch where the two meanings coincide', () => {
  // Resolved paths never hold '.' or '..' segments.
  const segment = fc.stringMatching(/^[ab.]{1,3}$/).filter((s) => s !== '.' && s !== '..');
  const globSegment = fc.oneof(segment, fc.constantFrom('*', '?', 'a*', '*.b', '[ab]', '**'));
  const path = fc.array(segment, { minLength: 1, maxLength: 4 }).map((s) => s.join('/'));
  // Anchored globs (with a slash) whose last part is not ** mean the same in both, except that
  // ours also covers what is inside a matched directory; compare on the full path.
  const glob = fc
    .array(globSegment, { minLength: 2, maxLength: 4 })
    .filter((parts) => parts.at(-1) !== '**' && !parts.some((p, i) => p === '**' && parts[i + 1] === '**'))
    .map((parts) => parts.join('/'));

  it('on random globs and paths', () => {
    fc.assert(
      fc.property(glob, path, (g, p) => {
        const oracle = picomatch(g, { dot: true })(p);
        const segments = p.split('/');
        const ancestors = segments.slice(1).map((_, i) => segments.slice(0, i + 1).join('/'));
        const oracleWithDirs = oracle || ancestors.some((a) => picomatch(g, { dot: true })(a));
        expect(matches(g, p)).toBe(oracleWithDirs);
      }),
      { numRuns: 1000 },
    );
  });
});
