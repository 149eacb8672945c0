/**
 * Ground truth for the rewrites: run the text under real bash with a recording `git` first on
 * PATH, in a temp dir, and see whether git ran. This checks the tests' own claim that a
 * rewriting still executes the command.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../../helpers/gate.js';

/** Rewrites that leave our PATH (absolute paths, env -i PATH=…, a login shell's profile) bypass the recording shim. */
export const OFF_PATH = new Set(['absolute path /usr/bin/<name>', 'relative path ../../usr/bin/<name>', 'env -i with an assignment', 'bash -lc']);

/** Text that bypasses the shim, or (`a || b`) runs b only when a fails: ground truth cannot say "it ran". */
export function checkable(text: string): boolean {
  return !text.includes('/usr/bin/') && !text.includes('PATH=') && !text.includes('bash -lc') && !text.includes('||');
}

const SHIMS: Record<string, (log: string) => string> = {
  git: (log: string) => `#!/bin/sh\necho "git $*" >> '${log}'\n`,
  // sudo is not installed everywhere; as a wrapper it only has to run its arguments.
  sudo: () => '#!/bin/sh\nexec "$@"\n',
};

export function gitRuns(text: string): boolean {
  const dir = tempDir('kei-rel-bash-');
  const bin = join(dir, 'bin');
  const log = join(dir, 'ran.log');
  mkdirSync(bin);
  for (const [name, script] of Object.entries(SHIMS)) {
    writeFileSync(join(bin, name), script(log));
    chmodSync(join(bin, name), 0o755);
  }
  spawnSync('bash', ['-c', `${text}\nwait`], { cwd: dir, env: { PATH: `${bin}:${process.env.PATH}`, HOME: dir }, timeout: 10_000, stdio: 'ignore' });
  const ran = existsSync(log) && readFileSync(log, 'utf8').includes('git push');
  rmSync(dir, { recursive: true, force: true });
  return ran;
}

/** Does bash accept the text's syntax (`bash -n`)? Random programs sometimes do not, and then nothing runs. */
export function bashParses(text: string): boolean {
  return spawnSync('bash', ['-n', '-c', text], { stdio: 'ignore', timeout: 10_000 }).status === 0;
}
