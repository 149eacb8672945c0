/** Rust, Go and Python function boundaries, case by case (tree-sitter covers whole fixtures). */
import { expect, it } from 'vitest';
import { rustFunctions } from '../../src/measure/rust/functions.js';
import { goFunctions } from '../../src/measure/go/functions.js';
import { pythonFunctions } from '../../src/measure/python/functions.js';
import type { FunctionSpan } from '../../src/measure/types.js';

type Case = [string, (src: string) => FunctionSpan[], string, Array<[string, number, number]>];

const CASES: Case[] = [
  ['Rust: from the first attribute and qualifier', rustFunctions, '#[inline]\n#[must_use]\npub(crate) const unsafe fn f() {\n}', [['f', 1, 4]]],
  ['Rust: lifetimes are not char literals', rustFunctions, "fn f<'a>(x: &'a str) -> &'a str {\n    let c = '}';\n    x\n}", [['f', 1, 4]]],
  ['Rust: raw strings with hashes and nested comments', rustFunctions, 'fn f() {\n    let s = r##"}"# {"##;\n    /* a /* } */ } */\n}', [['f', 1, 4]]],
  ['Rust: trait signatures and extern items have no body', rustFunctions, 'trait T { fn f(&self); }\nextern "C" { fn g(); }', []],
  ['Rust: closures, named by their binding', rustFunctions, 'fn f() {\n    let add = |a: u8, b: u8| a + b;\n    let g = move || {\n    };\n}', [['f', 1, 5], ['closure add', 2, 2], ['closure g', 3, 4]]],
  ['Rust: closures inside macro calls are not measured', rustFunctions, 'fn f() {\n    assert!(v.iter().all(|x| *x > 0));\n}', [['f', 1, 3]]],
  ['Rust: a fn written inside a macro call is measured', rustFunctions, 'cfg_if! {\n    if #[cfg(unix)] {\n        fn f() {\n        }\n    }\n}', [['f', 3, 4]]],
  ['Rust: macro_rules bodies are templates', rustFunctions, 'macro_rules! m {\n    () => { fn helper() {} };\n}', []],
  ['Go: method with a generic receiver', goFunctions, 'func (q *Queue[T]) Push(v T) {\n}', [['Queue.Push', 1, 2]]],
  ['Go: interface{} result braces are a type', goFunctions, 'func F() map[string]interface{} {\n\treturn nil\n}', [['F', 1, 3]]],
  ['Go: function types have no body', goFunctions, 'type H func(int) error\nvar f func() error\nfunc G(cb func() error) {\n}', [['G', 3, 4]]],
  ['Go: literals, named by their variable', goFunctions, 'var h = func() {\n}\nfunc F() {\n\tg := func() {}\n\t_ = g\n}', [['h', 1, 2], ['F', 3, 6], ['g', 4, 4]]],
  ['Go: braces in raw strings and runes', goFunctions, "func F() {\n\ts := `}\n{`\n\tc := '}'\n}", [['F', 1, 5]]],
  ['Python: from the first decorator', pythonFunctions, '@a\n@b(\n  1)\ndef f():\n    pass', [['f', 1, 5]]],
  ['Python: def inside a string is not a function', pythonFunctions, 's = """\ndef fake():\n    pass\n"""\ndef real(): return 1', [['real', 5, 5]]],
  ['Python: brackets and continuations join lines', pythonFunctions, 'def f(a,\n      b):\n    x = (1 +\n2)\n    y = 3 \\\n+ 4\nz = 1', [['f', 1, 6]]],
  ['Python: f-strings with nested quotes and format specs', pythonFunctions, 'def f(x):\n    return f"{x!r:>10} {\'}\'} {x:#x}"\ndef g(): pass', [['f', 1, 2], ['g', 3, 3]]],
  ['Python: a trailing comment at the body indentation counts', pythonFunctions, 'def f():\n    x = 1\n    # done\n\ny = 2', [['f', 1, 3]]],
  ['Python: a trailing comment at column 0 does not', pythonFunctions, 'def f():\n    x = 1\n# next\ny = 2', [['f', 1, 2]]],
  ['Python: async def and nested defs', pythonFunctions, 'async def f():\n    def g():\n        pass\n    return g', [['f', 1, 4], ['g', 2, 3]]],
];

it.each(CASES)('%s', (_name, find, src, expected) => {
  expect(find(src).map((f) => [f.name, f.startLine, f.endLine])).toEqual(expected);
});

it('survives unbalanced and truncated input', () => {
  for (const src of ['fn f() {', "let c = '", 'r#"', 'func (', 'def f(\n', '"""', 'f"{']) {
    expect(() => [rustFunctions(src), goFunctions(src), pythonFunctions(src)]).not.toThrow();
  }
});
