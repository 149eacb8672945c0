/**
 * A place for real hook processes with the hook server on: a git worktree, a private state dir,
 * a session transcript whose subagent file binds a kei-task, the kit policy (kei-modal-runner),
 * and helpers to find, query and stop the servers that belong to this fixture only.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { KEI_BIN } from '../helpers/hook-process.js';
import { tempDir } from '../helpers/gate.js';
import type { ServerStatus } from '../../src/server/protocol.js';
import { serverMailboxes, serverStatus } from '../../src/server/status.js';

const SESSION = 'server-session-0001';
const AGENT_ID = 'a0server00000001';
const TASK = ['```kei-task', 'role: edit-local', 'scope:', '  files-whitelist: ["train/**"]', '```'].join('\n');

export interface ServerFixture {
  root: string;
  worktree: string;
  stateDir: string;
  env: Record<string, string>;
  bin: string;
}

function write(file: string, text: string): void {
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, text);
}

export function serverFixture(extraEnv: Record<string, string> = {}, bin = KEI_BIN): ServerFixture {
  const root = tempDir('kei-server-');
  const worktree = join(root, 'worktree');
  const stateDir = join(root, 'state');
  mkdirSync(stateDir, { recursive: true });
  mkdirSync(join(root, 'home'), { recursive: true });
  write(join(worktree, 'train', 'train.py'), 'print("train")\n');
  execFileSync('git', ['init', '-q', worktree]);
  const projects = join(root, 'projects');
  write(join(projects, `${SESSION}.jsonl`), `${JSON.stringify({ type: 'user', message: { role: 'user', content: 'Run it.' }, sessionId: SESSION })}\n`);
  const prompt = `Run the training.\n\n${TASK}\n`;
  write(
    join(projects, SESSION, 'subagents', `agent-${AGENT_ID}.jsonl`),
    `${JSON.stringify({ type: 'user', isSidechain: true, agentId: AGENT_ID, sessionId: SESSION, message: { role: 'user', content: prompt } })}\n`,
  );
  // Not process.env: the test runner turns the server off for every other test.
  const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: join(root, 'home'), KEI_STATE_DIR: stateDir, LANG: 'C.UTF-8', ...extraEnv };
  return { root, worktree, stateDir, env, bin };
}

export function payload(fx: ServerFixture, tool: string, input: Record<string, unknown>, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    session_id: SESSION,
    transcript_path: join(fx.root, 'projects', `${SESSION}.jsonl`),
    cwd: fx.worktree,
    permission_mode: 'default',
    hook_event_name: 'PreToolUse',
    agent_id: AGENT_ID,
    agent_type: 'kei-modal-runner',
    tool_name: tool,
    tool_input: input,
    tool_use_id: `toolu_${Math.random().toString(36).slice(2, 10)}`,
    ...extra,
  };
}

export interface HookRun {
  status: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

export function runHook(fx: ServerFixture, event: string, body: unknown, env: Record<string, string> = {}): HookRun {
  const started = Date.now();
  const result = spawnSync(process.execPath, [fx.bin, 'hook', event], {
    input: typeof body === 'string' ? body : JSON.stringify(body),
    env: { ...fx.env, ...env },
    cwd: fx.worktree,
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, ms: Date.now() - started };
}

/** Runs several hook processes at the same moment. */
export function runHooksTogether(fx: ServerFixture, event: string, bodies: unknown[]): Promise<HookRun[]> {
  return Promise.all(
    bodies.map(
      (body) =>
        new Promise<HookRun>((resolve) => {
          const started = Date.now();
          const child = spawn(process.execPath, [fx.bin, 'hook', event], { env: fx.env, cwd: fx.worktree });
          let stdout = '';
          let stderr = '';
          child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
          child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
          child.on('close', (status) => resolve({ status, stdout, stderr, ms: Date.now() - started }));
          child.stdin.end(JSON.stringify(body));
        }),
    ),
  );
}

export function mailboxesOf(fx: ServerFixture): string[] {
  return serverMailboxes(fx.stateDir);
}

/** Live server processes started for this fixture's state dir (found by their command line). */
export function serverPids(fx: ServerFixture): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let cmdline = '';
    try {
      cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]?.startsWith('Z')) continue;
    } catch {
      continue;
    }
    if (cmdline.includes('\0hook-server\0') && cmdline.includes(fx.stateDir)) pids.push(Number(entry));
  }
  return pids;
}

export function stopServers(fx: ServerFixture): void {
  for (const pid of serverPids(fx)) {
    try {
      process.kill(pid, 'SIGCONT');
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
}

export async function waitFor<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, ms = 10_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The fixture's one serving server: its mailbox and status, once it answers. */
export async function liveServer(fx: ServerFixture): Promise<{ mailbox: string; status: ServerStatus }> {
  return waitFor('a hook server to answer', () => {
    for (const mailbox of mailboxesOf(fx)) {
      const status = serverStatus(mailbox, 300);
      if (status) return { mailbox, status };
    }
    return undefined;
  });
}

export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return !readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.startsWith('Z');
  } catch {
    return false;
  }
}
