import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pendingLaunches, releaseLaunch, reserveLaunch, RESERVATION_TTL_MS, settleLaunch, type Reservation } from '../../src/modal/reservations.js';
import { readLedgerDay } from '../../src/state/ledger.js';
import { tempDir } from '../helpers/gate.js';

const NOON = new Date(2026, 10, 25, 12, 0, 0);

function reservation(estimate: number, time = NOON): Reservation {
  return { time: time.toISOString(), session: 's1', agent: 'kei-modal-runner', agentId: 'a1', toolUseId: 't1', command: 'modal run train.py', estimate, tier: 'warn' };
}

describe('launch reservations', () => {
  it('a cleared launch counts as pending until it runs, then moves to the ledger once', () => {
    const dir = tempDir();
    reserveLaunch(dir, 'toolu_1', reservation(6));
    expect(pendingLaunches(dir, NOON, undefined).map((r) => r.estimate)).toEqual([6]);
    expect(pendingLaunches(dir, NOON, 'toolu_1')).toEqual([]);
    const later = new Date(NOON.getTime() + 60_000);
    expect(settleLaunch(dir, 'toolu_1', 'ran', later)).toMatchObject({ estimate: 6, outcome: 'ran', settledAt: later.toISOString() });
    expect(settleLaunch(dir, 'toolu_1', 'ran', later)).toBeUndefined();
    expect(pendingLaunches(dir, later, undefined)).toEqual([]);
    expect(readLedgerDay(dir, later).launches.map((r) => [r.estimate, r.outcome])).toEqual([[6, 'ran']]);
    expect(readdirSync(join(dir, 'ledger-pending'))).toEqual([]);
  });

  it('a failed launch is billed too (it ran)', () => {
    const dir = tempDir();
    reserveLaunch(dir, 'toolu_2', reservation(3));
    settleLaunch(dir, 'toolu_2', 'failed', NOON);
    expect(readLedgerDay(dir, NOON).launches.map((r) => r.outcome)).toEqual(['failed']);
  });

});

describe('launch reservations that never run', () => {
  it('a released (finally denied) launch is never billed', () => {
    const dir = tempDir();
    reserveLaunch(dir, 'toolu_3', reservation(9));
    expect(releaseLaunch(dir, 'toolu_3')).toBe(true);
    expect(settleLaunch(dir, 'toolu_3', 'ran', NOON)).toBeUndefined();
    expect(readLedgerDay(dir, NOON).launches).toEqual([]);
    expect(pendingLaunches(dir, NOON, undefined)).toEqual([]);
  });

  it('a reservation that never ran stops counting after its time-to-live', () => {
    const dir = tempDir();
    reserveLaunch(dir, 'toolu_4', reservation(5));
    expect(pendingLaunches(dir, new Date(NOON.getTime() + RESERVATION_TTL_MS - 1000), undefined)).toHaveLength(1);
    expect(pendingLaunches(dir, new Date(NOON.getTime() + RESERVATION_TTL_MS + 1000), undefined)).toHaveLength(0);
  });

  it('settling without a reservation does nothing', () => {
    const dir = tempDir();
    expect(settleLaunch(dir, 'toolu_none', 'ran', NOON)).toBeUndefined();
    expect(readLedgerDay(dir, NOON).launches).toEqual([]);
  });

  it('tool_use ids are made file-system safe', () => {
    const dir = tempDir();
    reserveLaunch(dir, '../../evil', reservation(1));
    expect(readdirSync(join(dir, 'ledger-pending'))).toEqual(['.._.._evil.json']);
  });
});
