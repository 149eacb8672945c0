import { describe, expect, it } from 'vitest';
import { unifiedDiff } from '../../src/install/diff.js';

const cases: { name: string; before: string; after: string; expected: string }[] = [
  { name: 'equal texts', before: 'a\nb\n', after: 'a\nb\n', expected: '' },
  { name: 'a new file', before: '', after: 'x\ny\n', expected: '--- a\n+++ b\n@@ -0,0 +1,2 @@\n+x\n+y\n' },
  { name: 'one line changed', before: 'a\nb\nc\n', after: 'a\nB\nc\n', expected: '--- a\n+++ b\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n' },
  {
    name: 'two distant changes in two hunks',
    before: '1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n',
    after: '1\nX\n3\n4\n5\n6\n7\n8\n9\n10\nY\n12\n',
    expected: '--- a\n+++ b\n@@ -1,5 +1,5 @@\n 1\n-2\n+X\n 3\n 4\n 5\n@@ -8,5 +8,5 @@\n 8\n 9\n 10\n-11\n+Y\n 12\n',
  },
  { name: 'lines appended', before: 'a\n', after: 'a\nb\n', expected: '--- a\n+++ b\n@@ -1,1 +1,2 @@\n a\n+b\n' },
];

describe('unifiedDiff', () => {
  it.each(cases)('$name', ({ before, after, expected }) => {
    expect(unifiedDiff(before, after, 'a', 'b')).toBe(expected);
  });

  it('applies cleanly with patch(1)', async () => {
    const { execFileSync } = await import('node:child_process');
    const { mkdtempSync, writeFileSync, readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'kei-diff-'));
    const before = Array.from({ length: 40 }, (_, i) => `line ${i}`).join('\n') + '\n';
    const after = before.replace('line 3\n', '').replace('line 20', 'line twenty').replace('line 39\n', 'line 39\nline 40\n');
    writeFileSync(join(dir, 'f'), before);
    writeFileSync(join(dir, 'p'), unifiedDiff(before, after, 'f', 'f'));
    execFileSync('patch', ['-s', join(dir, 'f'), join(dir, 'p')]);
    expect(readFileSync(join(dir, 'f'), 'utf8')).toBe(after);
  });
});
