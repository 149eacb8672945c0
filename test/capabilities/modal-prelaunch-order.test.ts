import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { call, kinds, minutesAfterNoon, modalSession, type ModalSession } from '../modal/support/modal-gate.js';

const PRE = 'modal::prelaunch';
const ran = (s: ModalSession, command: string, minute: number, event: 'PostToolUse' | 'PostToolUseFailure' = 'PostToolUse') =>
  call(PRE, s, command, { event, now: minutesAfterNoon(minute) });
const launch = (s: ModalSession, command: string, minute: number) => call(PRE, s, command, { now: minutesAfterNoon(minute) });

function listed(): ModalSession {
  const s = modalSession();
  ran(s, 'modal app list', 0);
  return s;
}

describe('modal::prelaunch — one variant before the fan-out', () => {
  it('a .spawn loop is denied until a single-variant run of the same script passed', () => {
    const s = listed();
    const [out] = launch(s, 'modal run sweep.py::main', 1);
    expect(out).toMatchObject({
      kind: 'deny',
      message: 'fan-out-first',
      data: { file: 'sweep.py', line: 36, call: 'train_variant.spawn(...)', run: 'modal run sweep.py::train_variant with one variant\'s arguments' },
    });
    expect(out!.reason).toBe(
      "sweep.py fans out (train_variant.spawn(...) on line 36) and no single-variant run of it has succeeded in this session. First modal run sweep.py::train_variant with one variant's arguments, check its first minutes of output, then fan out.",
    );
  });

  it('the single-variant entry itself is not a fan-out', () => {
    expect(kinds(launch(listed(), 'modal run sweep.py::single', 1))).toEqual([]);
  });

  it('after a successful single-variant run, the fan-out passes', () => {
    const s = listed();
    ran(s, 'modal run sweep.py::single', 2);
    expect(kinds(launch(s, 'modal run sweep.py::main', 3))).toEqual([]);
  });

});

describe('modal::prelaunch — what does not unlock a fan-out', () => {
  it('a single-variant run that failed does not unlock the fan-out', () => {
    const s = listed();
    ran(s, 'modal run sweep.py::single', 2, 'PostToolUseFailure');
    expect(kinds(launch(s, 'modal run sweep.py::main', 3))).toEqual(['deny fan-out-first']);
  });

  it('a single-variant run of another script does not unlock this one', () => {
    const s = listed();
    ran(s, 'modal run train_good.py', 2);
    expect(kinds(launch(s, 'modal run sweep.py::main', 3))).toEqual(['deny fan-out-first']);
    expect(kinds(launch(s, 'modal run src/sweep.py::main', 3))).toEqual(['deny fan-out-first']);
  });

  it('.map over a Modal function is a fan-out too', () => {
    expect(kinds(launch(listed(), 'modal run train_bad.py', 1))).toEqual(['deny fan-out-first']);
  });
});

describe('modal::prelaunch — the checklist in order', () => {
  it('no app list, edited-not-read and fan-out are all reported, in checklist order', () => {
    const s = modalSession();
    call(PRE, s, undefined, { event: 'PostToolUse', tool: 'Edit', toolInput: { file_path: s.file('sweep.py') }, now: minutesAfterNoon(0) });
    expect(kinds(launch(s, 'modal run sweep.py::main', 1))).toEqual(['deny no-app-list', 'deny script-not-read', 'deny fan-out-first']);
    ran(s, 'modal app list', 2);
    expect(kinds(launch(s, 'modal run sweep.py::main', 3))).toEqual(['deny script-not-read', 'deny fan-out-first']);
    ran(s, 'cat sweep.py', 4);
    expect(kinds(launch(s, 'modal run sweep.py::main', 5))).toEqual(['deny fan-out-first']);
    ran(s, 'modal run sweep.py::single', 6);
    expect(kinds(launch(s, 'modal run sweep.py::main', 7))).toEqual([]);
    expect(kinds(launch(s, 'modal run sweep.py::main', 40))).toEqual(['deny stale-app-list']);
  });

  it('a launch whose script cannot be read is denied', () => {
    const [out] = launch(listed(), 'modal run missing.py', 1);
    expect(out).toMatchObject({ kind: 'deny', message: 'script-unreadable', data: { file: 'missing.py', why: 'it does not exist' } });
  });

  it('a launched script over the size limit cannot be checked and is denied', () => {
    const s = listed();
    writeFileSync(s.file('huge.py'), 'import modal\n' + '#'.repeat(300 * 1024) + '\n');
    const [out] = launch(s, 'modal run huge.py', 1);
    expect(out).toMatchObject({ kind: 'deny', message: 'script-unreadable', data: { file: 'huge.py', why: 'it is larger than 256 KB' } });
  });

  it('local Python that calls .remote() gets the same checklist', () => {
    expect(kinds(launch(modalSession(), 'python launch_remote.py', 1))).toEqual(['deny no-app-list']);
  });
});
