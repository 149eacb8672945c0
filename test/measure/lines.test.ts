/** countLines agrees with the real `wc -l` on the edge cases of line counting. */
import { expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../helpers/gate.js';
import { countLines, lineOfOffset, lineStarts } from '../../src/measure/lines.js';

const dir = tempDir('kei-wc-');

it.each([
  ['empty', ''],
  ['one line without newline', 'a'],
  ['one line', 'a\n'],
  ['no trailing newline', 'a\nb\nc'],
  ['blank lines only', '\n\n\n'],
  ['CRLF', 'a\r\nb\r\n'],
  ['lone CR is not a line break for wc', 'a\rb\r'],
  ['unicode', 'é\n😀\n\u2028x\n'],
])('%s: as wc -l counts', (name, content) => {
  const file = join(dir, name.replace(/\W+/g, '-'));
  writeFileSync(file, content);
  const wc = Number(execFileSync('wc', ['-l', file], { encoding: 'utf8' }).trim().split(/\s+/)[0]);
  expect(countLines(content)).toBe(wc);
});

it('maps offsets to 1-based lines', () => {
  const text = 'ab\ncd\n\nef';
  const starts = lineStarts(text);
  expect([0, 2, 3, 6, 7, 9].map((offset) => lineOfOffset(starts, offset))).toEqual([1, 1, 2, 3, 4, 4]);
});
