/**
 * Rust, Python and Go function ranges equal tree-sitter's on our fixtures (realistic files with
 * raw strings, char literals vs lifetimes, nested comments, triple quotes, f-strings, raw Go
 * strings, interface{} results and function types). Rust items and Python functions count from
 * their first attribute/decorator.
 */
import { expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../helpers/gate.js';
import { measureSource } from '../../src/measure/index.js';
import { goSpans, pythonSpans, rustSpans } from './support/tree-sitter-oracle.js';

const fixture = (path: string) => join(REPO_ROOT, 'test/fixtures/measure', path);

const CASES: Array<[string, (code: string) => Promise<string[]>, number]> = [
  ['rust/ledger.rs', rustSpans, 22],
  ['python/trainer.py', pythonSpans, 11],
  ['go/queue.go', goSpans, 16],
];

it.each(CASES)('%s', async (path, oracle, count) => {
  const file = fixture(path);
  const code = readFileSync(file, 'utf8');
  const expected = (await oracle(code)).sort();
  const actual = measureSource(file, code).functions.map((f) => `${f.startLine}-${f.endLine}`).sort();
  expect(expected).toHaveLength(count);
  expect(actual).toEqual(expected);
});
