import { describe, expect, it } from 'vitest';
import { analyse } from './support.js';

/** argv of the first command: static values, or `?kind` for words that are not static. */
function argvOf(command: string): string[] {
  const first = analyse(command).commands.find((c) => c.origin.length === 1)!;
  return first.argv.map((w) => (w.static ? w.value! : `?${w.dynamic.join('+')}`));
}

const cases: [string, string[]][] = [
  ["g''it push", ['git', 'push']],
  ['g""it push', ['git', 'push']],
  ['"git" push', ['git', 'push']],
  ["'git' push", ['git', 'push']],
  ['g\\it push', ['git', 'push']],
  ['\\git push', ['git', 'push']],
  ["$'git' push", ['git', 'push']],
  ["$'\\x67it' push", ['git', 'push']],
  ["$'\\147it' push", ['git', 'push']],
  ["$'\\u0067it' push", ['git', 'push']],
  ["$'a\\tb\\n' x", ['a\tb\n', 'x']],
  ['$"git" push', ['git', 'push']],
  ['echo "a\\"b" \'c"d\' "e\\$f" "g\\h"', ['echo', 'a"b', 'c"d', 'e$f', 'g\\h']],
  ['echo a\\ b', ['echo', 'a b']],
  ['echo "$HOME" $x ${y}', ['echo', '?variable', '?variable', '?variable']],
  ['echo $(id) `id` <(id)', ['echo', '?substitution', '?substitution', '?substitution']],
  ['echo $((1+2))', ['echo', '?arithmetic']],
  ['echo *.txt a?c [ab] {x,y} {1..3}', ['echo', '?glob', '?glob', '?glob', '?glob', '?glob']],
  ['echo "*.txt" \'[ab]\' \\* {} [ x{', ['echo', '*.txt', '[ab]', '*', '{}', '[', 'x{']],
  ['echo ~ ~/x ~root a~b', ['echo', '?variable', '?variable', '?variable', 'a~b']],
  ['echo $ "$" a$', ['echo', '$', '$', 'a$']],
  ['echo $1 $@ $# $? $$ $!', ['echo', '?variable', '?variable', '?variable', '?variable', '?variable', '?variable']],
];

describe('words after quote removal, with provenance', () => {
  it.each(cases)('%j', (command, expected) => {
    expect(argvOf(command)).toEqual(expected);
  });

  it('keeps the glob pattern of a word whose only dynamic part is a glob', () => {
    const words = analyse("rm -rf .gi? '*'x*").commands[0]!.argv;
    expect(words[2]).toMatchObject({ static: false, dynamic: ['glob'], pattern: '.gi?' });
    expect(words[3]).toMatchObject({ pattern: '\\*x*' });
  });

  it('reports the command text and the redirections with fds', () => {
    const command = analyse('ls -l 2>err.txt >>out.txt 3<&0 &>all <<<"x"').commands[0]!;
    expect(command.text).toBe('ls -l 2>err.txt >>out.txt 3<&0 &>all <<<"x"');
    expect(command.redirects.map((r) => `${r.fd}${r.op}${r.target.value}${r.both ? '(both)' : ''}`)).toEqual([
      '2>err.txt', '1>>out.txt', '3<&0', '1&>all(both)', '0<<<x',
    ]);
  });

  it('reports assignments on the command', () => {
    const command = analyse('A=1 B="$x" C= ls').commands[0]!;
    expect(command.assignments).toEqual([{ name: 'A', value: '1' }, { name: 'B', value: undefined }, { name: 'C', value: '' }]);
  });
});
