import { describe, expect, it } from 'vitest';
import { tokenizePython } from '../../src/modal/python-tokens.js';
import { pythonStructure } from '../../src/modal/python-structure.js';

const code = (src: string) => tokenizePython(src).filter((t) => t.type !== 'newline').map((t) => (t.type === 'string' ? `S(${t.value})` : t.value));

const TOKEN_CASES: [string, string, string[]][] = [
  ['plain names and ops', 'x = f(a, b=1)', ['x', '=', 'f', '(', 'a', ',', 'b', '=', '1', ')']],
  ['comment dropped', 'x = 1  # train.map(y)', ['x', '=', '1']],
  ['hash inside a string is not a comment', 's = "a # b"', ['s', '=', 'S(a # b)']],
  ['escaped quote', String.raw`s = 'it\'s .map('`, ['s', '=', String.raw`S(it\'s .map()`]],
  ['triple-quoted over lines', 's = """\nprint("x")\n"""\ny = 2', ['s', '=', 'S(\nprint("x")\n)', 'y', '=', '2']],
  ['single-quoted triple', "s = '''a ' b'''", ['s', '=', "S(a ' b)"]],
  ['prefixes', `a = rb'x' + F"y" + u'z'`, ['a', '=', 'S(x)', '+', 'S(y)', '+', 'S(z)']],
  ['f-string with nested same quotes (3.12)', `s = f"{d["k"]} and {x!r:>{w}}"`, ['s', '=', 'S({d["k"]} and {x!r:>{w}})']],
  ['f-string doubled braces', `s = f"{{.map(}}"`, ['s', '=', 'S({{.map(}})']],
  ['numbers', 'x = 1e-5 + 0x1F + 3.0j + .5', ['x', '=', '1e-5', '+', '0x1F', '+', '3.0j', '+', '.5']],
  ['two-char operators', 'a == b != c ** d -> e := f', ['a', '==', 'b', '!=', 'c', '**', 'd', '->', 'e', ':=', 'f']],
  ['unterminated string ends at the line', 's = "abc\ny = 1', ['s', '=', 'S(abc)', 'y', '=', '1']],
];

describe('tokenizePython', () => {
  it.each(TOKEN_CASES)('%s', (_name, src, expected) => {
    expect(code(src)).toEqual(expected);
  });

  it('tracks lines across strings, continuations and brackets', () => {
    const tokens = tokenizePython('a = """x\ny"""\nb = (1,\n  2)\nc = 1 + \\\n  3\nd');
    const line = (v: string) => tokens.find((t) => t.value === v)!.line;
    expect([line('a'), line('b'), line('2'), line('c'), line('3'), line('d')]).toEqual([1, 3, 4, 5, 6, 7]);
  });

  it('emits one newline per logical line, none inside brackets or for blank/comment lines', () => {
    const tokens = tokenizePython('x = [\n  1,\n\n  2]\n\n# only a comment\ny = 1\n');
    expect(tokens.filter((t) => t.type === 'newline')).toHaveLength(2);
  });

  it('records indentation, bracket depth and group', () => {
    const tokens = tokenizePython('def f():\n    g(h(1))\n');
    const one = tokens.find((t) => t.value === '1')!;
    expect(one.indent).toBe(4);
    expect(one.depth).toBe(2);
    expect(tokens[one.group]!.value).toBe('(');
    expect(tokens[tokens[one.group]!.group]!.value).toBe('(');
  });

  it('is linear and never throws on garbage', () => {
    const garbage = '"""'.repeat(1000) + "f'{".repeat(1000) + ')]}'.repeat(1000) + '\\';
    expect(() => tokenizePython(garbage)).not.toThrow();
  });
});

const CASES_1 = [
  ['a', true],
  ['b', false],
  ['c', true],
  ['d', false],
  ['f', true],
  ['g', false],
] as const;

const src = [
  '@app.function(gpu="H100")',
  'def train(cfg):',
  '    for x in cfg:',
  '        a.spawn(x)',
  '    b.spawn(1)',
  '    while True: c.spawn(2)',
  '    def inner():',
  '        d.spawn(3)',
  'e = [f.spawn(v) for v in vs]',
  'g.spawn(4)',
  'class M:',
  '    @modal.method()',
  '    def m(self): pass',
].join('\n');
const structure = pythonStructure(tokenizePython(src));
const inLoop = (receiver: string) => structure.inLoop[structure.tokens.findIndex((t) => t.value === receiver)];

describe('pythonStructure', () => {

  it.each(CASES_1)('%s.spawn in a loop: %s', (receiver, expected) => {
    expect(inLoop(receiver)).toBe(expected);
  });

});

describe('pythonStructure definitions', () => {
  it('finds definitions with decorators, owners and bodies', () => {
    const defs = structure.definitions.map((d) => ({ name: d.name, kind: d.kind, decorators: d.decorators.map((x) => x.name), owner: d.owner }));
    expect(defs).toEqual([
      { name: 'train', kind: 'def', decorators: ['app.function'], owner: undefined },
      { name: 'inner', kind: 'def', decorators: [], owner: undefined },
      { name: 'M', kind: 'class', decorators: [], owner: undefined },
      { name: 'm', kind: 'def', decorators: ['modal.method'], owner: 'M' },
    ]);
    const train = structure.definitions[0]!;
    expect(structure.tokens[train.bodyEnd]!.value).toBe('e');
  });
});
