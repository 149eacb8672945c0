import { chmodSync, copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/gate.js';
import { analyse, commandsOf } from './support.js';

let dir: string;

beforeAll(() => {
  dir = tempDir('kei-scripts-');
  mkdirSync(join(dir, 'sub'));
  const scripts: Record<string, string> = {
    'push.sh': '#!/bin/bash\nset -e\ngit push "$@"\n',
    'safe.sh': '#!/bin/sh\necho ok\n',
    'nested.sh': 'source ./push.sh\n',
    'noshebang': 'git status\n',
    'tool.py': '#!/usr/bin/env python3\nimport os\nos.system("git push")\n',
    'envbash.sh': '#!/usr/bin/env bash\ngit fetch\n',
    'sub/inner.sh': 'git log\n',
    'loop.sh': 'source ./loop.sh\n',
    'activate': 'deactivate () {\n  PS1="${_OLD_PS1:-}"; export PS1\n  hash -r 2>/dev/null\n}\nVIRTUAL_ENV=/srv/venv\nexport VIRTUAL_ENV\n_OLD_PS1="${PS1:-}"\nPS1="(venv) ${PS1:-}"\nexport PS1\nhash -r 2>/dev/null\n',
    'package.json': JSON.stringify({ scripts: { predeploy: 'echo pre', deploy: 'npm run build && git push', build: 'tsc', test: 'vitest run' } }),
  };
  for (const [name, text] of Object.entries(scripts)) {
    writeFileSync(join(dir, name), text);
    chmodSync(join(dir, name), 0o755);
  }
  writeFileSync(join(dir, 'big.sh'), '#!/bin/sh\n' + '# padding\n'.repeat(40_000) + 'git push\n');
  chmodSync(join(dir, 'big.sh'), 0o755);
  copyFileSync('/bin/true', join(dir, 'binary'));
  chmodSync(join(dir, 'binary'), 0o755);
});

describe('local scripts are read and analysed', () => {
  it.each([
    ['bash push.sh', ['bash', 'set@script', 'git@script']],
    ['sh ./push.sh origin', ['sh', 'set@script', 'git@script']],
    ['./push.sh', ['push.sh', 'set@script', 'git@script']],
    ['source push.sh', ['source', 'set@script', 'git@script']],
    ['. ./push.sh', ['.', 'set@script', 'git@script']],
    ['bash nested.sh', ['bash', 'source@script', 'set@script>script', 'git@script>script']],
    ['./noshebang', ['noshebang', 'git@script']],
    ['./envbash.sh', ['envbash.sh', 'git@script']],
    ['cd sub && ./inner.sh', ['cd', 'inner.sh', 'git@script']],
    ['bash safe.sh', ['bash', 'echo@script']],
    ['./tool.py', ['tool.py']],
    ['./binary --flag', ['binary']],
    ['BASH_ENV=./push.sh bash -c true', ['set@script', 'git@script', 'bash', 'true@shell-c']],
    ['cat push.sh | bash', ['cat', 'bash', 'set@script', 'git@script']],
    ['bash < push.sh', ['bash', 'set@script', 'git@script']],
    ['npm run deploy', ['npm', 'echo@script', 'npm@script', 'tsc@script>script', 'git@script']],
    ['npm test', ['npm', 'vitest@script']],
    ['yarn deploy', ['yarn', 'echo@script', 'npm@script', 'tsc@script>script', 'git@script']],
    ['pnpm run build', ['pnpm', 'tsc@script']],
    ['npm install', ['npm']],
    ['source activate && python3 -c "print(1)"', ['source', 'export@script', 'export@script', 'hash@script', 'python3', 'export@function', 'hash@function']],
  ])('%j', (command, expected) => {
    expect(commandsOf(command, { cwd: dir })).toEqual(expected);
  });

});

describe('local scripts: arguments and what cannot be read', () => {
  it('passes the script its arguments as positional parameters', () => {
    const git = analyse('bash push.sh --force origin', { cwd: dir }).commands.find((c) => c.name === 'git')!;
    expect(git.args).toEqual(['push', '--force', 'origin']);
  });

  it.each([
    ['bash missing.sh', /could not read the script missing.sh/],
    ['./big.sh', /could not read the script .\/big.sh/],
    ["echo 'git push' > safe.sh; bash safe.sh", /writes safe.sh and runs the script/],
    ['cp push.sh safe.sh && ./safe.sh', /writes safe.sh and runs the script/],
    ['cd "$d" && bash push.sh', /after changing to a directory that cannot be known/],
    ['bash loop.sh', /more than 16 scripts|nested wrappers/],
  ])('%j is unknown', (command, problem) => {
    const result = analyse(command, { cwd: dir });
    expect(result.status).toBe('unknown');
    expect(result.problems.join('\n')).toMatch(problem);
  });
});
