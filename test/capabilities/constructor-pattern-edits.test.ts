/**
 * quality::constructor-pattern on Edit and MultiEdit: the edit is applied to the file on disk;
 * only functions the edit touches are held to 30 lines; a file or function already over its
 * limit may change without getting longer; generated files (marker already present) are exempt.
 */
import { expect, it } from 'vitest';
import { decisionOf, runGate } from '../helpers/gate.js';
import { gitWorktree } from '../deps/support/worktree.js';
import { filler, tsFunction } from '../measure/support/sources.js';

const wt = gitWorktree();

function edit(rel: string, oldString: string, newString: string, replaceAll = false) {
  const toolInput = { file_path: wt.path(rel), old_string: oldString, new_string: newString, replace_all: replaceAll };
  return decisionOf(runGate({ capability: 'quality::constructor-pattern', toolName: 'Edit', cwd: wt.root, toolInput }));
}

function multiEdit(rel: string, edits: Array<{ old_string: string; new_string: string }>) {
  return decisionOf(runGate({ capability: 'quality::constructor-pattern', toolName: 'MultiEdit', cwd: wt.root, toolInput: { file_path: wt.path(rel), edits } }));
}

const LINE = '  const v0 = 0;';

it('denies an edit that makes a touched function 31 lines, naming it', () => {
  wt.write('src/grow.ts', tsFunction('small', 30) + tsFunction('other', 10));
  const decision = edit('src/grow.ts', LINE, `${LINE}\n  const extra = 1;`);
  expect(decision).toMatchObject({ kind: 'deny', message: 'function-too-long', data: { file: 'src/grow.ts', function: 'small', start: 1, end: 31, length: 31 } });
});

it('ignores a function over the limit that the edit does not touch', () => {
  wt.write('src/untouched.ts', tsFunction('legacy', 45) + tsFunction('fresh', 5));
  expect(edit('src/untouched.ts', 'export function fresh(): void {', 'export function fresh2(): void {')).toEqual({ kind: 'pass' });
});

it('lets a function already over the limit change without getting longer, and denies growth', () => {
  wt.write('src/legacy.ts', tsFunction('legacy', 45));
  expect(edit('src/legacy.ts', 'const v3 = 3;', 'const v3 = 33;')).toEqual({ kind: 'pass' });
  const decision = edit('src/legacy.ts', 'const v3 = 3;', 'const v3 = 3;\n  const v3b = 4;');
  expect(decision).toMatchObject({ kind: 'deny', message: 'function-grew', data: { function: 'legacy', before: 45, length: 46, start: 1, end: 46 } });
  expect(decision.reason).toBe('legacy in src/legacy.ts already had 45 lines, over the 30-line limit, and this edit makes it 46 (lines 1-46). Split it first, or make this change without making it longer.');
});

it('lets a file already over 200 lines change without getting longer, and denies growth', () => {
  wt.write('src/long.ts', filler(250));
  expect(edit('src/long.ts', '// line 7\n', '// line seven\n')).toEqual({ kind: 'pass' });
  expect(edit('src/long.ts', '// line 7\n', '')).toEqual({ kind: 'pass' });
  const decision = edit('src/long.ts', '// line 7\n', '// line 7\n// line 7b\n');
  expect(decision).toMatchObject({ kind: 'deny', message: 'file-grew', data: { file: 'src/long.ts', before: 250, lines: 251, limit: 200 } });
  expect(decision.reason).toBe('src/long.ts already has 250 lines, over the 200-line limit, and this edit makes it 251. A file over the limit may only change without getting longer: split it first, or make this change without adding lines.');
});

it('denies an edit that pushes a file from 200 to 201 lines', () => {
  wt.write('src/edge.ts', filler(200));
  expect(edit('src/edge.ts', '// line 0\n', '// line 0\n// more\n')).toMatchObject({ kind: 'deny', message: 'file-too-long', data: { lines: 201 } });
});

it('applies replace_all to every occurrence', () => {
  wt.write('src/all.ts', filler(100) + filler(99));
  expect(edit('src/all.ts', '// line 1\n', '// line 1\n// x\n')).toEqual({ kind: 'pass' });
  expect(edit('src/all.ts', '// line 1\n', '// line 1\n// x\n', true)).toMatchObject({ kind: 'deny', data: { lines: 201 } });
});

it('passes an Edit whose old_string is not in the file: Claude Code rejects it before it runs', () => {
  wt.write('src/miss.ts', filler(200));
  expect(edit('src/miss.ts', 'not there', filler(50))).toEqual({ kind: 'pass' });
});

it('matches curly quotes the way Claude Code does, so such an edit is still measured', () => {
  wt.write('src/quotes.ts', `const s = \u2018x\u2019;\n` + filler(199));
  expect(edit('src/quotes.ts', "const s = 'x';", "const s = 'x';\nconst t = 1;")).toMatchObject({ kind: 'deny', data: { lines: 201 } });
});

it('creates a file with an empty old_string when it does not exist', () => {
  expect(edit('src/created.ts', '', tsFunction('made', 31))).toMatchObject({ kind: 'deny', data: { function: 'made' } });
});

it('applies the edits in order and measures the result', () => {
  wt.write('src/multi.ts', tsFunction('first', 29) + tsFunction('second', 5));
  const edits = [
    { old_string: 'first', new_string: 'renamed' },
    { old_string: `export function renamed(): void {\n${LINE}`, new_string: `export function renamed(): void {\n${LINE}\n  const a = 1;\n  const b = 2;` },
  ];
  expect(multiEdit('src/multi.ts', edits)).toMatchObject({ kind: 'deny', data: { function: 'renamed', length: 31 } });
});

it('passes when one edit cannot apply (the whole call fails in Claude Code)', () => {
  wt.write('src/multi2.ts', tsFunction('first', 29));
  expect(multiEdit('src/multi2.ts', [{ old_string: LINE, new_string: filler(40) }, { old_string: 'absent', new_string: 'x' }])).toEqual({ kind: 'pass' });
});

const generated = '// Code generated by protoc-gen-go. DO NOT EDIT.\n' + filler(300);

it('exempts a file that was already generated', () => {
  wt.write('gen/api.pb.go', generated);
  expect(edit('gen/api.pb.go', '// line 3\n', '// line 3\n' + filler(20))).toEqual({ kind: 'pass' });
});

it.each([
  ['@generated', '// @generated by build.rs\n'],
  ['an auto-generated header', '# This is an auto-generated file\n'],
])('does not exempt a new file that brings its own marker (%s)', (_name, header) => {
  expect(decisionOf(runGate({ capability: 'quality::constructor-pattern', toolName: 'Write', cwd: wt.root, toolInput: { file_path: wt.path('gen/new.py'), content: header + filler(300, '#') } }))).toMatchObject({ kind: 'deny', message: 'file-too-long' });
});

it('does not exempt a file whose marker the edit adds', () => {
  wt.write('src/sneaky.ts', filler(200));
  expect(edit('src/sneaky.ts', '// line 0\n', '// DO NOT EDIT\n// line 0\n')).toMatchObject({ kind: 'deny', message: 'file-too-long' });
});
