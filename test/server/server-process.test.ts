/**
 * The hook server through real processes: hook processes started as Claude Code starts them, a
 * real detached server, real signals. Each test has its own state dir, so its own server.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT, tempDir } from '../helpers/gate.js';
import { checkHookServer } from '../../src/doctor/server-check.js';
import {
  alive, liveServer, mailboxesOf, payload, runHook, runHooksTogether, serverFixture, serverPids, stopServers, waitFor, type ServerFixture,
} from './fixture.js';

const fixtures: ServerFixture[] = [];
const children: ChildProcess[] = [];

function fixture(env: Record<string, string> = {}, bin?: string): ServerFixture {
  const fx = serverFixture(env, bin);
  fixtures.push(fx);
  return fx;
}

afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  for (const fx of fixtures.splice(0)) {
    stopServers(fx);
    rmSync(fx.root, { recursive: true, force: true });
  }
});

const bash = (fx: ServerFixture, command: string) => payload(fx, 'Bash', { command, description: 'look' });

/** Calls whose answers do not depend on earlier calls, so two runs must answer the same. */
function statelessCalls(fx: ServerFixture): [string, string, unknown][] {
  return [
    ['a read-only command passes', 'PreToolUse', bash(fx, 'ls -la train/ && tail -n 5 train/train.py')],
    ['git is denied', 'PreToolUse', bash(fx, 'git push origin main')],
    ['a write outside the task scope is denied', 'PreToolUse', payload(fx, 'Write', { file_path: join(fx.worktree, 'src', 'x.py'), content: 'x = 1\n' })],
    ['a write inside the scope passes', 'PreToolUse', payload(fx, 'Write', { file_path: join(fx.worktree, 'train', 'util.py'), content: 'x = 1\n' })],
    ['a Bash call without a command fails closed', 'PreToolUse', payload(fx, 'Bash', { description: 'nothing' })],
    ['an unparseable command fails closed', 'PreToolUse', bash(fx, 'echo "unterminated')],
    ['a tool the role does not have is denied', 'PreToolUse', payload(fx, 'NotebookEdit', { notebook_path: join(fx.worktree, 'a.ipynb'), new_source: '' })],
    ['a finished read is bookkept silently', 'PostToolUse', { ...payload(fx, 'Read', { file_path: join(fx.worktree, 'train', 'train.py') }), hook_event_name: 'PostToolUse', tool_response: {} }],
    ['hook input that is not an object is blocked', 'PreToolUse', '[1, 2, 3]'],
  ];
}

describe('hook server', () => {
  it('starts on the first governed call; later calls are decided by it with the same answers as in process', async () => {
    const fx = fixture();
    const first = runHook(fx, 'PreToolUse', bash(fx, 'git status'));
    expect(first.stdout).toContain('policy::no-git-ops');
    const server = await liveServer(fx);
    expect(server.status.served).toBe(0);
    const calls = statelessCalls(fx);
    for (const [label, event, body] of calls) {
      const served = runHook(fx, event, body);
      const inProcess = runHook(fx, event, body, { KEI_HOOK_SERVER: 'off' });
      expect({ label, ...served, ms: 0 }).toEqual({ label, ...inProcess, ms: 0 });
    }
    const after = await liveServer(fx);
    expect(after.status.pid).toBe(server.status.pid);
    expect(after.status.served).toBe(calls.length);
    const answers = calls.map(([, event, body]) => runHook(fx, event, body));
    expect(answers.map((a) => a.stdout.includes('"deny"'))).toEqual([false, true, true, false, true, true, true, false, false]);
    expect(answers[8]).toMatchObject({ status: 2, stderr: expect.stringContaining('one JSON object') });
  });

  it('is reported by kei doctor: off, none running, or each running server', async () => {
    const fx = fixture();
    expect(await checkHookServer(fx.stateDir, { KEI_HOOK_SERVER: 'off' })).toEqual({ status: 'OK', what: expect.stringContaining('hook server: off') });
    expect((await checkHookServer(fx.stateDir, {})).what).toBe('hook server: none running; the next governed tool call starts one');
    runHook(fx, 'PreToolUse', bash(fx, 'ls'));
    const server = await liveServer(fx);
    expect((await checkHookServer(fx.stateDir, {})).what).toMatch(new RegExp(`^hook server: 1 running \\(pid ${server.status.pid}, 0 calls since `));
  });

  it('is never started or asked for calls that are not ours', () => {
    const fx = fixture();
    const main = { ...bash(fx, 'git push'), agent_id: undefined, agent_type: undefined };
    const other = { ...bash(fx, 'git push'), agent_type: 'general-purpose' };
    for (const body of [main, other]) expect(runHook(fx, 'PreToolUse', body)).toMatchObject({ status: 0, stdout: '', stderr: '' });
    expect(existsSync(join(fx.stateDir, 'run'))).toBe(false);
  });

  it('keeps its mailbox in directories only the user can enter, its door a FIFO only the user can use', async () => {
    const fx = fixture();
    runHook(fx, 'PreToolUse', bash(fx, 'ls'));
    const server = await liveServer(fx);
    expect(statSync(join(fx.stateDir, 'run')).mode & 0o777).toBe(0o700);
    expect(statSync(server.mailbox).mode & 0o777).toBe(0o700);
    const door = statSync(join(server.mailbox, 'door'));
    expect(door.isFIFO()).toBe(true);
    expect(door.mode & 0o777).toBe(0o600);
  });

  it('leaves nothing behind in its mailbox but the door', async () => {
    const fx = fixture();
    runHook(fx, 'PreToolUse', bash(fx, 'ls'));
    const server = await liveServer(fx);
    for (const command of ['ls', 'git push']) runHook(fx, 'PreToolUse', bash(fx, command));
    expect(readdirSync(server.mailbox)).toEqual(['door']);
  });

  it('parallel first calls all get answers and leave one server', async () => {
    const fx = fixture();
    const runs = await runHooksTogether(fx, 'PreToolUse', Array.from({ length: 6 }, (_, i) => bash(fx, i % 2 ? 'git log' : 'ls')));
    runs.forEach((run, i) => expect(run.stdout.includes('policy::no-git-ops')).toBe(i % 2 === 1));
    await liveServer(fx);
    await waitFor('one server left', () => serverPids(fx).length === 1);
  });

  it('a server killed outright leaves a door nobody reads: the next call is decided in process and starts a new server', async () => {
    const fx = fixture();
    runHook(fx, 'PreToolUse', bash(fx, 'ls'));
    const old = await liveServer(fx);
    process.kill(old.status.pid, 'SIGKILL');
    await waitFor('the server to die', () => !alive(old.status.pid));
    expect(existsSync(join(old.mailbox, 'door'))).toBe(true);
    const answer = runHook(fx, 'PreToolUse', bash(fx, 'git commit -m x'));
    expect(answer.stdout).toContain('policy::no-git-ops');
    const fresh = await liveServer(fx);
    expect(fresh.status.pid).not.toBe(old.status.pid);
  });

  it('a stopped server is bypassed within about a second, retired, and exits once it runs again', async () => {
    const fx = fixture();
    runHook(fx, 'PreToolUse', bash(fx, 'ls'));
    const old = await liveServer(fx);
    process.kill(old.status.pid, 'SIGSTOP');
    const answer = runHook(fx, 'PreToolUse', bash(fx, 'git push'));
    expect(answer.stdout).toContain('policy::no-git-ops');
    expect(answer.ms).toBeGreaterThanOrEqual(1000);
    expect(answer.ms).toBeLessThan(8000);
    const fresh = await liveServer(fx);
    expect(fresh.status.pid).not.toBe(old.status.pid);
    process.kill(old.status.pid, 'SIGCONT');
    await waitFor('the retired server to exit', () => !alive(old.status.pid));
  });

  it('goes away when its door is removed', async () => {
    const fx = fixture();
    runHook(fx, 'PreToolUse', bash(fx, 'ls'));
    const server = await liveServer(fx);
    rmSync(join(server.mailbox, 'door'));
    await waitFor('the server to exit', () => !alive(server.status.pid));
  });

  it('goes away when idle', async () => {
    const fx = fixture({ KEI_HOOK_SERVER_IDLE_MS: '400' });
    runHook(fx, 'PreToolUse', bash(fx, 'ls'));
    const server = await liveServer(fx);
    await waitFor('the idle server to exit', () => !alive(server.status.pid));
  });

  it('goes away after its call limit, and the next call starts another', async () => {
    const fx = fixture({ KEI_HOOK_SERVER_MAX_CALLS: '2' });
    runHook(fx, 'PreToolUse', bash(fx, 'ls'));
    const server = await liveServer(fx);
    for (let i = 0; i < 2; i++) expect(runHook(fx, 'PreToolUse', bash(fx, 'git push')).stdout).toContain('policy::no-git-ops');
    await waitFor('the server to exit', () => !alive(server.status.pid));
    expect(runHook(fx, 'PreToolUse', bash(fx, 'git push')).stdout).toContain('policy::no-git-ops');
    const next = await liveServer(fx);
    expect(next.status.pid).not.toBe(server.status.pid);
  });

  it('goes away when the runtime it loaded is rebuilt', async () => {
    const dist = join(tempDir('kei-dist-'), 'dist');
    cpSync(join(REPO_ROOT, 'dist'), dist, { recursive: true });
    const fx = fixture({}, join(dist, 'kei.cjs'));
    runHook(fx, 'PreToolUse', bash(fx, 'ls'));
    const server = await liveServer(fx);
    appendFileSync(join(dist, 'hook-runtime.cjs'), '\n// rebuilt\n');
    await waitFor('the server to exit', () => !alive(server.status.pid));
    rmSync(join(dist, '..'), { recursive: true, force: true });
  });
});

describe('hook server that misbehaves', () => {
  /** Replaces the fixture's real server with a fake one at the same mailbox. */
  async function fake(fx: ServerFixture, mode: string): Promise<void> {
    runHook(fx, 'PreToolUse', bash(fx, 'ls'));
    const real = await liveServer(fx);
    process.kill(real.status.pid, 'SIGKILL');
    await waitFor('the real server to die', () => !alive(real.status.pid));
    const child = spawn(process.execPath, [join(REPO_ROOT, 'test', 'fixtures', 'fake-hook-server.cjs'), real.mailbox, mode]);
    children.push(child);
    await new Promise((resolve) => child.stdout.once('data', resolve));
  }

  it.each([
    ['never takes the call', 'no-take'],
    ['dies after taking the call', 'take-and-die'],
    ['answers with something that is not an answer', 'garbage'],
  ])('one that %s: the call is decided in process', async (_label, mode) => {
    const fx = fixture();
    await fake(fx, mode);
    const answer = runHook(fx, 'PreToolUse', bash(fx, 'git push'));
    expect(answer.status).toBe(0);
    expect(answer.stdout).toContain('policy::no-git-ops');
    expect(answer.stdout).toContain('"deny"');
  });

  it('one that takes the call and goes silent: the call is blocked at the deadline', async () => {
    const fx = fixture({ KEI_HOOK_DEADLINE_MS: '300' });
    await fake(fx, 'silent');
    const answer = runHook(fx, 'PreToolUse', bash(fx, 'ls'));
    expect(answer.status).toBe(2);
    expect(answer.stderr).toContain('checks did not finish within 2300 ms; the call is blocked');
    expect(mailboxesOf(fx)).toHaveLength(1);
  });
});
