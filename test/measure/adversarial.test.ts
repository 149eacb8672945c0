/**
 * Bounded work on any input: inputs built to make a naive scanner quadratic (arrow and closure
 * chains, unclosed generics and parameter lists, bodiless signatures, deep nesting) are measured
 * in well under a second each, or fail with an error the hook turns into a block.
 */
import { expect, it } from 'vitest';
import { measureSource } from '../../src/measure/index.js';

const N = 40_000;

const INPUTS: Array<[string, string, string]> = [
  ['arrow chain', 'a.ts', `const f = ${'a => '.repeat(N)}1;\n`],
  ['arrow chain with returns types', 'a.ts', `const f = ${'(a): T => '.repeat(N / 2)}1;\n`],
  ['unclosed type arguments', 'a.ts', `const x = ${'a < b, '.repeat(N)}1;\n`],
  ['many ternaries', 'a.js', `const x = ${'a ? b : '.repeat(N)}c;\n`],
  ['bodiless function signatures', 'a.ts', 'declare function f(): void;\n'.repeat(N / 4)],
  ['class of optional members', 'a.ts', `class A {\n${'  m?(): () => void;\n'.repeat(N / 4)}}\n`],
  ['closure chain', 'a.rs', `fn f() { let g = ${'|a| '.repeat(N)}1; }\n`],
  ['unclosed closure bars', 'a.rs', `fn f() { ${'= |a '.repeat(N)} }\n`],
  ['fn without bodies', 'a.rs', 'fn a '.repeat(N)],
  ['func types', 'a.go', `package p\nvar f ${'func() '.repeat(N)}int\n`],
  ['deeply nested template literals', 'a.js', `const t = ${'`${'.repeat(N)}1${'}`'.repeat(N)};\n`],
  ['deeply nested f-strings', 'a.py', `x = ${'f"{'.repeat(N)}1${'}"'.repeat(N)}\n`],
  ['deeply nested defs', 'a.py', Array.from({ length: 800 }, (_, i) => `${' '.repeat(i)}def f${i}():`).join('\n') + `\n${' '.repeat(800)}pass\n`],
  ['many comment lines in a body', 'a.py', `def f():\n    x = 1\n${'# c\n'.repeat(N)}y = 1\n`],
];

it.each(INPUTS)('%s', (_name, path, content) => {
  const started = performance.now();
  try {
    measureSource(path, content);
  } catch (error) {
    expect(error).toBeInstanceOf(RangeError);
  }
  expect(performance.now() - started).toBeLessThan(1500);
});
