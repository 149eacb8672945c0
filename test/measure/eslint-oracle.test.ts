/**
 * Function lines of JS/TS equal ESLint's max-lines-per-function (signature line through closing
 * line, comments and blanks counted, methods from their decorators/modifiers/key) on real files
 * from node_modules and on our own tricky fixtures. Every range must match: no accepted
 * differences on this corpus.
 */
import { expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../helpers/gate.js';
import { measureSource } from '../../src/measure/index.js';
import { eslintFunctions } from './support/eslint-oracle.js';

const modules = join(REPO_ROOT, 'node_modules');
const fixtures = join(REPO_ROOT, 'test/fixtures/measure/js');

const REAL_FILES = [
  'zod/src/v4/core/schemas.ts',
  'zod/src/v4/core/to-json-schema.ts',
  'zod/src/v4/core/util.ts',
  'zod/src/v4/classic/schemas.ts',
  'zod/src/v4/mini/schemas.ts',
  'ajv/lib/core.ts',
  'ajv/lib/jtd.ts',
  'yaml/dist/parse/lexer.js',
  'yaml/dist/parse/parser.js',
  'yaml/dist/compose/composer.js',
  'yaml/dist/compose/resolve-flow-scalar.js',
  'esbuild/lib/main.js',
  'typescript/lib/watchGuard.js',
  'typescript/lib/_typingsInstaller.js',
  'eslint/lib/rules/sort-imports.js',
  'eslint/lib/rules/sort-vars.js',
  'eslint/lib/linter/linter.js',
  ...readdirSync(join(modules, 'vitest/dist')).filter((f) => f.endsWith('.js')).map((f) => `vitest/dist/${f}`),
];

const FIXTURES = readdirSync(fixtures).map((f) => join(fixtures, f));

function rangesOf(file: string) {
  const code = readFileSync(file, 'utf8');
  const oracle = eslintFunctions(code, file);
  const ours = measureSource(file, code).functions;
  const key = (start: number, end: number) => `${start}-${end}`;
  return {
    expected: oracle.spans.map((s) => key(s.start, s.end)).sort(),
    actual: ours.map((f) => key(f.startLine, f.endLine)).sort(),
    oracleLengths: oracle.spans.map((s) => s.end - s.start + 1).sort((a, b) => a - b),
    ruleCounts: [...oracle.counts].sort((a, b) => a - b),
    lengthsAreSpans: ours.every((f) => f.length === f.endLine - f.startLine + 1),
  };
}

it('has a corpus of real files and fixtures', () => {
  expect(REAL_FILES.length).toBeGreaterThan(20);
  expect(FIXTURES.length).toBeGreaterThanOrEqual(7);
});

it.each([...REAL_FILES.map((f) => join(modules, f)), ...FIXTURES])('%s', (file) => {
  const r = rangesOf(file);
  // The companion rule reproduces the real rule's counts, so its ranges are ESLint's.
  expect(r.oracleLengths).toEqual(r.ruleCounts);
  expect(r.actual).toEqual(r.expected);
  expect(r.lengthsAreSpans).toBe(true);
});
