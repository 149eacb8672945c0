/** applyFileTool: the file as Claude Code would leave it, and the lines the call wrote. */
import { expect, it } from 'vitest';
import { applyFileTool, writeTouched } from '../../src/measure/edit-result.js';

const FILE = 'one\ntwo\nthree\nfour\nfive\n';

it.each([
  ['Edit, first occurrence', 'Edit', { old_string: 'two', new_string: '2\n2b' }, FILE, 'one\n2\n2b\nthree\nfour\nfive\n', [[2, 3]]],
  ['Edit, replace_all', 'Edit', { old_string: 'o', new_string: 'O', replace_all: true }, 'one\ntwo\nfour\n', 'One\ntwO\nfOur\n', [[1, 1], [2, 2], [3, 3]]],
  ['Edit, deletion touches the line it joins', 'Edit', { old_string: 'two\nthree\n', new_string: '' }, FILE, 'one\nfour\nfive\n', [[2, 2]]],
  ['Edit, $& in new_string is literal', 'Edit', { old_string: 'one', new_string: '$&$&' }, FILE, '$&$&\ntwo\nthree\nfour\nfive\n', [[1, 1]]],
  ['Edit, empty old_string creates a missing file', 'Edit', { old_string: '', new_string: 'a\nb\n' }, undefined, 'a\nb\n', [[1, 2]]],
  ['MultiEdit, later edits shift earlier spans', 'MultiEdit', { edits: [{ old_string: 'four', new_string: '4' }, { old_string: 'one', new_string: '1\n1b\n1c' }] }, FILE, '1\n1b\n1c\ntwo\nthree\n4\nfive\n', [[6, 6], [1, 3]]],
  ['MultiEdit, an edit inside an earlier one', 'MultiEdit', { edits: [{ old_string: 'two', new_string: 'x\ny\nz' }, { old_string: 'y', new_string: 'Y\nY' }] }, FILE, 'one\nx\nY\nY\nz\nthree\nfour\nfive\n', [[2, 5], [3, 4]]],
  ['Edit of a CRLF file with an LF old_string', 'Edit', { old_string: 'a\nb', new_string: 'a\nx\nb' }, 'a\r\nb\r\n', 'a\nx\nb\n', [[1, 3]]],
  ['Write of a new file touches every line', 'Write', { content: 'a\nb' }, undefined, 'a\nb', [[1, 2]]],
  ['Write over a file touches what differs', 'Write', { content: 'one\nTWO\nthree\nfour\nfive\n' }, FILE, 'one\nTWO\nthree\nfour\nfive\n', [[2, 2]]],
] as const)('%s', (_name, tool, input, current, after, touched) => {
  const result = applyFileTool(tool, input as Record<string, unknown>, current);
  expect(result).toEqual({ kind: 'changed', after, touched: touched.map(([start, end]) => ({ start, end })) });
});

it.each([
  ['old_string not in the file', 'Edit', { old_string: 'six', new_string: 'x' }, FILE],
  ['old_string equal to new_string', 'Edit', { old_string: 'one', new_string: 'one' }, FILE],
  ['edit of a missing file', 'Edit', { old_string: 'one', new_string: 'x' }, undefined],
  ['empty old_string on a non-empty file', 'Edit', { old_string: '', new_string: 'x' }, FILE],
  ['one failing edit of a MultiEdit', 'MultiEdit', { edits: [{ old_string: 'one', new_string: '1' }, { old_string: 'one', new_string: 'x' }] }, FILE],
] as const)('not applied: %s', (_name, tool, input, current) => {
  expect(applyFileTool(tool, input as Record<string, unknown>, current)).toMatchObject({ kind: 'not-applied' });
});

it.each([
  ['Write without content', 'Write', { file_path: '/x' }],
  ['Edit without new_string', 'Edit', { old_string: 'a' }],
  ['MultiEdit without edits', 'MultiEdit', { edits: [] }],
  ['MultiEdit with a malformed edit', 'MultiEdit', { edits: [null] }],
] as const)('invalid: %s', (_name, tool, input) => {
  expect(applyFileTool(tool, input as Record<string, unknown>, FILE)).toMatchObject({ kind: 'invalid' });
});

it('finds the changed region of a rewrite between the common head and tail', () => {
  expect(writeTouched('a\nb\nc\n', 'a\nb\nc\n')).toEqual([]);
  expect(writeTouched('a\nb\nc\n', 'a\nc\n')).toEqual([{ start: 2, end: 2 }]);
  expect(writeTouched('a\n', 'a\nb\nc\n')).toEqual([{ start: 2, end: 3 }]);
});
