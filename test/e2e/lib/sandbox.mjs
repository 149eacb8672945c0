// One isolated world per scenario: a temp HOME with the kit installed, a git project to work in,
// a state dir for our decision log, and a PATH whose `modal` is a recording shim (no network).
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PROJECT_FILES } from './project-files.mjs';

const MODAL_SHIM = `#!/bin/sh
echo "modal $*" >> "$KEI_E2E_SHIM_LOG"
case "$1 $2" in
  "app list") printf 'App ID  Description  State  Tasks\\nap-123  train        deployed  1\\n' ;;
  "app stop") echo "Stopped app $3" ;;
  *) echo "App launched (recording shim)" ;;
esac
`;

function git(cwd, ...args) {
  execFileSync('git', args, { cwd, stdio: 'ignore', env: { ...process.env, GIT_AUTHOR_NAME: 'e2e', GIT_AUTHOR_EMAIL: 'e2e@localhost', GIT_COMMITTER_NAME: 'e2e', GIT_COMMITTER_EMAIL: 'e2e@localhost' } });
}

function makeProject(root) {
  const project = join(root, 'project');
  for (const [file, text] of Object.entries(PROJECT_FILES)) {
    mkdirSync(dirname(join(project, file)), { recursive: true });
    writeFileSync(join(project, file), text);
  }
  git(project, 'init', '-q', '-b', 'main');
  git(project, 'add', '-A');
  git(project, 'commit', '-q', '-m', 'initial');
  return project;
}

function readLines(file) {
  return existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean) : [];
}

function makeHome(root, repoRoot, install) {
  const home = join(root, 'home');
  mkdirSync(join(home, '.claude'), { recursive: true });
  if (install === 'settings') {
    execFileSync(process.execPath, [join(repoRoot, 'dist', 'kei.cjs'), 'install', '--target', join(home, '.claude')], { stdio: 'ignore' });
  }
  return home;
}

function makeShims(root) {
  const bin = join(root, 'bin');
  mkdirSync(bin);
  writeFileSync(join(bin, 'modal'), MODAL_SHIM);
  chmodSync(join(bin, 'modal'), 0o755);
  return [bin, dirname(process.execPath), '/usr/local/bin', '/usr/bin', '/bin'].join(':');
}

/**
 * Creates the sandbox. `install: 'settings'` runs `kei install` into HOME/.claude; `'plugin'`
 * installs nothing (the run passes --plugin-dir instead).
 */
export function createSandbox({ repoRoot, install }) {
  const root = mkdtempSync(join(tmpdir(), 'kei-e2e-'));
  const stateDir = join(root, 'state');
  mkdirSync(stateDir);
  const shimLog = join(root, 'shim.log');
  return {
    root,
    home: makeHome(root, repoRoot, install),
    path: makeShims(root),
    project: makeProject(root),
    stateDir,
    shimLog,
    decisions: () => readLines(join(stateDir, 'decisions.jsonl')).map((l) => JSON.parse(l)),
    shimCalls: () => readLines(shimLog),
  };
}
