import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { buildSync } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { appendLaunch, ledgerFile, LedgerUnreadable, localDay, readLedgerDay, type LaunchRecord } from '../../src/state/ledger.js';
import { REPO_ROOT, tempDir } from '../helpers/gate.js';

const NOON = new Date(2026, 10, 25, 12, 0, 0);
const at = (hours: number, minutes = 0) => new Date(2026, 10, 25, hours, minutes);

function record(time: Date, estimate: number, extra: Partial<LaunchRecord> = {}): LaunchRecord {
  return {
    time: time.toISOString(), settledAt: time.toISOString(), session: 's1', agent: 'kei-modal-runner', agentId: 'a1',
    toolUseId: `t-${time.getTime()}-${estimate}`, command: 'modal run train.py', estimate, tier: 'auto', outcome: 'ran', ...extra,
  };
}

describe('daily ledger', () => {
  it('sums today only (local calendar day), newest last', () => {
    const dir = tempDir();
    appendLaunch(dir, record(at(-1, 0), 7)); // yesterday 23:00
    appendLaunch(dir, record(at(9), 3.3));
    appendLaunch(dir, record(at(11), 6));
    const day = readLedgerDay(dir, NOON);
    expect(day.day).toBe('2026-11-25');
    expect(day.launches.map((r) => r.estimate)).toEqual([3.3, 6]);
    expect(day.spent).toBeCloseTo(9.3);
    expect(day.corrupt).toEqual([]);
  });

  it('a launch cleared before midnight counts for the day it was cleared', () => {
    const dir = tempDir();
    appendLaunch(dir, record(at(-1, 55), 5, { settledAt: at(0, 5).toISOString() }));
    appendLaunch(dir, record(at(0, 1), 2));
    expect(readLedgerDay(dir, NOON).spent).toBe(2);
  });

  it('tolerates racing writers appending slightly out of order around midnight', () => {
    const dir = tempDir();
    appendLaunch(dir, record(at(0, 0), 4));
    appendLaunch(dir, record(at(-1, 58), 1)); // written after, stamped before midnight
    appendLaunch(dir, record(at(0, 1), 3));
    expect(readLedgerDay(dir, NOON).launches.map((r) => r.estimate)).toEqual([4, 3]);
  });

});

describe('daily ledger — faults and bounds', () => {
  it('reports and skips corrupt lines, never failing on them', () => {
    const dir = tempDir();
    appendLaunch(dir, record(at(8), 2));
    appendFileSync(ledgerFile(dir), '{"time": "broken\n[1,2]\n{"estimate": -3, "time": "x"}\n');
    appendLaunch(dir, record(at(9), 1));
    appendFileSync(ledgerFile(dir), '{"estimate": 4, "ti'); // torn last line
    const day = readLedgerDay(dir, NOON);
    expect(day.spent).toBe(3);
    expect(day.corrupt.map((c) => c.why)).toEqual(['not JSON', 'no valid estimate', 'no valid estimate', 'not JSON']);
  });

  it('reads backwards only as far as today (older history is never scanned)', () => {
    const dir = tempDir();
    const old = JSON.stringify(record(new Date(2026, 10, 20, 12), 1)) + '\n';
    writeFileSync(ledgerFile(dir), 'corrupt-old-line\n' + old.repeat(200_000));
    appendLaunch(dir, record(at(10), 5));
    const start = performance.now();
    const day = readLedgerDay(dir, NOON);
    expect(performance.now() - start).toBeLessThan(100);
    expect(day.spent).toBe(5);
    expect(day.corrupt).toEqual([]);
  });

});

describe('daily ledger — missing and unreadable files', () => {
  it('no ledger yet is an empty day', () => {
    expect(readLedgerDay(tempDir(), NOON)).toEqual({ day: '2026-11-25', launches: [], spent: 0, corrupt: [] });
  });

  it('an unreadable ledger throws LedgerUnreadable', () => {
    const dir = tempDir();
    mkdirSync(ledgerFile(dir));
    expect(() => readLedgerDay(dir, NOON)).toThrow(LedgerUnreadable);
  });

  it('localDay is the local calendar date', () => {
    expect(localDay(new Date(2026, 0, 5, 0, 0, 1))).toBe('2026-01-05');
    expect(localDay(new Date(2026, 11, 31, 23, 59, 59))).toBe('2026-12-31');
  });
});

describe('50 concurrent writers', () => {
  it('lose and corrupt no line', async () => {
    const dir = tempDir();
    const script = join(dir, 'writer.cjs');
    const entry = join(dir, 'writer.ts');
    writeFileSync(entry, `import { appendLaunch } from ${JSON.stringify(join(REPO_ROOT, 'src/state/ledger.ts'))};
const [stateDir, id] = process.argv.slice(2);
for (let i = 0; i < 10; i++) appendLaunch(stateDir!, { time: new Date().toISOString(), settledAt: new Date().toISOString(), session: 's', agent: 'kei-modal-runner', agentId: id!, toolUseId: id + '-' + i, command: 'modal run train.py ' + 'x'.repeat(400), estimate: 0.01, tier: 'auto', outcome: 'ran' });
`);
    buildSync({ entryPoints: [entry], bundle: true, platform: 'node', format: 'cjs', outfile: script, logLevel: 'silent' });
    const codes = await Promise.all(
      Array.from({ length: 50 }, (_, k) => new Promise<number | null>((resolve) => spawn(process.execPath, [script, dir, `w${k}`], { stdio: 'ignore' }).on('exit', resolve))),
    );
    expect(codes.every((c) => c === 0)).toBe(true);
    const day = readLedgerDay(dir, new Date());
    expect(day.corrupt).toEqual([]);
    expect(day.launches).toHaveLength(500);
    expect(new Set(day.launches.map((r) => r.toolUseId)).size).toBe(500);
    expect(day.spent).toBeCloseTo(5);
  }, 180_000);
});
