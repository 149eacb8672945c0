/**
 * sizeFindings: the size rule as a pure function of (path, before, after, touched lines), shared
 * by the gate and the check on return.
 */
import { expect, it } from 'vitest';
import { sizeFindings } from '../../src/measure/size-limits.js';
import { filler, tsFunction } from './support/sources.js';

it('is silent for files within the limits and for non-code files', () => {
  expect(sizeFindings({ path: 'a.ts', before: undefined, after: filler(200) + tsFunction('f', 30) })).toEqual([{ kind: 'file-too-long', lines: 230, limit: 200 }]);
  expect(sizeFindings({ path: 'a.ts', before: undefined, after: filler(170) + tsFunction('f', 30) })).toEqual([]);
  expect(sizeFindings({ path: 'notes.md', before: undefined, after: filler(900) })).toEqual([]);
});

it('holds only touched functions to the limit (default: the lines between unchanged head and tail)', () => {
  const before = tsFunction('legacy', 40) + tsFunction('fresh', 5);
  const after = tsFunction('legacy', 40) + tsFunction('fresh', 31);
  expect(sizeFindings({ path: 'a.ts', before, after }).map((f) => f.kind === 'function-too-long' && f.fn.name)).toEqual(['fresh']);
  expect(sizeFindings({ path: 'a.ts', before, after, touched: [{ start: 1, end: 1 }] })).toEqual([]);
});

it('lets what was over the limit change without growing', () => {
  const before = filler(180) + tsFunction('legacy', 40);
  expect(sizeFindings({ path: 'a.ts', before, after: before.replace('v3 = 3', 'v3 = 4') })).toEqual([]);
  const grown = sizeFindings({ path: 'a.ts', before, after: before.replace('v3 = 3;', 'v3 = 3;\n  const w = 1;') });
  expect(grown).toEqual([
    { kind: 'file-grew', lines: 221, before: 220, limit: 200 },
    { kind: 'function-grew', fn: { name: 'legacy', startLine: 181, endLine: 221, length: 41 }, before: 40, limit: 30 },
  ]);
});

it('exempts generated code only when the marker was already there', () => {
  const generated = '// @generated\n' + filler(300);
  expect(sizeFindings({ path: 'g.ts', before: generated, after: generated + filler(10) })).toEqual([]);
  expect(sizeFindings({ path: 'g.ts', before: undefined, after: generated })).toHaveLength(1);
  expect(sizeFindings({ path: 'g.ts', before: filler(300), after: generated })).toHaveLength(1);
});

it('reports content too large to search for functions', () => {
  const huge = 'x'.repeat(1_000_001);
  expect(sizeFindings({ path: 'big.ts', before: undefined, after: huge })).toEqual([{ kind: 'too-large', chars: 1_000_001, limit: 1_000_000 }]);
});
