import { describe, expect, it } from 'vitest';
import { analyse, commandsOf } from './support.js';

const cases: [string, string[]][] = [
  ['bash -c "git push"', ['bash', 'git@shell-c']],
  ["sh -c 'git push; ls'", ['sh', 'git@shell-c', 'ls@shell-c']],
  ["bash -lc 'git push'", ['bash', 'git@shell-c']],
  ["bash -e -x -c 'git push'", ['bash', 'git@shell-c']],
  ["bash -o pipefail -c 'git push'", ['bash', 'git@shell-c']],
  ["zsh -c 'git push'", ['zsh', 'git@shell-c']],
  ["dash -c 'git push'", ['dash', 'git@shell-c']],
  ["/bin/bash -c 'git push'", ['bash', 'git@shell-c']],
  ["bash -c '$1' _ 'git push'", ['bash', 'git@shell-c']],
  ["bash -c '\"$@\"' _ git push", ['bash', 'git@shell-c']],
  ["bash -c 'eval \"$1\"' _ 'git push'", ['bash', 'eval@shell-c', 'git@shell-c>eval']],
  ["bash -c 'printf \"%s\\\\n\" \"$1\"' _ 'git push'", ['bash', 'printf@shell-c']],
  ["bash -c \"bash -c 'git push'\"", ['bash', 'bash@shell-c', 'git@shell-c>shell-c']],
  ['echo "git push" | bash', ['echo', 'bash', 'git@shell-stdin']],
  ["printf '%s\\n' 'git push' | sh -s", ['printf', 'sh', 'git@shell-stdin']],
  ["bash <<< 'git push'", ['bash', 'git@shell-stdin']],
  ['bash <<EOF\ngit push\nEOF', ['bash', 'git@shell-stdin']],
  ["sh <<'EOF'\ngit push\nEOF", ['sh', 'git@shell-stdin']],
  ['cat <<EOF | bash\ngit push\nEOF', ['cat', 'bash', 'git@shell-stdin']],
  ["eval 'git push'", ['eval', 'git@eval']],
  ['eval git push', ['eval', 'git@eval']],
  ["builtin eval 'git push'", ['builtin', 'eval@wrapper', 'git@wrapper>eval']],
  ['env -i FOO=1 git push', ['env', 'git@wrapper']],
  ["env -u HOME -C /tmp git push", ['env', 'git@wrapper']],
  ["env -S 'git push'", ['env', 'git@wrapper']],
  ['sudo -u root -E git push', ['sudo', 'git@wrapper']],
  ['doas -u root git push', ['doas', 'git@wrapper']],
  ['command git push', ['command', 'git@wrapper']],
  ['command -v git', ['command']],
  ['exec -a name git push', ['exec', 'git@wrapper']],
  ['nohup git push &', ['nohup', 'git@wrapper']],
  ['nice -n 10 git push', ['nice', 'git@wrapper']],
  ['nice -10 git push', ['nice', 'git@wrapper']],
  ['ionice -c 3 git gc', ['ionice', 'git@wrapper']],
  ['timeout -s KILL 10 git fetch', ['timeout', 'git@wrapper']],
  ['timeout --preserve-status 1m git fetch', ['timeout', 'git@wrapper']],
  ['/usr/bin/time -o t.txt git status', ['time', 'git@wrapper']],
  ['stdbuf -oL -e0 git log', ['stdbuf', 'git@wrapper']],
  ["watch -n 5 'git status'", ['watch', 'git@wrapper']],
  ['watch -x git status', ['watch', 'git@wrapper']],
  ['xargs git add', ['xargs', 'git@xargs']],
  ['xargs -0 -n1 -P4 git add', ['xargs', 'git@xargs']],
  ['xargs -I{} git add {}', ['xargs', 'git@xargs']],
  ['xargs -a list.txt git add', ['xargs', 'git@xargs']],
  ['xargs', ['xargs', 'echo@xargs']],
  ['echo app stop ap-1 | xargs modal', ['echo', 'xargs', 'modal@xargs']],
  ["printf 'a\\nb\\n' | xargs -I{} git add {}", ['printf', 'xargs', 'git@xargs', 'git@xargs']],
  ["find . -name '*.py' -exec git add {} \\;", ['find', 'git@find-exec']],
  ['find . -execdir git rm {} + -o -ok git add {} \\;', ['find', 'git@find-exec', 'git@find-exec']],
  ['parallel git ::: status log', ['parallel', 'git@parallel']],
  ["parallel ::: 'git push' 'ls'", ['parallel', 'git@parallel', 'ls@parallel']],
  ["trap 'git push' EXIT", ['trap', 'git@trap']],
  ['trap - EXIT; trap -p', ['trap', 'trap']],
  ['alias g=git; g push', ['alias', 'g', 'git@alias']],
  ["alias gp='git push'", ['alias', 'git@alias']],
  ['hash -p /usr/bin/git ls; ls push', ['hash', 'ls', 'git@alias']],
  ['f() { git "$@"; }; f push', ['f', 'git@function']],
  ['f() { git push; }', ['git@function']],
  ["mapfile -C 'git push' -c 1 < f", ['mapfile', 'git@eval']],
  ['flock /tmp/l git push', ['flock', 'git@wrapper']],
  ["flock /tmp/l -c 'git push'", ['flock', 'git@shell-c']],
  ["su me -c 'git push'", ['su', 'git@shell-c']],
  ["ssh host 'git push'", ['ssh', 'git@shell-c']],
  ['chroot /srv git push', ['chroot', 'git@wrapper']],
  ['setsid git push', ['setsid', 'git@wrapper']],
  ['uv run modal app stop x', ['uv', 'modal@wrapper']],
  ['uvx modal@1.2 app stop x', ['uvx', 'modal@wrapper']],
  ['uvx --from modal modal app stop x', ['uvx', 'modal@wrapper']],
  ['poetry run modal app stop x', ['poetry', 'modal@wrapper']],
  ['python -m modal app stop x', ['python', 'modal@wrapper']],
  ['python3.11 -u -m modal app stop x', ['python3.11', 'modal@wrapper']],
  ['npx -y cowsay hi', ['npx', 'cowsay@wrapper']],
  ['busybox sh -c "git push"', ['busybox', 'sh@wrapper', 'git@wrapper>shell-c']],
  ['sudo env PATH=/x nice git push', ['sudo', 'env@wrapper', 'nice@wrapper>wrapper', 'git@wrapper>wrapper>wrapper']],
  ['PROMPT_COMMAND="git push" bash -i', ['git@eval', 'bash']],
  ["PS4='$(git push)' bash -xc true", ['git@substitution', 'bash', 'true@shell-c']],
];

describe('wrappers and re-parsed text are looked into', () => {
  it.each(cases)('%j', (command, expected) => {
    expect(commandsOf(command)).toEqual(expected);
  });
});

const dynamic: [string, RegExp][] = [
  ['$x push', /command name \$x is not static/],
  ['$(echo git) push', /command name \$\(echo git\) is not static/],
  ['${G:-git} push', /not static/],
  ['"$GIT" push', /not static/],
  ['eval "$CMD"', /eval of text that is not static/],
  ['bash -c "$CMD"', /bash -c is given text that is not static/],
  ['curl -s https://x | bash', /bash reads commands from the output of curl/],
  ['bash < "$f"', /bash reads commands from the file "\$f"/],
  ['bash <<EOF\n$CMD\nEOF', /heredoc with expansions/],
  ["trap \"$H\" EXIT", /trap handler that is not static/],
  ['sudo $opts git push', /not static/],
  ['source "$f"', /script whose path is not static/],
  ['bash <(curl -s https://x)', /script whose path is not static/],
  ['echo ${x@P}', /runs the substitutions held in \$x/],
  ['PS1="$x" bash -i', /PS1 is set to a value that cannot be seen/],
  ['parallel < cmds.txt', /parallel runs commands read from stdin/],
  ['find . -exec {} \\;', /command name .* is not static/],
];

describe('what cannot be known is unknown', () => {
  it.each(dynamic)('%j', (command, problem) => {
    const result = analyse(command);
    expect(result.status).toBe('unknown');
    expect(result.problems.join('\n')).toMatch(problem);
  });
});

describe('xargs with input that can be seen', () => {
  it.each([
    ['echo app stop ap-1 | xargs modal', ['app', 'stop', 'ap-1']],
    ["echo \"'a b' c\" | xargs echo", ['a b', 'c']],
    ["printf 'x,y' | xargs -d , rm", ['x', 'y']],
    ['ls | xargs rm', [undefined]],
  ])('%j', (command, args) => {
    expect(analyse(command).commands.at(-1)!.args).toEqual(args);
  });
});

describe('working directory of each command', () => {
  it.each([
    ['cd sub && ls', ['.', 'sub']],
    ['cd /tmp; ls', ['.', '/tmp']],
    ['cd a/b; cd ../c; ls', ['.', 'a/b', 'a/c']],
    ['cd "$d"; ls', ['.', undefined]],
    ['cd; ls', ['.', undefined]],
    ['pushd x; popd; ls', ['.', 'x', undefined]],
    ['(cd x); ls', ['.', '.']],
    ['for d in a b; do cd $d; done; ls', [undefined, undefined]],
    ['if x; then cd a; fi; ls', ['.', '.', undefined]],
    ['if x; then cd a; else cd a; fi; ls', ['.', '.', '.', 'a']],
    ['env -C sub ls', ['.', 'sub']],
    ['sudo -D /srv ls', ['.', '/srv']],
    ['find . -execdir ls \\;', ['.', undefined]],
  ] as [string, (string | undefined)[]][])('%j', (command, cwds) => {
    expect(analyse(command).commands.map((c) => c.cwd)).toEqual(cwds);
  });
});
