/**
 * Grammar-based generation of bash programs for fuzzing the shell analysis: words with every
 * quoting and expansion form, simple commands with assignments and redirections, pipelines,
 * lists, compound commands, functions, heredocs and wrapper commands. The vocabulary can leave
 * out the commands a gate blocks, so a planted one is the only way a program can run it.
 */
import fc from 'fast-check';

const SAFE_NAMES = ['ls', 'echo', 'cat', 'grep', 'printf', 'true', 'wc', 'head', 'sort', 'x', 'test', '[', 'read', 'cd', 'pwd'];
const ARGS = ['-la', '-n', '1', 'a.txt', 'dir/', '--', '-', '*.py', '{a,b}', '~', '.', '..', 'a=b', '%s\\n', '-rf'];

function quoteSingle(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** A word of literal text in one of bash's quoting forms; all mean the same characters. */
export function quotedForms(text: string): string[] {
  const forms = [text, quoteSingle(text), `"${text.replace(/(["\\$`])/g, '\\$1')}"`];
  if (/^[a-z]+$/.test(text) && text.length > 1) forms.push(`${text[0]}''${text.slice(1)}`, `${text[0]}""${text.slice(1)}`, `\\${text}`, `$'${text}'`);
  return forms;
}

export interface ShellArbs {
  word: fc.Arbitrary<string>;
  command: fc.Arbitrary<string>;
  program: fc.Arbitrary<string>;
}

/** Arbitraries for bash text built from `names` (the commands that may appear). */
export function shellGrammar(names: string[] = SAFE_NAMES): ShellArbs {
  const tree = fc.letrec<{ word: string; simple: string; pipeline: string; list: string; compound: string }>((tie) => ({
    word: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.constantFrom(...ARGS),
      fc.constantFrom(...names).chain((n) => fc.constantFrom(...quotedForms(n))),
      fc.constantFrom('$X', '${X:-d}', '"$@"', '$1', '${#X}', '$((1+2))', '"a b"', "'c d'", "$'e\\tf'", 'a\\ b'),
      tie('list').map((l) => `$(${l})`),
      tie('simple').map((s) => `\`${s.replace(/[`\\$]/g, '')}\``),
      fc.tuple(tie('word'), tie('word')).map(([a, b]) => `${a}${b}`),
    ),
    simple: fc
      .tuple(
        fc.array(fc.constantFrom('X=1', 'A=$(pwd)', 'B="x y"'), { maxLength: 1 }),
        fc.constantFrom(...names).chain((n) => fc.constantFrom(...quotedForms(n))),
        fc.array(tie('word'), { maxLength: 3 }),
        fc.array(fc.constantFrom('> /dev/null', '2>&1', '< a.txt', '>> /tmp/log', '<<< "w"', '&> /dev/null'), { maxLength: 1 }),
      )
      .map(([assign, name, args, redirects]) => [...assign, name, ...args, ...redirects].join(' ')),
    pipeline: fc.oneof(
      { depthSize: 'small' },
      tie('simple'),
      tie('compound'),
      fc.tuple(tie('simple'), tie('pipeline')).map(([a, b]) => `${a} | ${b}`),
      tie('simple').map((s) => `! ${s}`),
    ),
    list: fc.oneof(
      { depthSize: 'small' },
      tie('pipeline'),
      fc.tuple(tie('pipeline'), fc.constantFrom(' ; ', ' && ', ' || ', ' & ', '\n'), tie('list')).map(([a, op, b]) => `${a}${op}${b}`),
    ),
    compound: fc.oneof(
      { depthSize: 'small' },
      tie('list').map((l) => `( ${l} )`),
      tie('list').map((l) => `{ ${l}; }`),
      fc.tuple(tie('list'), tie('list')).map(([c, b]) => `if ${c}; then ${b}; fi`),
      tie('list').map((b) => `for f in a b; do ${b}; done`),
      tie('list').map((b) => `while false; do ${b}; done`),
      tie('list').map((b) => `case $X in a) ${b};; *) true;; esac`),
      tie('list').map((b) => `fn() { ${b}; }; fn`),
      tie('list').map((b) => `bash -c ${quoteSingle(b)}`),
      // Heredocs in parentheses (text joined after them must not land on the delimiter line),
      // with a delimiter named after the body's length (a nested one cannot end the outer one).
      tie('list').map((b) => `(cat <<'E${b.length}'\n${b}\nE${b.length}\n)`),
      tie('list').map((b) => b.replace(/[`$\\]/g, '')).map((b) => `(bash <<E${b.length}\n${b}\nE${b.length}\n)`),
      tie('simple').map((s) => `env -i ${s}`),
      tie('simple').map((s) => `echo a | xargs ${s}`),
    ),
  }));
  return { word: tree.word, command: tree.simple, program: tree.list };
}

/** Random edits to bash text: the mutation half of the shell fuzzer. */
export function mutated(source: fc.Arbitrary<string>): fc.Arbitrary<string> {
  const piece = fc.constantFrom('$(', ')', '`', "'", '"', '\\', '\n', '<<EOF', '|', '&&', ';', '{', '}', '((', '$((', '${', '#', '*', ' ', '\u0000', '\uD800', '𝕘');
  const edit = fc.oneof(
    fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), piece).map(([at, p]) => (s: string) => { const i = Math.floor(at * s.length); return s.slice(0, i) + p + s.slice(i); }),
    fc.double({ min: 0, max: 1, noNaN: true }).map((at) => (s: string) => { const i = Math.floor(at * s.length); return s.slice(0, i) + s.slice(i + 1); }),
    fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })).map(([a, b]) => (s: string) => { const i = Math.floor(Math.min(a, b) * s.length); const j = Math.floor(Math.max(a, b) * s.length); return s + s.slice(i, j); }),
  );
  return fc.tuple(source, fc.array(edit, { minLength: 1, maxLength: 4 })).map(([s, edits]) => edits.reduce((text, e) => e(text), s));
}
