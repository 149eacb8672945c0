import { describe, expect, it } from 'vitest';
import { analyse, commandsOf } from './support.js';

/** Every command bash would run, with how it came to run (after 'top'). */
const cases: [string, string[]][] = [
  ['git push', ['git']],
  ['echo a; echo b && ls || pwd & wait', ['echo', 'echo', 'ls', 'pwd', 'wait']],
  ['echo a\nls\n\npwd', ['echo', 'ls', 'pwd']],
  ['! git push', ['git']],
  ['ls | grep x |& wc -l', ['ls', 'grep', 'wc']],
  ['(cd x; make)', ['cd@subshell', 'make@subshell']],
  ['{ echo a; echo b; } > out', ['echo', 'echo']],
  ['echo $(git rev-parse HEAD)', ['git@substitution', 'echo']],
  ['echo "a $(date) b"', ['date@substitution', 'echo']],
  ['echo `whoami`', ['whoami@substitution', 'echo']],
  ['echo "`hostname`"', ['hostname@substitution', 'echo']],
  ['echo `echo \\`id\\``', ['id@substitution>substitution', 'echo@substitution', 'echo']],
  ['diff <(ls a) <(ls b)', ['ls@process-substitution', 'ls@process-substitution', 'diff']],
  ['tee >(wc -l) < f', ['wc@process-substitution', 'tee']],
  ['echo $((1 + $(id -u)))', ['id@substitution', 'echo']],
  ['echo $[ $(id -u) + 1 ]', ['id@substitution', 'echo']],
  ['echo ${x:-$(id)}', ['id@substitution', 'echo']],
  ['echo ${#x} ${x%%.*} ${x//a/b} ${!x} ${x[$(id)]}', ['id@substitution', 'echo']],
  ['x=$(id) y=2', ['id@substitution']],
  ['a=(1 $(id) 3)', ['id@substitution']],
  ['FOO=1 BAR="$(id)" env', ['id@substitution', 'env']],
  ['if true; then echo y; elif false; then echo n; else echo z; fi', ['true', 'false', 'echo', 'echo', 'echo']],
  ['while read l; do echo "$l"; done < f', ['read', 'echo']],
  ['until false; do break; done', ['false', 'break']],
  ['for f in *.txt; do wc -l "$f"; done', ['wc']],
  ['for ((i=0; i<3; i++)); do echo $i; done', ['echo']],
  ['for x in a b; { echo $x; }', ['echo']],
  ['select x in a b; do echo $x; break; done', ['echo', 'break']],
  ['case $x in a|b) echo ab;; *.txt) cat "$x";; (c) echo c;& d) echo d;;& *) :;; esac', ['echo', 'cat', 'echo', 'echo', ':']],
  ['[[ -f x && $(id) == 0 ]]', ['id@substitution']],
  ['[[ $x =~ ^(a|b)+$ ]] && echo ok', ['echo']],
  ['(( $(id -u) > 0 ))', ['id@substitution']],
  ['f() { echo in f; }; f', ['f', 'echo@function']],
  ['function g { ls; }; g', ['g', 'ls@function']],
  ['function h() ( pwd ); h', ['h', 'pwd@function>subshell']],
  ['coproc cat', ['cat@subshell']],
  ['coproc NAME { sleep 1; }', ['sleep@subshell']],
  ['time ls', ['ls']],
  ['time -p ls', ['ls']],
  ['echo hi # git push', ['echo']],
  ['# only a comment', []],
  ['echo a\\\nb', ['echo']],
  ['gi\\\nt push', ['git']],
  ['echo "multi\nline" | cat', ['echo', 'cat']],
  ['cat <<EOF\n$(id)\nEOF', ['id@substitution', 'cat']],
  ["cat <<'EOF'\n$(id)\nEOF", ['cat']],
  ['cat <<"EOF"\n$(id)\nEOF', ['cat']],
  ['cat <<\\EOF\n$(id)\nEOF', ['cat']],
  ['cat <<-EOF\n\t`id`\n\tEOF\necho after', ['id@substitution', 'cat', 'echo']],
  ['cat <<A; cat <<B\na\nA\nb\nB\nls', ['cat', 'cat', 'ls']],
  ['echo $(cat <<EOF\nx\nEOF\n)', ['cat@substitution', 'echo']],
  ['cat <<< "$(id)"', ['id@substitution', 'cat']],
  ['echo x >$(mktemp)', ['mktemp@substitution', 'echo']],
  ['exec 3>&1 4<&0', ['exec']],
  ['ls 2>&1 >/dev/null', ['ls']],
  ['ls &>/dev/null; ls &>>log', ['ls', 'ls']],
  ['{x}>/dev/null ls', ['ls']],
  ['> out.txt', []],
  ['echo {a,b} {1..3} {} @(x|y)', ['echo']],
  ['declare -a arr=(1 $(id) 2)', ['id@substitution', 'declare']],
  ['$(echo ls)', ['echo@substitution', '']],
];

describe('command extraction', () => {
  it.each(cases)('%j', (command, expected) => {
    expect(commandsOf(command)).toEqual(expected);
  });
});

const syntaxErrors = [
  'echo "unterminated',
  "echo 'unterminated",
  'echo $(ls',
  'echo `ls',
  'if true; then echo',
  'for x in a; do echo',
  'case x in a) echo',
  '{ echo',
  '(echo',
  'echo ${x',
  'echo $((1 + 2)',
  'ls &&',
  '| ls',
  'echo )',
  'f() echo',
  'echo (x)',
  '[[ -f x',
];

describe('syntax errors are unknown, never a partial answer', () => {
  it.each(syntaxErrors)('%j', (command) => {
    const result = analyse(command);
    expect(result.status).toBe('unknown');
    expect(result.problems[0]).toMatch(/^not valid shell syntax/);
  });
});
