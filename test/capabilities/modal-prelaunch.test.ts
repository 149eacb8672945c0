import { appendFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { call, kinds, minutesAfterNoon, modalSession, type ModalSession } from '../modal/support/modal-gate.js';

const PRE = 'modal::prelaunch';

function ran(s: ModalSession, command: string, minute: number, event: 'PostToolUse' | 'PostToolUseFailure' = 'PostToolUse') {
  return call(PRE, s, command, { event, now: minutesAfterNoon(minute) });
}
function tool(s: ModalSession, name: 'Read' | 'Edit' | 'Write', file: string, minute: number) {
  return call(PRE, s, undefined, { event: 'PostToolUse', tool: name, toolInput: { file_path: s.file(file) }, now: minutesAfterNoon(minute) });
}
function launch(s: ModalSession, command: string, minute: number) {
  return call(PRE, s, command, { now: minutesAfterNoon(minute) });
}

describe('modal::prelaunch — modal app list first', () => {
  it('no app list: denied, saying what to run', () => {
    const [out] = launch(modalSession(), 'modal run train_good.py', 0);
    expect(out).toMatchObject({ kind: 'deny', message: 'no-app-list', data: { limit: 30 } });
    expect(out!.reason).toBe(
      'No `modal app list` from you in the last 30 minutes. Run `modal app list` first, check that no copy of this app is already running (duplicates bill twice), then launch.',
    );
  });

  it('a fresh app list lets the launch through', () => {
    const s = modalSession();
    ran(s, 'modal app list', 0);
    expect(kinds(launch(s, 'modal run train_good.py', 29))).toEqual([]);
  });

  it('a stale app list: denied with its age', () => {
    const s = modalSession();
    ran(s, 'uv run modal app list', 0);
    const [out] = launch(s, 'modal run train_good.py', 31);
    expect(out).toMatchObject({ kind: 'deny', message: 'stale-app-list', data: { minutes: 31, limit: 30 } });
    expect(out!.reason).toContain('Your last `modal app list` was 31 minutes ago (limit 30). Run `modal app list` again');
  });

});

describe('modal::prelaunch — app lists that do not count', () => {
  it('an app list that failed does not count', () => {
    const s = modalSession();
    ran(s, 'modal app list', 0, 'PostToolUseFailure');
    expect(kinds(launch(s, 'modal run train_good.py', 1))).toEqual(['deny no-app-list']);
  });

  it('an app list in the same call as the launch does not count (nobody looked at it)', () => {
    expect(kinds(launch(modalSession(), 'modal app list && modal run train_good.py', 0))).toEqual(['deny no-app-list']);
  });

  it('commands that launch nothing are never asked for an app list', () => {
    expect(kinds(launch(modalSession(), 'modal volume ls ckpt && python -m pytest', 0))).toEqual([]);
  });
});

function listed(): ModalSession {
  const s = modalSession();
  ran(s, 'modal app list', 0);
  return s;
}

describe('modal::prelaunch — file verify', () => {

  it('edited and not read back: denied, saying how to read it', () => {
    const s = listed();
    tool(s, 'Edit', 'train_good.py', 1);
    const [out] = launch(s, 'modal run train_good.py', 2);
    expect(out).toMatchObject({ kind: 'deny', message: 'script-not-read', data: { file: 'train_good.py', why: 'was edited and not read back since' } });
    expect(out!.reason).toBe('train_good.py was edited and not read back since. Read it back (Read tool, or `cat train_good.py`) and check the change before launching it.');
  });

  it.each([
    ['the Read tool', (s: ModalSession) => tool(s, 'Read', 'train_good.py', 2)],
    ['cat', (s: ModalSession) => ran(s, 'cat train_good.py', 2)],
    ['head -n 80', (s: ModalSession) => ran(s, 'head -n 80 train_good.py', 2)],
    ["sed -n '1,80p'", (s: ModalSession) => ran(s, "sed -n '1,80p' train_good.py", 2)],
  ])('read back with %s after the edit: passes', (_name, readBack) => {
    const s = listed();
    tool(s, 'Write', 'train_good.py', 1);
    readBack(s);
    expect(kinds(launch(s, 'modal run train_good.py', 3))).toEqual([]);
  });

});

describe('modal::prelaunch — file verify that does not count', () => {
  it('read before the edit does not count', () => {
    const s = listed();
    tool(s, 'Read', 'train_good.py', 1);
    tool(s, 'Edit', 'train_good.py', 2);
    expect(kinds(launch(s, 'modal run train_good.py', 3))).toEqual(['deny script-not-read']);
  });

  it('changed on disk after it was read back: denied', () => {
    const s = listed();
    tool(s, 'Edit', 'train_good.py', 1);
    tool(s, 'Read', 'train_good.py', 2);
    appendFileSync(s.file('train_good.py'), '\n# changed by a formatter\n');
    const [out] = launch(s, 'modal run train_good.py', 3);
    expect(out).toMatchObject({ kind: 'deny', message: 'script-not-read', data: { why: 'changed after you last read it' } });
  });

  it('a script written by a Bash redirect counts as edited', () => {
    const s = listed();
    ran(s, 'cp train_good.py /tmp/backup.py && cat /tmp/backup.py > train_good.py', 1);
    expect(kinds(launch(s, 'modal run train_good.py', 2))).toEqual(['deny script-not-read']);
  });

});

describe('modal::prelaunch — scripts written by the call or never edited', () => {
  it('a script rewritten by the launching call itself is denied', () => {
    const [out] = launch(listed(), 'cp sweep.py train_good.py && modal run train_good.py', 1);
    expect(out).toMatchObject({ kind: 'deny', message: 'script-not-read', data: { file: 'train_good.py', why: 'is written by this same call' } });
  });

  it('a script not edited in this session needs no read-back', () => {
    expect(kinds(launch(listed(), 'modal run train_good.py', 1))).toEqual([]);
  });
});
