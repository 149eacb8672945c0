/**
 * JS/TS function boundaries, case by case (the ESLint oracle covers whole files): names, the
 * member start (decorators, modifiers, key), and the lexer's hard parts.
 */
import { expect, it } from 'vitest';
import { jsFunctions, type JsDialect } from '../../src/measure/js/index.js';

type Case = [string, JsDialect, string, Array<[string, number, number]>];

const CASES: Case[] = [
  ['declaration', 'typescript', 'function f() {\n  return 1;\n}', [['f', 1, 3]]],
  ['overloads have no body', 'typescript', 'function f(a: string): void;\nfunction f(a: unknown) {\n}', [['f', 2, 3]]],
  ['async arrow assigned to a const', 'typescript', 'const go = async (x: number): Promise<void> => {\n  await x;\n};', [['go', 1, 3]]],
  ['expression body ends where ASI ends it', 'javascript', 'const f = (a) =>\n  a + 1\nconst g = 2', [['f', 1, 2]]],
  ['expression body continues over a leading dot', 'javascript', 'const f = (a) => a\n  .map(String)\n  .join()', [['f', 1, 3]]],
  ['method from its decorators', 'typescript', 'class A {\n  @dec()\n  @other\n  run() {\n  }\n}', [['A.run', 2, 5]]],
  ['async followed by a line break is a field, not a modifier', 'typescript', 'class A {\n  async\n  run() {}\n}', [['A.run', 3, 3]]],
  ['static followed by a line break still modifies', 'typescript', 'class A {\n  static\n  run() {}\n}', [['A.run', 2, 3]]],
  ['getter and setter in an object', 'javascript', 'const o = {\n  get v() { return 1 },\n  set v(x) {},\n}', [['v', 2, 2], ['v', 3, 3]]],
  ['abstract and signature members have no body', 'typescript', 'abstract class A {\n  abstract f(): void;\n  g?(): () => void;\n}', []],
  ['=> in types is never a function', 'typescript', 'type F = (a: number) => void;\nlet x: (y: string) => number;\ninterface I { m: () => void }', []],
  ['callback named after its call', 'javascript', "describe('x', () => {\n  it('y', function () {})\n})", [['describe() callback', 1, 3], ['it() callback', 2, 2]]],
  ['braces and arrows inside strings, templates, regexes and comments', 'javascript', "const s = '=> {'; const t = `${'}'} => {`; const r = /=>\\/{/; // () => {\n/* function () { */", []],
  ['template literal with a nested arrow', 'javascript', 'const t = `a${[1].map((x) => x)}b`;', [['map() callback', 1, 1]]],
  ['regex after return, division after a name', 'javascript', 'function f(a, b) {\n  if (a / b / 2) return /}/.test(a)\n  return a\n}', [['f', 1, 4]]],
  ['JSX text with quotes and braces as entities', 'tsx', "const C = () => (\n  <p title=\"a => {\">don't {'{'}</p>\n);", [['C', 1, 3]]],
  ['tsx generic arrow is not JSX', 'tsx', 'const id = <T,>(v: T): T =>\n  v;', [['id', 1, 2]]],
  ['class field arrow counts from the arrow', 'typescript', 'class A {\n  @bound\n  handle = (e: Event) => {\n  };\n}', [['handle', 3, 4]]],
  ['generic call with a function type argument', 'typescript', 'const s = useState<() => void>(() => () => {});', [['useState() callback', 1, 1], ['arrow function', 1, 1]]],
];

it.each(CASES)('%s', (_name, dialect, src, expected) => {
  const found = jsFunctions(src, dialect).map((f) => [f.name, f.startLine, f.endLine]);
  expect(found).toEqual(expected);
});

it('survives unbalanced and truncated input', () => {
  for (const src of ['function f() {', 'class A { m() {', '}}})) => =>', '`${', '<div>{', 'const a = /unterminated']) {
    expect(() => jsFunctions(src, 'tsx')).not.toThrow();
  }
  expect(jsFunctions('function f() {\n  x;\n', 'typescript')).toEqual([{ name: 'f', startLine: 1, endLine: 2, length: 2 }]);
});
