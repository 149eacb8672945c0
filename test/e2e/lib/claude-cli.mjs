// The real Claude Code CLI, pinned, installed once into a cache dir and reused.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export const CLAUDE_VERSION = '2.1.328';

function cacheDir() {
  if (process.env.KEI_E2E_CLAUDE_DIR) return process.env.KEI_E2E_CLAUDE_DIR;
  const base = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(base, 'kei-substrate', `claude-code-${CLAUDE_VERSION}`);
}

function versionOf(bin) {
  try {
    return execFileSync(bin, ['--version'], { encoding: 'utf8', timeout: 30_000 }).trim();
  } catch {
    return '';
  }
}

/** Path of the pinned `claude` binary; installs it on first use. Throws (loudly) when it cannot. */
export function ensureClaude(log) {
  const dir = cacheDir();
  const bin = join(dir, 'node_modules', '.bin', 'claude');
  if (existsSync(bin) && versionOf(bin).startsWith(CLAUDE_VERSION)) return bin;
  log(`installing @anthropic-ai/claude-code@${CLAUDE_VERSION} into ${dir} (once; about 360 MB)`);
  mkdirSync(dir, { recursive: true });
  if (!existsSync(join(dir, 'package.json'))) writeFileSync(join(dir, 'package.json'), '{"name":"kei-e2e-claude","private":true}\n');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  execFileSync(npm, ['install', '--no-audit', '--no-fund', '--prefix', dir, `@anthropic-ai/claude-code@${CLAUDE_VERSION}`], { stdio: ['ignore', 'inherit', 'inherit'], timeout: 600_000 });
  const version = versionOf(bin);
  if (!version.startsWith(CLAUDE_VERSION)) throw new Error(`installed Claude Code but \`${bin} --version\` says '${version}', expected ${CLAUDE_VERSION}`);
  return bin;
}

/** A clean environment: loopback API, temp HOME, nothing inherited that could reach a real account. */
export function claudeEnv({ home, apiUrl, stateDir, path }) {
  return {
    HOME: home,
    PATH: path,
    LANG: 'C.UTF-8',
    TMPDIR: process.env.TMPDIR || '/tmp',
    SHELL: '/bin/bash',
    ANTHROPIC_BASE_URL: apiUrl,
    ANTHROPIC_API_KEY: 'sk-ant-e2e-loopback',
    CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
    DISABLE_AUTOUPDATER: '1',
    DISABLE_TELEMETRY: '1',
    KEI_STATE_DIR: stateDir,
  };
}

/** Runs `claude -p` and resolves with its parsed JSON result (or the raw output when it is not JSON). */
export function runClaude(bin, { prompt, cwd, env, extraArgs = [], timeoutMs = 150_000 }) {
  const args = ['-p', prompt, '--output-format', 'json', '--allowedTools', 'Bash,Agent,Edit,Write,Read', ...extraArgs];
  return new Promise((resolve) => {
    const child = spawn(bin, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => {
      clearTimeout(timer);
      let json;
      try {
        json = JSON.parse(stdout);
      } catch {
        json = undefined;
      }
      resolve({ code, stdout, stderr, json, timedOut });
    });
  });
}
