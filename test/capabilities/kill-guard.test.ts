import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CAPABILITY_MODULES } from '../../src/capabilities/registry.js';
import { sessionDir } from '../../src/state/session.js';
import { decisionOf, hookInput, runGate, tempDir } from '../helpers/gate.js';

const guard = CAPABILITY_MODULES.get('safety::kill-guard')!;

function stop(command: string, stateDir: string, now = new Date(), input = {}) {
  return decisionOf(runGate({ capability: 'safety::kill-guard', toolInput: { command }, stateDir, now, input }));
}

function prompt(text: string, stateDir: string, now = new Date()) {
  guard.observe!(hookInput({ event: 'UserPromptSubmit', toolName: undefined as never, input: { prompt: text, agent_id: undefined, agent_type: undefined } }), stateDir, now);
}

let sleeper: ChildProcess;
let pid: string;

/** A real process whose command line says it is a training run. */
beforeAll(async () => {
  sleeper = spawn('bash', ['-c', 'exec -a "modal run train.py" sleep 300'], { stdio: 'ignore' });
  pid = String(sleeper.pid);
  for (let i = 0; i < 100 && !readFileSync(`/proc/${pid}/cmdline`, 'latin1').startsWith('modal run'); i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
});

afterAll(() => {
  sleeper.kill('SIGKILL');
});

describe('safety::kill-guard names the process that would die', () => {
  it('kill <pid> of a live process', () => {
    const outcome = stop(`kill -9 ${pid}`, tempDir());
    expect(outcome).toMatchObject({ kind: 'deny', message: 'stop', data: { command: `kill -9 ${pid}`, what: 'kill -9', phrase: 'yes, stop it' } });
    expect(outcome.data?.targets).toMatch(new RegExp(`^ PID ${pid} is \`modal run train\\.py 300\`, running [0-9]+s\\.$`));
    expect(outcome.reason).toBe(
      `KILL GUARD: \`kill -9 ${pid}\` would stop running work (kill -9).${outcome.data?.targets} Stopping needs a fresh confirmation: ask the user, quote what would stop and why, and have them reply with the literal phrase \`yes, stop it\`; then run the command again. A bug in a launch script is not a reason to stop a run: fix the script for the next launch.`,
    );
  });

  it('pkill -f by pattern', () => {
    const outcome = stop("pkill -f 'modal run train.py'", tempDir());
    expect(outcome).toMatchObject({ kind: 'deny', message: 'stop', data: { what: 'pkill -f' } });
    expect(outcome.data?.targets).toContain(`PID ${pid} is \`modal run train.py 300\``);
  });

  it('modal app stop has no local process to name', () => {
    expect(stop('uvx modal app stop ap-1', tempDir())).toMatchObject({ kind: 'deny', message: 'stop', data: { command: 'uvx modal app stop ap-1', what: 'modal app stop', targets: '' } });
  });

  it('denies what it cannot analyse', () => {
    expect(stop('$STOP ap-1', tempDir())).toMatchObject({ kind: 'deny', message: 'unanalysable' });
  });

  it('passes commands that stop nothing', () => {
    expect(stop(`kill -0 ${pid}`, tempDir())).toEqual({ kind: 'pass' });
    expect(stop('modal app list', tempDir())).toEqual({ kind: 'pass' });
  });
});

describe('confirmation: the literal phrase arms exactly one stop', () => {
  it('a UserPromptSubmit with the phrase lets one stop through, and the next is denied again', () => {
    const state = tempDir();
    expect(stop(`kill ${pid}`, state).kind).toBe('deny');
    prompt('the run is broken anyway — yes, stop it', state);
    expect(stop(`kill ${pid}`, state)).toEqual({ kind: 'pass' });
    expect(stop(`kill ${pid}`, state)).toMatchObject({ kind: 'deny', message: 'stop' });
    const log = readFileSync(join(sessionDir(state, 'sess-test'), 'stop-confirmations.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(log.map((e) => e.event)).toEqual(['armed', 'used']);
    expect(log[1]).toMatchObject({ source: 'prompt', agent_id: 'a0000000000000001', command: `kill ${pid}` });
  });

  it('a prompt without the phrase arms nothing; the phrase is matched without regard to case', () => {
    const state = tempDir();
    prompt('please stop it', state);
    expect(stop('pkill -f modal', state).kind).toBe('deny');
    prompt('Yes, STOP it.', state);
    expect(stop('pkill -f modal', state).kind).toBe('pass');
  });

});

describe('confirmation: time, session, and the real stop', () => {
  it('expires after 15 minutes', () => {
    const state = tempDir();
    const armed = new Date('2026-01-01T10:00:00Z');
    prompt('yes, stop it', state, armed);
    expect(stop('modal app stop ap-1', state, new Date('2026-01-01T10:16:00Z')).kind).toBe('deny');
    expect(stop('modal app stop ap-1', state, new Date('2026-01-01T10:14:00Z')).kind).toBe('pass');
  });

  it('is per session', () => {
    const state = tempDir();
    prompt('yes, stop it', state);
    const other = decisionOf(runGate({ capability: 'safety::kill-guard', toolInput: { command: 'pkill -f modal' }, stateDir: state, input: { session_id: 'other' } }));
    expect(other.kind).toBe('deny');
  });

  it('really stops the process once allowed', async () => {
    const state = tempDir();
    const victim = spawn('bash', ['-c', 'exec -a "modal run eval.py" sleep 300'], { stdio: 'ignore' });
    const exited = new Promise((resolve) => victim.on('exit', resolve));
    prompt('yes, stop it', state);
    const command = `kill ${victim.pid}`;
    expect(stop(command, state)).toEqual({ kind: 'pass' });
    spawn('bash', ['-c', command]);
    await expect(exited).resolves.toBeDefined();
  });
});

function transcript(lines: object[]): string {
  const file = join(tempDir(), 'session.jsonl');
  writeFileSync(file, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
  return file;
}
const human = (text: string, at: string, uuid: string) => ({ type: 'user', uuid, timestamp: at, message: { role: 'user', content: text } });
const toolResult = { type: 'user', uuid: 't1', timestamp: '2026-01-01T10:01:00Z', message: { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'x', content: 'yes, stop it' }] } };
const now = new Date('2026-01-01T10:05:00Z');

describe('without UserPromptSubmit records: the latest human message of the transcript', () => {

  it('passes one stop when the latest human message has the phrase', () => {
    const state = tempDir();
    const path = transcript([human('keep going', '2026-01-01T09:00:00Z', 'u1'), human('yes, stop it', '2026-01-01T10:00:00Z', 'u2'), toolResult]);
    expect(stop('modal app stop ap-1', state, now, { transcript_path: path })).toEqual({ kind: 'pass' });
    expect(stop('modal app stop ap-1', state, now, { transcript_path: path }).kind).toBe('deny');
    expect(existsSync(join(sessionDir(state, 'sess-test'), 'stop-confirmations-used', 'u2'))).toBe(true);
  });

  it.each([
    ['a tool result is not a human', [human('go on', '2026-01-01T10:00:00Z', 'u1'), toolResult]],
    ['only the latest human message counts', [human('yes, stop it', '2026-01-01T09:59:00Z', 'u1'), human('actually no', '2026-01-01T10:00:00Z', 'u2')]],
    ['older than 15 minutes', [human('yes, stop it', '2026-01-01T09:40:00Z', 'u1')]],
  ])('denies: %s', (_title, lines) => {
    expect(stop('modal app stop ap-1', tempDir(), now, { transcript_path: transcript(lines) }).kind).toBe('deny');
  });

  it('ignores the transcript once prompts are recorded for the session', () => {
    const state = tempDir();
    prompt('carry on', state, now);
    const path = transcript([human('yes, stop it', '2026-01-01T10:04:00Z', 'u9')]);
    expect(stop('modal app stop ap-1', state, now, { transcript_path: path }).kind).toBe('deny');
  });
});
