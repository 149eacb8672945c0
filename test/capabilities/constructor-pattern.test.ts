/**
 * quality::constructor-pattern on Write: the file as written may not pass 200 lines (wc -l) and
 * no function in it may pass 30 lines; the deny names file, function, lines and length.
 * Real payloads: absolute paths in a real git worktree.
 */
import { expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decisionOf, REPO_ROOT, runGate } from '../helpers/gate.js';
import { gitWorktree } from '../deps/support/worktree.js';
import { filler, pythonFunction, rustFunction, tsFunction } from '../measure/support/sources.js';

const wt = gitWorktree();
const write = (rel: string, content: string) =>
  decisionOf(runGate({ capability: 'quality::constructor-pattern', toolName: 'Write', cwd: wt.root, toolInput: { file_path: rel.startsWith('/') ? rel : wt.path(rel), content } }));

it.each([
  ['200 lines', 200, 'pass'],
  ['201 lines', 201, 'deny'],
])('a new file of %s: %s', (_name, lines, kind) => {
  expect(write('src/big.ts', filler(lines)).kind).toBe(kind);
});

it('denies a file over 200 lines with its count and the limit', () => {
  const decision = write('src/big.ts', filler(250));
  expect(decision).toMatchObject({ kind: 'deny', message: 'file-too-long', data: { file: 'src/big.ts', lines: 250, limit: 200 } });
  expect(decision.reason).toBe('src/big.ts would be 250 lines long; the limit is 200 (wc -l: comments, blank lines and imports count). Split it into sibling modules with one job each and write those instead.');
});

it('counts lines as wc -l does: a last line without a newline does not count', () => {
  expect(write('src/edge.ts', filler(200) + 'const last = 1;').kind).toBe('pass');
  expect(write('src/edge.ts', filler(200) + 'const last = 1;\n').kind).toBe('deny');
});

it.each([
  ['TypeScript', 'src/a.ts', tsFunction],
  ['Rust', 'src/a.rs', rustFunction],
  ['Python', 'train/a.py', pythonFunction],
] as const)('%s: a 30-line function passes, a 31-line one is denied with name, lines and length', (_lang, rel, make) => {
  expect(write(rel, filler(3, rel.endsWith('.py') ? '#' : '//') + make('fits', 30))).toEqual({ kind: 'pass' });
  const decision = write(rel, filler(3, rel.endsWith('.py') ? '#' : '//') + make('tooLong', 31));
  expect(decision).toMatchObject({ kind: 'deny', message: 'function-too-long', data: { file: rel, function: 'tooLong', start: 4, end: 34, length: 31, limit: 30 } });
  expect(decision.reason).toBe(`tooLong in ${rel} would span lines 4-34: 31 lines; the limit is 30 (signature line through closing line, comments and blank lines included). Split it into named helpers that each do one thing.`);
});

it('reports every function over the limit, and the file, in one call', () => {
  const outcomes = runGate({ capability: 'quality::constructor-pattern', toolName: 'Write', cwd: wt.root, toolInput: { file_path: wt.path('src/many.ts'), content: tsFunction('a', 40) + tsFunction('b', 35) + filler(150) } });
  expect(outcomes.map((o) => [o.message, o.data?.function ?? o.data?.lines])).toEqual([['file-too-long', 225], ['function-too-long', 'a'], ['function-too-long', 'b']]);
});

it('measures a realistic 150-line Rust file and passes it', () => {
  const ledger = readFileSync(join(REPO_ROOT, 'test/fixtures/measure/rust/ledger.rs'), 'utf8');
  expect(write('src/ledger.rs', ledger)).toEqual({ kind: 'pass' });
});

it('measures scripts without an extension by their shebang', () => {
  const decision = write('bin/train', '#!/usr/bin/env python3\n' + pythonFunction('main', 31));
  expect(decision).toMatchObject({ kind: 'deny', message: 'function-too-long', data: { file: 'bin/train', function: 'main', length: 31 } });
});

it('does not measure documentation, configuration or data files', () => {
  for (const rel of ['README.md', 'config/train.yaml', 'data/rows.csv', 'package.json', 'notes']) {
    expect(write(rel, filler(500))).toEqual({ kind: 'pass' });
  }
});

it('resolves a relative file_path against the cwd', () => {
  const decision = decisionOf(runGate({ capability: 'quality::constructor-pattern', toolName: 'Write', cwd: wt.path('src'), toolInput: { file_path: 'rel.ts', content: filler(201) } }));
  expect(decision).toMatchObject({ kind: 'deny', data: { file: 'src/rel.ts' } });
});

it('shows paths outside the worktree as written', () => {
  const outside = join(gitWorktree().root, '..', 'elsewhere.ts');
  expect(write(outside, filler(201))).toMatchObject({ kind: 'deny', data: { file: outside } });
});

it('denies a call without file_path and one whose file cannot be read (fail closed)', () => {
  const missing = decisionOf(runGate({ capability: 'quality::constructor-pattern', toolName: 'Write', cwd: wt.root, toolInput: { content: 'x' } }));
  expect(missing).toMatchObject({ kind: 'deny', message: 'invalid-input', data: { tool: 'Write', problem: 'no file_path' } });
  expect(missing.reason).toBe("This Write call cannot be checked for size: no file_path. Send it with file_path and the tool's string fields.");
  wt.write('src/dir.ts/keep', '');
  const unreadable = decisionOf(runGate({ capability: 'quality::constructor-pattern', toolName: 'Edit', cwd: wt.root, toolInput: { file_path: wt.path('src/dir.ts'), old_string: 'a', new_string: 'b' } }));
  expect(unreadable).toMatchObject({ kind: 'deny', message: 'unreadable', data: { file: 'src/dir.ts', error: 'EISDIR' } });
  expect(unreadable.reason).toBe('Cannot read src/dir.ts to check its size after this edit (EISDIR). Check the path, or write the change to a file that can be read.');
});

it('leaves other tools alone', () => {
  expect(decisionOf(runGate({ capability: 'quality::constructor-pattern', toolName: 'Read', cwd: wt.root, toolInput: { file_path: wt.path('x.ts') } }))).toEqual({ kind: 'pass' });
});
