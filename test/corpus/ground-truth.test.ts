/**
 * Ground truth: a subset of the corpus runs for real under bash, in a throw-away directory, with
 * PATH holding only shims for git/gh/kill/pkill/modal/… (which record that they ran and do
 * nothing else) and links to harmless real tools. `kill` is made external (enable -n) so the shim
 * sees it. The gate must have blocked exactly the commands that reached a shim.
 */
import { spawn, execFileSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { decisionOf, runGate, tempDir } from '../helpers/gate.js';
import { CAPABILITY, FIXTURES, loadCorpus, type CorpusEntry } from './corpus.js';

const GIT_SHIMS = ['git', 'git-lfs', 'git-upload-pack', 'hub', 'lazygit'];
const STOP_SHIMS = ['kill', 'pkill', 'killall', 'skill', 'fuser', 'tmux', 'screen', 'docker', 'podman', 'systemctl', 'service', 'kubectl', 'scancel', 'modal', 'shutdown', 'reboot'];
const OTHER_SHIMS = ['gh', 'sudo', 'doas', 'uv', 'uvx', 'poetry', 'ssh', 'curl', 'wget'];
const REAL_TOOLS = ['bash', 'sh', 'dash', 'env', 'cat', 'printf', 'echo', 'xargs', 'find', 'timeout', 'nice', 'nohup', 'stdbuf', 'perl', 'node', 'awk', 'grep', 'sed', 'ls', 'true', 'false', 'sleep', 'tee', 'head', 'tail', 'wc', 'sort', 'rm', 'mv', 'cp', 'mkdir', 'touch', 'ps', 'pgrep', 'cut', 'tr', 'dirname', 'basename', 'test', '['];
/** Never run for real, whatever the corpus says: privileges, network, other hosts, real signals. */
const UNSAFE = /\/usr\/|\/bin\/|\bsudo\b|\bdoas\b|\bssh\b|\bcurl\b|\bwget\b|shutdown|reboot|\/tmp\/|\bruby\b|os\.kill|process\.kill|Process\.kill|\bkill 0\b|kill -- -1\b/;

let sandboxRoot: string;
let pathDirs: string;
let bashEnv: string;

function which(tool: string): string | undefined {
  try {
    return execFileSync('bash', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

beforeAll(() => {
  sandboxRoot = tempDir('kei-truth-');
  const shims = join(sandboxRoot, 'shims');
  const tools = join(sandboxRoot, 'tools');
  mkdirSync(shims);
  mkdirSync(tools);
  for (const name of [...GIT_SHIMS, ...STOP_SHIMS, ...OTHER_SHIMS]) {
    writeFileSync(join(shims, name), `#!/bin/sh\nprintf '%s\\n' "${name} $*" >> "$KEI_SHIM_LOG"\nexit 0\n`);
    chmodSync(join(shims, name), 0o755);
  }
  const python = execFileSync('python3', ['-c', 'import sys; print(sys.executable)'], { encoding: 'utf8' }).trim();
  symlinkSync(python, join(tools, 'python3'));
  for (const tool of REAL_TOOLS) {
    const path = which(tool);
    if (path?.startsWith('/')) symlinkSync(path, join(tools, tool));
  }
  pathDirs = `${shims}:${tools}`;
  bashEnv = join(sandboxRoot, 'bash-env');
  writeFileSync(bashEnv, 'enable -n kill\n');
});

/** Runs one command in a fresh copy of the fixtures; returns the shim calls it made. */
function runForReal(command: string, index: number): Promise<string[]> {
  const dir = join(sandboxRoot, `run-${index}`);
  cpSync(FIXTURES, dir, { recursive: true });
  writeFileSync(join(dir, 'a.py'), 'print(1)\n');
  mkdirSync(join(dir, 'logs'));
  writeFileSync(join(dir, 'logs', 'run.log'), 'step 1\n');
  writeFileSync(join(dir, 'train.log'), 'step 1\n');
  const log = join(dir, 'shim.log');
  const env = { PATH: pathDirs, HOME: dir, BASH_ENV: bashEnv, KEI_SHIM_LOG: log, LANG: 'C' };
  return new Promise((resolve) => {
    // `wait` lets background jobs (`git push &`, coproc) finish before the log is read.
    const child = spawn(join(sandboxRoot, 'tools', 'bash'), ['-c', `${command}\nwait`], { cwd: dir, env, stdio: 'ignore', detached: true });
    const timer = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), 15_000);
    child.on('exit', () => {
      clearTimeout(timer);
      setTimeout(() => resolve(existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : []), 50);
    });
  });
}

function blocked(entry: CorpusEntry): boolean {
  const outcomes = runGate({ capability: CAPABILITY[entry.policy], toolInput: { command: entry.command }, cwd: FIXTURES });
  return decisionOf(outcomes).kind === 'deny';
}

const subset = loadCorpus().filter((entry) => entry.policy !== 'bash-read-only' && entry.truth !== false && !UNSAFE.test(entry.command));

describe('ground truth: real bash with shims', () => {
  it('runs a real subset of the corpus', () => {
    expect(subset.length).toBeGreaterThan(200);
  });

  it('the gate blocked exactly the commands that reached a shim', { timeout: 900_000 }, async () => {
    const mismatches: string[] = [];
    let reachedCount = 0;
    for (let start = 0; start < subset.length; start += 6) {
      const batch = subset.slice(start, start + 6);
      const calls = await Promise.all(batch.map((entry, i) => runForReal(entry.command, start + i)));
      batch.forEach((entry, i) => {
        const watched = entry.policy === 'no-git-ops' ? GIT_SHIMS : STOP_SHIMS;
        const reached = calls[i]!.some((call) => watched.includes(call.split(' ')[0]!));
        if (reached) reachedCount += 1;
        if (reached !== blocked(entry)) mismatches.push(`${JSON.stringify(entry.command)}: reached a shim ${reached}, blocked ${!reached}; shim calls ${JSON.stringify(calls[i])}`);
      });
    }
    console.log(`ground truth: ${subset.length} commands run under bash, ${reachedCount} reached a shim, ${mismatches.length} mismatches`);
    expect(mismatches).toEqual([]);
  });
});
