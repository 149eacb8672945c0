/**
 * Fault injection through the real hook process: the state dir read-only, full, missing,
 * blocked by a file, or holding damaged files. A governed call is blocked with a reason that
 * names the fault; a call that is not ours still passes silently; lines already written stay.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { decisionLogPath } from '../../src/state/decision-log.js';
import { installTestPolicy } from '../helpers/policy.js';
import { kitPolicy } from './support/kit.js';
import { GENEROUS_DEADLINE, governedWrite, hookEnv, mainThreadWrite } from './support/hook-env.js';
import { blocks, protocolProblems } from './support/protocol.js';
import { hookProcess } from './support/spawn.js';
import { fullDir, readOnlyDir, type BrokenDir } from './support/filesystems.js';
import { report } from './support/budget.js';

const EARLIER = Array.from({ length: 5 }, (_, i) => JSON.stringify({ time: `2026-01-0${i + 1}T00:00:00.000Z`, session: 'earlier', decision: 'pass' }) + '\n').join('');
const cleanups: (() => void)[] = [];
let injected = 0;
let survived = 0;
afterAll(() => {
  cleanups.forEach((c) => c());
  report('faults injected (survived)', injected, injected - survived);
});

function populate(dir: string): void {
  installTestPolicy(dir, kitPolicy());
  writeFileSync(decisionLogPath(dir), EARLIER);
}

/** Runs one governed and one main-thread call against a broken state dir. */
async function both(stateDir: string, runAs: string[] = []) {
  const h = hookEnv();
  const env = { KEI_STATE_DIR: stateDir, ...GENEROUS_DEADLINE };
  injected++;
  const governed = await hookProcess('PreToolUse', governedWrite(h), env, 20_000, runAs);
  const main = await hookProcess('PreToolUse', mainThreadWrite(h), env, 20_000, runAs);
  expect(protocolProblems('PreToolUse', governed)).toEqual([]);
  expect(protocolProblems('PreToolUse', main)).toEqual([]);
  expect(main).toMatchObject({ status: 0, stdout: '' });
  survived++;
  return { governed, main };
}

function reasonOf(answer: { stdout: string; stderr: string }): string {
  return answer.stdout ? (JSON.parse(answer.stdout).hookSpecificOutput?.permissionDecisionReason as string) : answer.stderr;
}

function keep(broken: BrokenDir): BrokenDir {
  cleanups.push(() => broken.cleanup());
  return broken;
}

describe('fault injection: the state dir', () => {
  it('read-only: governed calls are blocked naming the fault, earlier lines stay', async () => {
    const broken = keep(readOnlyDir(populate));
    const { governed } = await both(broken.dir, broken.runAs);
    expect(blocks(governed)).toBe(true);
    expect(reasonOf(governed)).toMatch(/EROFS|EACCES|read-only|permission denied/i);
    expect(readFileSync(decisionLogPath(broken.dir), 'utf8')).toBe(EARLIER);
  }, 60_000);

  it('full: governed calls are blocked naming the fault; after space returns, the next line is whole', async () => {
    const broken = keep(fullDir(populate, ['decisions.jsonl']));
    const { governed } = await both(broken.dir);
    expect(blocks(governed)).toBe(true);
    expect(reasonOf(governed)).toMatch(/ENOSPC|no space/i);
    broken.recover();
    const h = hookEnv();
    const after = await hookProcess('PreToolUse', governedWrite(h), { KEI_STATE_DIR: broken.dir, ...GENEROUS_DEADLINE });
    expect(protocolProblems('PreToolUse', after)).toEqual([]);
    const text = readFileSync(decisionLogPath(broken.dir), 'utf8');
    if (broken.method.startsWith('tmpfs')) expect(text.startsWith(EARLIER)).toBe(true);
    const lines = text.split('\n').filter((l) => l !== '');
    expect(JSON.parse(lines[lines.length - 1]!)).toMatchObject({ session: 'sess-rel-0001', event: 'PreToolUse' });
  }, 60_000);

  it('missing: it is created, and the call is judged', async () => {
    const h = hookEnv();
    const stateDir = join(h.root, 'not', 'yet', 'there');
    injected++;
    const answer = await hookProcess('PreToolUse', governedWrite(h), { KEI_STATE_DIR: stateDir, ...GENEROUS_DEADLINE });
    expect(protocolProblems('PreToolUse', answer)).toEqual([]);
    expect(existsSync(decisionLogPath(stateDir))).toBe(true);
    survived++;
  });

  it('blocked by a regular file where a directory should be: governed calls are blocked', async () => {
    const h = hookEnv();
    writeFileSync(join(h.root, 'file'), 'not a directory');
    const { governed } = await both(join(h.root, 'file', 'state'));
    expect(blocks(governed)).toBe(true);
    expect(reasonOf(governed)).toMatch(/ENOTDIR|not a directory|EEXIST/i);
  });
});

describe('fault injection: damaged files in the state dir', () => {
  it.each([
    ['binary garbage', Buffer.from([0xff, 0x00, 0xfe, 0x0a, 0x80, 0x81])],
    ['a line torn mid-write', Buffer.from('{"time":"2026-01-01T00:00:00.000Z","sess')],
    ['a directory in its place', undefined],
  ])('the decision log holds %s: the new record is whole or the call blocked', async (_label, damage) => {
    const h = hookEnv();
    const log = decisionLogPath(h.stateDir);
    if (damage) appendFileSync(log, damage);
    else mkdirSync(log);
    const { governed } = await both(h.stateDir);
    if (damage) {
      const lines = readFileSync(log, 'utf8').split('\n').filter((l) => l !== '');
      expect(JSON.parse(lines[lines.length - 1]!)).toMatchObject({ session: 'sess-rel-0001' });
    } else {
      expect(blocks(governed)).toBe(true);
      expect(reasonOf(governed)).toMatch(/EISDIR|directory/i);
    }
  });
});
