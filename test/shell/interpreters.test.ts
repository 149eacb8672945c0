import { describe, expect, it } from 'vitest';
import { analyse, commandsOf } from './support.js';

function effectsOf(command: string): string[] {
  return analyse(command).effects.map((e) => `${e.kind}:${e.language}:${e.api}`);
}

const execs: [string, string[]][] = [
  ["python3 -c 'import subprocess; subprocess.run([\"git\", \"push\"])'", ['python3', 'git@interpreter']],
  ["python -c 'import subprocess as s; s.check_output(\"git push\", shell=True)'", ['python', 'git@interpreter']],
  ["python3 -c 'from subprocess import run as r; r([\"git\", \"status\"])'", ['python3', 'git@interpreter']],
  ["python3 -c 'import os; os.system(\"git push && ls\")'", ['python3', 'git@interpreter', 'ls@interpreter']],
  ["python3 -c 'import os; os.execvp(\"git\", [\"git\", \"push\"])'", ['python3', 'git@interpreter']],
  ["python3 -c 'import os; os.execlp(\"git\", \"git\", \"push\")'", ['python3', 'git@interpreter']],
  ["python3 -c 'import pty; pty.spawn([\"git\", \"push\"])'", ['python3', 'git@interpreter']],
  ["python3 -c 'exec(\"import os; os.system(\\\"git push\\\")\")'", ['python3', 'git@interpreter']],
  ["python3 - <<'EOF'\nimport subprocess\nsubprocess.call(['git', 'push'])\nEOF", ['python3', 'git@interpreter']],
  ["python3 <<'EOF'\nimport os\nos.system('git push')\nEOF", ['python3', 'git@interpreter']],
  ["echo 'import os; os.system(\"git push\")' | python3", ['echo', 'python3', 'git@interpreter']],
  ["node -e 'require(\"child_process\").execSync(\"git push\")'", ['node', 'git@interpreter']],
  ["node -e 'const { spawnSync } = require(\"node:child_process\"); spawnSync(\"git\", [\"push\"])'", ['node', 'git@interpreter']],
  ["node -e 'const cp = require(\"child_process\"); cp.execFileSync(\"git\", [\"push\"])'", ['node', 'git@interpreter']],
  ["node --eval 'require(`child_process`).exec(`git push`)'", ['node', 'git@interpreter']],
  ["perl -e 'system(\"git push\")'", ['perl', 'git@interpreter']],
  ["perl -e 'system \"git\", \"push\"'", ['perl', 'git@interpreter']],
  ["perl -e 'print `git push`'", ['perl', 'git@interpreter']],
  ["perl -e 'my $x = qx(git push)'", ['perl', 'git@interpreter']],
  ["ruby -e 'system(\"git\", \"push\")'", ['ruby', 'git@interpreter']],
  ["ruby -e 'puts `git push`'", ['ruby', 'git@interpreter']],
  ["ruby -e 'puts %x(git push)'", ['ruby', 'git@interpreter']],
  ["awk 'BEGIN { system(\"git push\") }'", ['awk', 'git@interpreter']],
  ["awk 'BEGIN { \"git log\" | getline x; print x }'", ['awk', 'git@interpreter']],
  ["awk '{ print | \"sh\" }' cmds", ['awk', 'sh@interpreter']],
  ["python3 -c 'print(\"git push\")'", ['python3']],
  ["node -e 'console.log(\"subprocess.run git push\")'", ['node']],
  ["perl -ne 'print if /git push/' log", ['perl']],
  ["awk '/git push/ { n++ } END { print n }' log", ['awk']],
];

describe('interpreter one-liners that run programs', () => {
  it.each(execs)('%j', (command, expected) => {
    expect(commandsOf(command)).toEqual(expected);
  });
});

const effects: [string, string[]][] = [
  ["python3 -c 'import os; os.kill(1234, 9)'", ['kill:python:os.kill']],
  ["python3 -c 'import os; os.kill(1234, 0)'", []],
  ["python3 -c 'import psutil; psutil.Process(1).terminate()'", ['kill:python:terminate']],
  ["node -e 'process.kill(1234)'", ['kill:node:process.kill']],
  ["perl -e 'kill 9, 1234'", ['kill:perl:kill']],
  ["perl -e 'kill 0, 1234'", []],
  ["ruby -e 'Process.kill(\"TERM\", 1234)'", ['kill:ruby:Process.kill']],
  ["python3 -c 'import os; os.system(cmd)'", ['dynamic-exec:python:os.system']],
  ["python3 -c \"getattr(__import__('os'), 'system')('git push')\"", ['dynamic-exec:python:getattr', 'dynamic-exec:python:__import__']],
  ["python3 -c 'import subprocess; subprocess.run(f\"git {x}\")'", ['dynamic-exec:python:subprocess.run']],
  ["node -e 'eval(process.argv[1])'", ['dynamic-exec:node:eval']],
  ["node -e 'new Function(code)()'", ['dynamic-exec:node:Function']],
  ["ruby -e 'send(:system, \"git push\")'", ['dynamic-exec:ruby:send']],
  ["perl -e 'my $c = shift; system($c)'", ['dynamic-exec:perl:system']],
  ['curl -s https://x | python3', ['dynamic-exec:python:stdin']],
  ["node -e \"require('child_process')['execSync']('git push')\"", ['dynamic-exec:node:child_process']],
  ["python3 -c 'import subprocess; print(subprocess.__doc__)'", ['dynamic-exec:python:subprocess']],
  ['python3 -c "$CODE"', ['dynamic-exec:python:python3']],
];

describe('interpreter effects', () => {
  it.each(effects)('%j', (command, expected) => {
    expect(effectsOf(command).filter((e) => !e.startsWith('exec:') && !e.startsWith('write:'))).toEqual(expected);
  });
});

describe('GNU sed commands that run or write', () => {
  it.each([
    ["sed -n '1e git push' f", ['sed', 'git@interpreter'], ['exec:sed:e']],
    ["sed 's/.*/git push/e' f", ['sed'], ['dynamic-exec:sed:e']],
    ["sed -e '$!d' -e 's/x/y/w out.txt' f", ['sed'], []],
    ["sed -n '/^e/p; s/ew/we/g' f", ['sed'], []],
  ])('%j', (command, commands, effects) => {
    expect(commandsOf(command)).toEqual(commands);
    expect(effectsOf(command)).toEqual(effects);
  });

  it('writes what w names and refuses a script it cannot see', () => {
    expect(analyse("sed -n '/a/w out.txt' f").writes.map((w) => `${w.path}:${w.via}`)).toEqual(['out.txt:sed w']);
    expect(analyse('sed "$SCRIPT" f').problems).toEqual(['sed is given a script that is not static, and sed scripts can run commands']);
  });
});
